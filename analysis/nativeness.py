"""Decide, per function, whether it can be compiled by the native typed core.

Each module-level function is checked on its own (`FunctionChecker`): what it calls, native
or not, does not change how it runs, since a call site that finds its callee interpreted calls
it through CPython.
"""

from __future__ import annotations

import os
import re

from mypy.nodes import ClassDef, Decorator, FuncDef, MypyFile, OverloadedFuncDef, RefExpr, Statement, TypeInfo

from tpy2wasm.analysis.function_checker import FunctionChecker
from tpy2wasm.analysis.class_shapes import class_verdict
from tpy2wasm.analysis.report import FunctionVerdict, NativenessReport
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


def native_decorated(member: Statement) -> FuncDef | None:
    """The `def` of a method whose only decorator is one of NATIVE_DECORATORS: it compiles
    natively, and CPython applies the decorator to the native function as it would to the
    Python one (compiler/freezing.py puts the native decorator innermost)."""
    if isinstance(member, Decorator) and len(member.original_decorators) == 1 \
            and isinstance(member.original_decorators[0], RefExpr) \
            and member.original_decorators[0].fullname in NATIVE_DECORATORS:
        return member.func
    return None


#: Decorators whose method compiles natively: the staticmethod or property object then holds the
#: native function, which runs as the Python one would when CPython calls it through them.
NATIVE_DECORATORS = frozenset({"builtins.staticmethod", "builtins.property"})

#: Methods CPython makes static or class methods when they are plain functions (type_new): a
#: native function in their place would not be.
IMPLICIT_DESCRIPTORS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})


def _check_function(definition: FuncDef, qualname: str, module: MypyFile, program: TypedProgram,
                    type_errors: dict[str, list[tuple[int, str]]]) -> FunctionVerdict:
    verdict = _new_verdict(module, qualname, definition)
    FunctionChecker(definition, module, program, verdict).check()
    _reject_type_errors(verdict, definition, type_errors.get(os.path.abspath(module.path), []))
    return verdict


def _check_module(module: MypyFile, program: TypedProgram,
                  type_errors: dict[str, list[tuple[int, str]]]) -> list[FunctionVerdict]:
    """Verdicts for the module's functions in source order, then its classes' methods."""
    functions: list[FunctionVerdict] = []
    methods: list[FunctionVerdict] = []
    for statement in module.defs:
        definition = undecorated_export(statement)
        name = _definition_name(definition)
        if isinstance(definition, FuncDef):
            functions.append(_check_function(definition, definition.name, module, program, type_errors))
        elif name is not None:
            verdict = _new_verdict(module, name, definition)
            kind = "decorated" if isinstance(definition, Decorator) else "overloaded"
            verdict.reject(definition.line, f"{kind} functions are not compiled natively yet")
            functions.append(verdict)
        elif isinstance(definition, ClassDef):
            for member in definition.defs.body:
                method_name = _definition_name(member)
                qualname = f"{definition.name}.{method_name}"
                decorated = native_decorated(member)
                if isinstance(member, FuncDef) and method_name not in IMPLICIT_DESCRIPTORS:
                    methods.append(_check_function(member, qualname, module, program, type_errors))
                elif decorated is not None:
                    methods.append(_check_function(decorated, qualname, module, program, type_errors))
                elif method_name is not None:
                    verdict = _new_verdict(module, qualname, member)
                    kind = "static or class" if method_name in IMPLICIT_DESCRIPTORS else \
                        "decorated" if isinstance(member, Decorator) else "overloaded"
                    verdict.reject(member.line, f"{kind} methods are not compiled natively yet")
                    methods.append(verdict)
    return functions + methods


def native_definition(module: MypyFile, qualname: str) -> FuncDef:
    """The `def` of a function ("name") or a method ("Class.name") the report found native."""
    owner, _, name = qualname.rpartition(".")
    names = module.names
    if owner:
        info = module.names[owner].node
        assert isinstance(info, TypeInfo), qualname
        names = info.names
    node = names[name].node
    definition = (native_decorated(node) or undecorated_export(node)) if isinstance(node, Decorator) else node
    assert isinstance(definition, FuncDef), qualname
    return definition


def check_program(program: TypedProgram) -> NativenessReport:
    """The nativeness verdict of every function and method in the user's modules."""
    report = NativenessReport()
    type_errors = _type_errors_by_file(program.mypy_errors)
    for module_name in sorted(program.modules):
        module = program.modules[module_name]
        report.functions.extend(_check_module(module, program, type_errors))
        report.classes.extend(class_verdict(module.fullname, module.path, definition, frozenset(program.modules))
                              for definition in module.defs if isinstance(definition, ClassDef))
    return report
