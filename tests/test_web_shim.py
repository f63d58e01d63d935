"""Our own WASI shim (wasm_runtime/web/wasi.mjs), run under Node, prints what CPython prints.

The browser page runs modules through this same loader; Node checks it on every differential
program in seconds, without a browser (tests/test_web_page.py then checks the page itself).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.differential import TIMEOUT_SECONDS, Case, all_cases, assert_same, compiled, expected_outcome, run_node

RUNNER = Path(__file__).parent / "web" / "run_command.mjs"

CASES = [pytest.param(case, id=case.name) for case in all_cases()]


@pytest.mark.parametrize("case", CASES)
def test_shim_matches_cpython(case: Case, node: str) -> None:
    assert_same(expected_outcome(case), run_node(compiled(case), case, node, RUNNER))


def test_a_trap_ends_with_status_134_and_a_message(node: str) -> None:
    result = subprocess.run([node, str(RUNNER.parent / "check_trap.mjs")], capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "trap: ok\n"
