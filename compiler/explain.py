"""`tpy2wasm explain`: which functions of a program are native, and why the others are not.

It prints the nativeness report of the analysis the compiler itself uses, in mypy's
`path:line: note:` style (paths as the user would type them), or as JSON for tools.
"""

from __future__ import annotations

import json
from pathlib import Path

from tpy2wasm.analysis.report import ClassVerdict, FunctionVerdict, NativenessReport
from tpy2wasm.compiler.deep_recursion import with_deep_recursion
from tpy2wasm.compiler.errors import display_path
from tpy2wasm.compiler.native import native_report


def report_for(script: Path) -> NativenessReport:
    return with_deep_recursion(lambda: native_report(script))


def summary(report: NativenessReport) -> str:
    native, total = report.native_functions(), len(report.functions)
    boxed = sum(verdict.boxed for verdict in native)
    on_boxed = f", {boxed} of them on boxed values" if boxed else ""
    return f"{len(native)} of {total} functions native{on_boxed}"


def as_text(report: NativenessReport) -> str:
    verdicts: list[FunctionVerdict | ClassVerdict] = sorted(
        [*report.functions, *report.classes], key=lambda verdict: (verdict.path, verdict.line))
    lines = [line for verdict in verdicts for line in verdict.render_as(display_path(verdict.path))]
    return "".join(f"{line}\n" for line in lines) + summary(report) + "\n"


def as_json(report: NativenessReport) -> str:
    functions = [
        {
            "module": verdict.module, "qualname": verdict.qualname, "path": display_path(verdict.path),
            "line": verdict.line, "native": verdict.native, "boxed": verdict.native and verdict.boxed,
            "reasons": [{"line": reason.line, "message": reason.message} for reason in sorted(verdict.reasons)],
            "boxed_because": [{"line": reason.line, "message": reason.message}
                              for reason in sorted(verdict.boxed_because)],
        }
        for verdict in report.functions
    ]
    classes = [{"module": verdict.module, "name": verdict.name, "path": display_path(verdict.path),
                "line": verdict.line, "native": False, "reasons": [{"line": verdict.line, "message": verdict.reason}]}
               for verdict in report.classes]
    native = len(report.native_functions())
    return json.dumps({"functions": functions, "classes": classes, "native": native, "total": len(functions)},
                      indent=2) + "\n"
