"""Question 6: one network trained four ways: plain, with L2, with dropout, with early stopping.

The data set is small and noisy and the network is wide, so the plain run overfits: the
training loss keeps falling while the validation loss turns and climbs. An L2 penalty,
dropout and early stopping are three ways to hold that back.
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
    return x, y.reshape(-1, 1)  # a column, the shape of the model's output


x_train, y_train = make_data(200, seed=0)  # few examples: easy to memorize
x_val, y_val = make_data(400, seed=1)  # never trained on; large, so its curve is smooth
# --8<-- [end:data]

# --8<-- [start:model]
EPOCHS = 12


def build_model(dropout_rate: float = 0.0, l2: float = 0.0) -> keras.Model:
    """Two hidden layers of 128 units: about 19,000 weights for 200 examples.

    With the defaults there is no regularization: the Dropout layers pass everything
    through and no weight is penalized. Thanks to the seeds, every run starts from the
    same initial weights.
    """
    keras.utils.set_random_seed(0)
    penalty = keras.regularizers.L2(l2) if l2 else None  # adds l2 * sum(w**2) to the loss
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            layers.Dense(128, activation="relu", kernel_regularizer=penalty),
            # A fixed seed: otherwise the layer draws one from Python's `random`, as the
            # initializers do, and the next layer's initial weights would differ from the
            # plain run's.
            layers.Dropout(dropout_rate, seed=1),
            layers.Dense(128, activation="relu", kernel_regularizer=penalty),
            layers.Dropout(dropout_rate, seed=2),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="binary_crossentropy",  # plus the L2 penalty, if there is one
        metrics=[keras.metrics.BinaryCrossentropy(name="ce")],  # without the penalty
    )
    return model


def train(model: keras.Model, callbacks: list | None = None) -> keras.callbacks.History:
    """Train for at most EPOCHS epochs, measuring the validation loss after each one.

    All 200 examples form one batch: one update per epoch, which keeps the example fast.
    """
    return model.fit(
        x_train,
        y_train,
        validation_data=(x_val, y_val),
        epochs=EPOCHS,
        batch_size=len(x_train),
        callbacks=callbacks,
        verbose=0,
    )


# --8<-- [end:model]

# --8<-- [start:plain]
plain_model = build_model()
plain = train(plain_model)
# --8<-- [end:plain]

# --8<-- [start:l2]
l2_model = build_model(l2=0.01)
with_l2 = train(l2_model)
# --8<-- [end:l2]

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
    "L2": (l2_model, with_l2),
    "dropout": (dropout_model, with_dropout),
    "early stopping": (early_model, early),
}


def squared_weights(model: keras.Model) -> float:
    """The sum of the squared kernel weights of every Dense layer (not the biases).

    The L2 run penalizes only the hidden layers' kernels; the output layer adds 128 weights.
    """
    dense = [layer for layer in model.layers if isinstance(layer, layers.Dense)]
    return sum(float(np.sum(layer.kernel.numpy() ** 2)) for layer in dense)


print(f"{'run':<15}{'epochs':>6}{'train':>7}{'val':>6}{'gap':>6}{'sum w²':>8}")
for name, (model, history) in runs.items():
    # evaluate() runs in inference mode (no dropout) with the weights the model ends with
    # (for early stopping: the restored best epoch). It returns [loss, cross-entropy]; we
    # compare the cross-entropy, since the L2 run's loss also contains its penalty.
    train_ce = model.evaluate(x_train, y_train, verbose=0)[1]
    val_ce = model.evaluate(x_val, y_val, verbose=0)[1]
    epochs = len(history.history["loss"])
    gap = val_ce - train_ce
    weights = squared_weights(model)
    print(f"{name:<15}{epochs:>6}{train_ce:>7.2f}{val_ce:>6.2f}{gap:>6.2f}{weights:>8.0f}")
print(f"sum w² of the initial weights, the same in every run: {squared_weights(build_model()):.0f}")
print(f"early stopping kept the weights of epoch {stopper.best_epoch + 1}")
# The training curves below come from fit: with one batch per epoch, each point is measured
# before that epoch's update, and with dropout switched on.
ends = {name: runs[name][1].history["ce"][-1] for name in ("plain", "dropout")}
print("the training curves end at", ", ".join(f"{name} {ce:.2f}" for name, ce in ends.items()))
# --8<-- [end:gap]

# --8<-- [start:plot]
# Small in inches, so that its text stays legible on a phone, which shrinks the picture.
fig, axes = plt.subplots(2, 2, figsize=(4.1, 3.9), sharex=True, sharey=True, layout="constrained")
for ax, (name, (_, history)) in zip(axes.flat, runs.items(), strict=True):
    epoch_numbers = np.arange(1, len(history.history["loss"]) + 1)
    # The cross-entropy without the L2 penalty, so that the four panels compare alike.
    ax.plot(epoch_numbers, history.history["ce"], label="training")
    ax.plot(epoch_numbers, history.history["val_ce"], label="validation")
    ax.set_title(name)
    ax.grid(alpha=0.3)
axes[1, 1].axvline(stopper.best_epoch + 1, color="gray", linestyle="--", label="best epoch")
axes[0, 0].set(xlim=(0, EPOCHS + 1), ylim=(0, 1.0))
fig.supxlabel("epoch")
fig.supylabel("binary cross-entropy")
fig.legend(*axes[1, 1].get_legend_handles_labels(), loc="outside upper center", ncols=3)
fig.savefig("q06_curves.png", dpi=100)
# --8<-- [end:plot]
