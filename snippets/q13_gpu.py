"""Question 13: float32 versus float16 matrix products on a GPU."""

import time

import tensorflow as tf

n = 4096
if not tf.config.list_physical_devices("GPU"):
    print("No GPU: this comparison only means something on a GPU.")
else:
    for dtype in (tf.float32, tf.float16):
        with tf.device("/GPU:0"):
            a = tf.random.normal((n, n), dtype=dtype)
            b = tf.random.normal((n, n), dtype=dtype)
            _ = tf.matmul(a, b)[0, 0].numpy()  # warm-up
            start = time.perf_counter()
            for _ in range(10):
                c = tf.matmul(a, b)
            _ = c[0, 0].numpy()  # wait until the GPU has finished all ten
            seconds = (time.perf_counter() - start) / 10
        print(f"{dtype.name:7}: {2 * n**3 / seconds / 1e12:6.1f} TFLOP/s")
