"""Question 13: the work in a matrix multiplication and a training step, and how fast each
device does them."""

# --8<-- [start:flops]
import statistics
import time
from collections.abc import Callable

import keras
import tensorflow as tf
from keras import layers


def matmul_flops(n: int) -> int:
    """Floating-point operations in the product of two n x n matrices.

    Each of the n * n results is a sum of n products: n multiplications and
    n - 1 additions, so about 2 * n**3 operations in total.
    """
    return 2 * n**3


def flops_per_byte(n: int, bytes_per_number: int = 4) -> float:
    """Operations per byte moved, reading two n x n float32 matrices and writing one."""
    return matmul_flops(n) / (3 * n * n * bytes_per_number)


for n in (64, 512):
    print(
        f"n = {n:4}: {matmul_flops(n):>14,} operations, "
        f"{flops_per_byte(n):5.0f} operations per byte moved"
    )
# --8<-- [end:flops]

# --8<-- [start:timing]


def median_seconds(run, repeats: int = 3) -> float:
    """Median wall-clock seconds of `run()`, after one untimed call that pays one-off costs.
    `run()` returns a scalar tensor, read back as a float: GPU work runs asynchronously, and
    reading the result waits for it."""
    float(run())
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        float(run())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_matmul(device: str, n: int) -> float:
    """Seconds for one n x n float32 matrix product on `device`."""
    with tf.device(device):
        a = tf.random.normal((n, n))
        b = tf.random.normal((n, n))
        return median_seconds(lambda: tf.matmul(a, b)[0, 0])


# A training step of a small network: 784 inputs, 256 hidden neurons, 10 classes.
batch, n_in, n_hidden, n_out = 256, 784, 256, 10
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def training_steps() -> list[tuple[str, Callable[[], tf.Tensor]]]:
    """A network, its optimizer and a batch, made on the device in whose `tf.device` block this
    is called (variables stay where they were created), and one training step on them, run
    eagerly and compiled."""
    keras.utils.set_random_seed(0)
    net = keras.Sequential(
        [
            keras.Input(shape=(n_in,)),
            layers.Dense(n_hidden, activation="relu"),
            layers.Dense(n_out),
        ]
    )
    optimizer = keras.optimizers.Adam()
    images = tf.random.normal((batch, n_in))
    labels = tf.random.uniform((batch,), maxval=n_out, dtype=tf.int32)

    def train_step() -> tf.Tensor:
        """Forward pass, backpropagation and weight update on one batch; returns the loss."""
        with tf.GradientTape() as tape:
            loss = loss_fn(labels, net(images, training=True))
        gradients = tape.gradient(loss, net.trainable_variables)
        optimizer.apply(gradients, net.trainable_variables)
        return loss

    # Run as written, the step is eager: TensorFlow starts each small operation on its own.
    # `fit` compiles its step with tf.function into one graph; the same is done here to compare.
    return [("eager", train_step), ("tf.function", tf.function(train_step))]


# Forward: one matrix product per Dense layer. Backward: two more per layer (the gradient
# of the weights and the gradient passed back), so a step is about 3 times the forward pass.
step_flops = 3 * 2 * batch * (n_in * n_hidden + n_hidden * n_out)

devices = ["/CPU:0"] + [f"/GPU:{i}" for i in range(len(tf.config.list_physical_devices("GPU")))]
for device in devices:
    for n in (64, 512):
        seconds = time_matmul(device, n)
        gflops = matmul_flops(n) / seconds / 1e9
        print(f"{device} matrix product, n = {n}: {seconds * 1000:.2f} ms, {gflops:.1f} GFLOP/s")
    with tf.device(device):
        timed = [(how, median_seconds(step)) for how, step in training_steps()]
    for how, seconds in timed:
        gflops = step_flops / seconds / 1e9
        print(
            f"{device} training step ({how}), batch {batch}: "
            f"{seconds * 1000:.2f} ms, {gflops:.1f} GFLOP/s"
        )
# --8<-- [end:timing]
