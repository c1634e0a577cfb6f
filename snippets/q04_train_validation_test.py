"""Question 4: training, validation and test data in model selection and model evaluation.

The hyperparameter chosen here is the number of units in the hidden layer. It is chosen
twice, with one fixed validation set and with 3-fold cross-validation, and the final model
is evaluated on the test data once, at the very end.
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

# First put the test data away (20 %), then split the rest into training (60 % of all)
# and validation (20 % of all). stratify=... keeps the share of 1s equal in every part.
x_dev, x_test, y_dev, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
x_train, x_val, y_train, y_val = train_test_split(
    x_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=0
)
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
    keras.utils.set_random_seed(0)  # same initial weights for every candidate and fold
    model = build_model(units)
    model.fit(scaler.transform(x_fit), y_fit, epochs=8, batch_size=32, verbose=0)
    return model, scaler


def validation_loss(units: int, x_fit, y_fit, x_held_out, y_held_out) -> float:
    """Train on one part of the data and return the loss on a part held out from training."""
    model, scaler = train(units, x_fit, y_fit)
    loss, _accuracy = model.evaluate(scaler.transform(x_held_out), y_held_out, verbose=0)
    return loss


# --8<-- [end:model]

# --8<-- [start:holdout]
holdout_loss = {
    units: validation_loss(units, x_train, y_train, x_val, y_val) for units in CANDIDATES
}
for units, loss in holdout_loss.items():
    print(f"{units:>3} units: validation loss {loss:.2f}")
print(f"Chosen with the validation set: {min(holdout_loss, key=holdout_loss.get)} units")
# --8<-- [end:holdout]

# --8<-- [start:cv]
# Cross-validation uses all non-test data (training + validation) and lets every example be
# held out once. The test data takes no part.
folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
cv_loss = {}
for units in CANDIDATES:
    fold_losses = [
        validation_loss(units, x_dev[fit], y_dev[fit], x_dev[held_out], y_dev[held_out])
        for fit, held_out in folds.split(x_dev, y_dev)
    ]
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
# --8<-- [end:final]
