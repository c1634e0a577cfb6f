"""Run a page's code in a fresh process, in a given folder, as a reader runs what they copy.

Each example runs in a process of its own, working in a temporary folder outside the
repository, as a reader runs `python` in a folder of their own. The process is forked from a
server that has already imported TensorFlow, Keras, NumPy and Matplotlib (tools/preloaded.py),
so it does not pay TensorFlow's 3-second import; the server runs no code of the pages.

The child runs the blocks in one namespace and sends back what each printed, so each block's
shown output is compared on its own. A block that raises ends the run: the parent raises the
exception again (caused by a BlockFailed holding its traceback, which names the page and
line), so `xfail(raises=...)` markers still work.
"""

from __future__ import annotations

import ast
import contextlib
import io
import linecache
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import subprocess
import sys
import tempfile
import traceback
import types
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A block that runs longer than this is stopped and fails (a hang, not a slow block).
TIMEOUT = float(os.environ.get("KB_BLOCK_TIMEOUT", "600"))


@dataclass(frozen=True)
class Code:
    """One block to run: where it is on its page, its language and its code; for a block that
    is one include, a name for the included file and the line its code starts at there."""

    where: str
    language: str
    code: str
    origin: tuple[str, int] | None = None


class BlockFailed(Exception):
    """The traceback of an exception raised in the fresh process, as it printed it."""


# The warning filters of a run, as arguments to warnings.filterwarnings, in the order given.
WarningFilter = tuple[str, str, type[Warning], str, int]


@cache
def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tools.preloaded"])  # imported once, before any fork
    return context


@contextlib.contextmanager
def _no_main_module() -> Iterator[None]:
    """While a process starts: multiprocessing would make the fork server and each child run
    the parent's main script (to find functions defined there); the code runs without it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def start_server() -> None:
    """Start the fork server now (it imports TensorFlow once; later forks are quick)."""
    _context()
    with _no_main_module():
        multiprocessing.forkserver.ensure_running()


def run_shell(code: Code, folder: Path | None = None) -> str:
    """Run a sh/bash block in `folder`; a non-zero exit fails with its output."""
    shell = "/bin/bash" if code.language == "bash" else "/bin/sh"
    result = subprocess.run(
        [shell, "-e", "-c", code.code], cwd=folder, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise AssertionError(
            f"{code.where}: {shell} exited {result.returncode}\n{result.stdout}{result.stderr}"
        )
    if result.stderr:  # a reader sees it, and the page cannot show it
        raise AssertionError(f"{code.where}: the code printed to standard error:\n{result.stderr}")
    return result.stdout


def run_python(code: Code, namespace: dict[str, object]) -> str:
    """Run a Python block in a namespace (shared by continued blocks); return what it printed.

    The code is compiled under a name that says where it comes from, and registered with
    linecache, so a traceback shows the page, the line and the source; for an included
    module, the module's own line (blank lines above the code make the numbers match).
    """
    name, source = code.where, code.code
    if code.origin:
        name, line = code.origin
        source = "\n" * (line - 1) + source
    linecache.cache[name] = (len(source), None, source.splitlines(True), name)
    tree = ast.parse(source, name)
    # In a notebook the value of a cell's last expression is shown under it, as Jupyter's
    # displayhook does; run as a program it is not. So it is evaluated apart, and must be None.
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        exec(compile(tree, name, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), name, "eval"), namespace)
            if value is not None:
                raise ValueError(
                    f"{code.where}: its last line gives {type(value).__name__} {value!r}, "
                    f"which a notebook shows under the cell and the page does not; assign "
                    f"it to a name (history = model.fit(...))"
                )
    return stdout.getvalue()


def _send_failure(connection: Connection, error: BaseException) -> None:
    frames = error.__traceback__  # from the page's code on: this module's frames are noise
    while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
        frames = frames.tb_next
    text = "".join(traceback.format_exception(type(error), error, frames)).rstrip()
    try:
        payload = pickle.dumps(error)
    except Exception:  # noqa: BLE001 - then the parent raises a stand-in with the same text
        payload = None
    connection.send(("failed", (payload, f"{type(error).__name__}: {error}", text)))


def _child(
    codes: Sequence[Code],
    folder: str,
    filters: Sequence[WarningFilter],
    stray: str,
    connection: Connection,
) -> None:
    """In the fresh process: run the blocks in `folder`, sending what each one prints."""
    os.chdir(folder)
    # As `python program.py` run in `folder` has it: the program's folder first on the path,
    # not the repository, and no module of the repository's loaded.
    sys.argv = ["program.py"]
    sys.path[:] = [folder, *(p for p in sys.path if p and Path(p).resolve() != ROOT)]
    for name in [name for name in sys.modules if name == "tools" or name.startswith("tools.")]:
        del sys.modules[name]
    warnings.resetwarnings()
    for action, message, category, module, lineno in filters:
        warnings.filterwarnings(action, message, category, module, lineno)  # type: ignore[arg-type]
    # Output that bypasses sys.stdout (standard error, C libraries writing to descriptors 1 and
    # 2) goes to the parent's `stray` file: a reader would see it, and the page does not show it.
    sys.stdout.flush()
    sys.stderr.flush()
    descriptor = os.open(stray, os.O_WRONLY)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    namespace: dict[str, object] = {"__name__": "__main__"}
    for code in codes:
        try:
            python = code.language == "python"
            printed = run_python(code, namespace) if python else run_shell(code)
        except BaseException as error:  # noqa: BLE001 - reported to the parent, raised there
            _send_failure(connection, error)
            return
        connection.send(("printed", printed))


def run(
    codes: Sequence[Code], folder: Path, filters: Sequence[WarningFilter] = ()
) -> Iterator[str]:
    """Run blocks in a fresh process working in `folder`; yield what each block printed.

    Shell-only examples run in their own shells, without a fork. An exception raised by a
    block is raised here again, caused by a BlockFailed that holds its traceback. Closing
    the iterator early stops the process. Output written past sys.stdout (to standard error, or
    by a C library) fails the run once every block has run: the page cannot show it.
    """
    if all(code.language != "python" for code in codes):
        for code in codes:
            yield run_shell(code, folder)
        return
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    with tempfile.NamedTemporaryFile() as stray:
        args = (list(codes), str(folder), list(filters), stray.name, sender)
        process = context.Process(target=_child, args=args)
        with _no_main_module():
            process.start()
        sender.close()
        finished = False
        try:
            for code in codes:
                kind, payload = _receive(receiver, process, code)
                if kind == "failed":
                    _raise_failure(payload, code)
                yield payload
            finished = True
        finally:
            receiver.close()
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
            process.close()
            text = stray.read().decode("utf-8", "replace")
            if text and not finished:  # shown beside the failure (pytest shows it then)
                sys.stderr.write(f"Printed outside sys.stdout by the code:\n{text}")
        if text:
            raise AssertionError(
                f"{codes[0].where}: the code printed past sys.stdout (to standard error, or "
                f"from a C library), which the page does not show; print it, or keep it "
                f"quiet:\n{text}"
            )


def _receive(
    receiver: Connection, process: multiprocessing.process.BaseProcess, code: Code
) -> tuple[str, object]:
    if not receiver.poll(TIMEOUT):
        process.kill()
        raise TimeoutError(f"{code.where}: still running after {TIMEOUT:.0f} s; stopped")
    try:
        return receiver.recv()  # type: ignore[no-any-return]
    except EOFError:
        process.join(timeout=10)
        raise RuntimeError(
            f"{code.where}: the process running the code ended without a word "
            f"(exit code {process.exitcode})"
        ) from None


def _raise_failure(payload: object, code: Code) -> None:
    pickled, summary, text = payload  # type: ignore[misc]
    try:
        error = pickle.loads(pickled)
    except Exception:  # noqa: BLE001 - not pickled, or not rebuilt here: a stand-in, same text
        error = RuntimeError(f"{code.where}: {summary}")
    raise error from BlockFailed(text)
