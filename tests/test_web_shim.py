"""Our own WASI shim (wasm_runtime/web/wasi.mjs), run under Node, prints what CPython prints.

The browser page runs modules through this same loader; Node checks it on every differential
program in seconds, without a browser (tests/test_web_page.py then checks the page itself).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.differential import TIMEOUT_SECONDS, Case, Outcome, all_cases, run_cpython
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps

RUNNER = Path(__file__).parent / "web" / "run_command.mjs"

CASES = [
    pytest.param(case, id=case.name, marks=[pytest.mark.xfail(strict=True, reason=case.expected_difference)]
                 if case.expected_difference else [])
    for case in all_cases()
]


@pytest.fixture(scope="session")
def node() -> str:
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    return executable


def run_shim(wasm: Path, case: Case, node: str) -> Outcome:
    request = json.dumps({"wasm": str(wasm), "argv": case.argv, "env": case.full_env})
    result = subprocess.run(
        [node, "--no-warnings", str(RUNNER), request], input=case.stdin,
        env={"PATH": os.environ.get("PATH", "")}, capture_output=True, timeout=TIMEOUT_SECONDS,
    )
    return Outcome(result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace"), result.returncode)


@pytest.mark.parametrize("case", CASES)
def test_shim_matches_cpython(case: Case, node: str) -> None:
    expected = run_cpython(case)
    actual = run_shim(build_module(case.script, case.options, SilentSteps()), case, node)
    assert actual.stdout == expected.stdout
    assert actual.last_stderr_line == expected.last_stderr_line, actual.stderr
    assert actual.exit_code == expected.exit_code, actual.stderr


def test_a_trap_ends_with_status_134_and_a_message(node: str) -> None:
    result = subprocess.run([node, str(RUNNER.parent / "check_trap.mjs")], capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "trap: ok\n"
