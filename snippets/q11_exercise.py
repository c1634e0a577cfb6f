"""Question 11, exercise: freeze a base, give it a new head, and check what training changes."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
# A small convolutional base, as if pretrained: 8x8 images in, 4 x 4 x 8 = 128 features out.
base = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(8, 3, padding="same", use_bias=False),
        layers.BatchNormalization(),
        layers.ReLU(),
        layers.MaxPooling2D(2),
        layers.Flatten(),
    ],
    name="base",
)
# Twelve images of three new classes. Random pixels will do: the exercise is about which
# weights training changes, not about how well the model classifies.
x_new = np.random.default_rng(0).random((12, 8, 8, 1), dtype="float32")
y_new = np.arange(12) % 3


def trainable_count(model: keras.Model) -> int:
    """How many numbers `fit` may change in `model`."""
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


# --8<-- [end:starter]

# --8<-- [start:solution]
# 1. Before freezing: the kernel (3 * 3 * 1 * 8) and BatchNormalization's gamma and beta (2 * 8).
#    Its moving mean and variance (2 * 8) are weights too, but never trainable.
assert trainable_count(base) == 3 * 3 * 1 * 8 + 2 * 8 == 88
assert base.count_params() == 88 + 2 * 8
base.trainable = False
assert trainable_count(base) == 0

# 2. A new head for three classes on the frozen base.
inputs = keras.Input(shape=(8, 8, 1))
outputs = layers.Dense(3, activation="softmax")(base(inputs, training=False))
model = keras.Model(inputs, outputs)
assert trainable_count(model) == 128 * 3 + 3  # only the head: weights and biases
assert model(x_new).shape == (12, 3)  # one probability per new class

# 3. Train, then compare: the base (kernel and moving statistics) is untouched, the head is not.
base_before = [w.numpy().copy() for w in base.weights]
head_before = model.layers[-1].kernel.numpy().copy()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_new, y_new, epochs=1, verbose=0)
assert all(np.array_equal(b, w.numpy()) for b, w in zip(base_before, base.weights, strict=True))
assert not np.array_equal(head_before, model.layers[-1].kernel.numpy())
print(f"Frozen: {trainable_count(model)} trainable, base unchanged by fit, head changed")

# 4. Unfreeze the base and compile again. The kernel now trains, and BatchNormalization runs in
#    training mode: fit calls the model with training=True, which overrides the training=False
#    given above, so it normalizes with the batch's statistics and updates its moving averages.
conv, batch_norm = base.layers[0], base.layers[1]


def fit_once() -> tuple[bool, bool]:
    """Compile, fit one epoch; whether the kernel and the moving mean changed."""
    kernel_before = conv.kernel.numpy().copy()
    mean_before = batch_norm.moving_mean.numpy().copy()
    model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy")
    model.fit(x_new, y_new, epochs=1, verbose=0)
    return (
        not np.array_equal(kernel_before, conv.kernel.numpy()),
        not np.array_equal(mean_before, batch_norm.moving_mean.numpy()),
    )


base.trainable = True
assert fit_once() == (True, True)

# 5. Freeze BatchNormalization alone: it runs in inference mode and keeps its statistics.
batch_norm.trainable = False
assert fit_once() == (True, False)
print("Unfrozen: kernel changed; moving mean changed, unless BatchNormalization is frozen")
# --8<-- [end:solution]
