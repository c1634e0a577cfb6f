"""Question 5: what EarlyStopping watches when it is given no arguments."""

import keras

stop = keras.callbacks.EarlyStopping()
print(
    f"monitor={stop.monitor!r} patience={stop.patience} min_delta={stop.min_delta} "
    f"restore_best_weights={stop.restore_best_weights}"
)
