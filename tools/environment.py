"""Conditions for page markers: what this machine can do.

Pages use them in skip markers, for example
``<!--pytest.mark.skipif("not gpu_available()", reason="...")-->``; pytest evaluates such
string conditions in the globals of tests/test_code_examples.py, which imports these.
"""

from __future__ import annotations

import os
import socket
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["can_download", "gpu_available"]


@cache
def can_download(url: str, timeout: float = 2.0) -> bool:
    """Whether the host of `url` answers on its port; False when KB_OFFLINE=1 is set."""
    if os.environ.get("KB_OFFLINE") == "1":
        return False
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


@cache
def gpu_available() -> bool:
    """Whether TensorFlow sees at least one GPU. Asked in a child of the code tests' fork server,
    which has imported TensorFlow already: the asking process need not import it (4 s) too."""
    from tools import fresh_process

    question = 'import tensorflow as tf\nprint(bool(tf.config.list_physical_devices("GPU")))'
    with tempfile.TemporaryDirectory() as folder:
        code = fresh_process.Code("gpu_available()", "python", question)
        (answer,) = fresh_process.run([code], Path(folder))
    verdict = answer.strip()
    if verdict not in {"True", "False"}:  # else a GPU machine would skip its GPU code silently
        raise RuntimeError(f"gpu_available(): the child printed {verdict!r}, not True or False")
    return verdict == "True"
