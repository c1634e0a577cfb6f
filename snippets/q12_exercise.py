"""Question 12, exercises: save a model and load it again, whole and as weights only.

Every file is written to the current folder, with a relative name.
"""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

rng = np.random.default_rng(1)
x = rng.normal(size=(200, 3)).astype("float32")
y = (x[:, 0] - x[:, 1] > 0).astype("float32")  # class 1 when the first feature is the larger


def build_classifier(hidden_units: int = 8) -> keras.Model:
    """A small binary classifier: the architecture only, not compiled."""
    return keras.Sequential(
        [
            keras.Input(shape=(3,)),
            layers.Dense(hidden_units, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )


keras.utils.set_random_seed(1)
classifier = build_classifier()
classifier.compile(optimizer="adam", loss="binary_crossentropy")
history = classifier.fit(x, y, epochs=2, batch_size=64, verbose=0)
# --8<-- [end:starter]

# --8<-- [start:solution_whole]
classifier.save("classifier.keras")
loaded = keras.models.load_model("classifier.keras")

# The same predictions, up to float32 rounding ...
# model(x) computes what predict does, in one batch and without a progress bar.
np.testing.assert_allclose(loaded(x), classifier(x), rtol=1e-6)
# ... the same compile settings, and the optimizer's state: its step count (ceil(200 / 64) = 4
# steps per epoch, the last with 8 examples; 2 epochs) and Adam's running averages of the
# gradients and of their squares, one of each per weight tensor.
assert loaded.loss == "binary_crossentropy"
assert int(loaded.optimizer.iterations) == int(classifier.optimizer.iterations) == 8
# The step count and the learning rate, and two per weight tensor (2 kernels, 2 biases): 10.
assert len(loaded.optimizer.variables) == 2 + 2 * len(loaded.trainable_weights) == 10
state = list(zip(loaded.optimizer.variables, classifier.optimizer.variables, strict=True))
for restored, saved in state:
    np.testing.assert_array_equal(restored, saved)
print(f"Loaded: same predictions, the optimizer's {len(state)} variables equal, 8 steps")
# --8<-- [end:solution_whole]

# --8<-- [start:solution_weights]
classifier.save_weights("classifier.weights.h5")

fresh = build_classifier()  # the architecture must come from code
assert not np.allclose(fresh(x), classifier(x))  # new random weights: other predictions
fresh.load_weights("classifier.weights.h5")
np.testing.assert_allclose(fresh(x), classifier(x), rtol=1e-6)  # now it predicts as the trained one

wider = build_classifier(hidden_units=16)  # another architecture: the weights do not fit
try:
    wider.load_weights("classifier.weights.h5")
except ValueError:
    print("16 hidden units instead of 8: ValueError, the shapes do not match")
else:
    raise AssertionError("weights of another architecture should not load")
# --8<-- [end:solution_weights]

# --8<-- [start:solution_h5]
print(f"Keras {keras.__version__}")  # the outcome depends on the version: see section 9
# Run this exercise last: saving as .h5 also takes the optimizer out of classifier's compile
# settings (section 9), so the first exercise would then load a .keras file without Adam.
classifier.save("classifier.h5")  # Keras logs that HDF5 is a legacy format
from_h5 = keras.models.load_model("classifier.h5")

np.testing.assert_allclose(from_h5(x), classifier(x), rtol=1e-6)
print("Predictions: the same")
# The loss comes back as the function itself, not the name it was compiled with.
loss = from_h5.loss
name = getattr(loss, "__name__", loss)
print(f"Loss: {type(loss).__name__} {name}, equal to the string: {loss == 'binary_crossentropy'}")
print(f"Steps: {int(from_h5.optimizer.iterations)}")
print(f"Optimizer variables: {len(from_h5.optimizer.variables)} (the .keras file gave 10)")
try:
    from_h5.fit(x, y, epochs=1, verbose=0)
    print("fit: trains on")
except ValueError as error:
    print("fit: ValueError:", str(error).split(":")[0])
# --8<-- [end:solution_h5]
