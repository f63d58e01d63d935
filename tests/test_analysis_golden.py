"""Golden tests for the nativeness report, the typed IR and the passes over it.

Each `tests/golden/*.test` file is one case made of three sections, each
starting with a header line:

    [source]     the Python program, type-checked as `main.py`
    [report]     expected `NativenessReport.render()` (paths shown as `main.py`)
    [ir]         expected printed FunctionIR of every native function, in report
                 order, separated by blank lines

Each `tests/ir/*.test` file tests the passes over native functions: [source], then
[ir], the printed IR of its native functions (the passes' input), optionally [exceptions],
that IR after the exceptions pass (analysis/exceptions.py), and [refcounts], the IR after
both passes (analysis/refcounts.py runs second).

Lines before `[source]` are a free-form description. To rewrite the expected
sections from the current output, run with TPY2WASM_UPDATE_GOLDEN=1 and review
the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tpy2wasm.analysis.exceptions import insert_error_edges
from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.printer import format_function
from tpy2wasm.analysis.refcounts import insert_refcounts
from tpy2wasm.analysis.typed_ast import build_typed_program

GOLDEN_DIR = Path(__file__).parent / "golden"
PASSES_DIR = Path(__file__).parent / "ir"
SECTIONS = {GOLDEN_DIR: ("source", "report", "ir"), PASSES_DIR: ("source", "ir", "exceptions", "refcounts")}
#: Sections a case may leave out.
OPTIONAL = ("exceptions",)
UPDATE = os.environ.get("TPY2WASM_UPDATE_GOLDEN") == "1"


def parse_case(text: str) -> dict[str, str]:
    """Split a case file into its description and sections, keyed by name."""
    parts = re.split(r"^\[(source|report|ir|exceptions|refcounts)\]\n", text, flags=re.MULTILINE)
    sections = {"description": parts[0]}
    sections.update(zip(parts[1::2], parts[2::2]))
    return sections


def format_case(sections: dict[str, str], names: tuple[str, ...]) -> str:
    body = "".join(f"[{name}]\n{sections[name].rstrip()}\n\n" for name in names)
    return sections["description"] + body.rstrip() + "\n"


def analyse(source: str, directory: Path, passes: bool) -> dict[str, str]:
    """The report and IR sections produced for `source` (with `passes`, of its native functions
    only, and after the passes)."""
    main_path = directory / "main.py"
    main_path.write_text(source)
    program = build_typed_program(str(main_path))
    report = check_program(program)
    rendered_report = report.render().replace(str(main_path), "main.py")
    functions = lower_program(program, report)
    with_edges = [insert_error_edges(function) for function in functions]
    return {"report": rendered_report, "ir": "\n".join(format_function(function) for function in functions),
            "exceptions": "\n".join(format_function(function) for function in with_edges),
            "refcounts": "\n".join(format_function(insert_refcounts(function)) for function in with_edges)}


@pytest.mark.parametrize("case_path", sorted([*GOLDEN_DIR.glob("*.test"), *PASSES_DIR.glob("*.test")]),
                         ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_golden(case_path: Path, tmp_path: Path) -> None:
    sections = parse_case(case_path.read_text())
    names = tuple(name for name in SECTIONS[case_path.parent] if name in sections or name not in OPTIONAL)
    actual = analyse(sections["source"], tmp_path, passes=case_path.parent == PASSES_DIR)
    if UPDATE:
        case_path.write_text(format_case({**sections, **actual}, names))
        return
    for name in names[1:]:
        assert actual[name].rstrip() == sections.get(name, "").rstrip(), f"[{name}] differs"


def test_golden_suite_is_not_empty() -> None:
    assert len(list(GOLDEN_DIR.glob("*.test"))) >= 8
    assert len(list(PASSES_DIR.glob("*.test"))) >= 4
