"""A handful of differential programs under a third WASI host: @wasmer/sdk (npm) on Node.

tests/wasmer/ pins the SDK (package.json + package-lock.json); `npm ci` there installs it
(.ci/run does; this test does too when it is missing). The SDK names argv[0] `main`, so the
programs chosen here do not print argv[0].
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.differential import PROGRAMS, TIMEOUT_SECONDS, Outcome, assert_same, expected_outcome, load_case
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps

WASMER = Path(__file__).parent / "wasmer"
PROGRAMS_UNDER_WASMER = ("io_stdin_read_all", "io_env", "io_exit_code_3", "exc_uncaught_valueerror", "stdlib_json",
                         "native_int_grid", "str_unicode", "stdlib_collections")


@pytest.fixture(scope="session")
def wasmer_runner() -> list[str]:
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("node and npm are needed (.ci/run installs them)")
    if not (WASMER / "node_modules" / "@wasmer" / "sdk").is_dir():
        install = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WASMER, capture_output=True, text=True,
                                 timeout=300)
        if install.returncode != 0:
            pytest.skip(f"npm ci of @wasmer/sdk failed: {install.stderr.strip()[-300:]}")
    return [node, "--no-warnings", str(WASMER / "run.mjs")]


def _entry(name: str) -> Path:
    folder = PROGRAMS / name
    return folder if folder.is_dir() else PROGRAMS / f"{name}.py"


@pytest.mark.parametrize("name", PROGRAMS_UNDER_WASMER)
def test_wasmer_matches_cpython(name: str, wasmer_runner: list[str]) -> None:
    case = load_case(_entry(name))
    wasm = build_module(case.script, case.options, SilentSteps())
    request = json.dumps({"wasm": str(wasm), "argv": case.argv, "env": case.full_env})
    result = subprocess.run([*wasmer_runner, request], input=case.stdin, capture_output=True,
                            env={"PATH": os.environ.get("PATH", "")}, timeout=TIMEOUT_SECONDS)
    assert_same(expected_outcome(case), Outcome(result.stdout, result.stderr, result.returncode))
