"""Question 13: which processors TensorFlow can compute on, here and now."""

import tensorflow as tf

print("Devices TensorFlow sees:")
for device in tf.config.list_physical_devices():
    print(f"  {device.device_type:4} {device.name}")

gpus = tf.config.list_physical_devices("GPU")
if gpus:
    print(f"{len(gpus)} GPU(s): TensorFlow places operations on /GPU:0 when it can.")
else:
    print("No GPU: TensorFlow runs everything on the CPU.")
    print("In Colab: Runtime > Change runtime type > choose a GPU, then run again.")
