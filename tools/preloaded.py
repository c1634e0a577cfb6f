"""What the fork server of tools/fresh_process.py imports once, before it forks any child:
TensorFlow and Keras (quietly), NumPy, Matplotlib (file-only backend), the scikit-learn parts
the pages use, and what Keras imports to print a summary. Only imports: no TensorFlow operation
runs here, so no thread pool exists yet that a fork could break.
"""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")  # pages plot to files, never to a window

from tools.quiet_tensorflow import import_quietly

import_quietly()

import keras.src.utils.summary_utils  # noqa: E402, F401 - model.summary() imports rich
import matplotlib.pyplot  # noqa: E402, F401
import numpy  # noqa: E402, F401
import sklearn.datasets  # noqa: E402
import sklearn.model_selection  # noqa: E402
import sklearn.preprocessing  # noqa: E402, F401

import tools.fresh_process  # noqa: E402, F401 - the code each child runs
