"""Every program in tests/programs/ writes under wasmtime and under Node, byte for byte, the
stdout and the whole stderr (tracebacks included) that CPython writes, and exits the same.

A platform_* program with a .differs.txt is held to CPython-in-Wasm instead: the module must
match it exactly, and CPython-in-Wasm must still differ from CPython as the sidecar says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.differential import Case, Outcome, all_cases, run_cpython, run_cpython_wasm, run_node, run_wasmtime
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps

CASES = [pytest.param(case, id=case.name) for case in all_cases()]
PLATFORM_CASES = [pytest.param(case, id=case.name) for case in all_cases() if case.expected_difference]


@pytest.fixture(scope="session")
def node() -> str:
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    return executable


def _compiled(case: Case) -> Path:
    return build_module(case.script, case.options, SilentSteps())


def _expected(case: Case) -> Outcome:
    return run_cpython_wasm(case) if case.expected_difference else run_cpython(case)


def _assert_same(expected: Outcome, actual: Outcome) -> None:
    assert actual.stdout == expected.stdout
    assert actual.stderr == expected.stderr
    assert actual.exit_code == expected.exit_code, actual.stderr


@pytest.mark.parametrize("case", CASES)
def test_wasmtime_matches_cpython(case: Case) -> None:
    _assert_same(_expected(case), run_wasmtime(_compiled(case), case))


@pytest.mark.parametrize("case", CASES)
def test_node_matches_cpython(case: Case, node: str) -> None:
    _assert_same(_expected(case), run_node(_compiled(case), case, node))


@pytest.mark.parametrize("case", PLATFORM_CASES)
def test_platform_difference_is_real(case: Case) -> None:
    """CPython-in-Wasm differs from CPython on this program: else it is no platform difference."""
    assert run_cpython_wasm(case) != run_cpython(case), case.expected_difference


def test_there_are_enough_programs() -> None:
    assert len([case for case in all_cases() if case.expected_difference is None]) >= 40
