"""Every program in tests/programs/ writes under wasmtime and under Node, byte for byte, the
stdout and the whole stderr (tracebacks included) that CPython writes, and exits the same.

A platform_* program with a .differs.txt is held to CPython-in-Wasm instead: the module must
match it exactly, and CPython-in-Wasm must still differ from CPython as the sidecar says.
"""

from __future__ import annotations

import pytest

from tests.differential import (
    Case, all_cases, assert_same, compiled, expected_outcome, run_cpython, run_cpython_wasm, run_node, run_wasmtime,
)

CASES = [pytest.param(case, id=case.name) for case in all_cases()]
#: Programs Node's own WASI cannot run, and why (our web shim runs them: tests/test_web_shim.py).
NODE_WASI_GAPS = {
    "io_time_sleep_clocks": "time.sleep never returns under node:wasi (Node 20): its poll_oneoff on a clock "
                            "hangs, even for sleep(0)",
}
NODE_CASES = [pytest.param(case, id=case.name, marks=[pytest.mark.skip(reason=NODE_WASI_GAPS[case.name])]
                           if case.name in NODE_WASI_GAPS else []) for case in all_cases()]
PLATFORM_CASES = [pytest.param(case, id=case.name) for case in all_cases() if case.expected_difference]


@pytest.mark.parametrize("case", CASES)
def test_wasmtime_matches_cpython(case: Case) -> None:
    assert_same(expected_outcome(case), run_wasmtime(compiled(case), case))


@pytest.mark.parametrize("case", NODE_CASES)
def test_node_matches_cpython(case: Case, node: str) -> None:
    assert_same(expected_outcome(case), run_node(compiled(case), case, node))


@pytest.mark.parametrize("case", PLATFORM_CASES)
def test_platform_difference_is_real(case: Case) -> None:
    """CPython-in-Wasm differs from CPython on this program: else it is no platform difference."""
    assert run_cpython_wasm(case) != run_cpython(case), case.expected_difference


def test_there_are_enough_programs() -> None:
    assert len([case for case in all_cases() if case.expected_difference is None]) >= 40
