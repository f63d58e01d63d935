"""Every program in tests/programs/ writes under wasmtime and under Node, byte for byte, the
stdout and the whole stderr (tracebacks included) that CPython writes, and exits the same.

A platform_* program with a .differs.txt is held to CPython-in-Wasm instead: the module must
match it exactly, and CPython-in-Wasm must still differ from CPython as the sidecar says.
"""

from __future__ import annotations

import difflib
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
    assert actual.stdout == expected.stdout, _diff("stdout", expected.stdout, actual.stdout)
    assert actual.stderr == expected.stderr, _diff("stderr", expected.stderr, actual.stderr)
    assert actual.exit_code == expected.exit_code, actual.stderr


def _diff(stream: str, expected: bytes, actual: bytes) -> str:
    """A readable diff for the failure message (the comparison itself is of the bytes)."""
    def lines(data: bytes) -> list[str]:
        return data.decode("utf-8", "backslashreplace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(lines(expected), lines(actual), f"{stream} expected", f"{stream} of the module"))


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
