"""Question 5, exercise: the course's model written so that it runs on Keras 3."""

# --8<-- [start:starter]
import keras
from keras import layers

n_cols = 20  # x_train.shape[1] on this page: 20 features per example

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
assert model.layers[1].count_params() == 0  # Dropout has no weights
print(f"{model.count_params()} parameters, the same as counted by hand")
# --8<-- [end:solution]
