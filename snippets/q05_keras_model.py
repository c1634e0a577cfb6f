"""Question 5: the course's Keras model, corrected so that it runs on Keras 3."""

# --8<-- [start:data]
import keras
import numpy as np
from keras import layers


def make_data(n_examples: int = 500, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Features and 0/1 labels for binary classification, generated so that nothing is downloaded.

    There are 20 normally distributed features. The label depends on four of them, one pair
    through a product that a linear model cannot capture, plus noise that no model can predict.
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_examples, 20)).astype("float32")
    signal = x[:, 0] - x[:, 1] + 0.5 * x[:, 2] * x[:, 3]
    y = (signal + rng.normal(size=n_examples) > 0).astype("float32")
    return x, y


keras.utils.set_random_seed(0)  # same initial weights and dropout masks every run
x_train, y_train = make_data()
# --8<-- [end:data]

# --8<-- [start:model]
n_cols = x_train.shape[1]
model = keras.Sequential(
    [
        keras.Input(shape=(n_cols,)),
        layers.Dense(100, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Dense(50, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
# --8<-- [end:model]

# --8<-- [start:fit]
early_stopping_monitor = keras.callbacks.EarlyStopping(patience=5)
history = model.fit(
    x_train,
    y_train,
    validation_split=0.2,
    epochs=100,
    callbacks=[early_stopping_monitor],
    verbose=0,
)
# --8<-- [end:fit]

# --8<-- [start:report]
val_loss = history.history["val_loss"]
best_epoch = int(np.argmin(val_loss)) + 1
print(f"Trained {len(val_loss)} of 100 epochs")
print(f"Lowest val_loss {min(val_loss):.2f} in epoch {best_epoch}")
print(f"val_loss in the last epoch {val_loss[-1]:.2f}")

# validation_split=0.2 held out the last 20% of the rows: evaluate the model on them now.
x_val, y_val = x_train[-100:], y_train[-100:]
val_loss_now = model.evaluate(x_val, y_val, verbose=0)[0]
print(f"val_loss of the model now {val_loss_now:.2f}: the weights of the last epoch")
# --8<-- [end:report]

# --8<-- [start:restore]
keras.utils.set_random_seed(0)
model = keras.models.clone_model(model)  # same architecture, new random weights
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
early_stopping_monitor = keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)
history = model.fit(
    x_train,
    y_train,
    validation_split=0.2,
    epochs=100,
    callbacks=[early_stopping_monitor],
    verbose=0,
)

val_loss_now = model.evaluate(x_val, y_val, verbose=0)[0]
print(
    f"Trained {len(history.history['val_loss'])} epochs, kept the weights of epoch "
    f"{early_stopping_monitor.best_epoch + 1}"
)
print(
    f"val_loss of the model now {val_loss_now:.2f}, "
    f"lowest during training {min(history.history['val_loss']):.2f}"
)
# --8<-- [end:restore]

# --8<-- [start:no_validation]
import warnings

keras.utils.set_random_seed(0)
model = keras.models.clone_model(model)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
# No validation_split: there is no val_loss to watch. Keras warns after every epoch (Python
# shows a warning once); here the warnings are caught to count them.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    history = model.fit(
        x_train,
        y_train,
        epochs=20,
        callbacks=[keras.callbacks.EarlyStopping(patience=5)],
        verbose=0,
    )
print(f"Trained {len(history.history['loss'])} of 20 epochs, {len(caught)} warnings, the first:")
print(str(caught[0].message).split(". ")[0])
# --8<-- [end:no_validation]
