"""Question 6: one network trained three ways: plain, with dropout, with early stopping.

The data set is small and noisy and the network is wide, so the plain run overfits: the
training loss keeps falling while the validation loss turns and climbs. Dropout and early
stopping are two ways to hold that back.
"""

# --8<-- [start:data]
import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers


def make_data(n_examples: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Features and 0/1 labels for binary classification (as on the page of question 5).

    The label depends on four of the 20 features plus noise, so about one label in five
    cannot be predicted from the features at all: a model that gets those right has
    memorized them.
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_examples, 20)).astype("float32")
    signal = x[:, 0] - x[:, 1] + 0.5 * x[:, 2] * x[:, 3]
    y = (signal + rng.normal(size=n_examples) > 0).astype("float32")
    return x, y


x_train, y_train = make_data(200, seed=0)  # few examples: easy to memorize
x_val, y_val = make_data(400, seed=1)  # never trained on; large, so its curve is smooth
# --8<-- [end:data]

# --8<-- [start:model]
EPOCHS = 30


def build_model(dropout_rate: float = 0.0) -> keras.Model:
    """Two hidden layers of 128 units: about 19,000 weights for 200 examples.

    With `dropout_rate=0.0` the Dropout layers pass everything through, so all three runs
    use the same architecture and, thanks to the seeds, the same initial weights.
    """
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            layers.Dense(128, activation="relu"),
            # A fixed seed: otherwise the layer draws one from the global generator and
            # the next layer's initial weights would differ from the plain run's.
            layers.Dropout(dropout_rate, seed=1),
            layers.Dense(128, activation="relu"),
            layers.Dropout(dropout_rate, seed=2),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


def train(model: keras.Model, callbacks: list | None = None) -> keras.callbacks.History:
    """Train for at most EPOCHS epochs, measuring the validation loss after each one."""
    return model.fit(
        x_train,
        y_train,
        validation_data=(x_val, y_val),
        epochs=EPOCHS,
        batch_size=32,
        callbacks=callbacks,
        verbose=0,
    )


# --8<-- [end:model]

# --8<-- [start:plain]
plain_model = build_model()
plain = train(plain_model)
# --8<-- [end:plain]

# --8<-- [start:dropout]
dropout_model = build_model(dropout_rate=0.5)
with_dropout = train(dropout_model)
# --8<-- [end:dropout]

# --8<-- [start:early]
stopper = keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)
early_model = build_model()
early = train(early_model, callbacks=[stopper])
# --8<-- [end:early]

# --8<-- [start:gap]
runs = {
    "plain": (plain_model, plain),
    "dropout": (dropout_model, with_dropout),
    "early stopping": (early_model, early),
}
print(f"{'run':<15}{'epochs':>6}{'train loss':>12}{'val loss':>10}{'gap':>6}")
for name, (model, history) in runs.items():
    # evaluate() runs in inference mode: no dropout, and with the weights the model ends
    # with (for early stopping: the restored best epoch).
    train_loss = model.evaluate(x_train, y_train, verbose=0)
    val_loss = model.evaluate(x_val, y_val, verbose=0)
    epochs = len(history.history["loss"])
    gap = val_loss - train_loss
    print(f"{name:<15}{epochs:>6}{train_loss:>12.2f}{val_loss:>10.2f}{gap:>6.2f}")
print(f"early stopping kept the weights of epoch {stopper.best_epoch + 1}")
# --8<-- [end:gap]

# --8<-- [start:plot]
titles = ["build_model()", "build_model(dropout_rate=0.5)", "EarlyStopping(patience=5)"]
fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True, layout="constrained")
for ax, title, (_, history) in zip(axes, titles, runs.values(), strict=True):
    epoch_numbers = np.arange(1, len(history.history["loss"]) + 1)
    ax.plot(epoch_numbers, history.history["loss"], label="loss")
    ax.plot(epoch_numbers, history.history["val_loss"], label="val_loss")
    ax.set_title(title, fontsize=10, family="monospace")
    ax.set_xlabel("epoch")
    ax.set_xlim(0, EPOCHS + 1)
    ax.grid(alpha=0.3)
axes[2].axvline(stopper.best_epoch + 1, color="gray", linestyle="--", label="best_epoch")
axes[0].set_ylabel("binary cross-entropy")
axes[0].set_ylim(0, 1.0)
axes[2].legend()
fig.savefig("q06_curves.png", dpi=80)
# --8<-- [end:plot]
