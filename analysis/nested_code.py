"""The code objects CPython compiles for the lambdas, comprehensions and nested `def`s of a
function.

A native function makes a lambda or runs a comprehension as CPython does: a new function
object from the code object CPython compiled for it, found at run time among the constants of
the function's Python version (wasm_runtime/native_function.c). The code is named by its
co_name and first line, which must then name one code object; the function's locals it uses
are cells (analysis/cells.py). Both are read from CPython's own compiler, as the module is
frozen with it (compiler/freezing.py).
"""

from __future__ import annotations

import ast
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
    what = "a lambda" if isinstance(node, LambdaExpr) else f"a {name.strip('<>')}"
    return _find_code(path, function, name, node.line, what)


@dataclass(frozen=True)
class NestedDef:
    """A nested `def`'s code, and its annotations' expressions by parameter name (and
    "return"), in the order CPython evaluates them."""

    code: NestedCode
    annotations: tuple[tuple[str, ast.expr], ...]


def find_nested_def(path: str, function: FuncDef, node: FuncDef) -> NestedDef | str:
    """The code and annotations of the `def` statement `node` in `function`, or why a native
    function cannot run it."""
    definition = next((found for found in ast.walk(parsed_source(path)) if isinstance(found, (ast.FunctionDef,
                                                                                        ast.AsyncFunctionDef))
                       and found.name == node.name and found.lineno == node.line), None)
    if definition is None or isinstance(definition, ast.AsyncFunctionDef) or definition.decorator_list:
        kind = "an async" if isinstance(definition, ast.AsyncFunctionDef) else "a decorated"
        return f"unsupported construct: {kind} nested function"
    arguments = definition.args
    if arguments.posonlyargs:
        return "unsupported construct: a nested function with positional-only parameters"
    # compile.c's compiler_visit_annotations: parameters, *args, keyword-only, **kwargs, return.
    annotated = [*((argument.arg, argument.annotation) for argument in arguments.args),
                 *([(arguments.vararg.arg, arguments.vararg.annotation)] if arguments.vararg else []),
                 *((argument.arg, argument.annotation) for argument in arguments.kwonlyargs),
                 *([(arguments.kwarg.arg, arguments.kwarg.annotation)] if arguments.kwarg else []),
                 ("return", definition.returns)]
    annotations = tuple((name, annotation) for name, annotation in annotated if annotation is not None)
    code = _function_code(path, function.name, function.line)
    local_names = set(code.co_varnames + code.co_cellvars) if code else set()
    for _, annotation in annotations:
        reason = _unsupported_annotation(annotation, local_names)
        if reason is not None:
            return f"unsupported construct: a nested function's annotation {reason}"
    found = _find_code(path, function, node.name, node.line, "a nested function")
    return found if isinstance(found, str) else NestedDef(found, annotations)


def _unsupported_annotation(annotation: ast.expr, local_names: set[str]) -> str | None:
    """Why an annotation is not one of the forms a native function evaluates: names of module
    globals or builtins, attributes, subscripts, tuples, constants and `|` of those."""
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name) and node.id in local_names:
            return f"uses local '{node.id}'"
        if isinstance(node, ast.Constant) and not (node.value is None or isinstance(node.value, (str, int, float))):
            return f"has a {type(node.value).__name__} constant"
        if not isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Tuple, ast.Constant, ast.BinOp,
                                 ast.BitOr, ast.expr_context)) or (isinstance(node, ast.BinOp)
                                                                   and not isinstance(node.op, ast.BitOr)):
            return f"has a {type(node).__name__} expression"
    return None


def _find_code(path: str, function: FuncDef, name: str, line: int, what: str) -> NestedCode | str:
    code = _function_code(path, function.name, function.line)
    found = [nested for nested in (code.co_consts if code else ()) if isinstance(nested, types.CodeType)
             and nested.co_name == name and nested.co_firstlineno == line]
    if not found:
        return f"unsupported construct: {what} whose code CPython's compiler does not show"
    if len(found) > 1:
        return f"unsupported construct: {what} on a line with another of its kind"
    return NestedCode(name, line, found[0].co_freevars)


def cell_variables(path: str, function: FuncDef) -> tuple[str, ...]:
    """The function's locals that its lambdas and comprehensions use (analysis/cells.py)."""
    code = _function_code(path, function.name, function.line)
    return code.co_cellvars if code else ()


@functools.lru_cache(maxsize=64)
def parsed_source(path: str) -> ast.Module:
    return ast.parse(Path(path).read_bytes(), path)


@functools.lru_cache(maxsize=64)
def _function_code(path: str, function_name: str, line: int) -> types.CodeType | None:
    """CPython's code of the module-level function or method of a module-level class, compiled as
    the module is frozen."""
    module = compile(Path(path).read_bytes(), path, "exec", dont_inherit=True)
    codes = [code for code in module.co_consts if isinstance(code, types.CodeType)]
    codes += [method for body in codes for method in body.co_consts if isinstance(method, types.CodeType)]
    return next((code for code in codes if code.co_name == function_name and code.co_firstlineno == line), None)
