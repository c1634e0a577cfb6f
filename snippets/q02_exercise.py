"""Question 2, exercises: the gradient of sigmoid + cross-entropy, by hand and by TensorFlow;
which objects of a training step are Keras' and which TensorFlow's."""

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

# --8<-- [start:objects_starter]
import keras
import numpy as np
import tensorflow as tf

x = np.array([[1.0, 2.0], [0.5, -1.0]], dtype="float32")
y = np.array([[1.0], [0.0]], dtype="float32")
layer = keras.layers.Dense(1, activation="sigmoid")
loss_fn = keras.losses.BinaryCrossentropy()
optimizer = keras.optimizers.SGD(learning_rate=0.1)

# One training step, as fit takes it for each batch.
with tf.GradientTape() as tape:
    output = layer(x)  # the first call builds the kernel and the bias
    loss = loss_fn(y, output)
gradients = tape.gradient(loss, layer.trainable_variables)
optimizer.apply(gradients, layer.trainable_variables)
# --8<-- [end:objects_starter]

# --8<-- [start:objects_solution]
objects = {
    "x": x,
    "layer": layer,
    "layer.kernel": layer.kernel,
    "layer.kernel.value": layer.kernel.value,
    "output": output,
    "loss_fn": loss_fn,
    "loss": loss,
    "tape": tape,
    "gradients[0]": gradients[0],
    "optimizer": optimizer,
}
for name, obj in objects.items():
    package = type(obj).__module__.split(".")[0]  # where the object's class is defined
    print(f"{name:19} {package:11} {type(obj).__name__}")

# What is computed is TensorFlow's: tensors.
assert all(isinstance(t, tf.Tensor) for t in [output, loss, gradients[0]])
# The weight is a Keras Variable, not a tf.Variable; it keeps its value in one.
assert isinstance(layer.kernel, keras.Variable)
assert not isinstance(layer.kernel, tf.Variable)
assert isinstance(layer.kernel.value, tf.Variable)
# The input is NumPy's: the layer turned it into a tensor.
assert isinstance(x, np.ndarray)
assert not isinstance(x, tf.Tensor)
# --8<-- [end:objects_solution]
