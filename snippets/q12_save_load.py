"""Question 12: saving a Keras model to a file and loading it again, and what the file holds.

Every file is written to the current folder, with a relative name.
"""

# --8<-- [start:setup]
import json
import warnings
import zipfile

import h5py
import keras
import numpy as np
import tensorflow as tf
from keras import layers
from keras.models import load_model  # the function the course's code calls


def make_data(n_examples: int = 512, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Four features and a numeric target that depends on them, plus a little noise."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n_examples, 4)).astype("float32")
    y = x @ np.array([1.0, -2.0, 0.5, 3.0], dtype="float32")
    y = y + 0.1 * rng.normal(size=n_examples).astype("float32")
    return x, y


def build_model() -> keras.Model:
    """A small regression network: the architecture only, not compiled."""
    return keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(16, activation="relu", name="hidden"),
            layers.Dense(1, name="output"),
        ]
    )


def make_trained_model(x: np.ndarray, y: np.ndarray) -> keras.Model:
    """The network with the same initial weights every time, compiled and trained two epochs."""
    keras.utils.set_random_seed(0)
    model = build_model()
    # "mean_squared_error", not "mse": see the .h5 pitfalls further down.
    model.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
    model.fit(x, y, epochs=2, verbose=0)
    return model


x, y = make_data()
# --8<-- [end:setup]

# --8<-- [start:seed]
model = make_trained_model(x, y)

model.save("model_file.h5")
my_model = load_model("model_file.h5")

# model(x) computes the same predictions as model.predict(x), in a single call.
same = np.allclose(model(x), my_model(x))
print(f"Same predictions after loading: {same}")
# --8<-- [end:seed]

# --8<-- [start:native]
# A new model object: saving one model first to .h5 and then to .keras
# loses its optimizer in Keras 3.15.1 and earlier (see the page).
model = make_trained_model(x, y)

model.save("model_file.keras")
my_model = keras.models.load_model("model_file.keras")

same = np.allclose(model(x), my_model(x))
print(f"Same predictions after loading: {same}")
print(f"Optimizer: {type(my_model.optimizer).__name__}")
print(f"Optimizer steps: {int(model.optimizer.iterations)} before, ", end="")
print(f"{int(my_model.optimizer.iterations)} after loading")
print(f"Loss: {my_model.loss}")
# --8<-- [end:native]

# --8<-- [start:inside]
with zipfile.ZipFile("model_file.keras") as archive:
    print("Files in the zip archive:", archive.namelist())
    config = json.loads(archive.read("config.json"))
    metadata = json.loads(archive.read("metadata.json"))
    with archive.open("model.weights.h5") as file, h5py.File(file) as weights:
        arrays = []  # (path, shape) of every array stored in the HDF5 file
        weights.visititems(
            lambda path, item: (
                arrays.append((path, item.shape)) if isinstance(item, h5py.Dataset) else None
            )
        )

print("metadata.json:", sorted(metadata))
print("config.json, layers:", [layer["class_name"] for layer in config["config"]["layers"]])
compiled = config["compile_config"]
print("config.json, compile:", compiled["optimizer"]["class_name"], compiled["loss"])
print("model.weights.h5:")
for path, shape in arrays:
    print(f"  {path:26} {shape}")
# --8<-- [end:inside]

# --8<-- [start:resume]
# One more epoch for the original and for the loaded model, on the same batches in the same order.
model.fit(x, y, epochs=1, shuffle=False, verbose=0)
my_model.fit(x, y, epochs=1, shuffle=False, verbose=0)

same = all(
    np.allclose(a, b) for a, b in zip(model.get_weights(), my_model.get_weights(), strict=True)
)
print(f"Same weights after one more epoch each: {same}")
# --8<-- [end:resume]

# --8<-- [start:checkpoint]
keras.utils.set_random_seed(0)
checkpointed = build_model()
# A learning rate far too high, so that the validation loss jumps about and the best
# epoch is not the last one; in real training overfitting or noise does that.
checkpointed.compile(optimizer=keras.optimizers.Adam(learning_rate=0.5), loss="mean_squared_error")

checkpoint = keras.callbacks.ModelCheckpoint(
    "best.keras",  # the whole model, as model.save writes it
    monitor="val_loss",
    save_best_only=True,  # overwrite the file only when val_loss is the lowest so far
)
history = checkpointed.fit(x, y, validation_split=0.25, epochs=3, callbacks=[checkpoint], verbose=0)

val_losses = history.history["val_loss"]
print("Validation loss per epoch:", [round(loss, 2) for loss in val_losses])
print(f"Lowest in epoch {int(np.argmin(val_losses)) + 1} of {len(val_losses)}")

best = keras.models.load_model("best.keras")
x_val, y_val = x[384:], y[384:]  # validation_split=0.25 held out the last quarter
best_loss = np.mean((best(x_val)[:, 0] - y_val) ** 2)  # the mean squared error, as val_loss
print(f"Validation loss of best.keras: {best_loss:.2f}")
print(f"Validation loss of the model after the last epoch: {val_losses[-1]:.2f}")
# --8<-- [end:checkpoint]

# --8<-- [start:weights]
try:
    model.save_weights("model_file.h5")
except ValueError as error:
    print("save_weights('model_file.h5'):", str(error).split(". ")[0])
model.save_weights("model_file.weights.h5")
# Arrays only: the layers' weights and, as the model is compiled, the optimizer's state.
with h5py.File("model_file.weights.h5") as file:
    print("Groups in model_file.weights.h5:", list(file))
    print("Arrays of the optimizer:", len(file["optimizer/vars"]))

rebuilt = build_model()  # the architecture comes from code, not from the file
rebuilt.load_weights("model_file.weights.h5")
same = np.allclose(model(x), rebuilt(x))
print(f"Same predictions with the loaded weights: {same}")

# Compiled after load_weights, the rebuilt model gets a new Adam that starts from step 0.
rebuilt.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
print(f"Optimizer steps: {int(model.optimizer.iterations)} for the original, ", end="")
print(f"{int(rebuilt.optimizer.iterations)} for the rebuilt model after compile")

# To go on from where the original stopped: compile and build the optimizer first, and
# load_weights fills in the optimizer's saved state as well.
resumed = build_model()
resumed.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
resumed.optimizer.build(resumed.trainable_variables)
resumed.load_weights("model_file.weights.h5")
print(f"Optimizer steps, built before load_weights: {int(resumed.optimizer.iterations)}")

# Compiled but with its optimizer not yet built, the model skips the optimizer's state.
unbuilt = build_model()
unbuilt.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record Keras' warning instead of printing it
    unbuilt.load_weights("model_file.weights.h5")
print(f"Optimizer steps, not built: {int(unbuilt.optimizer.iterations)};", end=" ")
print("Keras warns:", str(caught[0].message).split(" for optimizer")[0])
# --8<-- [end:weights]

# --8<-- [start:export]
try:
    model.save("model_folder")  # Keras 2 wrote a SavedModel folder here
except ValueError as error:
    print("model.save('model_folder'):", str(error).split(".")[0])

model.export("model_export", verbose=False)  # a TensorFlow SavedModel, for serving
served = tf.saved_model.load("model_export")
same = np.allclose(served.serve(x), model(x))
print(f"The SavedModel predicts the same: {same}")
print(f"The SavedModel can be trained further: {hasattr(served, 'fit')}")
# --8<-- [end:export]

# --8<-- [start:custom]


def scaled_tanh(z):
    """LeCun's scaled tanh: an activation function that Keras does not know."""
    return 1.7159 * keras.ops.tanh(2 / 3 * z)


custom = keras.Sequential(
    [keras.Input(shape=(4,)), layers.Dense(8, activation=scaled_tanh, name="hidden")]
)
custom.save("custom.keras")

with zipfile.ZipFile("custom.keras") as archive:
    hidden = json.loads(archive.read("config.json"))["config"]["layers"][1]
print("Stored activation:", hidden["config"]["activation"]["config"])

try:
    keras.models.load_model("custom.keras")
except TypeError:
    print("Loading without the function: TypeError")
loaded = keras.models.load_model("custom.keras", custom_objects={"scaled_tanh": scaled_tanh})
print(f"Loading with custom_objects: {type(loaded).__name__}")

# A Lambda layer stores its Python function as bytecode: loading it would run code from the file.
doubler = keras.Sequential([keras.Input(shape=(4,)), layers.Lambda(lambda z: 2 * z)])
doubler.save("doubler.keras")
try:
    keras.models.load_model("doubler.keras")
except ValueError as error:
    print("Loading a Lambda layer: ValueError:", str(error).split(". ")[0])
trusted = keras.models.load_model("doubler.keras", safe_mode=False)  # only for a file you trust
print(f"With safe_mode=False: {type(trusted.layers[0]).__name__}")
# --8<-- [end:custom]

# --8<-- [start:h5_pitfalls]
print(f"Keras {keras.__version__}")

# The format: the .h5 file holds the optimizer's state, Adam's averages included.
with h5py.File("model_file.h5") as file:
    print("Groups in model_file.h5:", list(file))
    optimizer_group = next(iter(file["optimizer_weights"].values()))  # named after the optimizer
    names = list(optimizer_group)
momentum = sum(name.endswith("_momentum") for name in names)
velocity = sum(name.endswith("_velocity") for name in names)
print(f"Adam's state in the file: {len(names)} arrays, {momentum} momentum and {velocity} velocity")

# The bug: the loader builds the optimizer without the model's weights and drops the averages.
from_h5 = load_model("model_file.h5")
print(f"Optimizer variables after loading: {len(from_h5.optimizer.variables)}")
try:
    from_h5.fit(x, y, epochs=1, verbose=0)
    print("fit() after loading from .h5: works")
except ValueError as error:
    print("fit() after loading from .h5: ValueError:", str(error).split(":")[0])

# The short name "mse" for the loss is saved, but cannot be read back from .h5.
mse_model = build_model()
mse_model.compile(optimizer="adam", loss="mse")
mse_model.save("mse_model.h5")
try:
    load_model("mse_model.h5")
    print('Loading a model compiled with loss="mse" from .h5: works')
except ValueError as error:
    print('Loading a model compiled with loss="mse" from .h5: ValueError:', error)

# One model object saved first as .h5, then as .keras: the .keras file loses the optimizer.
both = make_trained_model(x, y)
both.save("both.h5")
both.save("both.keras")
with zipfile.ZipFile("both.keras") as archive:  # saving as .h5 took the optimizer out
    compiled = json.loads(archive.read("config.json"))["compile_config"]
print("Optimizer named in both.keras:", compiled.get("optimizer"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record Keras' warning instead of printing it
    from_keras = load_model("both.keras")
print(f"Saved as .h5, then as .keras: loads with {type(from_keras.optimizer).__name__}")
print(f"Keras warns: {str(caught[0].message).strip()}")
# --8<-- [end:h5_pitfalls]
