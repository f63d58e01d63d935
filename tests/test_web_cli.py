"""`tpy2wasm compile --html DIR` and `tpy2wasm serve DIR` as a user meets them."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.test_cli import EXAMPLES, tpy2wasm
from tpy2wasm.compiler.web import SCRIPTS


def test_html_writes_the_page_the_module_and_our_loader(tmp_path: Path) -> None:
    site = tmp_path / "site"
    module = tmp_path / "hello.wasm"
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "--html", str(site), "-o", str(module), "-q")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in site.iterdir()) == sorted(["index.html", "hello.wasm", *SCRIPTS])
    assert (site / "hello.wasm").read_bytes() == module.read_bytes()
    page = (site / "index.html").read_text()
    assert 'data-module="hello.wasm"' in page and 'data-program="hello.py"' in page
    assert '<script type="module" src="page.mjs">' in page


def test_compile_needs_somewhere_to_write(tmp_path: Path) -> None:
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"))
    assert result.returncode == 1
    assert result.stderr.decode() == "error: nothing to write: give -o FILE.wasm, --html DIR, or both\n"


def test_html_into_a_missing_folder_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "no" / "site"
    result = tpy2wasm("compile", str(EXAMPLES / "hello.py"), "--html", str(site), "-q")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [f"{site}: error: cannot write the page: folder {site.parent} does not exist"]
    assert list(tmp_path.iterdir()) == []


def test_serve_gives_browsers_their_mime_types_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / "app.wasm").write_bytes(b"\0asm\1\0\0\0")
    (tmp_path / "loader.mjs").write_text("export {};\n")
    (tmp_path / "index.html").write_text("<!doctype html>\n")
    server = subprocess.Popen([sys.executable, "-m", "tpy2wasm", "serve", str(tmp_path), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stderr.readline() if server.stderr else ""
        assert banner.startswith(f"serving {tmp_path} at http://127.0.0.1:"), banner
        url = banner.split(" at ")[1].split(" ")[0]
        types = {name: urllib.request.urlopen(url + name, timeout=30).headers["Content-Type"]
                 for name in ("app.wasm", "loader.mjs", "index.html")}
        assert types == {"app.wasm": "application/wasm", "loader.mjs": "text/javascript", "index.html": "text/html"}
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    with socket.socket() as probe:
        assert probe.connect_ex((host, int(port))) != 0  # the port is closed


def test_serve_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = tpy2wasm("serve", str(tmp_path / "nowhere"), "--port", "0")
    assert result.returncode == 1
    assert result.stderr.decode() == f"{tmp_path / 'nowhere'}: error: no such folder\n"
