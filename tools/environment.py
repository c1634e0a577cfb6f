"""Conditions for page markers: what this machine can do.

Pages use them in skip markers, for example
``<!--pytest.mark.skipif("not gpu_available()", reason="...")-->``; pytest evaluates such
string conditions in the globals of tests/test_code_examples.py, which imports these.
"""

from __future__ import annotations

import os
import socket
from functools import cache
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
    """Whether TensorFlow sees at least one GPU."""
    from tools.quiet_tensorflow import import_quietly

    import_quietly()
    import tensorflow as tf

    return bool(tf.config.list_physical_devices("GPU"))
