"""Question 2, exercise: the gradient of sigmoid + cross-entropy, by hand and by TensorFlow."""

# --8<-- [start:starter]
import keras
import numpy as np
import tensorflow as tf

x = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.5], [2.0, 0.0]], dtype="float32")
y = np.array([[1.0], [0.0], [1.0], [0.0]], dtype="float32")

layer = keras.layers.Dense(1, activation="sigmoid")
layer.build((None, 2))
layer.set_weights([np.array([[0.5], [-0.25]], dtype="float32"), np.array([0.1], dtype="float32")])
loss_fn = keras.losses.BinaryCrossentropy()  # the mean over the batch
# --8<-- [end:starter]

# --8<-- [start:solution]
# By hand. p = sigmoid(z), z = x @ kernel + bias, loss = mean of -(y log p + (1 - y) log(1 - p)).
# The chain rule through the sigmoid simplifies: dloss/dz = (p - y) / N for each example.
kernel, bias = layer.get_weights()
p = 1 / (1 + np.exp(-(x @ kernel + bias)))
dloss_dz = (p - y) / len(x)
grad_kernel_by_hand = x.T @ dloss_dz  # dz/dkernel = x
grad_bias_by_hand = dloss_dz.sum(axis=0)  # dz/dbias = 1

# By TensorFlow: record the forward pass, then ask the tape for the gradient.
with tf.GradientTape() as tape:
    loss = loss_fn(y, layer(x))
grad_kernel, grad_bias = tape.gradient(loss, layer.trainable_variables)

print("by hand:     ", grad_kernel_by_hand.ravel().round(4), grad_bias_by_hand.round(4))
print("GradientTape:", grad_kernel.numpy().ravel().round(4), grad_bias.numpy().round(4))
assert np.allclose(grad_kernel_by_hand, grad_kernel.numpy(), atol=1e-6)
assert np.allclose(grad_bias_by_hand, grad_bias.numpy(), atol=1e-6)
# --8<-- [end:solution]
