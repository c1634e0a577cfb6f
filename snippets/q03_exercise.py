"""Question 3, exercise: count a model's parameters by hand and compare with Keras."""

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
model.get_layer("batch_norm").trainable = False
print(f"batch_norm frozen: trainable {size(model.trainable_weights)}")
assert size(model.trainable_weights) == trainable - batch_norm_learned
assert size(model.non_trainable_weights) == batch_norm_learned + batch_norm_tracked
# --8<-- [end:solution]
