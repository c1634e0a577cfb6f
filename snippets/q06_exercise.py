"""Question 6, exercise: the L2 penalty computed by hand, and where Keras puts it."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(64, 20)).astype("float32")
y = rng.integers(0, 2, size=(64, 1)).astype("float32")

penalty = keras.regularizers.L2(0.01)
model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(16, activation="relu", kernel_regularizer=penalty),
        layers.Dense(1, activation="sigmoid", kernel_regularizer=penalty),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(x, y, epochs=5, verbose=0)  # a few epochs of training
# --8<-- [end:starter]

# --8<-- [start:solution]
# 1. The penalty by hand: 0.01 times the sum of the squared kernel weights, per layer.
#    The biases are not penalized: kernel_regularizer covers only the kernel.
by_hand = [0.01 * np.sum(layer.kernel.numpy() ** 2) for layer in model.layers]
from_keras = [float(loss) for loss in model.losses]  # one term per regularized layer
assert np.allclose(by_hand, from_keras)
with_biases = [0.01 * sum(np.sum(w**2) for w in layer.get_weights()) for layer in model.layers]
assert not np.allclose(with_biases, from_keras)  # trained biases are not zero, nor penalized

# 2. The loss that evaluate() (and fit) reports is the cross-entropy plus the penalty.
cross_entropy = keras.losses.BinaryCrossentropy()(y, model.predict(x, verbose=0))
reported = model.evaluate(x, y, verbose=0)
assert np.isclose(reported, float(cross_entropy) + sum(by_hand), atol=1e-5)
print(f"cross-entropy {float(cross_entropy):.2f} + penalty {sum(by_hand):.2f} = {reported:.2f}")
# --8<-- [end:solution]
