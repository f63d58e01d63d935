"""Every program in tests/programs/ prints under wasmtime and under Node what CPython prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.differential import Case, Outcome, all_cases, run_cpython, run_node, run_wasmtime
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps

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


def _compiled(case: Case) -> Path:
    return build_module(case.script, case.options, SilentSteps())


def _assert_same(expected: Outcome, actual: Outcome) -> None:
    assert actual.stdout == expected.stdout
    assert actual.last_stderr_line == expected.last_stderr_line, actual.stderr
    assert actual.exit_code == expected.exit_code, actual.stderr


@pytest.mark.parametrize("case", CASES)
def test_wasmtime_matches_cpython(case: Case) -> None:
    _assert_same(run_cpython(case), run_wasmtime(_compiled(case), case))


@pytest.mark.parametrize("case", CASES)
def test_node_matches_cpython(case: Case, node: str) -> None:
    _assert_same(run_cpython(case), run_node(_compiled(case), case, node))


def test_there_are_enough_programs() -> None:
    assert len([case for case in all_cases() if case.expected_difference is None]) >= 40
