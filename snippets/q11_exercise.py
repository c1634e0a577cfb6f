"""Question 11, exercises: freeze a base, give it a new head, and check what training changes;
then classify an album with a pretrained model and no training, as the friend does."""

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

# --8<-- [start:album_starter]
import keras
import numpy as np
from sklearn.datasets import load_digits

digits = load_digits()
images = (digits.images / 16).reshape(-1, 64).astype("float32")
labels = digits.target
# The model plays ImageNet's part: pretrained on digits 0-4, its only classes. The album is
# 100 other images of 0-4, which it never saw, and nobody has labeled.
shuffled = np.random.default_rng(0).permutation(np.flatnonzero(labels < 5))
seen, album = shuffled[:-100], shuffled[-100:]
keras.utils.set_random_seed(0)
pretrained = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(5, activation="softmax"),
    ]
)
pretrained.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
pretrained.fit(images[seen], labels[seen], epochs=20, verbose=0)
# 100 images of digits 5-9: classes the model does not have.
unknown = np.flatnonzero(labels >= 5)[:100]
# --8<-- [end:album_starter]

# --8<-- [start:album_solution]
probabilities = pretrained.predict(images[album], verbose=0)
right = probabilities.argmax(axis=1) == labels[album]
print(f"Right on the 10 labeled by hand: {right[:10].sum()} of 10")
print(f"Right on the whole album: {right.sum()} of 100")
# Ten images say little: a model right on 80% of them gets all ten right this often.
print(f"10 of 10 right, for a model right on 80%: probability {0.8**10:.2f}")

on_unknown = pretrained.predict(images[unknown], verbose=0)
# Every image gets a probability for each of 0-4, and they sum to 1: there is no "none of these".
np.testing.assert_allclose(on_unknown.sum(axis=1), 1, rtol=1e-5)
answers = on_unknown.argmax(axis=1)
for digit in range(5, 10):
    taken_for = np.bincount(answers[labels[unknown] == digit], minlength=5)
    print(f"{digit}s taken for: {taken_for.argmax()} ({taken_for.max()} of {taken_for.sum()})")
top = {"0-4": probabilities.max(axis=1), "5-9": on_unknown.max(axis=1)}
print("Mean top probability:", ", ".join(f"{k} {v.mean():.2f}" for k, v in top.items()))
print("Above 0.9:", ", ".join(f"{k} {(v > 0.9).mean():.0%}" for k, v in top.items()))
# --8<-- [end:album_solution]
