"""Question 13, exercises: count the work in a matrix product, time it, and see where it runs."""

# --8<-- [start:starter]
import statistics
import time

import tensorflow as tf


def count_operations(m: int, k: int, n: int) -> int:
    """Multiplications and additions in an (m x k) @ (k x n) product, counted one by one."""
    count = 0
    for _row in range(m):
        for _column in range(n):
            count += k  # k products ...
            count += k - 1  # ... added up with k - 1 additions
    return count


def seconds_per_matmul(m: int, k: int, n: int, repeats: int = 3) -> float:
    """Median seconds for one float32 (m x k) @ (k x n) product on the CPU."""
    with tf.device("/CPU:0"):
        a = tf.random.normal((m, k))
        b = tf.random.normal((k, n))
        _ = tf.matmul(a, b).numpy()  # warm-up
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            _ = tf.matmul(a, b).numpy()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


# --8<-- [end:starter]


# --8<-- [start:solution_flops]
def matmul_flops(m: int, k: int, n: int) -> int:
    """The usual count: one multiplication and one addition per term, 2 * m * k * n."""
    return 2 * m * k * n


for m, k, n in [(1, 1, 1), (2, 3, 4), (32, 784, 16)]:
    exact = count_operations(m, k, n)
    assert exact == m * n * (2 * k - 1)
    # The formula overcounts by one addition per result: a share of 1 / (2k - 1), tiny for
    # large k (0.06% at k = 784).
    assert matmul_flops(m, k, n) - exact == m * n

gflops = {}
for size in (8, 256):
    gflops[size] = matmul_flops(size, size, size) / seconds_per_matmul(size, size, size) / 1e9
    print(f"n = {size}: {gflops[size]:.3f} GFLOP/s")
# A tiny product is almost all fixed cost; a large one keeps the arithmetic units busy.
assert gflops[256] > 10 * gflops[8], gflops
# --8<-- [end:solution_flops]

# --8<-- [start:solution_device]
import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")
x = tf.random.normal((256, 256))
# TensorFlow puts new tensors and operations on the first GPU when there is one.
assert x.device.endswith("GPU:0" if gpus else "CPU:0"), x.device

with tf.device("/CPU:0"):  # ask for the CPU explicitly
    y = tf.matmul(x, x)  # x is copied to the CPU first if it lives on a GPU
assert y.device.endswith("CPU:0"), y.device
# The same numbers wherever computed, up to rounding (on Ampere and newer GPUs TensorFlow uses
# TF32 for float32 products by default).
tf.debugging.assert_near(y, x @ x, rtol=1e-2, atol=0.1)
# --8<-- [end:solution_device]

# --8<-- [start:solution_roofline]
import math

# A T4, the GPU that Colab's free tier often gives, from NVIDIA's datasheet. It is connected to
# the computer's main memory by PCIe 3.0 x16.
T4_FLOPS = 8.1e12  # float32 operations per second, at most
T4_MEMORY = 320e9  # bytes per second, the GPU's own memory
PCIE = 16e9  # bytes per second, main memory to the GPU


def roofline_seconds(flops: float, bytes_moved: float, bytes_per_second: float) -> float:
    """Seconds on a T4 if moving the data and computing overlap perfectly: the slower of the two."""
    return max(flops / T4_FLOPS, bytes_moved / bytes_per_second)


def first_compute_bound_n(bytes_per_second: float) -> int:
    """Smallest n for which an n x n float32 product takes longer to compute than to move
    (two matrices in, one out, 4 bytes a number)."""
    n = 1
    while 2 * n**3 / T4_FLOPS < 3 * n * n * 4 / bytes_per_second:
        n += 1
    return n


for where, bytes_per_second in [("over PCIe", PCIE), ("in GPU memory", T4_MEMORY)]:
    n = first_compute_bound_n(bytes_per_second)
    # 2n^3 / F >= 12n^2 / B  <=>  n >= 6F / B: the arithmetic grows as n^3, the data as n^2.
    assert n == math.ceil(6 * T4_FLOPS / bytes_per_second)
    print(f"Matrix product, data {where}: compute-bound from n = {n}")

# Section 3's network (784 -> 256 -> 10): a training step is about 3 forward passes.
n_in, n_out = 784, 10
ratios = {}
for batch, n_hidden in [(256, 256), (512, 256), (256, 512)]:
    step_flops = 3 * 2 * batch * (n_in * n_hidden + n_hidden * n_out)
    compute = roofline_seconds(step_flops, 0, PCIE)
    copy = {
        dtype: roofline_seconds(0, batch * n_in * size, PCIE)
        for dtype, size in [("float32", 4), ("uint8", 1)]
    }
    ratios[batch, n_hidden] = copy["float32"] / compute
    print(
        f"batch {batch}, hidden {n_hidden}: arithmetic {compute * 1e6:.1f} µs, copying the "
        f"images {copy['float32'] * 1e6:.1f} µs as float32, {copy['uint8'] * 1e6:.1f} µs as uint8"
    )
assert ratios[256, 256] > 1  # at full speed the GPU would wait for the float32 images
# A larger batch: the same ratio (both grow linearly with the batch, so this holds by the model).
assert math.isclose(ratios[512, 256], ratios[256, 256])
assert ratios[256, 512] < 0.55 * ratios[256, 256]  # a wider network: about half
# --8<-- [end:solution_roofline]
