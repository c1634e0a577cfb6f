"""Question 11: label photos with a network pretrained on ImageNet, without any training.

Needs the internet the first time: the weights (about 14 MB) and ImageNet's class names are
downloaded and cached in ~/.keras/models/.
"""

from pathlib import Path

import keras
import numpy as np
from keras.applications import mobilenet_v2

model = mobilenet_v2.MobileNetV2(weights="imagenet")  # 1,000 ImageNet classes


def classify(path: str | Path, top: int = 3) -> list[tuple[str, float]]:
    """The `top` most probable ImageNet classes of the picture at `path`, with probabilities."""
    # RGB, resized to 224x224. Bilinear, not the default "nearest": a large photo shrunk with
    # "nearest" keeps single pixels and gets aliasing (jagged edges, moire).
    image = keras.utils.load_img(path, target_size=(224, 224), interpolation="bilinear")
    batch = keras.utils.img_to_array(image)[np.newaxis]  # (1, 224, 224, 3), values 0..255
    batch = mobilenet_v2.preprocess_input(batch)  # scaled to -1..1, as in training
    probabilities = model.predict(batch, verbose=0)  # (1, 1000)
    return [
        (name, float(p)) for _, name, p in mobilenet_v2.decode_predictions(probabilities, top)[0]
    ]


# The album's classes are among ImageNet's 1,000: decode a "certain" prediction for each.
certain = np.eye(1000)[[340, 852]]
names = [label[0][1] for label in mobilenet_v2.decode_predictions(certain, top=1)]
print(f"ImageNet classes 340 and 852: {names}")

# A picture drawn here so that the example needs no photo: a yellow-green ball on grass.
rows, cols = np.mgrid[:224, :224]
picture = np.full((224, 224, 3), [60, 140, 50], dtype="float32")
picture[(rows - 112) ** 2 + (cols - 112) ** 2 < 70**2] = [210, 225, 60]
keras.utils.save_img("q11_drawn_ball.png", picture)

predictions = classify("q11_drawn_ball.png")
probabilities = [p for _, p in predictions]
in_order = probabilities == sorted(probabilities, reverse=True)
print(f"{len(predictions)} predictions for the drawn ball, most probable first: {in_order}")

# Your own album: put the pictures in a folder "album" in the folder you run this from.
for path in sorted(Path("album").glob("*.jpg")):
    print(path.name, [f"{name} {p:.0%}" for name, p in classify(path)])
