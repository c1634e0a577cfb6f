"""The versions that the page code was last run with, as the code tests record and check them."""

from __future__ import annotations

import json
import platform
import re
from importlib.metadata import PackageNotFoundError, version

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


def _imports(module: str) -> str:
    """`from module ...` or `import a as b, module`, at the start of a line."""
    earlier = r"(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*"
    return rf"^[ \t]*(?:from[ \t]+{module}\b|import[ \t]+{earlier}{module}\b)"


# Named on a page only if its code needs them: `pip install tensorflow` brings Keras and NumPy,
# not these. Keras' image utilities import PIL (Pillow) when they are called.
OPTIONAL = {
    "scikit-learn": re.compile(_imports("sklearn"), re.MULTILINE),
    "Matplotlib": re.compile(_imports("matplotlib"), re.MULTILINE),
    "Pillow": re.compile(
        rf"{_imports('PIL')}|\b(?:load_img|save_img|array_to_img)\(", re.MULTILINE
    ),
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
        except PackageNotFoundError:
            if distribution != "tensorflow":
                raise
            found[name] = version("tensorflow-cpu")  # requirements.txt's on Linux x86-64
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
