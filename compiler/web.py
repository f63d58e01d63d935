"""The web target: `compile --html DIR` writes a page that runs the module, `serve DIR` shows it.

The page needs no bundler and no third-party code: our own WASI shim and loader are plain ES
modules shipped in wasm_runtime/web/ and copied beside the module.
"""

from __future__ import annotations

import html
import http.server
from collections.abc import Callable
from functools import partial
from importlib.resources import files
from pathlib import Path
from string import Template

from tpy2wasm.compiler.cache import atomic_write
from tpy2wasm.compiler.errors import CompileError

#: The shim, the loader, the reactor ABI and the page's script, copied as they are.
SCRIPTS = ("wasi.mjs", "loader.mjs", "reactor.mjs", "page.mjs")
PAGE = "index.html"
#: What browsers insist on: WebAssembly.compileStreaming and module scripts check the type.
MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}


def _web_folder() -> Path:
    return Path(str(files("tpy2wasm.wasm_runtime"))) / "web"


def write_site(folder: Path, module: Path, program_name: str) -> Path:
    """Writes index.html, the module (as PROGRAM.wasm) and the scripts into `folder`; returns the page."""
    if not folder.parent.is_dir():
        raise CompileError(f"cannot write the page: folder {folder.parent} does not exist", path=folder)
    if folder.exists() and not folder.is_dir():
        raise CompileError("cannot write the page: it is a file, not a folder", path=folder)
    module_name = f"{Path(program_name).stem}.wasm"
    source = _web_folder()
    page = Template((source / PAGE).read_text("utf-8")).substitute(
        program=html.escape(program_name), module=html.escape(module_name))
    folder.mkdir(exist_ok=True)
    atomic_write(folder / module_name, module.read_bytes())
    for script in SCRIPTS:
        atomic_write(folder / script, (source / script).read_bytes())
    atomic_write(folder / PAGE, page.encode("utf-8"))
    return folder / PAGE


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files with the MIME types browsers need, never cached (a rebuilt module shows at once)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def make_server(folder: Path, port: int, log: Callable[[str], None] = lambda line: None) -> http.server.ThreadingHTTPServer:
    """An HTTP server for `folder` on 127.0.0.1 (port 0: any free port); `log` gets each request line."""
    if not folder.is_dir():
        raise CompileError("no such folder", path=folder)

    class Handler(_Handler):
        def log_message(self, format: str, *args: object) -> None:
            log(format % args)

    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(folder)))
    except OSError as error:
        raise CompileError(f"cannot serve on 127.0.0.1:{port}: {error.strerror}") from None


def serve_forever(server: http.server.ThreadingHTTPServer) -> None:
    """Serves until Ctrl-C, then closes the socket: an interrupt is the normal way to stop."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def url_of(server: http.server.ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}/"


