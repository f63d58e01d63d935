"""How big a module is and what is in it: the size bounds of issue #13, the listed set of stdlib
and C modules kept for hello world and for a program importing os, re, json, collections and
dataclasses (each with the reason `compile --why` gives), and start-up inflating nothing.

The kept lists are `tests/golden/kept_modules_*.txt`; to rewrite them from the current output,
run with TPY2WASM_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import wasmtime

from tpy2wasm.compiler.discovery import StdlibMode, discover, find_program_graph
from tpy2wasm.compiler.freezing import is_deflated
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import WasiPython, find_wasi_python
from tpy2wasm.compiler.why import explain_inclusion
from tests.test_module_discovery import COMMON_PROGRAM as COMMON

GOLDEN_DIR = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TPY2WASM_UPDATE_GOLDEN") == "1"
HELLO = "print('Hello, world!')\n"
#: Issue #13 asks for 3.0 MB (taken as 3,000,000 bytes, the stricter reading). Measured: 4.28 MB
#: before, 3.73 MB with zero runs packed and the frozen code deflated, 3.47 MB with our marshalled
#: copies of the modules libpython deep-freezes (0.66 MB there) instead of its deepfreeze.o,
#: 3.30 MB with the code's padded immediates written short, 2.98 MB with traceback.py printing
#: through stand-ins for its imports instead of 20 more modules and 3 C modules, 2.95 MB with
#: libpython's twin functions merged.
HELLO_BYTES = 3_000_000
COMMON_BYTES = 6_000_000


@pytest.fixture(scope="module")
def build() -> WasiPython:
    return find_wasi_python(None, SilentSteps())


def _kept_lines(build: WasiPython, script: Path) -> list[str]:
    """`module: reason` for every stdlib and C module the program gets, as --why explains it."""
    program = discover(script, build, (), StdlibMode.AUTO)
    graph = find_program_graph(script, build, (), StdlibMode.AUTO)
    lines = []
    for name in sorted({module.name for module in program.stdlib_modules} | set(program.builtin_modules)):
        included, explanation = explain_inclusion(graph, name, ())
        assert included, explanation
        reason = explanation[0].partition(" is included: ")[2]
        if len(explanation) > 1:  # a chain of imports: its last step says which import pulls it in
            last = explanation[-1].strip().replace(f"{build.stdlib_dir}/", "").replace(f"{script.parent}/", "")
            reason = f"{reason.rstrip(':')}, last {last}"
        lines.append(f"{name}: {reason}")
    return lines


@pytest.mark.parametrize(("case", "source"), [("hello", HELLO), ("common", COMMON)])
def test_the_kept_modules_are_the_listed_ones(build: WasiPython, tmp_path: Path, case: str, source: str) -> None:
    script = tmp_path / "app.py"
    script.write_text(source)
    text = "\n".join(_kept_lines(build, script.resolve())) + "\n"
    golden = GOLDEN_DIR / f"kept_modules_{case}.txt"
    if UPDATE:
        golden.write_text(text)
    assert text == golden.read_text()


def _size_and_imports(tmp_path: Path, source: str) -> tuple[int, list[str]]:
    script = tmp_path / "app.py"
    script.write_text(source)
    wasm = build_module(script, CompileOptions(), SilentSteps())
    imports = [f"{item.module}.{item.name}" for item in wasmtime.Module.from_file(wasmtime.Engine(), str(wasm)).imports]
    return wasm.stat().st_size, imports


def test_hello_world_stays_small(tmp_path: Path) -> None:
    size, imports = _size_and_imports(tmp_path, HELLO)
    assert size <= HELLO_BYTES
    assert not [name for name in imports if ".sock_" in name]


def test_a_common_program_is_at_most_6_mb_without_sockets(tmp_path: Path) -> None:
    """14.1 MB with 4 sock_* WASI imports before discovery cut lazy-only edges; 6.6 MB after;
    5.4 MB with zero runs packed and the frozen code deflated; 5.15 MB without libpython's deepfreeze.o;
    4.97 MB with the code's padded immediates written short, 4.93 MB with twin functions merged."""
    size, imports = _size_and_imports(tmp_path, COMMON)
    assert size <= COMMON_BYTES
    assert not [name for name in imports if ".sock_" in name]


def test_start_up_imports_no_deflated_module(tmp_path: Path) -> None:
    """Start-up costs what it cost before the frozen code was deflated: every stdlib module
    CPython imports before the program runs is stored as it is."""
    script = tmp_path / "app.py"
    script.write_text("import sys\nprint(*sorted(sys.modules))\n")
    stdout = tmp_path / "stdout"
    assert run_wasi(build_module(script, CompileOptions(), SilentSteps()), Invocation(["app"], stdout=stdout)) == 0
    imported = set(stdout.read_text().split())
    assert {"encodings", "encodings.aliases", "encodings.utf_8"} <= imported
    table = discover(script.resolve(), find_wasi_python(None, SilentSteps()), (), StdlibMode.AUTO).stdlib_modules
    assert not [module.name for module in table if module.name in imported and is_deflated(module.name)]


def test_hello_world_leaves_out_what_traceback_py_imports(build: WasiPython, tmp_path: Path) -> None:
    """The excepthook runs traceback.py with stand-ins for its imports (wasm_runtime/traceback_imports.py),
    so `--why` says nothing needs them; a program that imports linecache gets the real chain."""
    script = tmp_path / "app.py"
    script.write_text(HELLO)
    graph = find_program_graph(script.resolve(), build, (), StdlibMode.AUTO)
    for name in ("linecache", "tokenize", "re", "enum", "textwrap", "contextlib", "ast"):
        assert explain_inclusion(graph, name, ()) == (False, [f"'{name}' is not included: nothing the program runs imports it"])
    script.write_text("import linecache\n")
    graph = find_program_graph(script.resolve(), build, (), StdlibMode.AUTO)
    included, explanation = explain_inclusion(graph, "tokenize", ())
    assert included and "linecache.py" in explanation[-1]
