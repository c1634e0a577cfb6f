"""Question 13: the work in a matrix multiplication, and how fast each device does it."""

# --8<-- [start:flops]
import statistics
import time

import tensorflow as tf


def matmul_flops(n: int) -> int:
    """Floating-point operations in the product of two n x n matrices.

    Each of the n * n results is a sum of n products: n multiplications and
    n - 1 additions, so about 2 * n**3 operations in total.
    """
    return 2 * n**3


def flops_per_byte(n: int, bytes_per_number: int = 4) -> float:
    """Operations per byte moved, reading two n x n float32 matrices and writing one."""
    return matmul_flops(n) / (3 * n * n * bytes_per_number)


for n in (64, 1024):
    print(
        f"n = {n:4}: {matmul_flops(n):>14,} operations, "
        f"{flops_per_byte(n):5.0f} operations per byte moved"
    )
# --8<-- [end:flops]

# --8<-- [start:timing]


def seconds_per_matmul(device: str, n: int, repeats: int = 5) -> float:
    """Median wall-clock seconds for one n x n float32 matrix product on `device`."""
    with tf.device(device):
        a = tf.random.normal((n, n))
        b = tf.random.normal((n, n))
        _ = tf.matmul(a, b)[0, 0].numpy()  # warm-up: the first call pays one-off costs
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            # Reading one element back waits for the result: GPU work runs asynchronously.
            _ = tf.matmul(a, b)[0, 0].numpy()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


devices = ["/CPU:0"] + [f"/GPU:{i}" for i in range(len(tf.config.list_physical_devices("GPU")))]
for device in devices:
    for n in (64, 1024):
        seconds = seconds_per_matmul(device, n)
        gflops = matmul_flops(n) / seconds / 1e9
        print(f"{device} n = {n:4}: {seconds * 1000:8.2f} ms, {gflops:8.1f} GFLOP/s")
# --8<-- [end:timing]
