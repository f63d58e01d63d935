"""Runs one program under CPython 3.11 and compiled, and compares stdout, stderr and exit code
exactly (bytes).

The module runs in a child process, so a hang or a crash of the runtime cannot stop the batch,
with its own throw-away TPY2WASM_CACHE: each generated module is new, and its ~30 MB of
wasmtime machine code would only fill the cache. The linked module is deleted after the run
for the same reason (a rebuild of the same program just links it again).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from tests.differential import BASE_ENV
from tpy2wasm.compiler.errors import CompileError
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps

#: WASI numbers errno differently (README, "Differences from CPython on Linux"; CPython-in-Wasm shows it
#: too): a float power that overflows raises OverflowError(ERANGE, strerror(ERANGE)) with WASI's number and
#: text. The compiled output is mapped to Linux's before comparing.
PLATFORM_SPELLINGS = ((b"(68, 'Result not representable')", b"(34, 'Numerical result out of range')"),)
#: wasm32's Py_ssize_t has 32 bits: `"ab" * 2**40` raises this there, where 64-bit CPython gives a
#: MemoryError or a result. A comparison whose module output says it is a platform difference.
NARROW_INDEX = b"cannot fit 'int' into an index-sized integer"
CPYTHON_TIMEOUT = 30
MODULE_TIMEOUT = 120
#: Runs a module file given as argv[1], with argv[2:] as the program's argv.
RUN_MODULE = """
import sys
from pathlib import Path
from tpy2wasm.compiler.runner import Invocation, run_wasi
sys.exit(run_wasi(Path(sys.argv[1]), Invocation(sys.argv[2:], {environment!r})))
"""


@dataclass(frozen=True)
class Run:
    stdout: bytes
    stderr: bytes
    exit_code: int

    def describe(self) -> str:
        return (f"exit code {self.exit_code}\n--- stdout\n{self.stdout.decode('utf-8', 'replace')}"
                f"--- stderr\n{self.stderr.decode('utf-8', 'replace')}")


@dataclass(frozen=True)
class Comparison:
    """What CPython did (None: it timed out, so the program is not a valid test) and what the
    compiled module did, or why it could not be built."""

    expected: Run | None
    actual: Run | None
    build_error: str | None = None

    @property
    def valid(self) -> bool:
        return self.expected is not None

    @property
    def differs(self) -> bool:
        return self.valid and (self.build_error is not None or self.actual != self.expected)

    @property
    def platform_difference(self) -> bool:
        """Differs where a 32-bit index is the reason (see NARROW_INDEX)."""
        return self.differs and self.actual is not None and NARROW_INDEX in self.actual.stdout + self.actual.stderr

    @property
    def failed(self) -> bool:
        return self.differs and not self.platform_difference

    @property
    def kind(self) -> str:
        """What kind of failure: a build error, a module that did not finish, or which output differs."""
        if self.build_error is not None:
            return "build error"
        if self.expected is None or self.actual is None:
            return "module timed out"
        if self.actual.stdout != self.expected.stdout:
            return "stdout differs"
        return "stderr differs" if self.actual.stderr != self.expected.stderr else "exit code differs"

    def same_failure_as(self, original: Comparison) -> bool:
        """Whether this (a shrunk program's) failure is the original one: the same kind and, for
        stdout, the same differing line wherever it now is; otherwise the same expected exit code."""
        if not (self.failed and self.kind == original.kind and self.expected and original.expected):
            return False
        if self.kind == "stdout differs":
            return _without_line_number(self.first_difference()) == _without_line_number(original.first_difference())
        return self.expected.exit_code == original.expected.exit_code

    def first_difference(self) -> str:
        """The first differing stdout line, or which stream differs."""
        if self.expected is None or self.actual is None:
            return self.build_error or "module timed out"
        expected, actual = self.expected.stdout.splitlines(), self.actual.stdout.splitlines()
        for index, (want, got) in enumerate(zip(expected, actual)):
            if want != got:
                return f"stdout line {index + 1}: expected {want!r}, got {got!r}"
        if len(expected) != len(actual):
            return f"stdout has {len(actual)} lines, expected {len(expected)}"
        if self.actual.stderr != self.expected.stderr:
            return "stderr differs"
        return f"exit code {self.actual.exit_code}, expected {self.expected.exit_code}"


def _without_line_number(difference: str) -> str:
    return re.sub(r"^stdout line \d+: ", "", difference)


def run_cpython(script: Path) -> Run | None:
    try:
        result = subprocess.run([sys.executable, script.name], cwd=script.parent, env=BASE_ENV,
                                capture_output=True, timeout=CPYTHON_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return Run(result.stdout, result.stderr, result.returncode)


def run_module(wasm: Path, script: Path) -> Run | None:
    with tempfile.TemporaryDirectory(prefix="tpy2wasm-fuzz-") as machine_code_cache:
        environment = {**os.environ, "TPY2WASM_CACHE": machine_code_cache}
        code = RUN_MODULE.format(environment=BASE_ENV)
        try:
            result = subprocess.run([sys.executable, "-c", code, str(wasm), script.name], env=environment,
                                    capture_output=True, timeout=MODULE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None
    return Run(_as_on_linux(result.stdout), _as_on_linux(result.stderr), result.returncode)


def _as_on_linux(output: bytes) -> bytes:
    for wasi, linux in PLATFORM_SPELLINGS:
        output = output.replace(wasi, linux)
    return output


def compare(script: Path) -> Comparison:
    """Runs `script` both ways; the module is built with the caller's TPY2WASM_CACHE."""
    expected = run_cpython(script)
    if expected is None:
        return Comparison(None, None)
    try:
        wasm = build_module(script, CompileOptions(), SilentSteps())
    except CompileError as error:
        return Comparison(expected, None, error.render())
    except Exception:  # an internal compiler error is a finding, not the end of the batch
        return Comparison(expected, None, traceback.format_exc())
    try:
        return Comparison(expected, run_module(wasm, script))
    finally:
        wasm.unlink(missing_ok=True)
