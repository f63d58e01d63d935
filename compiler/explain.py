"""`tpy2wasm explain`: which operations of the native functions take CPython's generic path and
why, and why the other functions stay interpreted.

It reads the IR the compiler emits (`analysis/generic_paths.py`), so what it says is what the
compiled code does. The notes are in mypy's `path:line: note:` style (paths as the user would
type them); the same notes go to JSON for tools, to an annotated HTML page
(`explain_html.py`) and, through the mypy plugin, to mypy's output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


from tpy2wasm.analysis.generic_paths import OperationNote, declared_local_types, operation_notes
from tpy2wasm.analysis.nativeness import native_definition
from tpy2wasm.analysis.report import ClassVerdict, FunctionVerdict, NativenessReport
from tpy2wasm.compiler.deep_recursion import with_deep_recursion
from tpy2wasm.compiler.errors import display_path
from tpy2wasm.compiler.native import LoweredProgram, lowered_program


@dataclass(frozen=True)
class Note:
    """One line of the explanation: a verdict on a function or class, or an operation."""

    path: str  # as the analysis has it (absolute); shown through display_path
    line: int
    message: str
    function: str  # the qualname of the function or class it belongs to
    operation: OperationNote | None = None  # None for a verdict


@dataclass(frozen=True)
class Explanation:
    report: NativenessReport
    #: "module.qualname" of each native function -> its operations, in source order
    operations: dict[str, list[OperationNote]]

    def notes(self) -> list[Note]:
        """Verdicts and the generic operations of native functions, in source order."""
        verdicts: list[FunctionVerdict | ClassVerdict] = sorted(
            [*self.report.functions, *self.report.classes], key=lambda verdict: (verdict.path, verdict.line))
        return [note for verdict in verdicts for note in self._verdict_notes(verdict)]

    def _verdict_notes(self, verdict: FunctionVerdict | ClassVerdict) -> list[Note]:
        if isinstance(verdict, ClassVerdict):
            return [Note(verdict.path, line, message, verdict.name) for line, message in verdict.messages()]
        if not verdict.native:
            return [Note(verdict.path, reason.line, f"{verdict.qualname}() stays interpreted: {reason.message}",
                         verdict.qualname) for reason in sorted(verdict.reasons)]
        operations = self.operations[f"{verdict.module}.{verdict.qualname}"]
        generic = [operation for operation in operations if operation.generic]
        return [Note(verdict.path, verdict.line, f"{verdict.qualname}() is native", verdict.qualname),
                *(Note(verdict.path, operation.line, operation.message(), verdict.qualname, operation)
                  for operation in generic)]

    def generic_count(self) -> int:
        return sum(operation.generic for operations in self.operations.values() for operation in operations)

    def summary(self) -> str:
        report = self.report
        native, total = len(report.native_functions()), len(report.functions)
        generic = self.generic_count()
        classes = f" and {len(report.native_classes())} of {len(report.classes)} classes" if report.classes else ""
        return (f"{native} of {total} functions{classes} native, {generic} operation{'' if generic == 1 else 's'} "
                f"in them on the generic path")


def explain(script: Path) -> Explanation:
    return with_deep_recursion(lambda: explanation_of(lowered_program(script)))


def explanation_of(program: LoweredProgram) -> Explanation:
    sources: dict[str, list[bytes]] = {}
    operations = {}
    for function in program.functions:
        module = program.typed.modules[function.module]
        definition = native_definition(module, function.qualname)
        if module.path not in sources:
            sources[module.path] = Path(module.path).read_bytes().splitlines()
        operations[f"{function.module}.{function.qualname}"] = operation_notes(
            function, sources[module.path], declared_local_types(definition))
    return Explanation(program.report, operations)


def as_text(explanation: Explanation) -> str:
    lines = [f"{display_path(note.path)}:{note.line}: note: {note.message}" for note in explanation.notes()]
    return "".join(f"{line}\n" for line in lines) + explanation.summary() + "\n"


def as_json(explanation: Explanation) -> str:
    report = explanation.report
    functions = [
        {"module": verdict.module, "qualname": verdict.qualname, "path": display_path(verdict.path),
         "line": verdict.line, "native": verdict.native,
         "reasons": [{"line": reason.line, "message": reason.message} for reason in sorted(verdict.reasons)]}
        for verdict in report.functions
    ]
    classes = [{"module": verdict.module, "name": verdict.name, "path": display_path(verdict.path),
                "line": verdict.line, "native": verdict.native,
                "reasons": [{"line": reason.line, "message": reason.message} for reason in sorted(verdict.reasons)]}
               for verdict in report.classes]
    operations = [
        {"file": display_path(verdict.path), "line": operation.line, "column": operation.column,
         "function": verdict.qualname, "operation": operation.operation, "kind": operation.kind,
         "path": operation.path, "reason": operation.reason}
        for verdict in report.native_functions()
        for operation in explanation.operations[f"{verdict.module}.{verdict.qualname}"]
    ]
    return json.dumps({"functions": functions, "classes": classes, "operations": operations,
                       "native": len(report.native_functions()), "total": len(functions),
                       "generic": explanation.generic_count()}, indent=2) + "\n"
