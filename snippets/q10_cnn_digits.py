"""Questions 9 and 10: a small CNN on real 8x8 images of digits, compared with a dense network.

The images are scikit-learn's handwritten digits (1,797 grayscale images of 8x8 pixels), which
ship with the package: nothing is downloaded.
"""

# --8<-- [start:data]
import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

digits = load_digits()
# Pixel values are 0..16; scale to 0..1 and add a channel axis: (1797, 8, 8, 1), like a
# grayscale photo with height, width and one channel.
x = (digits.images / 16.0).astype("float32")[..., np.newaxis]
y = digits.target
x_train, x_test, y_train, y_test = train_test_split(
    x, y, test_size=0.25, stratify=y, random_state=0
)
print(f"Training images {x_train.shape}, test images {x_test.shape}")
# --8<-- [end:data]

# --8<-- [start:cnn]
keras.utils.set_random_seed(0)  # same initial weights every run
cnn = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)),
        # 8 filters of 3x3 pixels; "same" pads the border so the maps stay 8x8.
        layers.Conv2D(8, kernel_size=3, padding="same", activation="relu", name="conv1"),
        layers.Conv2D(8, kernel_size=3, padding="same", activation="relu", name="conv2"),
        layers.MaxPooling2D(pool_size=2, name="pool"),  # keeps the largest of each 2x2 block
        layers.Flatten(name="flatten"),
        layers.Dense(10, activation="softmax", name="output"),  # one probability per digit
    ],
    name="cnn",
)
cnn.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# --8<-- [end:cnn]


# --8<-- [start:layers]
def receptive_fields(model: keras.Model) -> list[int | None]:
    """Side in input pixels of the region that one unit of each layer can see.

    Each layer with a k x k window and stride s widens the field by (k - 1) times the
    distance in input pixels between neighboring units, and multiplies that distance by s.
    After Flatten and Dense every unit sees the whole image (None).
    """
    size, jump, fields = 1, 1, []
    for layer in model.layers:
        if isinstance(layer, layers.Conv2D):
            kernel, stride = layer.kernel_size[0], layer.strides[0]
        elif isinstance(layer, layers.MaxPooling2D):
            kernel, stride = layer.pool_size[0], layer.strides[0]
        else:
            size = None
        if size is not None:
            size, jump = size + (kernel - 1) * jump, jump * stride
        fields.append(size)
    return fields


print(f"{'layer':8} {'output shape':13} {'parameters':>10}  receptive field")
for layer, field in zip(cnn.layers, receptive_fields(cnn), strict=True):
    shape = str(tuple(layer.output.shape[1:]))
    seen = f"{field}x{field} pixels" if field else "the whole image"
    print(f"{layer.name:8} {shape:13} {layer.count_params():>10}  {seen}")
print(f"Total parameters: {cnn.count_params()}")
# --8<-- [end:layers]

# --8<-- [start:fit]
cnn.fit(x_train, y_train, epochs=15, batch_size=32, verbose=0)
cnn_loss, cnn_accuracy = cnn.evaluate(x_test, y_test, verbose=0)
print(f"CNN:   {cnn.count_params():>5} parameters, test accuracy {cnn_accuracy:.2f}")
# --8<-- [end:fit]

# --8<-- [start:dense]
keras.utils.set_random_seed(0)
dense = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)),
        layers.Flatten(),  # 64 pixel values in a row: the grid structure is gone
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ],
    name="dense",
)
dense.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
dense.fit(x_train, y_train, epochs=15, batch_size=32, verbose=0)
dense_loss, dense_accuracy = dense.evaluate(x_test, y_test, verbose=0)
print(f"Dense: {dense.count_params():>5} parameters, test accuracy {dense_accuracy:.2f}")
# --8<-- [end:dense]

# --8<-- [start:shifted]
# The same test digits moved one pixel to the right (the empty column on the left is black).
x_shifted = np.roll(x_test, 1, axis=2)
x_shifted[:, :, 0] = 0
for model in (cnn, dense):
    _, accuracy = model.evaluate(x_shifted, y_test, verbose=0)
    print(f"{model.name:5}: test accuracy on shifted digits {accuracy:.2f}")
# --8<-- [end:shifted]


# --8<-- [start:per_layer]
def conv_parameters(kernel: int, in_channels: int, filters: int) -> int:
    """Weights of a Conv2D layer: one kernel x kernel x in_channels filter plus a bias each."""
    return (kernel * kernel * in_channels + 1) * filters


def dense_parameters(inputs: int, units: int) -> int:
    """Weights of a Dense layer: one weight per input and unit, plus a bias per unit."""
    return (inputs + 1) * units


# One layer that turns an image into `filters` feature maps of the same height and width,
# built as a 3x3 convolution or as a dense layer with as many outputs.
for height, width, channels, filters in [(8, 8, 1, 8), (224, 224, 3, 64)]:
    conv = conv_parameters(3, channels, filters)
    full = dense_parameters(height * width * channels, height * width * filters)
    print(f"{height}x{width}x{channels} -> {filters} maps: Conv2D {conv:,}, Dense {full:,}")
# --8<-- [end:per_layer]

# --8<-- [start:feature_maps]
# A model that stops after the first convolutional layer: its output is the 8 feature maps.
first_layer = keras.Model(inputs=cnn.inputs, outputs=cnn.get_layer("conv1").output)
image = x_test[:1]  # one test digit, shape (1, 8, 8, 1)
maps = first_layer.predict(image, verbose=0)  # shape (1, 8, 8, 8): 8 maps of 8x8
kernels, biases = cnn.get_layer("conv1").get_weights()  # (3, 3, 1, 8) and (8,)
print(f"Digit {y_test[0]}, feature maps {maps.shape}, filters {kernels.shape}")

# One unit by hand: filter 0 at row 3, column 4 looks at the 3x3 input window around (3, 4).
window = image[0, 2:5, 3:6, 0]
by_hand = max(0.0, float(np.sum(window * kernels[:, :, 0, 0]) + biases[0]))  # ReLU
print(f"Filter 0 at (3, 4): by hand {by_hand:.2f}, Keras {maps[0, 3, 4, 0]:.2f}")

weight_range = np.abs(kernels).max()  # one color scale for all filters, white = 0
fig = plt.figure(figsize=(10, 2.8))
grid = fig.add_gridspec(2, 9)
ax = fig.add_subplot(grid[:, 0])
ax.imshow(image[0, :, :, 0], cmap="gray_r")
ax.set_title(f"{y_test[0]}")
ax.axis("off")
for f in range(8):
    top, bottom = fig.add_subplot(grid[0, f + 1]), fig.add_subplot(grid[1, f + 1])
    top.imshow(kernels[:, :, 0, f], cmap="RdBu_r", vmin=-weight_range, vmax=weight_range)
    top.set_title(f"{f}")
    bottom.imshow(maps[0, :, :, f], cmap="viridis", vmin=0, vmax=maps.max())  # where it fires
    top.axis("off")
    bottom.axis("off")
fig.tight_layout()
fig.savefig("q10_feature_maps.png", dpi=80)
# --8<-- [end:feature_maps]
