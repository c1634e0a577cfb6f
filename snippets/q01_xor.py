"""Question 1: a programmed rule versus learned models on XOR.

XOR is 1 when exactly one of two inputs is 1. A human can write the rule down; a machine-learning
model has to find it from examples. A linear model cannot, whatever its weights; a network with
one hidden layer learns it.
"""

# --8<-- [start:rule]
import keras
import numpy as np
from keras import layers


def xor_rule(a: int, b: int) -> int:
    """Programmed, not learned: a human wrote the rule, and no data was needed."""
    return int(a != b)


inputs = [(0, 0), (0, 1), (1, 0), (1, 1)]
for a, b in inputs:
    print(f"xor_rule({a}, {b}) = {xor_rule(a, b)}")
# --8<-- [end:rule]

# --8<-- [start:data]
x = np.array(inputs, dtype="float32")
y = np.array([xor_rule(a, b) for a, b in inputs], dtype="float32")  # the answers, as labels
# Four examples are all there is; repeating them gives more steps per epoch (fewer epochs).
x_train, y_train = np.tile(x, (256, 1)), np.tile(y, 256)
# --8<-- [end:data]


# --8<-- [start:linear]
keras.utils.set_random_seed(0)
linear = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(1, activation="sigmoid")])
linear.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.05),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
linear.fit(x_train, y_train, epochs=4, batch_size=32, verbose=0)
loss, _ = linear.evaluate(x, y, verbose=0)
print("Linear model, P(y=1) per input:", linear.predict(x, verbose=0).ravel().round(1))
print(f"Linear model, loss {loss:.2f} (ln 2 = {np.log(2):.2f} is a coin toss)")

# No line w1*a + w2*b + c = 0 gets more than 3 of the 4 points right: try 100,000 at random.
rng = np.random.default_rng(0)
w1, w2, c = rng.normal(size=(3, 100_000))
predicted = (np.outer(x[:, 0], w1) + np.outer(x[:, 1], w2) + c > 0).astype("float32")
accuracies = (predicted == y[:, None]).mean(axis=0)  # one accuracy per line
print(f"Best accuracy of 100,000 random lines: {accuracies.max():.2f}")
# --8<-- [end:linear]

# --8<-- [start:hidden]
keras.utils.set_random_seed(0)
network = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(8, activation="tanh"),  # hidden layer: learns new features of (a, b)
        layers.Dense(1, activation="sigmoid"),  # a linear model on those features
    ]
)
network.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.05),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
network.fit(x_train, y_train, epochs=4, batch_size=32, verbose=0)
loss, accuracy = network.evaluate(x, y, verbose=0)
predicted = (network.predict(x, verbose=0).ravel() > 0.5).astype(int)
print("Network with a hidden layer, predicted class per input:", predicted)
print(f"Network with a hidden layer, accuracy {accuracy:.2f}")
# --8<-- [end:hidden]
