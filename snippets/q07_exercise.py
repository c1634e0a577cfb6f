"""Question 7, exercises: inverted dropout written in NumPy, compared with Keras' Dropout; the
training loss that fit reports, taken apart."""

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


# --8<-- [start:loss_starter]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(1)
rng = np.random.default_rng(1)
x = rng.normal(size=(600, 20)).astype("float32")
y = (x[:, :5].sum(axis=1) + rng.normal(size=600) > 0).astype("float32")  # a noisy rule
model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(x, y, epochs=30, validation_split=0.25, verbose=0)
reported, validated = history.history["loss"][-1], history.history["val_loss"][-1]
print(f"fit, last epoch: training loss {reported:.2f}, validation loss {validated:.2f}")
# --8<-- [end:loss_starter]

# --8<-- [start:loss_solution]
x_train, y_train = x[:450], y[:450]  # validation_split=0.25 held out the last 150 rows
loss = keras.losses.BinaryCrossentropy()
# The final weights with dropout on, as in training: a new mask at every call, so a mean of 20.
on = np.mean([float(loss(y_train, model(x_train, training=True))) for _ in range(20)])
off = model.evaluate(x_train, y_train, verbose=0)  # the final weights, dropout off
print(f"fit's training loss (dropout on, mean over the epoch): {reported:.2f}")
print(f"final weights, dropout on (mean of 20 masks):          {on:.2f}")
print(f"final weights, dropout off (evaluate):                 {off:.2f}")
assert off < on  # dropout on costs loss, with the same weights
assert abs(reported - on) < on - off  # and most of the gap is dropout, not the epoch's mean
assert validated < reported  # here even the validation loss is lower
# --8<-- [end:loss_solution]
