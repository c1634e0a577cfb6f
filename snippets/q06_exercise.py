"""Question 6, exercises: the L2 penalty computed by hand and where Keras puts it, and how
strong a penalty to choose."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(64, 20)).astype("float32")
y = rng.integers(0, 2, size=(64, 1)).astype("float32")

penalty = keras.regularizers.L2(0.01)
model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(16, activation="relu", kernel_regularizer=penalty),
        layers.Dense(1, activation="sigmoid", kernel_regularizer=penalty),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(x, y, epochs=5, verbose=0)  # a few epochs of training
# --8<-- [end:starter]

# --8<-- [start:solution]
# 1. The penalty by hand: 0.01 times the sum of the squared kernel weights, per layer.
by_hand = [0.01 * np.sum(layer.kernel.numpy() ** 2) for layer in model.layers]
from_keras = [float(loss) for loss in model.losses]  # one term per regularized layer
assert np.allclose(by_hand, from_keras)

# 2. The loss that evaluate() (and fit) reports is the cross-entropy plus the penalty.
cross_entropy = keras.losses.BinaryCrossentropy()(y, model.predict(x, verbose=0))
reported = model.evaluate(x, y, verbose=0)
assert np.isclose(reported, float(cross_entropy) + sum(by_hand), atol=1e-5)
print(f"cross-entropy {float(cross_entropy):.2f} + penalty {sum(by_hand):.2f} = {reported:.2f}")

# 3. The biases are not penalized (kernel_regularizer covers only the kernel): set every bias
#    to 10, and the penalty stays exactly what it was.
for layer in model.layers:
    layer.bias.assign(np.full(layer.bias.shape, 10.0, "float32"))
assert [float(loss) for loss in model.losses] == from_keras
print(f"with every bias set to 10: penalty {sum(float(loss) for loss in model.losses):.2f}")
# --8<-- [end:solution]

# The next exercise's starter code is the page's own data and model blocks, included on the page
# from snippets/q06_regularization.py as they are; run on its own, this module imports them
# (which runs that module, its four trainings too).
from snippets.q06_regularization import build_model, train, x_train, x_val, y_train, y_val

# --8<-- [start:strength_solution]
# The same network with three strengths of the L2 penalty, compared by the cross-entropy
# without the penalty ("ce") on the training and the validation data after training.
results = {}
for l2 in (0.0, 0.01, 1.0):
    model = build_model(l2=l2)
    train(model)
    train_ce = model.evaluate(x_train, y_train, verbose=0)[1]
    val_ce = model.evaluate(x_val, y_val, verbose=0)[1]
    results[l2] = (train_ce, val_ce)
    print(f"l2={l2:<5} train {train_ce:.2f}  val {val_ce:.2f}  gap {val_ce - train_ce:.2f}")
print(f"a model that always answers 0.5: {np.log(2):.2f}")

gaps = [val_ce - train_ce for train_ce, val_ce in results.values()]
assert gaps[0] > gaps[1] > gaps[2]  # the stronger the penalty, the smaller the gap
assert min(results, key=lambda l2: results[l2][1]) == 0.01  # the lowest validation loss
assert abs(results[1.0][0] - np.log(2)) < 0.05  # l2=1: barely better than chance, even in training
# --8<-- [end:strength_solution]
