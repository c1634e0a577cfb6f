"""Question 10: how padding and stride set the size of a convolutional layer's output."""

import math

import numpy as np
from keras import layers


def output_size(n: int, kernel: int, stride: int, padding: str) -> int:
    """Height (or width) of the output for an input of n pixels, as Keras computes it.

    "valid" places the kernel only where it fits inside the image: floor((n - k) / s) + 1.
    "same" pads the border with zeros so that the output is ceil(n / s): n when s = 1.
    """
    if padding == "valid":
        return (n - kernel) // stride + 1
    return math.ceil(n / stride)


image = np.zeros((1, 8, 8, 1), dtype="float32")  # a batch of one 8x8 image with one channel
for padding in ("valid", "same"):
    for stride in (1, 2):
        conv = layers.Conv2D(8, kernel_size=3, strides=stride, padding=padding)
        shape = tuple(conv(image).shape[1:])
        expected = output_size(8, 3, stride, padding)
        print(f"padding={padding!r:8} strides={stride}: {shape}, formula {expected}x{expected}")
print(f"Parameters per layer: {conv.count_params()} = (3*3*1 + 1) * 8")

rgb = layers.Conv2D(64, kernel_size=3)
rgb.build((None, 224, 224, 3))  # the size of the image does not matter, only its 3 channels
print(f"64 filters of 3x3 on an RGB image: {rgb.count_params()} = (3*3*3 + 1) * 64")
default = layers.Conv2D(8, kernel_size=3)
print(f"Defaults of Conv2D: strides={default.strides}, padding={default.padding!r}")
