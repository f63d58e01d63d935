"""Lowering of what only boxed functions have: strings, attributes, names of anything
(functions, classes, modules, builtins) and calls of any callable, exactly as CPython
evaluates them -- the callee first, then the arguments left to right."""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED, CallExpr, DictExpr, Expression, IndexExpr, ListExpr, MemberExpr, NameExpr, SliceExpr, StrExpr,
    TupleExpr, Var,
)

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.ir import LoadGlobal, Register
from tpy2wasm.analysis.ir_objects import (
    BuildDict, BuildSequence, BuildSlice, CallObject, GetAttr, GetItem, SequenceKind, SetAttr, SetItem,
)
from tpy2wasm.analysis.lower_expr import ExpressionLowerer
from tpy2wasm.analysis.rtypes import OBJECT


class ObjectLowerer(ExpressionLowerer):
    def lower_node(self, expr: Expression) -> Register:
        if not self.boxed:
            return super().lower_node(expr)
        line = expr.line
        if isinstance(expr, StrExpr):
            return self.constant(expr.value, line)
        if isinstance(expr, MemberExpr):
            obj = self.lower_expr(expr.expr)
            return self.builder.emit_value(GetAttr(self.register(OBJECT), obj, expr.name, line))
        if isinstance(expr, NameExpr) and not self.is_local(expr) and expr.fullname not in facts.CONSTANT_NAMES:
            return self.builder.emit_value(LoadGlobal(self.register(OBJECT), self.module.fullname,
                                                      expr.name, line))
        if isinstance(expr, CallExpr):
            return self.lower_object_call(expr)
        if isinstance(expr, IndexExpr):
            obj, index = self.lower_expr(expr.base), self.lower_expr(expr.index)
            return self.get_item(obj, index, line)
        if isinstance(expr, SliceExpr):
            start, stop, step = (self.constant(None, line) if part is None else self.lower_expr(part)
                                 for part in (expr.begin_index, expr.end_index, expr.stride))
            return self.builder.emit_value(BuildSlice(self.register(OBJECT), start, stop, step, line))
        if isinstance(expr, DictExpr):
            items = tuple(self.lower_expr(part) for pair in expr.items for part in pair if part is not None)
            return self.builder.emit_value(BuildDict(self.register(OBJECT), items, line))
        if isinstance(expr, (TupleExpr, ListExpr)):
            kind = SequenceKind.TUPLE if isinstance(expr, TupleExpr) else SequenceKind.LIST
            items = tuple(self.lower_expr(item) for item in expr.items)
            return self.builder.emit_value(BuildSequence(self.register(OBJECT), kind, items, line))
        return super().lower_node(expr)

    def get_item(self, obj: Register, index: Register, line: int) -> Register:
        return self.builder.emit_value(GetItem(self.register(OBJECT), obj, index, line))

    def set_item(self, obj: Register, index: Register, value: Register, line: int) -> None:
        self.builder.emit(SetItem(obj, index, value, line))

    def set_attr(self, target: MemberExpr, value: Register) -> None:
        self.builder.emit(SetAttr(self.lower_expr(target.expr), target.name, value, target.line))

    def is_local(self, name: NameExpr) -> bool:
        return isinstance(name.node, Var) and facts.module_global(name, self.module) is None

    def lower_object_call(self, call: CallExpr) -> Register:
        callee = self.lower_expr(call.callee)
        positional = [self.lower_expr(arg) for arg, kind in zip(call.args, call.arg_kinds) if kind != ARG_NAMED]
        named = [(name, self.lower_expr(arg)) for arg, kind, name in zip(call.args, call.arg_kinds, call.arg_names)
                 if kind == ARG_NAMED and name is not None]
        if len(positional) + len(named) != len(call.args):  # keyword arguments come after positional ones
            raise AssertionError(f"line {call.line}: unexpected argument kinds")
        args = (*positional, *(value for _, value in named))
        keywords = tuple(name for name, _ in named)
        return self.builder.emit_value(CallObject(self.register(OBJECT), callee, args, keywords, call.line))
