"""Import TensorFlow and Keras once, without their start-up noise.

At import TensorFlow's C++ runtime writes absl/oneDNN/CPU-feature lines straight to file
descriptor 2; TF_CPP_MIN_LOG_LEVEL hides only some of them (tensorflow/tensorflow#100442),
so descriptor 2 points at /dev/null while the import runs. Errors later on still show.
"""

from __future__ import annotations

import os
import sys


def import_quietly() -> None:
    """Import tensorflow and keras with stderr silenced, and keep their loggers quiet."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" in sys.modules:
        return
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import keras  # noqa: F401 - imported for its side effect of loading the backend
        import tensorflow  # noqa: F401
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    import absl.logging

    # Keras logs through absl (e.g. "You are saving your model as an HDF5 file...").
    absl.logging.set_verbosity(absl.logging.ERROR)
