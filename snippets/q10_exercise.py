"""Question 10, exercises: the size of a convolution's output, and its parameters, by hand."""

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
