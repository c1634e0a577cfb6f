"""Question 8, exercise: EarlyStopping's patience rule written by hand, checked on a real fit,
and the weights the model has when it stops, with and without restore_best_weights."""

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

# --8<-- [start:weights_solution]
# Which epoch's weights does `model` have now? validation_split=0.5 held out the last 150 rows.
loss_now = model.evaluate(x[150:], y[150:], verbose=0)
print(
    f"model.evaluate: {loss_now:.2f}; val_loss in the best epoch ({best}) "
    f"{min(val_losses):.2f}, in the last ({stopped}) {val_losses[-1]:.2f}"
)
assert np.isclose(loss_now, val_losses[-1])  # the last epoch's weights
assert not np.isclose(loss_now, min(val_losses))  # not the best epoch's

# The same run again with restore_best_weights=True: the same seed, the same initial weights.
keras.utils.set_random_seed(0)
model_best = keras.models.clone_model(model)  # the same layers, weights drawn anew
model_best.compile(optimizer=keras.optimizers.Adam(0.03), loss="binary_crossentropy")
restorer = keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)
history_best = model_best.fit(
    x, y, validation_split=0.5, epochs=50, batch_size=150, callbacks=[restorer], verbose=0
)
assert np.allclose(history_best.history["val_loss"], val_losses)  # the same epochs, same stop
loss_best = model_best.evaluate(x[150:], y[150:], verbose=0)
assert np.isclose(loss_best, min(val_losses))
print(f"with restore_best_weights=True: {loss_best:.2f}, the weights of epoch {best}")
# --8<-- [end:weights_solution]
