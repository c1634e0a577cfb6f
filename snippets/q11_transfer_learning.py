"""Question 11: transfer learning, offline, with a base pretrained in the snippet itself.

A small CNN learns the digits 0-4 from scikit-learn's 8x8 images. Its convolutional base is
then frozen and reused for new classes, the digits 5-9, of which we only have 10 images each:
the situation of a friend with a small album and no more data.
"""

# --8<-- [start:data]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits

digits = load_digits()
x = (digits.images / 16.0).astype("float32")[..., np.newaxis]  # (1797, 8, 8, 1), 0..1
y = digits.target

# The "pretraining" data: every image of 0-4.
x_old, y_old = x[y < 5], y[y < 5]

# The new task: 5-9 (labels 0-4 for the new head), 10 images per class to train on,
# all the other images of 5-9 to test on.
rng = np.random.default_rng(0)
new = np.flatnonzero(y >= 5)
few = np.concatenate(
    [rng.choice(new[y[new] == digit], 10, replace=False) for digit in range(5, 10)]
)
rest = np.setdiff1d(new, few)
x_few, y_few = x[few], y[few] - 5
x_test, y_test = x[rest], y[rest] - 5
# Each epoch shows every training image 10 times: fewer, longer epochs train faster.
x_few_10, y_few_10 = np.tile(x_few, (10, 1, 1, 1)), np.tile(y_few, 10)
print(f"Pretraining {len(x_old)} images, new task: {len(x_few)} to train, {len(x_test)} to test")
# --8<-- [end:data]


# --8<-- [start:pretrain]
def make_base() -> keras.Sequential:
    """The convolutional base: it turns an 8x8 image into 512 features (4 x 4 x 32).

    Like the large pretrained CNNs (ResNet, MobileNet, EfficientNet) it uses batch
    normalization, which matters when the base is frozen and fine-tuned.
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
pretrained.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
pretrained.fit(x_old, y_old, epochs=5, batch_size=32, verbose=0)
print(f"Base pretrained on 0-4: {base.count_params()} parameters")
# --8<-- [end:pretrain]

# --8<-- [start:transfer]
base.trainable = False  # freeze: the pretrained weights are not updated

inputs = keras.Input(shape=(8, 8, 1))
features = base(inputs, training=False)  # BatchNormalization in inference mode, always
outputs = layers.Dense(5, activation="softmax")(features)  # the new head, for 5-9
transfer = keras.Model(inputs, outputs)
transfer.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
transfer.fit(x_few_10, y_few_10, epochs=3, batch_size=10, verbose=0)  # 30 passes

trainable = sum(int(np.prod(w.shape)) for w in transfer.trainable_weights)
print(f"Trainable parameters: {trainable} of {transfer.count_params()}")
_, transfer_accuracy = transfer.evaluate(x_test, y_test, verbose=0)
# --8<-- [end:transfer]

# --8<-- [start:scratch]
keras.utils.set_random_seed(0)
scratch = keras.Sequential([make_base(), layers.Dense(5, activation="softmax")])
scratch.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
scratch.fit(x_few_10, y_few_10, epochs=3, batch_size=10, verbose=0)
_, scratch_accuracy = scratch.evaluate(x_test, y_test, verbose=0)

print("Test accuracy on 5-9 after 30 passes over the 50 images:")
print(f"  frozen pretrained base + new head: {transfer_accuracy:.2f}")
print(f"  same network trained from scratch: {scratch_accuracy:.2f}")
# --8<-- [end:scratch]

# --8<-- [start:longer]
scratch.fit(x_few_10, y_few_10, epochs=7, batch_size=10, verbose=0)  # 100 passes in all
_, scratch_accuracy = scratch.evaluate(x_test, y_test, verbose=0)
print(f"From scratch after 100 passes: {scratch_accuracy:.2f}")
# --8<-- [end:longer]

# --8<-- [start:fine_tune]
# Unfreeze the top of the base (the second convolutional block), keep the first block frozen.
base.trainable = True
for layer in base.layers[:3]:
    layer.trainable = False
# A new compile is needed for the change to take effect; a small learning rate keeps the
# pretrained weights close to where they were.
transfer.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-5),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
transfer.fit(x_few_10, y_few_10, epochs=1, batch_size=10, verbose=0)  # 10 passes
_, fine_tuned_accuracy = transfer.evaluate(x_test, y_test, verbose=0)
print(f"Test accuracy after fine-tuning the top block: {fine_tuned_accuracy:.2f}")
# --8<-- [end:fine_tune]
