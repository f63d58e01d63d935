"""A compiler bug confined to one function (an exception while lowering or emitting it, or
LLVM rejecting its code) keeps that function in the interpreter: the compile succeeds, the
module behaves as CPython, and `explain` says why. The bug is simulated by making the real
lowering or emitter of the one function `broken` fail; every other function is compiled as usual.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tpy2wasm.analysis.lower import FunctionLowerer
from tpy2wasm.codegen.function_emitter import FunctionEmitter
from tpy2wasm.compiler.native import native_report
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi

PROGRAM = """\
def broken(n: int) -> int:
    return n * 2


def caller(n: int) -> int:
    return broken(n) + 1


def fine(n: int) -> int:
    return n - 1


print(caller(20), fine(5), broken(-3))
"""


def _lowering_raises(original: Callable[..., Any]) -> Callable[..., Any]:
    def lower_function(self: FunctionLowerer) -> Any:
        if self.func.name == "broken":
            raise RuntimeError("simulated lowering bug")
        return original(self)
    return lower_function


def _emitter_raises(original: Callable[..., Any]) -> Callable[..., Any]:
    def emit(self: FunctionEmitter) -> None:
        if self.function.name == "broken":
            raise RuntimeError("simulated emitter bug")
        original(self)
    return emit


def _emitter_writes_invalid_ir(original: Callable[..., Any]) -> Callable[..., Any]:
    def emit(self: FunctionEmitter) -> None:
        original(self)
        if self.function.name == "broken":
            self.llvm_function.append_basic_block("unterminated")  # LLVM rejects the module
    return emit


FAULTS = {
    "lowering": (FunctionLowerer, "lower_function", _lowering_raises, "RuntimeError: simulated lowering bug"),
    "emitter": (FunctionEmitter, "emit", _emitter_raises, "RuntimeError: simulated emitter bug"),
    "invalid_ir": (FunctionEmitter, "emit", _emitter_writes_invalid_ir, "RuntimeError: LLVM IR parsing error"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_function_the_compiler_fails_on_stays_python(fault: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    owner, method, make_fault, message = FAULTS[fault]
    monkeypatch.setattr(owner, method, make_fault(getattr(owner, method)))
    script = tmp_path / "app.py"
    script.write_text(f"# {tmp_path}: a source of its own, so no native code cached without the fault\n{PROGRAM}")

    report = native_report(script)
    broken, caller, fine = (report.verdict("__main__", name) for name in ("broken", "caller", "fine"))
    assert not broken.native
    assert [reason.message.split("\n")[0][:len("the compiler could not lower it: ") + len(message)]
            for reason in broken.reasons] == [f"the compiler could not lower it: {message}"]
    assert caller.native and fine.native  # the caller calls `broken` through CPython now

    wasm = build_module(script, CompileOptions(), SilentSteps())
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    exit_code = run_wasi(wasm, Invocation(("app.py",), {}, stdout=out, stderr=err))
    expected = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert (exit_code, out.read_text(), err.read_text()) == (0, expected, "")

