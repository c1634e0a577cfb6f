"""Question 13: mixed precision in Keras, 16-bit computation with 32-bit weights."""

import keras
from keras import layers

keras.mixed_precision.set_global_policy("mixed_float16")

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Dense(256, activation="relu"),
        layers.Dense(10),
        # The last activation in float32: softmax and the loss are sensitive to rounding.
        layers.Activation("softmax", dtype="float32"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

hidden = model.layers[0]
print(f"Policy: {keras.mixed_precision.global_policy().name}")
print(f"Hidden layer: weights stored in {hidden.kernel.dtype}, computed in {hidden.compute_dtype}")
print(f"Model output: {model.outputs[0].dtype}")
wrapper, inner = model.optimizer, model.optimizer.inner_optimizer
print(f"Optimizer: {type(wrapper).__name__} around {type(inner).__name__}")

keras.mixed_precision.set_global_policy("float32")  # back to the default for later code
