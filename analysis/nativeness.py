"""Decide, per function, whether it can be compiled by the native typed core.

Each module-level function is checked on its own (`FunctionChecker`): what it calls, native
or not, does not change how it runs, since a call site that finds its callee interpreted calls
it through CPython.
"""

from __future__ import annotations

import os
import re

from mypy.nodes import ClassDef, Decorator, FuncDef, MypyFile, OverloadedFuncDef, RefExpr, Statement

from tpy2wasm.analysis.function_checker import FunctionChecker
from tpy2wasm.analysis.report import ClassVerdict, FunctionVerdict, NativenessReport
from tpy2wasm.analysis.typed_ast import TypedProgram



def _new_verdict(module: MypyFile, qualname: str, node: Statement) -> FunctionVerdict:
    name = qualname.rsplit(".", 1)[-1]
    return FunctionVerdict(module.fullname, name, qualname, module.path, node.line)


def undecorated_export(definition: Statement) -> Statement:
    """A def whose only decorator is `tpy2wasm.export` as the def itself: the guest module's
    export() returns the function unchanged, so it compiles as if undecorated."""
    if isinstance(definition, Decorator) and definition.decorators and all(
            isinstance(d, RefExpr) and d.fullname == "tpy2wasm.export" for d in definition.decorators):
        return definition.func
    return definition


def _definition_name(definition: Statement) -> str | None:
    if isinstance(definition, (FuncDef, OverloadedFuncDef)):
        return definition.name
    if isinstance(definition, Decorator):
        return definition.func.name
    return None


_MYPY_ERROR = re.compile(r"^(?P<path>.+?):(?P<line>\d+): error: (?P<message>.*)$")
TYPE_ERROR_REASON = "mypy reports a type error"
COMPILER_FAILURE_REASON = "the compiler could not lower it"


def _type_errors_by_file(messages: list[str]) -> dict[str, list[tuple[int, str]]]:
    errors: dict[str, list[tuple[int, str]]] = {}
    for message in messages:
        match = _MYPY_ERROR.match(message)
        if match:
            errors.setdefault(os.path.abspath(match["path"]), []).append((int(match["line"]), match["message"]))
    return errors


def _reject_type_errors(verdict: FunctionVerdict, definition: FuncDef, errors: list[tuple[int, str]]) -> None:
    """Hints a type error contradicts cannot be trusted: the function stays Python."""
    end = definition.end_line or definition.line
    for line, message in errors:
        if definition.line <= line <= end:
            verdict.reject(line, f"{TYPE_ERROR_REASON}: {message}")


def _check_module(module: MypyFile, program: TypedProgram,
                  type_errors: dict[str, list[tuple[int, str]]]) -> list[FunctionVerdict]:
    """Verdicts for the module's functions in source order, then its methods."""
    functions: list[FunctionVerdict] = []
    methods: list[FunctionVerdict] = []
    for statement in module.defs:
        definition = undecorated_export(statement)
        name = _definition_name(definition)
        if isinstance(definition, FuncDef):
            verdict = _new_verdict(module, definition.name, definition)
            checker = FunctionChecker(definition, module, program, verdict)
            checker.check()
            _reject_type_errors(verdict, definition, type_errors.get(os.path.abspath(module.path), []))
            functions.append(verdict)
        elif name is not None:
            verdict = _new_verdict(module, name, definition)
            kind = "decorated" if isinstance(definition, Decorator) else "overloaded"
            verdict.reject(definition.line, f"{kind} functions are not compiled natively yet")
            functions.append(verdict)
        elif isinstance(definition, ClassDef):
            for member in definition.defs.body:
                method_name = _definition_name(member)
                if method_name is not None:
                    verdict = _new_verdict(module, f"{definition.name}.{method_name}", member)
                    verdict.reject(member.line, "methods are not compiled natively yet")
                    methods.append(verdict)
    return functions + methods


def check_program(program: TypedProgram) -> NativenessReport:
    """The nativeness verdict of every function and method in the user's modules."""
    report = NativenessReport()
    type_errors = _type_errors_by_file(program.mypy_errors)
    for module_name in sorted(program.modules):
        module = program.modules[module_name]
        report.functions.extend(_check_module(module, program, type_errors))
        report.classes.extend(ClassVerdict(module.fullname, definition.name, module.path, definition.line)
                              for definition in module.defs if isinstance(definition, ClassDef))
    return report
