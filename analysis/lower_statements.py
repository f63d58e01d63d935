"""Lowering of the simple statements that store or unbind: assignments of every form (`a = v`,
`a = b = v`, `a, b = b, a + b`, `a, b = pair`, `t op= v`), `del` of locals, and `assert`, in
the order CPython 3.11 evaluates and stores.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    AssertStmt,
    AssignmentStmt,
    ComparisonExpr,
    ConditionalExpr,
    DelStmt,
    Expression,
    IndexExpr,
    ListExpr,
    Lvalue,
    MemberExpr,
    NameExpr,
    OperatorAssignmentStmt,
    OpExpr,
    TempNode,
    TupleExpr,
    UnaryExpr,
    Var,
)

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.ir import LoadLocal, Raise, Register, StoreGlobal, StoreLocal
from tpy2wasm.analysis.ir_objects import (
    ClearLocal, DeleteGlobal, NewAssertionError, SetAttr, UnpackedItem, UnpackSequence,
)
from tpy2wasm.analysis.lower_exceptions import ExceptionLowerer
from tpy2wasm.analysis.lower_expr import word_result
from tpy2wasm.analysis.rtypes import OBJECT


class StatementLowerer(ExceptionLowerer):
    def lower_assignment(self, statement: AssignmentStmt) -> None:
        """Displays of one length assign item by item: every value is computed, then the targets
        are stored left to right, and no tuple is built (as CPython compiles `a, b = b, a`).
        Otherwise the value is computed once and stored into each target in turn."""
        if isinstance(statement.rvalue, TempNode):  # `x: int` declares and computes nothing
            return
        pairs = facts.parallel_pairs(statement.lvalues[0], statement.rvalue) if len(statement.lvalues) == 1 else None
        if pairs is not None:
            values = [self.assigned_value(target, value) for target, value in pairs]
            for (target, _), value in zip(pairs, values):
                self.store(target, value)
            return
        first = statement.lvalues[0]
        value = self.assigned_value(first, statement.rvalue) if len(statement.lvalues) == 1 else \
            self.lower_expr(statement.rvalue)
        for target in statement.lvalues:
            self.store(target, value)

    def lower_augmented_assignment(self, statement: OperatorAssignmentStmt) -> None:
        """`t op= v`: the target's parts (`xs` and `i` of `xs[i]`, `o` of `o.a`) evaluated once,
        its value read, then `v`, the in-place operation, and the store."""
        target, line = statement.lvalue, statement.line
        write: Callable[[Register], None]
        if isinstance(target, (IndexExpr, MemberExpr)):  # an int or float item or attribute read as a word
            item_word, operand_word = self.static_word(target), self.static_word(statement.rvalue)
            computes_word = item_word is not None and operand_word is not None \
                and word_result(facts.BINARY_OPERATORS[statement.op], item_word, operand_word) is item_word
            rtype = item_word if computes_word and item_word else OBJECT
            if isinstance(target, IndexExpr):
                obj, index = self.lower_expr(target.base), self.item_index(target.index)
                current = self.get_item(obj, index, line, rtype)
                write = lambda result: self.set_item(obj, index, result, line)
            else:
                owner = self.lower_expr(target.expr)
                current = self.get_attr(owner, target, line, rtype)
                write = lambda result: self.builder.emit(SetAttr(owner, target.name, result, line))
        else:
            current = self.operand(target)
            write = lambda result: self.store(target, result)
        operand = self.operand(statement.rvalue)
        operator = facts.BINARY_OPERATORS[statement.op]
        write(self.binary(operator, current, operand, line, inplace=True))

    def store(self, target: Lvalue, value: Register) -> None:
        if isinstance(target, (TupleExpr, ListExpr)):
            self.unpack(target.items, value, target.line)
            return
        if isinstance(target, IndexExpr):  # the value first, then the container and the index
            obj = self.lower_expr(target.base)
            self.set_item(obj, self.item_index(target.index), value, target.line)
            return
        if isinstance(target, MemberExpr):  # the value first, then the object
            self.set_attr(target, value)
            return
        assert isinstance(target, NameExpr) and isinstance(target.node, Var), target
        if facts.module_global(target, self.module) is not None:  # an object in the dict, whatever its type
            value = self.coerce(value, OBJECT, target.line)
            self.builder.emit(StoreGlobal(self.module.fullname, target.name, value, target.line))
        else:
            local = self.local(target.name, target.node)
            value = self.coerce(value, local.type, target.line)
            self.builder.emit(StoreLocal(local, value, target.line))

    def unpack(self, targets: list[Expression], value: Register, line: int) -> None:
        """UNPACK_SEQUENCE: all the items taken (CPython's errors when there are not exactly as
        many as targets), then stored into the targets left to right."""
        items = self.builder.emit_value(UnpackSequence(self.register(OBJECT), self.coerce(value, OBJECT, line),
                                                       len(targets), line))
        values = [self.builder.emit_value(UnpackedItem(self.register(OBJECT), items, index, line))
                  for index in range(len(targets))]
        for target, item in zip(targets, values):
            self.store(target, item)

    def lower_delete(self, statement: DelStmt) -> None:
        """`del x`: UnboundLocalError when x is not bound, as DELETE_FAST; then x is unbound. A
        global: NameError when it is not bound, as DELETE_GLOBAL."""
        targets = statement.expr.items if isinstance(statement.expr, TupleExpr) else [statement.expr]
        for target in targets:
            assert isinstance(target, NameExpr) and isinstance(target.node, Var), target
            with self.builder.at(target):  # the name's span, as CPython's DELETE_* instruction has
                if facts.module_global(target, self.module) is not None:
                    self.builder.emit(DeleteGlobal(self.module.fullname, target.name, target.line))
                    continue
                local = self.local(target.name, target.node)
                self.builder.emit(LoadLocal(self.builder.register(local.type), local, target.line))
                self.builder.emit(ClearLocal(local, target.line))

    def lower_assert(self, statement: AssertStmt) -> None:
        """`assert test, message`: the message is computed only when the test fails, and the
        AssertionError raised where CPython's traceback shows it (_assert_raise_span)."""
        failed, passed = self.builder.new_block(), self.builder.new_block()
        self.lower_condition(statement.expr, passed, failed)
        self.builder.activate(failed)
        with self.builder.at(_assert_raise_span(statement.expr) or statement):
            message = () if statement.msg is None else (self.lower_expr(statement.msg),)
            error = self.builder.emit_value(NewAssertionError(self.register(OBJECT), message, statement.line))
            self.builder.terminate(Raise(error, None, statement.line))
        self.builder.activate(passed)



def _assert_raise_span(test: Expression) -> Expression | None:
    """The node at whose span CPython 3.11 raises a failed assert: the last comparison among the
    tests its jump over `test` compiles in order (`not`, `and`, `or` and `if`-`else` become jumps,
    each comparison leaves its position set; anything else is evaluated and restores it), or
    None for the statement's span."""
    if isinstance(test, UnaryExpr) and test.op == "not":
        return _assert_raise_span(test.expr)
    if isinstance(test, ComparisonExpr):
        return test
    parts: tuple[Expression, ...] = ()
    if isinstance(test, OpExpr) and test.op in ("and", "or"):
        parts = (test.left, test.right)
    elif isinstance(test, ConditionalExpr):
        parts = (test.cond, test.if_expr, test.else_expr)
    last = None
    for part in parts:
        last = _assert_raise_span(part) or last
    return last
