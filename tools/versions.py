"""The versions that the page code was last run with, as the code tests record and check them."""

from __future__ import annotations

import json
import platform
from importlib.metadata import version

from tools.pages import ROOT

RECORD = ROOT / "snippets" / "output" / "versions.json"
PACKAGES = {"TensorFlow": "tensorflow", "Keras": "keras", "NumPy": "numpy"}
LEAD = {
    "sv": "Koden på sidan kördes senast av testerna med",
    "en": "The code on this page was last run by the tests with",
}


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


def verified_with(language: str) -> str:
    """One sentence for a question page: 'The code ... was last run ... with Python 3.11, ...'."""
    versions = recorded()
    if not versions:
        raise FileNotFoundError(f"{RECORD}: missing; run `make outputs`")
    listed = ", ".join(f"{name} {number}" for name, number in versions.items())
    return f"{LEAD[language]} {listed}."
