"""Measures one program four ways in one run: native CPython, CPython-in-Wasm, the tpy2wasm
module, and its hand-written C twin compiled to Wasm. A time counts only when the variant
wrote exactly the stdout and stderr native CPython wrote and exited with its status.
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


@dataclass(frozen=True)
class RunOutput:
    """What one run wrote and how it exited."""

    stdout: bytes
    stderr: bytes
    exit_code: int

    def differences(self, expected: RunOutput) -> list[str]:
        pairs = (("stdout", self.stdout, expected.stdout), ("stderr", self.stderr, expected.stderr),
                 ("exit status", self.exit_code, expected.exit_code))
        return [what for what, mine, theirs in pairs if mine != theirs]


@dataclass(frozen=True)
class Timing:
    """Seconds of each repetition, and what differed from native CPython's run, if anything
    (then the seconds are no result: tables and snapshots show the failure instead)."""

    seconds: tuple[float, ...]
    mismatch: str | None = None

    @property
    def output_matches(self) -> bool:
        return self.mismatch is None

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


#: Runs a variant once, its standard output and error going to the two files; its exit status.
Run = Callable[[Path, Path], int]


def _timed(run: Run, repetitions: int) -> tuple[list[float], list[RunOutput]]:
    seconds, outputs = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(repetitions):
            stdout, stderr = Path(scratch) / f"stdout-{index}", Path(scratch) / f"stderr-{index}"
            started = time.perf_counter()
            exit_code = run(stdout, stderr)
            seconds.append(time.perf_counter() - started)
            outputs.append(RunOutput(stdout.read_bytes(), stderr.read_bytes(), exit_code))
    return seconds, outputs


def _run_native(script: Path) -> Run:
    def run(stdout: Path, stderr: Path) -> int:
        with stdout.open("wb") as out, stderr.open("wb") as err:
            return subprocess.run([sys.executable, script.name], cwd=script.parent, stdout=out, stderr=err,
                                  check=False).returncode
    return run


def _run_wasm(wasm: Path, argv: list[str], env: dict[str, str], preopened: dict[str, Path]) -> Run:
    def run(stdout: Path, stderr: Path) -> int:
        return run_wasi(wasm, Invocation(argv, env, preopened, stdout=stdout, stderr=stderr))
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
    runs: dict[str, Run] = {
        NATIVE_CPYTHON: _run_native(script),
        # The script's folder keeps its host path, so that tracebacks name the files as CPython's do.
        CPYTHON_WASM: _run_wasm(
            build.interpreter, ["python3.11", "-B", str(script)], {"PYTHONHOME": "/usr/local"},
            {"/usr/local": build.root, str(script.parent): script.parent},
        ),
        TPY2WASM: _run_wasm(build_module(script, CompileOptions(), SilentSteps()), [script.name], {}, {}),
    }
    twin = script.with_suffix(".c")
    if twin.exists():
        runs[C_WASM] = _run_wasm(_c_twin(twin), [twin.name], {}, {})
    result = ProgramResult(script.stem)
    expected: RunOutput | None = None
    for variant, run in runs.items():
        run(Path(os.devnull), Path(os.devnull))  # warm-up: caches machine code, file system caches
        seconds, outputs = _timed(run, repetitions)
        if expected is None:
            expected = outputs[0]
        differences = sorted({what for output in outputs for what in output.differences(expected)})
        mismatch = f"{', '.join(differences)} not as CPython's" if differences else None
        result.timings[variant] = Timing(tuple(seconds), mismatch)
    return result
