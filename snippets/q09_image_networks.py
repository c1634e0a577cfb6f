"""Question 9: why convolutional networks suit images, shown on scikit-learn's 8x8 digits.

A convolutional layer is translation equivariant (a shifted image gives a shifted feature map),
needs far fewer weights than a dense layer, and with a global pooling head it recognizes a digit
that has moved. The images ship with scikit-learn: nothing is downloaded.
"""

# --8<-- [start:data]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
# Pixel values 0..16 scaled to 0..1, with a channel axis: (1797, 8, 8, 1).
x = (digits.images / 16.0).astype("float32")[..., np.newaxis]
y = digits.target
x_train, x_test, y_train, y_test = train_test_split(
    x, y, test_size=0.25, stratify=y, random_state=0
)


def shift_right(images: np.ndarray, pixels: int) -> np.ndarray:
    """The images moved `pixels` columns to the right; the columns that open up are black."""
    shifted = np.roll(images, pixels, axis=2)
    shifted[:, :, :pixels] = 0
    return shifted


print(f"Training images {x_train.shape}, test images {x_test.shape}")
# --8<-- [end:data]

# --8<-- [start:equivariance]
keras.utils.set_random_seed(0)
conv = layers.Conv2D(1, kernel_size=3)  # one 3x3 filter; "valid": 8x8 in, 6x6 out
dense = layers.Dense(36)  # 64 pixels in, 36 numbers out, which we lay out as 6x6 as well

digit = x_test[:1]  # one test digit, shape (1, 8, 8, 1)
moved = shift_right(digit, 1)
conv_map = keras.ops.convert_to_numpy(conv(digit))[0, :, :, 0]
conv_moved = keras.ops.convert_to_numpy(conv(moved))[0, :, :, 0]
dense_map = keras.ops.convert_to_numpy(dense(digit.reshape(1, 64))).reshape(6, 6)
dense_moved = keras.ops.convert_to_numpy(dense(moved.reshape(1, 64))).reshape(6, 6)

# Equivariant: the output for the moved digit is the old output moved one column.
for name, before, after in [("Conv2D", conv_map, conv_moved), ("Dense", dense_map, dense_moved)]:
    difference = np.abs(after[:, 1:] - before[:, :-1]).max()
    print(f"{name:6}: largest difference, f(moved digit) vs moved f(digit): {difference:.2f}")
# --8<-- [end:equivariance]


# --8<-- [start:models]
def build(name: str) -> keras.Sequential:
    """A dense network, or a CNN whose head is Flatten or GlobalMaxPooling2D."""
    if name == "dense":
        body = [layers.Flatten(), layers.Dense(64, activation="relu")]
    else:
        filters = 8 if name == "cnn_flatten" else 16
        head = layers.Flatten() if name == "cnn_flatten" else layers.GlobalMaxPooling2D()
        body = [
            layers.Conv2D(filters, 3, padding="same", activation="relu"),
            layers.Conv2D(filters, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(2),
            head,
        ]
    model = keras.Sequential(
        [keras.Input(shape=(8, 8, 1)), *body, layers.Dense(10, activation="softmax")], name=name
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


print(f"{'model':14} {'parameters':>10}   test accuracy, digits moved 0 / 1 / 2 pixels right")
for name in ["dense", "cnn_flatten", "cnn_global_max"]:
    keras.utils.set_random_seed(0)
    model = build(name)
    model.fit(x_train, y_train, epochs=4, batch_size=32, verbose=0)
    scores = [model.evaluate(shift_right(x_test, p), y_test, verbose=0)[1] for p in (0, 1, 2)]
    print(f"{name:14} {model.count_params():>10}   " + " / ".join(f"{s:.2f}" for s in scores))
# --8<-- [end:models]


# --8<-- [start:per_layer]
def conv_parameters(kernel: int, in_channels: int, filters: int) -> int:
    """Weights of a Conv2D layer: one kernel x kernel x in_channels filter plus a bias each."""
    return (kernel * kernel * in_channels + 1) * filters


def dense_parameters(inputs: int, units: int) -> int:
    """Weights of a Dense layer: one weight per input and unit, plus a bias per unit."""
    return (inputs + 1) * units


# One layer that turns an image into `filters` feature maps of the image's height and width,
# built as a 3x3 convolution or as a dense layer with as many outputs.
for height, width, channels, filters in [(8, 8, 1, 8), (224, 224, 3, 64)]:
    conv_count = conv_parameters(3, channels, filters)
    dense_count = dense_parameters(height * width * channels, height * width * filters)
    print(
        f"{height}x{width}x{channels} -> {filters} maps of {height}x{width}: "
        f"Conv2D {conv_count:,}, Dense {dense_count:,}"
    )
# --8<-- [end:per_layer]
