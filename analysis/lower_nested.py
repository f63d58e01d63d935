"""Lowering of what a function nests: lambdas, comprehensions and `def` statements, each
CPython's own code made into a function where it stands (analysis/nested_code.py finds it),
exactly as the bytecode does: MAKE_FUNCTION with the defaults, keyword defaults, annotations and
closure evaluated in that order; a comprehension's function called on the iterator of its first
iterable."""

from __future__ import annotations

import ast
from typing import Protocol

from mypy.nodes import ARG_NAMED_OPT, ARG_OPT, Expression, FuncDef, LambdaExpr, MypyFile

from tpy2wasm.analysis import nested_code
from tpy2wasm.analysis.cells import cell_local
from tpy2wasm.analysis.builder import FunctionBuilder
from tpy2wasm.analysis.ir import (
    Binary, BinaryOperator, LoadConst, LoadGlobal, LoadLocal, Local, Position, Register, StoreLocal,
)
from tpy2wasm.analysis.ir_objects import (
    BuildDict, BuildSequence, CallObject, GetAttr, GetItem, GetIter, MakeFunction, SequenceKind,
)
from tpy2wasm.analysis.rtypes import OBJECT, RType


class ObjectLowerer(Protocol):
    """What this module asks of analysis/lower_objects.py's lowerer."""

    module: MypyFile
    func: FuncDef
    builder: FunctionBuilder

    def lower_expr(self, expr: Expression) -> Register: ...
    def register(self, rtype: RType) -> Register: ...
    def constant(self, value: int | float | bool | str | None, line: int) -> Register: ...
    def function_local(self, name: str) -> Local: ...


def nested_scope(lowerer: ObjectLowerer, expr: nested_code.NestedScope) -> Register:
    code = nested_code.find_nested_code(lowerer.module.path, lowerer.func, expr)
    assert not isinstance(code, str), code  # the checker kept such a function in the interpreter
    line = expr.line
    defaults = None
    if isinstance(expr, LambdaExpr):
        defaults = _tuple_of(lowerer, [lowerer.lower_expr(argument.initializer) for argument in expr.arguments
                                       if argument.initializer is not None], line)
    function = _make_function(lowerer, code, line, defaults)
    if isinstance(expr, LambdaExpr):
        return function
    iterable = lowerer.lower_expr(nested_code.first_iterable(expr))
    iterator = lowerer.builder.emit_value(GetIter(lowerer.register(OBJECT), iterable, line))
    return lowerer.builder.emit_value(CallObject(lowerer.register(OBJECT), function, (iterator,), (), line))


def nested_def(lowerer: ObjectLowerer, statement: FuncDef) -> None:
    found = nested_code.find_nested_def(lowerer.module.path, lowerer.func, statement)
    assert not isinstance(found, str), found  # the checker kept such a function in the interpreter
    line, arguments = statement.line, statement.arguments
    defaults = _tuple_of(lowerer, [lowerer.lower_expr(argument.initializer) for argument in arguments
                                   if argument.kind == ARG_OPT and argument.initializer is not None], line)
    keywords = [part for argument in arguments if argument.kind == ARG_NAMED_OPT and argument.initializer is not None
                for part in (lowerer.constant(argument.variable.name, line), lowerer.lower_expr(argument.initializer))]
    annotations = [part for name, annotation in found.annotations
                   for part in (lowerer.constant(name, line), _annotation(lowerer, annotation))]
    function = _make_function(lowerer, found.code, line, defaults, _dict_of(lowerer, keywords, line),
                              _dict_of(lowerer, annotations, line))
    lowerer.builder.emit(StoreLocal(lowerer.function_local(statement.name), function, line))


def _make_function(lowerer: ObjectLowerer, code: nested_code.NestedCode, line: int, defaults: Register | None,
                   kwdefaults: Register | None = None, annotations: Register | None = None) -> Register:
    cells = [lowerer.builder.emit_value(LoadLocal(lowerer.register(OBJECT), cell_local(name), line))
             for name in code.free_variables]
    return lowerer.builder.emit_value(MakeFunction(lowerer.register(OBJECT), code.name, line, defaults, kwdefaults,
                                                   annotations, _tuple_of(lowerer, cells, line), line))


def _annotation(lowerer: ObjectLowerer, node: ast.expr) -> Register:
    """An annotation's value, from its Python AST (mypy keeps types, not the expressions), in the
    forms nested_code allows; each op at the node's span."""
    assert node.end_lineno is not None and node.end_col_offset is not None, node
    position = Position(node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
    line, builder, register = node.lineno, lowerer.builder, lowerer.register(OBJECT)
    if isinstance(node, ast.Constant):
        assert node.value is None or isinstance(node.value, (str, int, float)), node  # nested_code checked
        return builder.emit_value(LoadConst(register, node.value, line, position=position))
    if isinstance(node, ast.Name):
        return builder.emit_value(LoadGlobal(register, lowerer.module.fullname, node.id, line, position=position))
    if isinstance(node, ast.Attribute):
        value = _annotation(lowerer, node.value)
        return builder.emit_value(GetAttr(register, value, node.attr, line, position=position))
    if isinstance(node, ast.Subscript):
        value, index = _annotation(lowerer, node.value), _annotation(lowerer, node.slice)
        return builder.emit_value(GetItem(register, value, index, line, position=position))
    if isinstance(node, ast.Tuple):
        items = tuple(_annotation(lowerer, item) for item in node.elts)
        return builder.emit_value(BuildSequence(register, SequenceKind.TUPLE, items, line, position=position))
    assert isinstance(node, ast.BinOp), node
    left, right = _annotation(lowerer, node.left), _annotation(lowerer, node.right)
    return builder.emit_value(Binary(register, BinaryOperator.BIT_OR, left, right, line, position=position))


def _tuple_of(lowerer: ObjectLowerer, items: list[Register], line: int) -> Register | None:
    if not items:
        return None
    return lowerer.builder.emit_value(BuildSequence(lowerer.register(OBJECT), SequenceKind.TUPLE, tuple(items), line))


def _dict_of(lowerer: ObjectLowerer, items: list[Register], line: int) -> Register | None:
    return lowerer.builder.emit_value(BuildDict(lowerer.register(OBJECT), tuple(items), line)) if items else None
