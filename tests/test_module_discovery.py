"""Which modules a program gets: imports CPython for WASI cannot serve are errors exactly when
they fail there, the stdlib set follows what the program can reach, and --why explains it."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tpy2wasm.compiler.discovery import StdlibMode, discover
from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.lazy_imports import LAZY_ONLY_MODULES
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import WasiPython, find_wasi_python

#: Stdlib imports whose fate under CPython for WASI the compiler must predict: some need a C
#: module the build lacks, directly or through a top-level import; others import one optionally.
STDLIB_IMPORTS = (
    "sqlite3", "ctypes", "ctypes.util", "tkinter", "multiprocessing", "_sqlite3", "_ctypes", "_tkinter",
    "_multiprocessing", "curses", "dbm", "dbm.gnu", "zlib", "gzip", "zipfile", "bz2", "lzma", "ssl", "hashlib",
    "socket", "asyncio", "subprocess", "concurrent.futures", "mmap", "fcntl", "grp", "pwd", "termios", "uuid",
    "xml.etree.ElementTree", "tty", "readline", "json", "decimal", "shutil", "tarfile", "logging",
)
#: A program importing os, re, json, collections and dataclasses: what issue #13 measured.
COMMON_PROGRAM = ("import os, re, json, collections, dataclasses\n"
                  "print(os.sep, re.sub('a', 'b', 'aa'), json.dumps([1]), collections.Counter('aab'))\n")


@pytest.fixture(scope="module")
def build() -> WasiPython:
    return find_wasi_python(None, SilentSteps())


def _discover(build: WasiPython, folder: Path, source: str, include: tuple[str, ...] = ()) -> set[str]:
    script = folder / "app.py"
    script.write_text(source)
    program = discover(script, build, include, StdlibMode.AUTO)
    return {module.name for module in program.stdlib_modules} | set(program.builtin_modules)


@pytest.fixture(scope="module")
def fails_under_wasi(build: WasiPython) -> dict[str, str | None]:
    """What CPython for WASI (python3.11.wasm and its stdlib) says to each import: the name
    of the missing module, or None when the import works."""
    probe = ("import importlib, json\nresults = {}\n"
             f"for name in {list(STDLIB_IMPORTS)!r}:\n"
             "    try:\n        importlib.import_module(name)\n        results[name] = None\n"
             "    except ImportError as error:\n        results[name] = error.name\n"
             "print(json.dumps(results))\n")
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "stdout"
        invocation = Invocation(["python", "-W", "ignore", "-c", probe], {"PYTHONHOME": "/usr/local"},
                                preopened={"/usr/local": build.root}, stdout=output)
        assert run_wasi(build.interpreter, invocation) == 0
        results: dict[str, str | None] = json.loads(output.read_text())
        return results


@pytest.mark.parametrize("name", STDLIB_IMPORTS)
def test_an_import_is_an_error_exactly_when_it_fails_under_wasi(
        name: str, build: WasiPython, fails_under_wasi: dict[str, str | None], tmp_path: Path) -> None:
    missing = fails_under_wasi[name]
    try:
        _discover(build, tmp_path, f"import {name}\n")
    except CompileError as error:
        assert missing is not None, f"{name} imports under WASI, yet: {error.render()}"
        assert error.message == (f"cannot import '{name}': it needs the C module '{missing}', "
                                 "which CPython for WASI does not have")
        assert error.line == 1
    else:
        assert missing is None, f"import {name} fails under WASI ({missing}), yet compiled"


def test_optional_imports_of_missing_c_modules_are_never_errors(build: WasiPython, tmp_path: Path) -> None:
    source = "".join(f"try:\n    import {name}\nexcept ImportError:\n    pass\n" for name in STDLIB_IMPORTS)
    assert "json" in _discover(build, tmp_path, source)


def test_function_level_stdlib_imports_of_tools_do_not_drag_their_graphs(build: WasiPython, tmp_path: Path) -> None:
    modules = _discover(build, tmp_path, COMMON_PROGRAM)
    assert {"json", "re._parser", "dataclasses", "typing", "traceback", "heapq"} <= modules
    left_out = {"asyncio", "email", "http", "unittest", "doctest", "argparse", "importlib.metadata", "zipfile",
                "_socket", "socket", "lib2to3", "distutils", "importlib._bootstrap", "_testcapi"}
    assert modules.isdisjoint(left_out)
    # 91 without the 12 modules CPython deep-freezes into libpython (os, codecs, ntpath, ...), which
    # are table entries of their own now (codegen/tables.py: libpython_frozen_object); 103 with them.
    assert len(modules) < 110


@pytest.mark.parametrize("import_line", ["import doctest", "def later():\n    import doctest\n",
                                         "import importlib\nimportlib.import_module('doctest')\n"])
def test_the_program_itself_can_import_a_lazy_only_module(build: WasiPython, tmp_path: Path, import_line: str) -> None:
    assert {"doctest", "unittest", "pdb"} <= _discover(build, tmp_path, import_line)


def test_include_module_adds_a_lazy_only_module(build: WasiPython, tmp_path: Path) -> None:
    assert "zipfile" in _discover(build, tmp_path, "import shutil\n", include=("zipfile",))
    assert "zipfile" not in _discover(build, tmp_path, "import shutil\n")


def test_every_lazy_only_module_exists_in_the_stdlib(build: WasiPython) -> None:
    for name in LAZY_ONLY_MODULES:
        path = build.stdlib_dir / name.replace(".", "/")
        assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name


def _why(tmp_path: Path, module: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "app.py").write_text(COMMON_PROGRAM)
    return subprocess.run([sys.executable, "-m", "tpy2wasm", "compile", "--why", module, "app.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)


def test_why_prints_the_import_chain_with_files_and_lines(tmp_path: Path) -> None:
    result = _why(tmp_path, "unicodedata")
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert lines[0] == "'unicodedata' is included: the script imports it through this chain:"
    assert lines[1] == "  app.py:1: imports 're'"
    assert lines[-1].endswith("re/_parser.py:347: imports 'unicodedata' (inside a function)")
    assert not list(tmp_path.glob("*.wasm"))


def test_why_says_why_a_lazy_only_module_is_left_out(tmp_path: Path) -> None:
    result = _why(tmp_path, "doctest")
    assert result.returncode == 1
    assert result.stdout.startswith("'doctest' is left out: the stdlib imports it only inside functions")
    assert "--include-module doctest" in result.stdout
