"""Question 10, exercises: the size of a convolution's output, its parameters and the
receptive fields of a small CNN, by hand."""

# --8<-- [start:size_starter]
from keras import layers


def keras_output_size(n: int, kernel: int, stride: int, pad: int) -> int:
    """Side of the output Keras gives for an n x n image, `pad` zeros on each side."""
    padded = layers.ZeroPadding2D(pad)  # adds `pad` rows and columns of zeros on every side
    conv = layers.Conv2D(1, kernel_size=kernel, strides=stride)  # padding="valid"
    return conv.compute_output_shape(padded.compute_output_shape((1, n, n, 1)))[1]


# (n, k, s, p): image side, kernel side, stride, zeros on each side
settings = [(8, 3, 1, 0), (8, 3, 1, 1), (28, 5, 1, 2), (8, 3, 2, 0), (32, 3, 2, 1), (224, 7, 2, 3)]
# --8<-- [end:size_starter]


# --8<-- [start:size_solution]
import math


def output_size(n: int, kernel: int, stride: int, pad: int) -> int:
    """floor((n + 2p - k) / s) + 1: the positions where the kernel fits in the padded image."""
    return (n + 2 * pad - kernel) // stride + 1


for n, k, s, p in settings:
    by_hand = output_size(n, k, s, p)
    assert by_hand == keras_output_size(n, k, s, p)
    # padding="same" gives ceil(n / s) whatever the kernel; Keras agrees.
    same_size = math.ceil(n / s)
    same = layers.Conv2D(1, kernel_size=k, strides=s, padding="same")
    assert same_size == same.compute_output_shape((1, n, n, 1))[1]
    as_same = ", as with same" if by_hand == same_size else ""
    print(f"n={n:3} k={k} s={s} p={p}: {by_hand:3} x {by_hand}{as_same}")
# --8<-- [end:size_solution]

# --8<-- [start:parameters_starter]
import keras


def build(side: int) -> keras.Sequential:
    """The same layers for an RGB image of side x side pixels."""
    return keras.Sequential(
        [
            keras.Input(shape=(side, side, 3)),
            keras.layers.Conv2D(16, kernel_size=5, activation="relu"),
            keras.layers.Conv2D(32, kernel_size=3, strides=2, activation="relu"),
            keras.layers.Conv2D(64, kernel_size=1, activation="relu"),  # a 1x1 convolution
            keras.layers.GlobalAveragePooling2D(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


model = build(28)
# --8<-- [end:parameters_starter]

# --8<-- [start:parameters_solution]
# (k * k * channels in + 1) * filters for Conv2D, (inputs + 1) * units for Dense.
by_hand = [
    (5 * 5 * 3 + 1) * 16,  # 1,216: each of 16 filters sees 5x5 pixels of 3 channels
    (3 * 3 * 16 + 1) * 32,  # 4,640: the input now has 16 channels, the stride adds nothing
    (1 * 1 * 32 + 1) * 64,  # 2,112: a 1x1 filter mixes the 32 channels at one position
    0,  # global average pooling has no weights
    (64 + 1) * 10,  # 650: one number per map in, ten classes out
]
assert by_hand == [layer.count_params() for layer in model.layers]
# The image's size enters nowhere: the same layers on 224x224 images have as many parameters.
assert build(224).count_params() == model.count_params() == sum(by_hand)
print(f"Parameters per layer: {by_hand}, in all {sum(by_hand):,}")
# --8<-- [end:parameters_solution]

# --8<-- [start:fields_solution]
import numpy as np


def receptive_fields(model: keras.Model) -> list[int]:
    """Side in input pixels of what one unit sees, for each convolution and pooling layer:
    r <- r + (k - 1) * j, then j <- j * s, from one pixel (r = 1, j = 1)."""
    r, j, fields = 1, 1, []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2D):
            k, s = layer.kernel_size[0], layer.strides[0]
        elif isinstance(layer, keras.layers.GlobalAveragePooling2D):
            k, s = layer.input.shape[1], 1  # one window over the whole map
        else:
            continue  # Dense gets global pooling's 64 numbers and sees what they see
        r, j = r + (k - 1) * j, j * s
        fields.append(r)
    return fields


fields = receptive_fields(model)
# 1 + 4*1 = 5; 5 + 2*1 = 7, then j = 2; a 1x1 window adds 0; the 11x11 map adds 10*2 = 20.
assert fields == [5, 7, 7, 27]

# The definition: the input pixels that can change a unit's value. With every weight 1 and
# every bias 0, a lit pixel reaches exactly the units that see it; light each pixel in turn.
probe = build(28)
probe.set_weights(
    [np.ones_like(w) if w.ndim > 1 else np.zeros_like(w) for w in probe.get_weights()]
)
lit = np.eye(28 * 28, dtype="float32").reshape(-1, 28, 28, 1).repeat(3, axis=-1)  # 784 images
per_layer = keras.Model(probe.inputs, [layer.output for layer in probe.layers[:4]])
for field, output in zip(fields, per_layer.predict(lit, verbose=0), strict=True):
    first_unit = output.reshape(len(lit), -1)[:, 0]  # the top-left unit of the first map
    seen = (first_unit > 0).reshape(28, 28)
    assert seen[:field, :field].all()  # the top-left field x field square ...
    assert seen.sum() == field * field  # ... and nothing else
print(f"Receptive fields: {fields}; Dense sees {fields[-1]}x{fields[-1]} of the 28x28 pixels")
# --8<-- [end:fields_solution]
