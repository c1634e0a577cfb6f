"""Question 2: Keras 3 on its TensorFlow backend, and what TensorFlow does underneath."""

# --8<-- [start:same]
import keras
import numpy as np
import tensorflow as tf

print("Keras backend:", keras.backend.backend())
# Since TensorFlow 2.16, tf.keras hands out the classes of the keras package itself.
print("tf.keras.layers.Dense is keras.layers.Dense:", tf.keras.layers.Dense is keras.layers.Dense)
print("tf.keras.Model is keras.Model:", tf.keras.Model is keras.Model)
# --8<-- [end:same]

# --8<-- [start:tensors]
x = tf.constant([[1.0, 2.0]])  # one example with two features
layer = keras.layers.Dense(1)
y = layer(x)  # the layer builds its weights on first call, then computes x @ kernel + bias

# On the TensorFlow backend a Keras layer computes with TensorFlow tensors and variables.
print("Output is a tf.Tensor:", isinstance(y, tf.Tensor))
print("Kernel is stored in a tf.Variable:", isinstance(layer.kernel.value, tf.Variable))
# keras.ops is Keras' backend-neutral maths; here it dispatches to TensorFlow ops.
print(
    "keras.ops.matmul returns a tf.Tensor:",
    isinstance(keras.ops.matmul(x, layer.kernel), tf.Tensor),
)
# --8<-- [end:tensors]

# --8<-- [start:gradient]
# Weights chosen by hand so that every number can be checked on paper.
layer.set_weights([np.array([[2.0], [3.0]]), np.array([1.0])])
target = 5.0

with tf.GradientTape() as tape:  # TensorFlow records the operations run inside
    prediction = layer(x)  # 1*2 + 2*3 + 1 = 9
    loss = tf.reduce_mean(tf.square(prediction - target))  # (9 - 5)^2 = 16

# dloss/dprediction = 2 * (9 - 5) = 8; dprediction/dkernel = x, dprediction/dbias = 1
grad_kernel, grad_bias = tape.gradient(loss, layer.trainable_variables)
print("prediction:", float(prediction[0, 0]), " loss:", float(loss))
print("gradient for the kernel:", grad_kernel.numpy().ravel())
print("gradient for the bias:", grad_bias.numpy())

# One step of gradient descent, as fit() does for every batch: weight -= 0.1 * gradient
optimizer = keras.optimizers.SGD(learning_rate=0.1)
optimizer.apply_gradients([(grad_kernel, layer.kernel), (grad_bias, layer.bias)])
print("kernel after one step:", layer.kernel.numpy().ravel().round(2))
print("bias after one step:", layer.bias.numpy().round(2))
print("new prediction:", layer(x).numpy().ravel().round(2))
# --8<-- [end:gradient]

# --8<-- [start:pipeline]
import warnings

# tf.data reads, shuffles and batches the data; Keras' fit() consumes the Dataset directly.
rng = np.random.default_rng(0)
features = rng.normal(size=(1000, 2)).astype("float32")
labels = (features @ np.array([2.0, 3.0]) + 1.0).astype("float32")  # the rule to be learned
dataset = (
    tf.data.Dataset.from_tensor_slices((features, labels))
    .shuffle(1000, seed=0)
    .batch(32)
    .prefetch(tf.data.AUTOTUNE)  # prepare the next batch while the model trains on this one
)
print("batches per epoch:", int(dataset.cardinality()))

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mean_squared_error")
# shuffle=False: the Dataset shuffles itself (fit's default shuffle=True would only warn).
# Every training step runs as a compiled tf.function graph, not line by line in Python.
model.fit(dataset, epochs=3, shuffle=False, verbose=0)
print("learned kernel:", model.layers[0].kernel.numpy().ravel().round(2))
print("learned bias:", model.layers[0].bias.numpy().round(2))

# A Dataset arrives in batches, shuffled or not by itself: fit cannot split rows off it for
# validation, and ignores its own shuffle=True, with a warning.
try:
    model.fit(dataset, validation_split=0.2, verbose=0)
except ValueError as error:
    print("fit(dataset, validation_split=0.2): ValueError:", str(error).split(".")[0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record the warning instead of printing it
    model.fit(dataset, verbose=0)  # shuffle=True, fit's default
print("fit(dataset) with shuffle=True:", caught[0].category.__name__)
# --8<-- [end:pipeline]

# --8<-- [start:keras2]
import warnings

import keras
from keras import layers

# Keras 2 code that Keras 3 warns about or refuses, each next to what replaces it.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.Sequential([layers.Dense(1, input_shape=(3,))])  # Keras 3: keras.Input(shape=(3,))
first_sentence = str(caught[0].message).split(". ")[0]
print(f"Dense(1, input_shape=(3,)): {caught[0].category.__name__}: {first_sentence}")

model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(1)])
keras_2_code = {
    "keras.optimizers.legacy.Adam()": lambda: keras.optimizers.legacy.Adam(),  # optimizers.Adam
    'model.save("my_model")': lambda: model.save("my_model"),  # .keras, or model.export
    'model.save_weights("my.h5")': lambda: model.save_weights("my.h5"),  # my.weights.h5
}
for code, run in keras_2_code.items():
    try:
        run()
        print(f"{code}: works")
    except (ImportError, ValueError) as error:
        print(f"{code}: {type(error).__name__}: {str(error).split('. ')[0]}")
# --8<-- [end:keras2]
