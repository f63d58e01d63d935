"""The code objects CPython compiles for the lambdas and comprehensions of a function.

A native function makes a lambda or runs a comprehension as CPython does: a new function
object from the code object CPython compiled for it, found at run time among the constants of
the function's Python version (wasm_runtime/native_function.c). The code is named by its
co_name and first line, which must then name one code object; the function's locals it uses
are cells (analysis/cells.py). Both are read from CPython's own compiler, as the module is
frozen with it (compiler/freezing.py).
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from pathlib import Path

from mypy.nodes import (
    DictionaryComprehension, Expression, FuncDef, GeneratorExpr, LambdaExpr, ListComprehension, SetComprehension,
)

NestedScope = LambdaExpr | ListComprehension | SetComprehension | DictionaryComprehension | GeneratorExpr
NESTED_SCOPES = (LambdaExpr, ListComprehension, SetComprehension, DictionaryComprehension, GeneratorExpr)

_CODE_NAMES: dict[type, str] = {
    LambdaExpr: "<lambda>", ListComprehension: "<listcomp>", SetComprehension: "<setcomp>",
    DictionaryComprehension: "<dictcomp>", GeneratorExpr: "<genexpr>",
}


@dataclass(frozen=True)
class NestedCode:
    """Where the runtime finds a nested scope's code (in the constants of its function's code),
    and the function's locals it uses, in the order of its closure."""

    name: str
    line: int
    free_variables: tuple[str, ...]


def code_name(node: NestedScope) -> str:
    return _CODE_NAMES[type(node)]


def first_iterable(node: ListComprehension | SetComprehension | DictionaryComprehension | GeneratorExpr) -> Expression:
    """The iterable a comprehension's function is called with (evaluated in the enclosing scope)."""
    generator = node.generator if isinstance(node, (ListComprehension, SetComprehension)) else node
    return generator.sequences[0]


def is_async(node: NestedScope) -> bool:
    if isinstance(node, LambdaExpr):
        return False
    generator = node.generator if isinstance(node, (ListComprehension, SetComprehension)) else node
    return any(generator.is_async)


def find_nested_code(path: str, function: FuncDef, node: NestedScope) -> NestedCode | str:
    """The code of `node`, or why a native function cannot make it."""
    name = code_name(node)
    code = _function_code(path, function.name, function.line)
    found = [nested for nested in (code.co_consts if code else ()) if isinstance(nested, types.CodeType)
             and nested.co_name == name and nested.co_firstlineno == node.line]
    what = "a lambda" if isinstance(node, LambdaExpr) else f"a {name.strip('<>')}"
    if not found:
        return f"unsupported construct: {what} whose code CPython's compiler does not show"
    if len(found) > 1:
        return f"unsupported construct: {what} on a line with another of its kind"
    return NestedCode(name, node.line, found[0].co_freevars)


def cell_variables(path: str, function: FuncDef) -> tuple[str, ...]:
    """The function's locals that its lambdas and comprehensions use (analysis/cells.py)."""
    code = _function_code(path, function.name, function.line)
    return code.co_cellvars if code else ()


@functools.lru_cache(maxsize=64)
def _function_code(path: str, function_name: str, line: int) -> types.CodeType | None:
    """CPython's code of the module-level function, compiled as the module is frozen."""
    module = compile(Path(path).read_bytes(), path, "exec", dont_inherit=True)
    return next((code for code in module.co_consts if isinstance(code, types.CodeType)
                 and code.co_name == function_name and code.co_firstlineno == line), None)
