"""Question 10: a small CNN on real 8x8 images of digits, layer by layer.

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
cnn.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
# --8<-- [end:cnn]


# --8<-- [start:layers]
def receptive_fields(model: keras.Model) -> list[int | None]:
    """Side in input pixels of the region that one unit of each layer can see.

    Each layer with a k x k window and stride s widens the field by (k - 1) times the
    distance in input pixels between neighboring units, and multiplies that distance by s.
    Flatten only lines the units up, so each keeps its field; a Dense unit is connected to
    every unit before it and sees the whole image (None).
    """
    size, jump, fields = 1, 1, []
    for layer in model.layers:
        kernel, stride = 1, 1  # Flatten: no window, nothing changes
        if isinstance(layer, layers.Conv2D):
            kernel, stride = layer.kernel_size[0], layer.strides[0]
        elif isinstance(layer, layers.MaxPooling2D):
            kernel, stride = layer.pool_size[0], layer.strides[0]
        elif isinstance(layer, layers.Dense):
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
cnn.fit(x_train, y_train, epochs=4, batch_size=32, verbose=0)
cnn_loss, cnn_accuracy = cnn.evaluate(x_test, y_test, verbose=0)
print(f"Test loss {cnn_loss:.2f}, test accuracy {cnn_accuracy:.2f}")
# --8<-- [end:fit]

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
# Four filters a row, each filter's weights above its map: narrow enough for a phone.
fig = plt.figure(figsize=(4.1, 4.3), layout="constrained")
grid = fig.add_gridspec(4, 5)
ax = fig.add_subplot(grid[1:3, 0])
ax.imshow(image[0, :, :, 0], cmap="gray_r")
ax.set_title(f"{y_test[0]}")
ax.axis("off")
for f in range(8):
    row, column = 2 * (f // 4), f % 4 + 1  # filters 0-3 in rows 0 and 1, 4-7 in rows 2 and 3
    top, bottom = fig.add_subplot(grid[row, column]), fig.add_subplot(grid[row + 1, column])
    top.imshow(kernels[:, :, 0, f], cmap="RdBu_r", vmin=-weight_range, vmax=weight_range)
    top.set_title(f"{f}")
    bottom.imshow(maps[0, :, :, f], cmap="viridis", vmin=0, vmax=maps.max())  # where it fires
    top.axis("off")
    bottom.axis("off")
fig.savefig("q10_feature_maps.png", dpi=100)
# --8<-- [end:feature_maps]
