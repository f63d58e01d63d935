"""Measures one program four ways in one run: native CPython, CPython-in-Wasm, the tpy2wasm
module, and its hand-written C twin compiled to Wasm. A time counts only when the variant
printed exactly what native CPython printed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tpy2wasm.compiler.cache import cached_file, digest
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import WasiPython, run_tool, zig_command

#: The variants, in the order tables and charts show them.
NATIVE_CPYTHON = "cpython"
CPYTHON_WASM = "cpython_wasm"
TPY2WASM = "tpy2wasm"
C_WASM = "c_wasm"
VARIANTS = (NATIVE_CPYTHON, CPYTHON_WASM, TPY2WASM, C_WASM)
_BASELINE = CPYTHON_WASM
_GUEST_PROGRAM_DIR = "/program"


@dataclass(frozen=True)
class Timing:
    """Seconds of each repetition; None when the output differed from native CPython's."""

    seconds: tuple[float, ...]
    output_matches: bool

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass
class ProgramResult:
    name: str
    timings: dict[str, Timing] = field(default_factory=dict)

    def speedup(self, variant: str) -> float | None:
        """How many times faster than CPython-in-Wasm (best of the repetitions)."""
        timing, baseline = self.timings.get(variant), self.timings.get(_BASELINE)
        if timing is None or baseline is None or not (timing.output_matches and baseline.output_matches):
            return None
        return baseline.best / timing.best


def _timed(run: Callable[[Path], None], repetitions: int) -> tuple[list[float], list[bytes]]:
    seconds, outputs = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(repetitions):
            stdout = Path(scratch) / f"stdout-{index}"
            started = time.perf_counter()
            run(stdout)
            seconds.append(time.perf_counter() - started)
            outputs.append(stdout.read_bytes())
    return seconds, outputs


def _run_native(script: Path) -> Callable[[Path], None]:
    def run(stdout: Path) -> None:
        with stdout.open("wb") as handle:
            subprocess.run([sys.executable, script.name], cwd=script.parent, stdout=handle, check=False)
    return run


def _run_wasm(wasm: Path, argv: list[str], env: dict[str, str], preopened: dict[str, Path]) -> Callable[[Path], None]:
    def run(stdout: Path) -> None:
        run_wasi(wasm, Invocation(argv, env, preopened, stdout=stdout, stderr=Path(os.devnull)))
    return run


def _c_twin(source: Path) -> Path:
    """The C twin compiled by zig cc -O2 for wasm32-wasi, cached by its source."""
    def compile_twin() -> bytes:
        with tempfile.TemporaryDirectory() as scratch:
            output = Path(scratch) / "twin.wasm"
            run_tool(zig_command("cc", "-target", "wasm32-wasi", "-O2", str(source), "-lm", "-o", str(output)),
                     f"compiling {source.name}")
            return output.read_bytes()
    return cached_file("c-twins", digest(source.read_bytes()), ".wasm", compile_twin)


def measure(script: Path, build: WasiPython, repetitions: int) -> ProgramResult:
    script = script.resolve()
    runs: dict[str, Callable[[Path], None]] = {
        NATIVE_CPYTHON: _run_native(script),
        CPYTHON_WASM: _run_wasm(
            build.interpreter, ["python3.11", f"{_GUEST_PROGRAM_DIR}/{script.name}"], {"PYTHONHOME": "/usr/local"},
            {"/usr/local": build.root, _GUEST_PROGRAM_DIR: script.parent},
        ),
        TPY2WASM: _run_wasm(build_module(script, CompileOptions(), SilentSteps()), [script.name], {}, {}),
    }
    twin = script.with_suffix(".c")
    if twin.exists():
        runs[C_WASM] = _run_wasm(_c_twin(twin), [twin.name], {}, {})
    result = ProgramResult(script.stem)
    expected: bytes | None = None
    for variant, run in runs.items():
        run(Path(os.devnull))  # warm-up: caches machine code, file system caches
        seconds, outputs = _timed(run, repetitions)
        if expected is None:
            expected = outputs[0]
        result.timings[variant] = Timing(tuple(seconds), all(output == expected for output in outputs))
    return result
