"""Question 7, exercise: inverted dropout written in NumPy, compared with Keras' Dropout."""

# --8<-- [start:starter]
import keras
import numpy as np

RATE = 0.3
rng = np.random.default_rng(0)  # for the masks too
x = rng.uniform(1, 2, size=(1000, 100)).astype("float32")  # no zeros to begin with
# --8<-- [end:starter]


# --8<-- [start:solution]
def dropout(x: np.ndarray, rate: float, training: bool) -> np.ndarray:
    """Inverted dropout: in training, zero each value independently with probability
    `rate` and scale the survivors by 1/(1 - rate); at inference, change nothing."""
    if not training:
        return x
    keep = rng.random(x.shape) >= rate  # True with probability 1 - rate
    return np.where(keep, x / (1 - rate), 0.0)


keras.utils.set_random_seed(0)
ours = dropout(x, RATE, training=True)
theirs = keras.ops.convert_to_numpy(keras.layers.Dropout(RATE)(x, training=True))

for y in [ours, theirs]:
    kept = y != 0
    assert abs(1 - kept.mean() - RATE) < 0.01  # the share of zeros is close to the rate
    assert np.allclose(y[kept], x[kept] / (1 - RATE))  # survivors scaled by 1/(1 - rate)
    assert abs(y.mean() - x.mean()) < 0.01  # so the mean is kept
# At inference both are the identity.
assert np.array_equal(dropout(x, RATE, training=False), x)
assert np.array_equal(keras.ops.convert_to_numpy(keras.layers.Dropout(RATE)(x, training=False)), x)
print(f"zeros: ours {np.mean(ours == 0):.2%}, Keras {np.mean(theirs == 0):.2%}")
# --8<-- [end:solution]
