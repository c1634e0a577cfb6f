"""Question 11: transfer learning, offline, with a base pretrained in the snippet itself.

A small CNN learns the digits 0-4 from scikit-learn's 8x8 images. Its convolutional base is
then reused for new classes, the digits 5-9, of which we only have 5 labeled images each to
train on. Two ways to learn the new classes, from scratch and with the pretrained base frozen,
are compared on validation data; only the one chosen is evaluated, once, on the test data.

The last section stands alone (the page shows it first, beside the ImageNet model): how three
pretrained families in keras.applications preprocess the same pixel. It needs no weights.
"""

# --8<-- [start:data]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.images / 16.0).astype("float32")[..., np.newaxis]  # (1797, 8, 8, 1), 0..1
y = digits.target

# The pretraining data: every image of 0-4.
x_old, y_old = x[y < 5], y[y < 5]

# The new task: 5-9 (labels 0-4 for the new head). Per class 5 images to train on and
# 10 to validate on; all the other images of 5-9 are the test data.
rng = np.random.default_rng(0)
new = np.flatnonzero(y >= 5)
picked = np.stack([rng.choice(new[y[new] == digit], 15, replace=False) for digit in range(5, 10)])
train, val = picked[:, :5].ravel(), picked[:, 5:].ravel()
test = np.setdiff1d(new, picked)
x_train, y_train = x[train], y[train] - 5
x_val, y_val = x[val], y[val] - 5
x_test, y_test = x[test], y[test] - 5
print(f"Pretraining: {len(x_old)} images of 0-4")
print(f"New task 5-9: {len(x_train)} to train, {len(x_val)} to validate, {len(x_test)} to test")
# --8<-- [end:data]


# --8<-- [start:pretrain]
def make_base() -> keras.Sequential:
    """The convolutional base: it turns an 8x8 image into 512 features (4 x 4 x 32).

    Like the large pretrained CNNs (ResNet, MobileNet, EfficientNet) it uses batch
    normalization, which needs care when the base is frozen and fine-tuned.
    """
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            layers.Conv2D(16, 3, padding="same", use_bias=False),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Conv2D(32, 3, padding="same", use_bias=False),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.MaxPooling2D(2),
            layers.Flatten(),
        ],
        name="base",
    )


keras.utils.set_random_seed(0)
base = make_base()
pretrained = keras.Sequential([base, layers.Dense(5, activation="softmax")])
pretrained.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
pretrained.fit(x_old, y_old, epochs=5, batch_size=64, verbose=0)
print(f"Base pretrained on 0-4: {base.count_params()} parameters")
# --8<-- [end:pretrain]


# --8<-- [start:compare]
def train_on_few(model: keras.Model, learning_rate: float) -> float:
    """Train on the 25 images until validation accuracy stops improving; return the best."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    stop = keras.callbacks.EarlyStopping(
        monitor="val_accuracy", patience=2, restore_best_weights=True
    )
    # One epoch shows the 25 images 20 times: fewer, longer epochs run faster.
    history = model.fit(
        np.tile(x_train, (20, 1, 1, 1)),
        np.tile(y_train, 20),
        validation_data=(x_val, y_val),
        epochs=15,
        batch_size=25,
        callbacks=[stop],
        verbose=0,
    )
    return max(history.history["val_accuracy"])


def count_trainable(model: keras.Model) -> int:
    """How many numbers `fit` may change in `model`."""
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


# 1. From scratch: the same network, with random weights.
keras.utils.set_random_seed(0)
scratch = keras.Sequential([make_base(), layers.Dense(5, activation="softmax")])
val_accuracy = {"from scratch": train_on_few(scratch, 1e-3)}

# 2. Feature extraction: the pretrained base frozen, only a new head trained.
base.trainable = False
inputs = keras.Input(shape=(8, 8, 1))
outputs = layers.Dense(5, activation="softmax")(base(inputs))  # the new head, for 5-9
transfer = keras.Model(inputs, outputs)
val_accuracy["frozen base + new head"] = train_on_few(transfer, 1e-2)


print(f"Trainable: from scratch {count_trainable(scratch)}, frozen {count_trainable(transfer)}")
print("Validation accuracy on 5-9, 50 images:")
for name, accuracy in val_accuracy.items():
    print(f"  {name}: {accuracy:.2f}")
# --8<-- [end:compare]

# --8<-- [start:test]
chosen = max(val_accuracy, key=val_accuracy.get)
model = {"from scratch": scratch, "frozen base + new head": transfer}[chosen]
_, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Chosen on validation data: {chosen}")
print(f"Test accuracy, measured once: {test_accuracy:.2f}")
# --8<-- [end:test]

# --8<-- [start:unfreeze]
# Fine-tuning unfreezes the base, but fit reuses the step it traced, with the base frozen, on its
# first call after compile: without a new compile, the base is not trained, or fit stops.
conv = base.layers[0]  # the base's first convolution
kernel_before = conv.kernel.numpy().copy()
base.trainable = True
for layer in base.layers:  # BatchNormalization stays frozen: keep its statistics
    if isinstance(layer, layers.BatchNormalization):
        layer.trainable = False
transfer.fit(x_train, y_train, epochs=1, batch_size=25, verbose=0)
trained = not np.array_equal(kernel_before, conv.kernel.numpy())
print("Unfrozen, not compiled again: base trained:", trained)
try:  # another batch size makes fit trace its step again, now with the base's weights in it
    transfer.fit(x_train, y_train, epochs=1, batch_size=5, verbose=0)
except ValueError as error:  # the optimizer was built for the head's weights only
    print("Unfrozen, not compiled again, batch size 5: ValueError:", str(error).split(":")[0])

transfer.compile(
    optimizer=keras.optimizers.Adam(1e-5),  # low: adjust the pretrained weights only a little
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
transfer.fit(x_train, y_train, epochs=1, batch_size=25, verbose=0)
trained = not np.array_equal(kernel_before, conv.kernel.numpy())
print("Compiled again: base trained:", trained)
# --8<-- [end:unfreeze]

# --8<-- [start:preprocess]
import numpy as np
from keras.applications import efficientnet, mobilenet_v2, resnet50

# Each family's weights were trained on images prepared its own way, so each family needs
# its own preprocess_input. None of these functions needs the weights.
pixel = np.array([255, 128, 0], dtype="float32")  # one orange RGB pixel, values 0..255
print(f"RGB pixel {pixel.astype(int).tolist()} after preprocess_input:")
for name, family in [
    ("MobileNetV2", mobilenet_v2),
    ("ResNet50", resnet50),
    ("EfficientNet", efficientnet),
]:
    # MobileNetV2's and ResNet50's preprocess_input change a NumPy array in place: without
    # a copy, each family would get the result of the one before.
    values = family.preprocess_input(pixel.copy())
    print(f"  {name + ':':13} {[round(float(v), 2) for v in values]}")
# --8<-- [end:preprocess]
