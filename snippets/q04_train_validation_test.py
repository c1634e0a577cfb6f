"""Question 4: training, validation and test data in model selection and model evaluation.

The hyperparameter chosen here is the number of units in the hidden layer. It is chosen
twice, with one fixed validation set and with 3-fold cross-validation, and the final model
is evaluated on the test data once, at the very end. The fixed split is the first round of
the cross-validation, so its three models are trained once and used by both.
"""

# --8<-- [start:split]
import keras
import numpy as np
from keras import layers
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler


def make_data(n_examples: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Features on very different scales and 0/1 labels, about one third of them 1.

    The label says whether a point lies outside a circle in the first two features, with
    noise. The other 18 features carry no information, but a large model can memorize them.
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_examples, 20))
    radius_squared = x[:, 0] ** 2 + x[:, 1] ** 2
    y = (radius_squared + 0.5 * rng.normal(size=n_examples) > 2.4).astype("float32")
    x = x * rng.uniform(0.1, 100.0, size=20)  # columns in different units: needs scaling
    return x.astype("float32"), y


x, y = make_data()

# First put the test data away (20%). Then split the rest into three stratified folds
# (stratify: about the same share of 1s in every part). The fixed split uses the first
# fold as its validation set; cross-validation below lets every fold take that role in turn.
x_dev, x_test, y_dev, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
folds = list(StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(x_dev, y_dev))
train_rows, val_rows = folds[0]  # row numbers in x_dev
x_train, y_train = x_dev[train_rows], y_dev[train_rows]
x_val, y_val = x_dev[val_rows], y_dev[val_rows]
for name, labels in [("training", y_train), ("validation", y_val), ("test", y_test)]:
    print(f"{name:<10} {len(labels):>3} examples, {labels.mean():.0%} labeled 1")
# --8<-- [end:split]

# --8<-- [start:model]
CANDIDATES = [2, 16, 512]  # units in the hidden layer: the hyperparameter to choose


def build_model(units: int) -> keras.Model:
    """One hidden layer of `units` ReLU units and a sigmoid output."""
    model = keras.Sequential(
        [
            keras.Input(shape=(20,)),
            layers.Dense(units, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.02),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model


def train(units: int, x_fit: np.ndarray, y_fit: np.ndarray) -> tuple[keras.Model, StandardScaler]:
    """A new model trained on (x_fit, y_fit), and the scaler its inputs must go through.

    The scaler learns its means and standard deviations from x_fit only. Fitted on all the
    data, it would carry information from the validation or test data into training.
    """
    scaler = StandardScaler().fit(x_fit)
    keras.utils.set_random_seed(0)  # a candidate starts from the same weights in every fold
    model = build_model(units)
    model.fit(scaler.transform(x_fit), y_fit, epochs=8, batch_size=32, verbose=0)
    return model, scaler


def loss_on(model: keras.Model, scaler: StandardScaler, x_part, y_part) -> float:
    """The model's loss (mean binary cross-entropy) on one part of the data."""
    predicted = model(scaler.transform(x_part))  # predictions only, no training
    return float(keras.losses.BinaryCrossentropy()(y_part[:, None], predicted))


# --8<-- [end:model]

# --8<-- [start:holdout]
holdout_loss = {}
for units in CANDIDATES:
    model, scaler = train(units, x_train, y_train)
    holdout_loss[units] = loss_on(model, scaler, x_val, y_val)
    training_loss = loss_on(model, scaler, x_train, y_train)
    print(
        f"{units:>3} units: training loss {training_loss:.2f}, "
        f"validation loss {holdout_loss[units]:.2f}"
    )
print(f"Chosen with the validation set: {min(holdout_loss, key=holdout_loss.get)} units")
# --8<-- [end:holdout]

# --8<-- [start:cv]
# Cross-validation uses all non-test data (training + validation) and holds out every fold
# once. Round 1 is the fixed split above, already trained; rounds 2 and 3 train two more
# models per candidate. The test data takes no part.
cv_loss = {}
for units in CANDIDATES:
    fold_losses = [holdout_loss[units]]
    for fit_rows, held_out_rows in folds[1:]:
        model, scaler = train(units, x_dev[fit_rows], y_dev[fit_rows])
        fold_losses.append(loss_on(model, scaler, x_dev[held_out_rows], y_dev[held_out_rows]))
    cv_loss[units] = np.mean(fold_losses)
    shown = ", ".join(f"{loss:.2f}" for loss in fold_losses)
    print(f"{units:>3} units: fold losses {shown}, mean {cv_loss[units]:.2f}")
best_units = min(cv_loss, key=cv_loss.get)
print(f"Chosen with cross-validation: {best_units} units")
# --8<-- [end:cv]

# --8<-- [start:final]
# Retrain the chosen model on all non-test data, then use the test data: once.
final_model, final_scaler = train(best_units, x_dev, y_dev)
test_loss, test_accuracy = final_model.evaluate(final_scaler.transform(x_test), y_test, verbose=0)
print(f"Test loss {test_loss:.2f}, test accuracy {test_accuracy:.0%}")
# A test set this small measures the accuracy only roughly: ±1.96 standard errors around it is
# a 95% confidence interval for the accuracy on new data.
standard_error = np.sqrt(test_accuracy * (1 - test_accuracy) / len(y_test))
low, high = test_accuracy - 1.96 * standard_error, test_accuracy + 1.96 * standard_error
print(f"95% confidence interval: {low:.0%} to {high:.0%}")
# The baseline's one answer is the most common class in the non-test data: picking it by the
# test labels would already be using them.
majority_class = int(y_dev.mean() > 0.5)
print(f"Always guessing {majority_class} would score {np.mean(y_test == majority_class):.0%}")
# --8<-- [end:final]
