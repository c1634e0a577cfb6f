"""Serve a built site on 127.0.0.1 the way GitHub Pages serves it.

The site lives under the path of `site_url` (/deep-learning/), text is sent gzip-compressed
to browsers that ask for it, a folder is answered by its index.html (and a folder address
without its final slash is redirected), and a missing page gets 404.html with status 404.

    python -m tools.serve [SITE_DIR] [--port 8000]

In tests: ``with serve(site_dir) as url: ...`` (a free port; stopped on leaving).
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.pages import ROOT, site_url

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".ipynb"}
TYPES = {".js": "text/javascript", ".ipynb": "application/x-ipynb+json", ".svg": "image/svg+xml"}


def site_path() -> str:
    """The path part of site_url in mkdocs.yml ("/deep-learning/"), where the site lives."""
    return urlsplit(site_url()).path or "/"


def _handler(site: Path, prefix: str) -> type[BaseHTTPRequestHandler]:
    @cache
    def compressed(path: Path) -> bytes:
        return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: tests report what matters

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def do_GET(self) -> None:
            self._answer(body=True)

        def _answer(self, body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == prefix.rstrip("/"):
                self._redirect(prefix)
                return
            status, file = HTTPStatus.NOT_FOUND, site / "404.html"
            if path.startswith(prefix):
                candidate = (site / path.removeprefix(prefix)).resolve()
                if candidate.is_relative_to(site):
                    if candidate.is_dir() and not path.endswith("/"):
                        self._redirect(f"{path}/")
                        return
                    if candidate.is_dir():
                        candidate = candidate / "index.html"
                    if candidate.is_file():
                        status, file = HTTPStatus.OK, candidate
            self._send(status, file, body)

        def _redirect(self, location: str) -> None:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status: HTTPStatus, file: Path, body: bool) -> None:
            kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
            kind = kind or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith(("json", "xml")):
                kind += "; charset=utf-8"
            compressible = file.suffix in COMPRESSIBLE
            gzipped = compressible and "gzip" in self.headers.get("Accept-Encoding", "")
            data = compressed(file) if gzipped else file.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
            if compressible:
                self.send_header("Vary", "Accept-Encoding")
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser hung up mid-answer (a tab closed, Lighthouse moved on)
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, prefix: str | None = None, port: int = 0) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 in a thread; yield the site's URL (ending in "/")."""
    prefix = site_path() if prefix is None else prefix
    server = _Server(("127.0.0.1", port), _handler(site.resolve(), prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args()
    with serve(arguments.site, port=arguments.port) as url:
        print(f"Serving {arguments.site} on {url} (Ctrl+C stops)", flush=True)
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
