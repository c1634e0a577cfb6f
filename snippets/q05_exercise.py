"""Question 5, exercises: the course's model written so that it runs on Keras 3, and what
`validation_split` holds out of rows sorted by their label."""

# --8<-- [start:starter]
import keras
import numpy as np
from keras import layers

n_cols = 12  # x_train.shape[1] for data with 12 features per example (this page has 20)

# The course's model, which Python cannot parse (see "What is wrong with the original"):
#   model = Sequential()
#   model.add(Dense(100, activation = input_shape = (n_cols, )))
#   model.add(Dropout(rate=0.2))
#   model.add(Dense(50, activation = 'relu'))
#   model.add(Dense(1, activation = 'sigmoid'))
# --8<-- [end:starter]

# --8<-- [start:solution]
model = keras.Sequential()
model.add(keras.Input(shape=(n_cols,)))  # the input shape, in its own Input
model.add(layers.Dense(100, activation="relu"))  # one argument, one value
model.add(layers.Dropout(rate=0.2))
model.add(layers.Dense(50, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

# A Dense layer has one weight per input and unit, plus one bias per unit.
by_hand = (n_cols * 100 + 100) + (100 * 50 + 50) + (50 * 1 + 1)
assert model.count_params() == by_hand
# model.layers leaves out the Input: [Dense, Dropout, Dense, Dense].
assert model.layers[1].count_params() == 0  # Dropout has no weights
print(f"{model.count_params()} parameters, the same as counted by hand")
# --8<-- [end:solution]

# --8<-- [start:split_starter]
import keras
import numpy as np

# 500 examples sorted by their label, every 0 first and every 1 last, and a small model.
rng = np.random.default_rng(0)
x_sorted = rng.normal(size=(500, 20)).astype("float32")
y_sorted = np.repeat([0.0, 1.0], 250).astype("float32")
model = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
# --8<-- [end:split_starter]

# --8<-- [start:split_solution]
# validation_split holds out the last 20% of the rows as they are; fit shuffles only the rest.
history = model.fit(x_sorted, y_sorted, validation_split=0.2, epochs=1, verbose=0)
held_out = slice(-len(x_sorted) // 5, None)  # the last 100 rows
_, accuracy = model.evaluate(x_sorted[held_out], y_sorted[held_out], verbose=0)
assert np.isclose(history.history["val_accuracy"][0], accuracy)
assert y_sorted[held_out].all()  # every held-out row is a one
print(f"Held out by validation_split: {y_sorted[held_out].mean():.0%} ones")
# fit trained on the other 400 rows, in batches of 32 (the default): one update per batch.
updates = int(model.optimizer.iterations)
assert updates == np.ceil(400 / 32) == 13
print(f"Weight updates in the epoch: {updates}, for 400 training rows")
# The fix: shuffle the rows (examples and labels alike) before fit splits them.
order = rng.permutation(len(x_sorted))
x_shuffled, y_shuffled = x_sorted[order], y_sorted[order]
assert 0.4 < y_shuffled[held_out].mean() < 0.6  # now close to the 50% of the whole set
print(f"The last 100 rows after shuffling: {y_shuffled[held_out].mean():.0%} ones")
# --8<-- [end:split_solution]
