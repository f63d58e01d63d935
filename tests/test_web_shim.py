"""Our own WASI shim (wasm_runtime/web/wasi.mjs), run under Node, prints what CPython prints.

The browser page runs modules through this same loader; Node checks it on every differential
program in seconds, without a browser (tests/test_web_page.py then checks the page itself).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.differential import (PROGRAMS, TIMEOUT_SECONDS, Case, all_cases, assert_same, compiled, expected_outcome,
                                load_case, run_node)

RUNNER = Path(__file__).parent / "web" / "run_command.mjs"

CASES = [pytest.param(case, id=case.name) for case in all_cases()]


@pytest.mark.parametrize("case", CASES)
def test_shim_matches_cpython(case: Case, node: str) -> None:
    assert_same(expected_outcome(case), run_node(compiled(case), case, node, RUNNER))


def test_deep_recursion_fits_in_half_of_v8s_stack_in_its_optimising_tier(node: str) -> None:
    """Which of V8's tiers runs a deep recursion depends on the machine's timing, and the optimising
    tier's frames of CPython's eval loop are 2.5 times the baseline's: a CI machine trapped where this
    one did not. So the deep program runs in that tier alone, with half Node's default stack (984
    KiB); the native depth cap (wasm_runtime/native_depth.c) is what keeps it inside."""
    case = load_case(PROGRAMS / "native_deep_mixed.py")
    flags = ("--no-liftoff", "--stack-size=492")
    assert_same(expected_outcome(case), run_node(compiled(case), case, node, RUNNER, flags))


def test_a_trap_ends_with_status_134_and_a_message(node: str) -> None:
    result = subprocess.run([node, str(RUNNER.parent / "check_trap.mjs")], capture_output=True, text=True,
                            timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "trap: ok\n"
