"""What the fork server of tools/fresh_process.py imports once, before it forks any child.

Every example then starts with these modules already loaded, as if a reader's `python` had
imported them: TensorFlow and Keras (quietly, tools/quiet_tensorflow.py), NumPy, Matplotlib
with its file-only backend, the parts of scikit-learn the pages use, and what Keras imports
when it first prints a summary. Only imports: no TensorFlow operation runs here, so no
thread pool exists yet that a fork could break.
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
