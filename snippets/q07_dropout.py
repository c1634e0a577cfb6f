"""Question 7: what a Dropout layer does to the numbers that pass through it."""

# --8<-- [start:mask]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
dropout = layers.Dropout(rate=0.5)
x = np.ones((2, 8), dtype="float32")  # two examples, eight activations each

# training=True is what fit() passes: each call draws a new mask, one per example.
print("training=True, first call:")
print(keras.ops.convert_to_numpy(dropout(x, training=True)))
print("training=True, second call:")
print(keras.ops.convert_to_numpy(dropout(x, training=True)))
# training=False is what predict() and evaluate() pass: nothing is dropped or scaled.
print("training=False:")
print(keras.ops.convert_to_numpy(dropout(x, training=False)))
print("weights in the layer:", len(dropout.weights))
# --8<-- [end:mask]

# --8<-- [start:mean]
x = np.ones((1000, 1000), dtype="float32")  # a million activations, all equal to 1
for rate in [0.2, 0.5]:
    y = keras.ops.convert_to_numpy(layers.Dropout(rate)(x, training=True))
    print(
        f"rate={rate}: {np.mean(y == 0):.0%} zeroed, the rest {y.max():.2f} "
        f"(= 1/(1 - {rate})), mean {y.mean():.2f}"
    )
# --8<-- [end:mean]

# --8<-- [start:model]
# A tiny model whose output is simply the sum of its eight inputs after dropout.
model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        layers.Dropout(rate=0.5),
        layers.Dense(1, use_bias=False, kernel_initializer="ones"),
    ]
)
one = np.ones((1, 8), dtype="float32")
print("predict(), twice:", [float(model.predict(one, verbose=0)[0, 0]) for _ in range(2)])
print("model(one), twice:", [float(model(one)[0, 0]) for _ in range(2)])  # training=False too
print("training=True, five times:", [float(model(one, training=True)[0, 0]) for _ in range(5)])
# 10,000 copies of the same input in one batch: each row gets its own mask, so this is
# 10,000 randomly thinned networks. Their average is what the full network computes.
thinned = keras.ops.convert_to_numpy(model(np.ones((10_000, 8), "float32"), training=True))
print(f"mean over 10,000 thinned networks: {thinned.mean():.2f}")
# --8<-- [end:model]


# --8<-- [start:monte_carlo]
class MCDropout(layers.Dropout):
    """Dropout that stays on at prediction time too: for Monte Carlo dropout."""

    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


def with_batchnorm(dropout_layer: layers.Layer) -> keras.Model:
    """BatchNormalization, dropout and the sum of the eight values."""
    return keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.BatchNormalization(),
            dropout_layer,
            layers.Dense(1, use_bias=False, kernel_initializer="ones"),
        ]
    )


batch = np.random.default_rng(0).normal(size=(32, 8)).astype("float32")  # 32 new examples
print("Monte Carlo dropout, 20 passes over the same 32 examples:")
for name, network, training in [
    ("Dropout, model(x, training=True)", with_batchnorm(layers.Dropout(0.5)), True),
    ("MCDropout, model(x)", with_batchnorm(MCDropout(0.5)), None),
]:
    moving_mean = network.layers[0].moving_mean
    before = moving_mean.numpy().copy()
    passes = np.stack(
        [keras.ops.convert_to_numpy(network(batch, training=training)) for _ in range(20)]
    )
    moved = not np.array_equal(before, moving_mean.numpy())
    spread = passes.std(axis=0).mean()  # per example, across the passes: the uncertainty
    print(f"  {name:<34} spread {spread:.2f}, BatchNormalization's moving mean changed: {moved}")
# --8<-- [end:monte_carlo]
