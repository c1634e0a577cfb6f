"""Question 3, exercises: count a model's parameters by hand and compare with Keras, and find
its hyperparameters, the ones the code sets and the ones it leaves at their defaults."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(10,)),
        layers.Dense(32, activation="relu", name="first"),
        layers.BatchNormalization(name="batch_norm"),
        layers.Dropout(0.3, name="dropout"),
        layers.Dense(16, activation="relu", name="second"),
        layers.Dense(1, activation="sigmoid", name="output"),
    ]
)


def size(weights: list) -> int:
    """How many numbers a list of weight tensors holds."""
    return sum(int(np.prod(w.shape)) for w in weights)


# --8<-- [end:starter]

# --8<-- [start:solution]
first = 10 * 32 + 32  # a weight per input and unit, a bias per unit
batch_norm_learned = 2 * 32  # gamma and beta: trainable
batch_norm_tracked = 2 * 32  # moving mean and moving variance: non-trainable
dropout = 0  # the rate 0.3 is a hyperparameter, not a parameter
second = 32 * 16 + 16
output = 16 * 1 + 1
total = first + batch_norm_learned + batch_norm_tracked + dropout + second + output
trainable = total - batch_norm_tracked

print(f"total {total}, trainable {trainable}, non-trainable {batch_norm_tracked}")
assert total == model.count_params()
assert trainable == size(model.trainable_weights)
assert batch_norm_tracked == size(model.non_trainable_weights)

# Freezing batch_norm moves gamma and beta to the non-trainable weights, beside the moving
# mean and variance. Those two stop changing as well: a frozen BatchNormalization layer runs
# in inference mode, even inside fit (question 11).
batch_norm = model.get_layer("batch_norm")
batch_norm.trainable = False
print(f"batch_norm frozen: trainable {size(model.trainable_weights)}")
assert size(model.trainable_weights) == trainable - batch_norm_learned
assert size(model.non_trainable_weights) == batch_norm_learned + batch_norm_tracked

# One epoch of training on random data shows it: the first layer learns, batch_norm does not.
# fit is given no epochs and no batch size, Adam no learning rate: each takes its default.
before = [w.numpy() for w in batch_norm.weights]  # gamma, beta, moving mean and variance
first_before = model.get_layer("first").kernel.numpy()
rng = np.random.default_rng(0)
x = rng.normal(size=(64, 10)).astype("float32")
y = rng.integers(0, 2, size=(64, 1)).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(x, y, verbose=0)
assert not np.array_equal(model.get_layer("first").kernel.numpy(), first_before)
after = [w.numpy() for w in batch_norm.weights]
assert all(np.array_equal(b, a) for b, a in zip(before, after, strict=True))
print("after one epoch: the first layer's kernel has changed, none of batch_norm's weights has")
# --8<-- [end:solution]

# --8<-- [start:hyperparameters_solution]
# Chosen in the starter code: the units 32 and 16, the activation relu, the dropout rate 0.3
# (and the layers themselves). Fixed by the problem: 10 inputs, 1 sigmoid unit for a yes/no.
# Never written, yet set: the layers' defaults, and those of compile and fit above.
first_layer = model.get_layer("first")
print(f"BatchNormalization  momentum {batch_norm.momentum}, epsilon {batch_norm.epsilon}")
print(
    f"Dense               kernel_initializer {type(first_layer.kernel_initializer).__name__}, "
    f"bias_initializer {type(first_layer.bias_initializer).__name__}"
)
learning_rate = float(model.optimizer.learning_rate)
print(f"Adam                learning_rate {learning_rate:g}")
updates = int(model.optimizer.iterations)
print(f"fit                 {len(history.epoch)} epoch, {updates} updates for {len(x)} rows")
assert (batch_norm.momentum, batch_norm.epsilon) == (0.99, 0.001)
assert np.isclose(learning_rate, 0.001)
assert len(history.epoch) == 1  # epochs=1
assert updates == np.ceil(len(x) / 32)  # batches of 32
# --8<-- [end:hyperparameters_solution]
