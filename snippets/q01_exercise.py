"""Question 1, exercise: the weights of an XOR network, chosen by hand instead of learned."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
y = np.array([0, 1, 1, 0], dtype="float32")  # XOR


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


# Fill in: hidden layer (2 inputs -> 2 ReLU units) and output layer (2 -> 1, no activation).
W1 = np.zeros((2, 2), dtype="float32")  # one column per hidden unit
b1 = np.zeros(2, dtype="float32")
W2 = np.zeros((2, 1), dtype="float32")
b2 = np.zeros(1, dtype="float32")
# --8<-- [end:starter]

# --8<-- [start:solution]
# Hidden unit 1 counts the ones: a + b. Hidden unit 2 fires only when both are 1: a + b - 1.
W1 = np.array([[1.0, 1.0], [1.0, 1.0]], dtype="float32")
b1 = np.array([0.0, -1.0], dtype="float32")
# Output: unit 1 minus twice unit 2, that is 0, 1, 1 and 2 - 2 = 0.
W2 = np.array([[1.0], [-2.0]], dtype="float32")
b2 = np.array([0.0], dtype="float32")

hidden = relu(x @ W1 + b1)
output = (hidden @ W2 + b2).ravel()
print("hidden features (a + b, a + b - 1 clipped at 0):", hidden.tolist())
print("output:", output)
assert np.array_equal(output, y)

# The same weights in a Keras network: a Dense kernel has shape (inputs, units), like W1.
network = keras.Sequential(
    [keras.Input(shape=(2,)), layers.Dense(2, activation="relu"), layers.Dense(1)]
)
network.set_weights([W1, b1, W2, b2])
assert np.array_equal(keras.ops.convert_to_numpy(network(x)).ravel(), y)

# Without the ReLU the two layers collapse into one linear function, and XOR is lost.
linear_output = ((x @ W1 + b1) @ W2 + b2).ravel()
print("output without ReLU:", linear_output)
assert not np.array_equal(linear_output, y)
# Not only with these weights: any linear f gives f(0,0) + f(1,1) = f(0,1) + f(1,0),
# while XOR needs 0 + 0 on the left and 1 + 1 on the right.
assert np.isclose(linear_output[0] + linear_output[3], linear_output[1] + linear_output[2])
# --8<-- [end:solution]
