"""The native_* differential programs and the property-test program exercise native code, not
CPython: every module-level function in them is native, except the dynamic drivers named
`show` and `main` (they print)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.typed_ast import build_typed_program

TESTS = Path(__file__).parent
NATIVE_PROGRAMS = [*sorted((TESTS / "programs").glob("native_*.py")), TESTS / "property_data" / "native_ops.py"]
DYNAMIC_HELPERS = {"show", "main"}


@pytest.mark.parametrize("program", NATIVE_PROGRAMS, ids=[path.stem for path in NATIVE_PROGRAMS])
def test_every_kernel_is_native(program: Path) -> None:
    report = check_program(build_typed_program(str(program)))
    kernels = [verdict for verdict in report.functions if verdict.name not in DYNAMIC_HELPERS]
    assert kernels, "the program defines no functions"
    not_native = [line for verdict in kernels if not verdict.native for line in verdict.render()]
    assert not_native == []


def test_there_are_native_programs() -> None:
    assert len(NATIVE_PROGRAMS) >= 4
