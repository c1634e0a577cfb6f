"""Question 8: what EarlyStopping decides, epoch by epoch, on a validation curve we choose."""

# --8<-- [start:simulate]
import keras

# A typical validation loss: it falls with some noise, flattens, then climbs (overfitting).
VAL_LOSS = [0.70, 0.62, 0.575, 0.58, 0.555, 0.55, 0.546, 0.548, 0.543, 0.552, 0.56, 0.575, 0.59]


def simulate(**settings) -> tuple[int, int]:
    """Feed VAL_LOSS to a real EarlyStopping callback, one epoch at a time, as fit() does.

    Returns the number of epochs trained and the best epoch, both counted from 1.
    """
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])  # a stand-in
    model.stop_training = False  # fit() sets this before the first epoch
    stopper = keras.callbacks.EarlyStopping(**settings)
    stopper.set_model(model)
    stopper.on_train_begin()
    for epoch, val_loss in enumerate(VAL_LOSS):
        stopper.on_epoch_end(epoch, {"val_loss": val_loss})
        if model.stop_training:
            break
    return epoch + 1, stopper.best_epoch + 1


print(f"{'settings':<34}{'epochs':>6}{'best epoch':>12}")
for settings in [
    {"patience": 0},
    {"patience": 1},
    {"patience": 3},
    {"patience": 3, "min_delta": 0.01},
    {"patience": 3, "baseline": 0.56},
    {"patience": 0, "start_from_epoch": 5},
]:
    epochs, best = simulate(**settings)
    shown = ", ".join(f"{name}={value}" for name, value in settings.items())
    print(f"{shown:<34}{epochs:>6}{best:>12}")
# --8<-- [end:simulate]
