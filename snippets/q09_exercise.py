"""Question 9, exercise: where the digit is does not matter after global max pooling.

A convolutional layer moves its feature maps with the image (equivariance); a global max
pooling head then gives the same numbers wherever the pattern is (invariance). A Flatten head
keeps every position apart, so its numbers change.
"""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_digits

digit = (load_digits().images[0] / 16.0).astype("float32")  # one 8x8 digit (a zero)


def on_canvas(image: np.ndarray, row: int, col: int) -> np.ndarray:
    """The 8x8 image on a black 16x16 canvas, its top left corner at (row, col)."""
    canvas = np.zeros((1, 16, 16, 1), dtype="float32")
    canvas[0, row : row + 8, col : col + 8, 0] = image
    return canvas


a = on_canvas(digit, 2, 2)
b = on_canvas(digit, 6, 5)  # the same digit, 4 pixels lower and 3 pixels further right
keras.utils.set_random_seed(0)
conv = layers.Conv2D(8, kernel_size=3, activation="relu")  # 16x16x1 in, 14x14x8 out
# --8<-- [end:starter]

# --8<-- [start:solution]
map_a = keras.ops.convert_to_numpy(conv(a))  # shape (1, 14, 14, 8)
map_b = keras.ops.convert_to_numpy(conv(b))

# 1. Equivariance: the maps of b are the maps of a, moved 4 rows down and 3 columns right.
assert np.allclose(map_b[:, 4:, 3:], map_a[:, :-4, :-3])

# 2. Global max pooling keeps the largest value of each map: the same 8 numbers for a and b.
pooled_a = keras.ops.convert_to_numpy(layers.GlobalMaxPooling2D()(map_a))
pooled_b = keras.ops.convert_to_numpy(layers.GlobalMaxPooling2D()(map_b))
assert np.allclose(pooled_a, pooled_b)

# 3. Flatten keeps every position apart: the same values, but in other places of the vector.
flat_a = keras.ops.convert_to_numpy(layers.Flatten()(map_a))  # shape (1, 14 * 14 * 8)
flat_b = keras.ops.convert_to_numpy(layers.Flatten()(map_b))
assert not np.allclose(flat_a, flat_b)
assert np.allclose(np.sort(flat_a), np.sort(flat_b))  # the same values, only moved

print(f"Global max pooling: {pooled_a.shape[1]} numbers, equal for a and b")
print(f"Flatten: {flat_a.shape[1]} numbers, {np.sum(flat_a != flat_b)} of them differ")
# --8<-- [end:solution]
