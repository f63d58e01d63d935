"""Lowering of expressions and branch conditions to IR ops.

Values are objects (`PyObject*`) unless `lower_objects.py` computes them on words; CPython's own
operations do the mixing of types, so no conversion is made explicit here. Short-circuit
`and`/`or`, chained comparisons and conditional expressions become branches; in value context
their result goes through a temporary local.
"""

from __future__ import annotations

from typing import Callable

from abc import abstractmethod

from mypy.nodes import (
    AssignmentExpr,
    ComparisonExpr,
    ConditionalExpr,
    Expression,
    FloatExpr,
    FuncDef,
    Lvalue,
    MypyFile,
    NameExpr,
    OpExpr,
    UnaryExpr,
    Var,
)
from mypy.types import Type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.builder import FunctionBuilder, LoweringError, OpenBlock
from tpy2wasm.analysis.ir import (
    Binary,
    BinaryOperator,
    Compare,
    CompareOperator,
    LoadConst,
    LoadGlobal,
    LoadLocal,
    Local,
    Register,
    StoreLocal,
    Unary,
)
from tpy2wasm.analysis.ir_objects import Box, IsTrue, ToWord
from tpy2wasm.analysis.rtypes import (
    BOOL, FLOAT_WORD, INT_WORD, NUMBER_WORDS, OBJECT, WORDS, RType,
)

#: The operators that give an int for two ints: on int words, they compute
#: a word (`/` gives a float and `**` may: those take objects).
WORD_OPERATORS = frozenset({
    BinaryOperator.ADD, BinaryOperator.SUB, BinaryOperator.MUL, BinaryOperator.FLOOR_DIV, BinaryOperator.MOD,
    BinaryOperator.LSHIFT, BinaryOperator.RSHIFT, BinaryOperator.BIT_AND, BinaryOperator.BIT_OR,
    BinaryOperator.BIT_XOR,
})

#: The operators that give a float for a float and a float or an int (and `/` for two ints): on
#: words they compute a float word.
FLOAT_OPERATORS = frozenset({
    BinaryOperator.ADD, BinaryOperator.SUB, BinaryOperator.MUL, BinaryOperator.TRUE_DIV, BinaryOperator.FLOOR_DIV,
    BinaryOperator.MOD, BinaryOperator.POW,
})

def value_type(mypy_type: Type | None) -> RType:
    """How native code holds a parameter, local or result of this type: an int, float or bool
    as a word, anything else as an object."""
    return facts.word_type(mypy_type) or OBJECT


def word_result(operator: BinaryOperator, left: RType, right: RType) -> RType:
    """The type of `left op right`: an int word for int word operators on
    two int words, a float word for a float operator on number words that gives a float."""
    if left is right is INT_WORD:
        if operator in WORD_OPERATORS:
            return INT_WORD
        return FLOAT_WORD if operator is BinaryOperator.TRUE_DIV else OBJECT
    if left in NUMBER_WORDS and right in NUMBER_WORDS and operator in FLOAT_OPERATORS:
        return FLOAT_WORD
    return OBJECT


class ExpressionLowerer:
    """Lowers expressions to ops on objects (every register OBJECT except branch conditions);
    `ObjectLowerer` adds what computes words."""

    def __init__(self, func: FuncDef, module: MypyFile, types: dict[Expression, Type]) -> None:
        self.func = func
        self.module = module
        self.types = types
        self.builder = FunctionBuilder()
        self.locals: dict[str, Local] = {}
        self.range_counters = facts.range_counters(func)  # typed Any, they hold ints

    @abstractmethod
    def store(self, target: Lvalue, value: Register) -> None: ...

    @abstractmethod
    def lower_as(self, expr: Expression, rtype: RType) -> Register:
        """`expr` as a value of `rtype`, computed on words where it can be (lower_objects)."""

    def register(self, rtype: RType) -> Register:
        return self.builder.register(rtype)

    def local(self, name: str, var: Var) -> Local:
        if name not in self.locals:  # an int, float or bool local is a word; others are objects
            rtype = INT_WORD if name in self.range_counters else value_type(var.type)
            self.locals[name] = Local(name, rtype)
        return self.locals[name]

    def function_local(self, name: str) -> Local:
        """The local a nested `def` binds (mypy's name for it is the FuncDef, not a Var)."""
        if name not in self.locals:
            self.locals[name] = Local(name, OBJECT)
        return self.locals[name]

    def temp(self, purpose: str) -> Local:
        """A hidden local holding objects."""
        return self.builder.temp(purpose, OBJECT)

    def constant(self, value: int | float | bool | str | None, line: int) -> Register:
        return self.builder.emit_value(LoadConst(self.builder.register(OBJECT), value, line))

    def coerce(self, value: Register, rtype: RType, line: int) -> Register:
        """`value` between words and objects; CPython's own operations do the mixing."""
        if value.type == rtype:
            return value
        if value.type in WORDS:  # an int word into a float word keeps the int, as CPython does
            value = self.builder.emit_value(Box(self.builder.register(OBJECT), value, line))
        if rtype in WORDS:
            return self.builder.emit_value(ToWord(self.builder.register(rtype), value, line))
        return value

    def truth(self, value: Register, line: int) -> Register:
        """Python truthiness as a branch condition."""
        if value.type == BOOL:
            return value
        return self.builder.emit_value(IsTrue(self.builder.register(BOOL), value, line))

    # Values

    def lower_expr(self, expr: Expression) -> Register:
        with self.builder.at(expr):
            return self.lower_node(expr)

    def lower_node(self, expr: Expression) -> Register:
        """`expr`'s ops, at its position (see `lower_expr`)."""
        line = expr.line
        integer_literal = facts.constant_int(expr)
        if integer_literal is not None:  # `-1` is one constant, not a negation of 1
            return self.constant(integer_literal, line)
        if isinstance(expr, FloatExpr):
            return self.constant(expr.value, line)
        if isinstance(expr, NameExpr):
            return self.lower_name(expr)
        if isinstance(expr, OpExpr) and expr.op in facts.BOOLEAN_OPERATORS:
            return self.lower_boolean_value(expr)
        if isinstance(expr, OpExpr):
            left, right = self.lower_expr(expr.left), self.lower_expr(expr.right)
            return self.binary(facts.BINARY_OPERATORS[expr.op], left, right, line)
        if isinstance(expr, UnaryExpr):
            return self.lower_unary(expr)
        if isinstance(expr, ComparisonExpr) and len(expr.operators) == 1:
            left, right = self.lower_expr(expr.operands[0]), self.lower_expr(expr.operands[1])
            return self.compare(facts.COMPARE_OPERATORS[expr.operators[0]], left, right, line)
        if isinstance(expr, ComparisonExpr):
            return self.select(line, lambda yes, no: self.lower_condition(expr, yes, no),
                               lambda: self.constant(True, line), lambda: self.constant(False, line))
        if isinstance(expr, ConditionalExpr):
            return self.select(line, lambda yes, no: self.lower_condition(expr.cond, yes, no),
                               lambda: self.lower_expr(expr.if_expr),
                               lambda: self.lower_expr(expr.else_expr))
        if isinstance(expr, AssignmentExpr):  # `(x := v)`: v stored, then x's value
            self.store(expr.target, self.lower_expr(expr.value))
            return self.lower_name(expr.target)
        raise LoweringError(f"line {line}: cannot lower {type(expr).__name__}")

    def lower_name(self, name: NameExpr) -> Register:
        if name.fullname in facts.CONSTANT_NAMES:
            return self.constant(facts.CONSTANT_NAMES[name.fullname], name.line)
        var = name.node
        if isinstance(var, FuncDef):  # a nested def's local (lower_objects.function_local)
            return self.load(self.function_local(name.name), name.line)
        assert isinstance(var, Var), name
        if facts.module_global(name, self.module) is not None:
            dest = self.register(OBJECT)
            return self.builder.emit_value(LoadGlobal(dest, self.module.fullname, name.name, name.line))
        return self.load(self.local(name.name, var), name.line)

    def load(self, local: Local, line: int) -> Register:
        return self.builder.emit_value(LoadLocal(self.builder.register(local.type), local, line))

    def binary(self, operator: BinaryOperator, left: Register, right: Register,
               line: int, inplace: bool = False) -> Register:
        """`left op right`: on words where `word_result` says so, else CPython's operation."""
        result = word_result(operator, left.type, right.type)
        if result is not FLOAT_WORD:  # a float word op takes int and float words as they are
            left, right = self.coerce(left, result, line), self.coerce(right, result, line)
        dest = self.builder.register(result)
        return self.builder.emit_value(Binary(dest, operator, left, right, line, inplace))

    def compare(self, operator: CompareOperator, left: Register, right: Register,
                line: int) -> Register:
        left, right = self.coerce(left, OBJECT, line), self.coerce(right, OBJECT, line)
        dest = self.register(OBJECT)
        return self.builder.emit_value(Compare(dest, operator, left, right, line))

    def lower_unary(self, expr: UnaryExpr) -> Register:
        operand = self.lower_expr(expr.expr)
        dest = self.register(OBJECT)
        return self.builder.emit_value(Unary(dest, facts.UNARY_OPERATORS[expr.op], operand, expr.line))

    def lower_boolean_value(self, expr: OpExpr, rtype: RType = OBJECT) -> Register:
        """`a and b` / `a or b` as a value of `rtype` (a word of the expression's word type:
        lower_objects): `a` is evaluated once, `b` only if needed."""
        left = self.lower_as(expr.left, rtype)
        condition = self.truth(left, expr.line)

        def lower_right() -> Register:
            return self.lower_as(expr.right, rtype)

        def keep_left() -> Register:
            return left

        on_true, on_false = (lower_right, keep_left) if expr.op == "and" else (keep_left, lower_right)
        return self.select(expr.line, lambda yes, no: self.builder.branch(condition, yes, no, expr.line),
                           on_true, on_false, rtype)

    def select(self, line: int, branch: Callable[[OpenBlock, OpenBlock], None],
               on_true: Callable[[], Register], on_false: Callable[[], Register],
               rtype: RType = OBJECT) -> Register:
        """Evaluate `on_true` or `on_false` depending on `branch`, joining via a temporary of `rtype`."""
        result = self.builder.temp("select", rtype)
        yes, no, join = self.builder.new_block(), self.builder.new_block(), self.builder.new_block()
        branch(yes, no)
        for block, lower_value in ((yes, on_true), (no, on_false)):
            self.builder.activate(block)
            value = self.coerce(lower_value(), rtype, line)
            self.builder.emit(StoreLocal(result, value, line))
            self.builder.goto(join, line)
        self.builder.activate(join)
        return self.load(result, line)

    # Conditions

    def lower_condition(self, expr: Expression, if_true: OpenBlock, if_false: OpenBlock) -> None:
        """Branch to `if_true` or `if_false` on the truthiness of `expr`."""
        with self.builder.at(expr):
            self._lower_condition(expr, if_true, if_false)

    def _lower_condition(self, expr: Expression, if_true: OpenBlock, if_false: OpenBlock) -> None:
        if isinstance(expr, OpExpr) and expr.op in facts.BOOLEAN_OPERATORS:
            right = self.builder.new_block()
            if expr.op == "and":
                self.lower_condition(expr.left, right, if_false)
            else:
                self.lower_condition(expr.left, if_true, right)
            self.builder.activate(right)
            self.lower_condition(expr.right, if_true, if_false)
        elif isinstance(expr, UnaryExpr) and expr.op == "not":
            self.lower_condition(expr.expr, if_false, if_true)
        elif isinstance(expr, ComparisonExpr):
            self.lower_comparison_chain(expr, if_true, if_false)
        elif isinstance(expr, NameExpr) and expr.fullname == "builtins.True":
            self.builder.goto(if_true, expr.line)
        else:
            value = self.truth(self.condition_value(expr), expr.line)
            self.builder.branch(value, if_true, if_false, expr.line)

    @abstractmethod
    def condition_value(self, expr: Expression) -> Register:
        """The value whose truth a branch on `expr` tests."""

    def lower_comparison_chain(self, expr: ComparisonExpr, if_true: OpenBlock,
                               if_false: OpenBlock) -> None:
        """`a < b < c`: each operand is evaluated once, and only while the chain holds."""
        left = self.lower_expr(expr.operands[0])
        last = len(expr.operators) - 1
        for index, (operator, operand) in enumerate(zip(expr.operators, expr.operands[1:])):
            right = self.lower_expr(operand)
            result = self.compare(facts.COMPARE_OPERATORS[operator], left, right, expr.line)
            next_link = if_true if index == last else self.builder.new_block()
            self.builder.branch(self.truth(result, expr.line), next_link, if_false, expr.line)
            if index != last:
                self.builder.activate(next_link)
            left = right
