"""Question 6: a data augmentation layer acts in training mode only, like Dropout.

`fit` calls the model's layers with training=True, `predict` and `evaluate` with
training=False. A direct call `model(x)` passes no `training`, so each layer uses its own
default: False for Dropout, but True for Keras' augmentation layers.
"""

# --8<-- [start:modes]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
# One augmentation layer: it flips each image left to right with probability 0.5.
augment = keras.Sequential([keras.Input(shape=(1, 3, 1)), layers.RandomFlip("horizontal")])
image = np.array([1, 2, 3], dtype="float32").reshape(1, 1, 3, 1)  # a row of three pixels


def pixels(batch: object) -> str:
    """The image's pixels as digits: "123" as it is, "321" flipped."""
    return "".join(str(int(p)) for p in keras.ops.convert_to_numpy(batch).ravel())


print("predict(x):              ", *[pixels(augment.predict(image, verbose=0)) for _ in range(6)])
print("model(x, training=False):", *[pixels(augment(image, training=False)) for _ in range(6)])
# training=True is what fit() passes.
print("model(x, training=True): ", *[pixels(augment(image, training=True)) for _ in range(6)])
print("model(x):                ", *[pixels(augment(image)) for _ in range(6)])
# --8<-- [end:modes]
