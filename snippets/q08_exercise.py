"""Question 8, exercise: EarlyStopping's patience rule written by hand, checked on a real fit."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

# A small, noisy problem that a wide network soon overfits: it stops well before epoch 50.
keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(300, 10)).astype("float32")
y = (x[:, :1] + rng.normal(size=(300, 1)) > 0).astype("float32")
model = keras.Sequential(
    [
        keras.Input(shape=(10,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(0.03), loss="binary_crossentropy")
stopper = keras.callbacks.EarlyStopping(patience=3)
history = model.fit(
    x, y, validation_split=0.5, epochs=50, batch_size=150, callbacks=[stopper], verbose=0
)
# --8<-- [end:starter]


# --8<-- [start:solution]
def when_to_stop(val_losses: list[float], patience: int = 0) -> tuple[int | None, int]:
    """The epoch at which training stops (None if it never does) and the best epoch,
    both counted from 1, for a validation loss that must go down."""
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:  # an improvement: remember it, start counting again
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1  # one more epoch without improvement
            if wait >= patience:
                return epoch, best_epoch
    return None, best_epoch


val_losses = history.history["val_loss"]
stopped, best = when_to_stop(val_losses, patience=3)
assert stopper.stopped_epoch > 0, "the fit should stop before epoch 50"
assert stopped == stopper.stopped_epoch + 1 == len(val_losses)  # Keras counts from 0
assert best == stopper.best_epoch + 1
# The fit checks only where training stopped; two short curves check the rule itself.
assert when_to_stop([0.7, 0.6, 0.65, 0.5], patience=0) == (3, 2)
assert when_to_stop([0.7, 0.6, 0.65, 0.5], patience=2) == (None, 4)
print(f"stopped in epoch {stopped}, best epoch {best}: the same as EarlyStopping")
# --8<-- [end:solution]
