"""Question 3: parameters, which training learns, and hyperparameters, which we choose."""

# --8<-- [start:hyperparameters]
import keras
import numpy as np
from keras import layers

# Given by the problem, not chosen: 4 features per example, 3 classes.
n_features, n_classes = 4, 3

# Hyperparameters: chosen by us before training; fit() never changes them.
hidden_units = 16  # architecture
activation = "relu"  # architecture
dropout_rate = 0.2  # regularization
learning_rate = 0.01  # optimization
batch_size = 32  # optimization
epochs = 5  # optimization


def build_model(
    hidden_units: int, activation: str, dropout_rate: float, learning_rate: float
) -> keras.Model:
    """A small classifier built from the hyperparameters.

    Args:
        hidden_units: Units in the hidden Dense layer.
        activation: Activation function of the hidden layer.
        dropout_rate: Probability that Dropout zeroes each hidden output in training.
        learning_rate: Step size of the Adam optimizer.

    Returns:
        A compiled model whose parameters (weights and biases) are still random.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            layers.Dense(hidden_units, activation=activation, name="hidden"),
            layers.BatchNormalization(name="batch_norm"),
            layers.Dropout(dropout_rate, name="dropout"),
            layers.Dense(n_classes, activation="softmax", name="output"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


# Data: the class depends linearly on the features, plus noise.
rng = np.random.default_rng(0)
x = rng.normal(size=(1500, n_features)).astype("float32")
scores = x @ rng.normal(size=(n_features, n_classes)) + 0.5 * rng.normal(size=(1500, n_classes))
y = scores.argmax(axis=1)
x_train, y_train = x[:1000], y[:1000]  # to learn the parameters
x_val, y_val = x[1000:1250], y[1000:1250]  # to choose hyperparameters
x_test, y_test = x[1250:], y[1250:]  # to estimate, once, how good the final model is

keras.utils.set_random_seed(0)
model = build_model(hidden_units, activation, dropout_rate, learning_rate)
# --8<-- [end:hyperparameters]


# --8<-- [start:count]
def dense_parameters(n_inputs: int, units: int) -> int:
    """Parameters of a Dense layer: a weight per input and unit (the kernel), a bias per unit."""
    return n_inputs * units + units


rows = [  # layer, where its number comes from, the number
    (
        "hidden",
        f"{n_features} x {hidden_units} + {hidden_units}",
        dense_parameters(n_features, hidden_units),
    ),
    # gamma and beta (learned), moving mean and moving variance (tracked): one per unit each
    ("batch_norm", f"2 x {hidden_units} + 2 x {hidden_units}", 4 * hidden_units),
    ("dropout", "no weights", 0),
    (
        "output",
        f"{hidden_units} x {n_classes} + {n_classes}",
        dense_parameters(hidden_units, n_classes),
    ),
]
for name, formula, count in rows:
    keras_count = model.get_layer(name).count_params()
    print(f"{name:<10} {formula:<15} = {count:>3}   Keras: {keras_count:>3}")
total = sum(count for _, _, count in rows)
print(f"{'total':<10} {'':<15} = {total:>3}   Keras: {model.count_params():>3}")
# --8<-- [end:count]


# --8<-- [start:trainable]
def n_values(weights: list) -> int:
    """Number of numbers in a list of weight tensors."""
    return sum(int(np.prod(w.shape)) for w in weights)


for weight in model.get_layer("batch_norm").weights:
    print(f"{weight.name:<16} shape {weight.shape}  trainable {weight.trainable}")
print("trainable:", n_values(model.trainable_weights))
print("non-trainable:", n_values(model.non_trainable_weights))

# Freezing a layer (as in transfer learning) moves its weights to non-trainable.
model.get_layer("hidden").trainable = False
print("with the hidden layer frozen, trainable:", n_values(model.trainable_weights))
model.get_layer("hidden").trainable = True
# --8<-- [end:trainable]

# --8<-- [start:fit]
hidden_kernel_before = model.get_layer("hidden").kernel.numpy().copy()
moving_mean_before = model.get_layer("batch_norm").moving_mean.numpy().copy()

model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=0)

hidden_kernel_after = model.get_layer("hidden").kernel.numpy()
moving_mean_after = model.get_layer("batch_norm").moving_mean.numpy()
print("hidden kernel changed:", not np.array_equal(hidden_kernel_before, hidden_kernel_after))
# Non-trainable means "not updated by the optimizer", not "never changes".
print("moving mean changed:", not np.array_equal(moving_mean_before, moving_mean_after))
print(f"learning rate after fit: {float(model.optimizer.learning_rate):g}")
print("parameters after fit:", model.count_params())
# summary() also lists the optimizer's state, once fit has built it; count_params() leaves it out.
summary = []
model.summary(print_fn=lambda text, **kwargs: summary.append(text))
for line in "\n".join(summary).splitlines():
    if "params:" in line:
        print(line.split("(")[0].strip())  # without the size in bytes
# --8<-- [end:fit]

# --8<-- [start:defaults]
# Read from Keras rather than copied from its documentation: if a release changes a default,
# this output changes with it.
print(f"Adam()   learning_rate = {float(keras.optimizers.Adam().learning_rate):g}")
print(f"SGD()    learning_rate = {float(keras.optimizers.SGD().learning_rate):g}")
print(f"AdamW()  weight_decay  = {keras.optimizers.AdamW().weight_decay:g}")
print(f"L2()     {keras.regularizers.L2().get_config()}")

# fit's signature says batch_size=None, so the default batch size shows only in what fit does.
# 32 examples in one batch and 33 in two pin it down to exactly 32.
batches = []
count_batches = keras.callbacks.LambdaCallback(
    on_train_batch_end=lambda batch, logs: batches.append(batch)
)
keras.utils.set_random_seed(0)
tiny = keras.Sequential(
    [keras.Input(shape=(n_features,)), layers.Dense(n_classes, activation="softmax")]
)
tiny.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
for n_examples in (32, 33):
    batches.clear()
    history = tiny.fit(
        x_train[:n_examples], y_train[:n_examples], callbacks=[count_batches], verbose=0
    )
    print(f"fit on {n_examples} examples: epochs {len(history.epoch)}, batches {len(batches)}")
# --8<-- [end:defaults]

# --8<-- [start:tune]
# Tuning: try values of a hyperparameter, compare them on the validation data.
# The parameters are learned on the training data in every trial.
# The bar to clear: always guessing the most common class.
majority = np.bincount(y_val).max() / len(y_val)
print(f"always the most common class: validation accuracy {majority:.2f}")
candidates, val_accuracy = {}, {}
for candidate in (0.0001, 0.01):
    keras.utils.set_random_seed(0)
    candidates[candidate] = build_model(hidden_units, activation, dropout_rate, candidate)
    candidates[candidate].fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=0)
    _, val_accuracy[candidate] = candidates[candidate].evaluate(x_val, y_val, verbose=0)
    print(f"learning rate {candidate:g}: validation accuracy {val_accuracy[candidate]:.2f}")

best = max(val_accuracy, key=val_accuracy.get)
print(f"chosen learning rate: {best:g}")
# The test data is used once, at the very end, for the chosen model only.
_, test_accuracy = candidates[best].evaluate(x_test, y_test, verbose=0)
print(f"test accuracy of the chosen model: {test_accuracy:.2f}")
# --8<-- [end:tune]
