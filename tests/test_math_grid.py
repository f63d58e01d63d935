"""The module's math is python3.11.wasm's, to the last bit: tests/programs/math_grid.py prints every
math and cmath function on a grid of arguments, and its output must equal CPython-in-Wasm's line for
line (musl's libm, as linked by wasi-sdk), which differs from native CPython's (glibc) on some lines.
Where musl and glibc agree, tests/programs/math_exp_last_bit.py holds the module to native CPython.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.differential import PROGRAMS, load_case, run_wasmtime
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import find_wasi_python

GRID = load_case(PROGRAMS / "math_grid.py")


def _cpython_in_wasm_output(script: Path) -> list[str]:
    build = find_wasi_python(None, SilentSteps())
    with tempfile.TemporaryDirectory() as scratch:
        stdout = Path(scratch) / "stdout"
        invocation = Invocation(["python3.11", f"/program/{script.name}"], {"PYTHONHOME": "/usr/local"},
                                {"/usr/local": build.root, "/program": script.parent}, stdout=stdout)
        assert run_wasi(build.interpreter, invocation) == 0
        return stdout.read_text().splitlines()


def test_math_grid_matches_cpython_in_wasm_line_for_line() -> None:
    expected = _cpython_in_wasm_output(GRID.script)
    actual = run_wasmtime(build_module(GRID.script, GRID.options, SilentSteps()), GRID).stdout.splitlines()
    assert len(expected) > 20000
    differing = [f"{want}  (module: {got})" for want, got in zip(expected, actual) if want != got]
    assert not differing, f"{len(differing)} lines differ, first: " + "\n".join(differing[:10])
    assert len(actual) == len(expected)

