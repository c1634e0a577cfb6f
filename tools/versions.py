"""The versions that the page code was last run with, as the code tests record and check them."""

from __future__ import annotations

import json
import platform
import re
from importlib.metadata import version

from tools.pages import ROOT

RECORD = ROOT / "snippets" / "output" / "versions.json"
PACKAGES = {
    "TensorFlow": "tensorflow",
    "Keras": "keras",
    "NumPy": "numpy",
    "scikit-learn": "scikit-learn",
    "Matplotlib": "matplotlib",
    "Pillow": "pillow",
}
# Named on a page only if its code needs them: `pip install tensorflow` brings Keras and NumPy,
# not these. Keras' load_img imports PIL (Pillow) when it is called.
IMPORTS = r"^[ \t]*(?:import|from)[ \t]+"
OPTIONAL = {
    "scikit-learn": re.compile(rf"{IMPORTS}sklearn\b", re.MULTILINE),
    "Matplotlib": re.compile(rf"{IMPORTS}matplotlib\b", re.MULTILINE),
    "Pillow": re.compile(rf"{IMPORTS}PIL\b|\bload_img\(", re.MULTILINE),
}
LEAD = {
    "sv": "Koden på sidan kördes senast av testerna med",
    "en": "The code on this page was last run by the tests with",
}
INSTALLS = {"sv": "installerar det som behövs", "en": "installs what it needs"}


def running() -> dict[str, str]:
    """Python (major.minor) and the exact versions of the packages the page code imports."""
    found = {"Python": ".".join(platform.python_version_tuple()[:2])}
    for name, distribution in PACKAGES.items():
        try:
            found[name] = version(distribution)
        except Exception:  # noqa: BLE001 - tensorflow-cpu installs as another distribution
            found[name] = version(f"{distribution}-cpu")
    return found


def recorded() -> dict[str, str]:
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def record() -> None:
    RECORD.write_text(json.dumps(running(), indent=2) + "\n", encoding="utf-8")


def verified_with(language: str, code: str) -> str:
    """One sentence for a question page whose code is `code`: 'The code ... was last run ...
    with Python 3.11, ...', the packages it imports among them, and the pip line to get them."""
    versions = recorded()
    if not versions:
        raise FileNotFoundError(f"{RECORD}: missing; run `make outputs`")
    named = [name for name in versions if name not in OPTIONAL or OPTIONAL[name].search(code)]
    listed = ", ".join(f"{name} {versions[name]}" for name in named)
    pip = " ".join(["tensorflow", *(PACKAGES[name] for name in OPTIONAL if name in named)])
    return f"{LEAD[language]} {listed} (`pip install {pip}` {INSTALLS[language]})."
