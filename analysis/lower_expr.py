"""Lowering of expressions and branch conditions to IR ops.

Mixed arithmetic is made explicit here: operands are converted (bool->int,
int->float) to the type mypy inferred for the expression before the op.
Short-circuit `and`/`or`, chained comparisons and conditional expressions
become branches; in value context their result goes through a temporary local.
"""

from __future__ import annotations

from typing import Callable

from abc import abstractmethod

from mypy.nodes import (
    AssignmentExpr,
    CallExpr,
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
from mypy.types import CallableType, Type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.builder import FunctionBuilder, LoweringError, OpenBlock
from tpy2wasm.analysis.ir import (
    Binary,
    BinaryOperator,
    CallNative,
    CallPrimitive,
    Compare,
    CompareOperator,
    Convert,
    LoadConst,
    LoadGlobal,
    LoadLocal,
    Local,
    Primitive,
    Register,
    StoreLocal,
    Unary,
    UnaryOperator,
)
from tpy2wasm.analysis.ir_objects import Box, IsTrue, ToWord
from tpy2wasm.analysis.rtypes import (
    BOOL, BOOL_WORD, FLOAT, FLOAT_WORD, INT, INT_WORD, NONE, NUMBER_WORDS, OBJECT, WORDS, RType,
)

_WIDTH = {BOOL: 0, INT: 1, FLOAT: 2}
"""Numeric tower order: a wider type can represent every value of a narrower one."""

#: The operators that give an int for two ints: in a boxed function, on int words, they compute
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

SCALAR_WORDS: dict[RType | None, RType] = {INT: INT_WORD, FLOAT: FLOAT_WORD, BOOL: BOOL_WORD}
"""The word type of each scalar type that has one, in a boxed function."""

def boxed_value_type(mypy_type: Type | None) -> RType:
    """How a boxed function holds a parameter, local or result of this type: an int, float or
    bool as a word, anything else as an object."""
    return SCALAR_WORDS.get(facts.scalar_rtype(mypy_type), OBJECT)


_CONSTANT_TYPES: dict[type, RType] = {bool: BOOL, int: INT, float: FLOAT, type(None): NONE, str: OBJECT}


def word_result(operator: BinaryOperator, left: RType, right: RType) -> RType:
    """The type of a boxed function's `left op right`: an int word for int word operators on
    two int words, a float word for a float operator on number words that gives a float."""
    if left is right is INT_WORD:
        if operator in WORD_OPERATORS:
            return INT_WORD
        return FLOAT_WORD if operator is BinaryOperator.TRUE_DIV else OBJECT
    if left in NUMBER_WORDS and right in NUMBER_WORDS and operator in FLOAT_OPERATORS:
        return FLOAT_WORD
    return OBJECT


def wider(left: RType, right: RType) -> RType:
    return left if _WIDTH[left] >= _WIDTH[right] else right


def scalar(mypy_type: Type | None, what: str) -> RType:
    """The runtime type of a value the nativeness check already accepted."""
    rtype = facts.return_rtype(mypy_type)
    if rtype is None:
        raise LoweringError(f"{what} has type {mypy_type}, which is not native")
    return rtype


class ExpressionLowerer:
    """Lowers to unboxed scalar ops, or, when `boxed`, to the same ops on PyObject*
    values (every register OBJECT except branch conditions, no conversions: CPython's
    own operations do the mixing)."""

    def __init__(self, func: FuncDef, module: MypyFile, types: dict[Expression, Type], boxed: bool) -> None:
        self.func = func
        self.module = module
        self.types = types
        self.boxed = boxed
        self.builder = FunctionBuilder()
        self.locals: dict[str, Local] = {}
        self.range_counters = facts.range_counters(func)  # typed Any, they hold ints
        self.bindings: set[tuple[str, str]] = set()  # FunctionIR.bindings

    @abstractmethod
    def store(self, target: Lvalue, value: Register) -> None: ...

    def value_type(self, rtype: RType) -> RType:
        """The runtime type a value of `rtype` has in this function."""
        return OBJECT if self.boxed else rtype

    def register(self, rtype: RType) -> Register:
        return self.builder.register(self.value_type(rtype))

    def rtype(self, expr: Expression) -> RType:
        if self.boxed:
            return OBJECT
        return scalar(facts.expression_type(expr, self.types), f"line {expr.line}: expression")

    def local(self, name: str, var: Var) -> Local:
        if name not in self.locals:
            if name in self.range_counters:
                rtype = INT_WORD if self.boxed else INT
            elif self.boxed:  # an int, float or bool local is a word; others are objects
                rtype = boxed_value_type(var.type)
            else:
                rtype = scalar(var.type, f"local '{name}'")
            self.locals[name] = Local(name, rtype)
        return self.locals[name]

    def function_local(self, name: str) -> Local:
        """The local a nested `def` binds (mypy's name for it is the FuncDef, not a Var)."""
        if name not in self.locals:
            self.locals[name] = Local(name, OBJECT)
        return self.locals[name]

    def temp(self, purpose: str, rtype: RType) -> Local:
        return self.builder.temp(purpose, self.value_type(rtype))

    def constant(self, value: int | float | bool | str | None, line: int) -> Register:
        rtype = self.value_type(_CONSTANT_TYPES[type(value)])
        return self.builder.emit_value(LoadConst(self.builder.register(rtype), value, line))

    def coerce(self, value: Register, rtype: RType, line: int) -> Register:
        if value.type == rtype:
            return value
        if self.boxed:  # between words and objects; CPython's own operations do the mixing
            if value.type in WORDS:  # an int word into a float word keeps the int, as CPython does
                value = self.builder.emit_value(Box(self.builder.register(OBJECT), value, line))
            if rtype in WORDS:
                return self.builder.emit_value(ToWord(self.builder.register(rtype), value, line))
            return value
        if value.type not in _WIDTH or rtype not in _WIDTH or _WIDTH[value.type] > _WIDTH[rtype]:
            raise LoweringError(f"line {line}: cannot convert {value.type} to {rtype}")
        return self.builder.emit_value(Convert(self.builder.register(rtype), value, line))

    def truth(self, value: Register, line: int) -> Register:
        """Python truthiness as an unboxed bool (`x != 0` for a scalar)."""
        if value.type == BOOL:
            return value
        if self.boxed:
            return self.builder.emit_value(IsTrue(self.builder.register(BOOL), value, line))
        zero = self.constant(0.0 if value.type == FLOAT else 0, line)
        return self.compare(CompareOperator.NE, value, zero, line)

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
            return self.binary(facts.BINARY_OPERATORS[expr.op], left, right, self.rtype(expr), line)
        if isinstance(expr, UnaryExpr):
            return self.lower_unary(expr)
        if isinstance(expr, ComparisonExpr) and len(expr.operators) == 1:
            left, right = self.lower_expr(expr.operands[0]), self.lower_expr(expr.operands[1])
            return self.compare(facts.COMPARE_OPERATORS[expr.operators[0]], left, right, line)
        if isinstance(expr, ComparisonExpr):
            return self.select(BOOL, line, lambda yes, no: self.lower_condition(expr, yes, no),
                               lambda: self.constant(True, line), lambda: self.constant(False, line))
        if isinstance(expr, ConditionalExpr):
            return self.select(self.rtype(expr), line,
                               lambda yes, no: self.lower_condition(expr.cond, yes, no),
                               lambda: self.lower_expr(expr.if_expr),
                               lambda: self.lower_expr(expr.else_expr))
        if isinstance(expr, CallExpr):
            return self.lower_call(expr)
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
            dest = self.register(scalar(var.type, f"global '{name.name}'") if not self.boxed else OBJECT)
            return self.builder.emit_value(LoadGlobal(dest, self.module.fullname, name.name, name.line))
        return self.load(self.local(name.name, var), name.line)

    def load(self, local: Local, line: int) -> Register:
        return self.builder.emit_value(LoadLocal(self.builder.register(local.type), local, line))

    def binary(self, operator: BinaryOperator, left: Register, right: Register,
               result_type: RType, line: int, inplace: bool = False) -> Register:
        if self.boxed:
            result = word_result(operator, left.type, right.type)
            if result is not FLOAT_WORD:  # a float word op takes int and float words as they are
                left, right = self.coerce(left, result, line), self.coerce(right, result, line)
            dest = self.builder.register(result)
            return self.builder.emit_value(Binary(dest, operator, left, right, line, inplace))
        operand_type = result_type
        if operator is BinaryOperator.TRUE_DIV:
            operand_type = wider(wider(left.type, right.type), INT)
        left, right = self.coerce(left, operand_type, line), self.coerce(right, operand_type, line)
        dest = self.builder.register(result_type)
        return self.builder.emit_value(Binary(dest, operator, left, right, line))

    def compare(self, operator: CompareOperator, left: Register, right: Register,
                line: int) -> Register:
        operand_type = OBJECT if self.boxed else wider(left.type, right.type)
        left, right = self.coerce(left, operand_type, line), self.coerce(right, operand_type, line)
        dest = self.register(BOOL)
        return self.builder.emit_value(Compare(dest, operator, left, right, line))

    def lower_unary(self, expr: UnaryExpr) -> Register:
        operator = facts.UNARY_OPERATORS[expr.op]
        operand = self.lower_expr(expr.expr)
        if self.boxed:
            result_type = OBJECT
        elif operator is UnaryOperator.NOT:
            operand, result_type = self.truth(operand, expr.line), BOOL
        else:
            result_type = self.rtype(expr)
            operand = self.coerce(operand, result_type, expr.line)
        dest = self.register(result_type)
        return self.builder.emit_value(Unary(dest, operator, operand, expr.line))

    def lower_boolean_value(self, expr: OpExpr) -> Register:
        """`a and b` / `a or b` as a value: `a` is evaluated once, `b` only if needed."""
        left = self.lower_expr(expr.left)
        condition = self.truth(left, expr.line)

        def lower_right() -> Register:
            return self.lower_expr(expr.right)

        def keep_left() -> Register:
            return left

        on_true, on_false = (lower_right, keep_left) if expr.op == "and" else (keep_left, lower_right)
        return self.select(self.rtype(expr), expr.line,
                           lambda yes, no: self.builder.branch(condition, yes, no, expr.line),
                           on_true, on_false)

    def select(self, rtype: RType, line: int, branch: Callable[[OpenBlock, OpenBlock], None],
               on_true: Callable[[], Register], on_false: Callable[[], Register]) -> Register:
        """Evaluate `on_true` or `on_false` depending on `branch`, joining via a temporary."""
        result = self.temp("select", rtype)
        yes, no, join = self.builder.new_block(), self.builder.new_block(), self.builder.new_block()
        branch(yes, no)
        for block, lower_value in ((yes, on_true), (no, on_false)):
            self.builder.activate(block)
            value = self.coerce(lower_value(), rtype, line)
            self.builder.emit(StoreLocal(result, value, line))
            self.builder.goto(join, line)
        self.builder.activate(join)
        return self.load(result, line)

    # Calls

    def assume_bound(self, callee: Expression, fullname: str) -> None:
        """Unboxed code calls what mypy found `callee` to name without looking it up."""
        path = facts.name_path(callee)
        if path is None:
            raise LoweringError(f"line {callee.line}: {fullname} is not called by name")
        self.bindings.add((path, fullname))

    def lower_call(self, call: CallExpr) -> Register:
        args = [self.lower_expr(arg) for arg in call.args]
        callee = facts.module_function(call.callee, self.module)
        if callee is not None:
            self.assume_bound(call.callee, callee.fullname)
            return self.call_native(callee, args, call.line)
        fullname = facts.callee_fullname(call.callee)
        self.assume_bound(call.callee, fullname)
        if fullname == facts.FLOAT_CONSTRUCTOR:
            return self.coerce(args[0], FLOAT, call.line)
        primitive = facts.PRIMITIVES_BY_FULLNAME[fullname]
        result_type = self.primitive_result_type(primitive, args, call)
        if primitive in (Primitive.FLOOR, Primitive.CEIL, Primitive.FLOAT_TO_INT):
            if args[0].type != FLOAT:  # already integral: int(3), math.floor(True)
                return self.coerce(args[0], INT, call.line)
            operand_type = FLOAT
        else:
            operand_type = FLOAT if primitive is Primitive.SQRT else result_type
        operands = tuple(self.coerce(arg, operand_type, call.line) for arg in args)
        dest = self.builder.register(result_type)
        return self.builder.emit_value(CallPrimitive(dest, primitive, operands, call.line))

    def primitive_result_type(self, primitive: Primitive, args: list[Register], call: CallExpr) -> RType:
        """The result type from the operands, not from mypy: inside `abs(abs(b))` or
        `abs(math.floor(x))` mypy types the inner call from its context, as SupportsAbs[int]."""
        if self.boxed:
            return OBJECT
        if primitive in (Primitive.FLOOR, Primitive.CEIL, Primitive.FLOAT_TO_INT):
            return INT
        if primitive is Primitive.SQRT:
            return FLOAT
        if primitive is Primitive.ABS:  # abs(True) is 1
            return INT if args[0].type == BOOL else args[0].type
        declared = facts.scalar_rtype(facts.expression_type(call, self.types))  # min(), max()
        if declared is not None:
            return declared
        widest = args[0].type
        for arg in args[1:]:
            widest = wider(widest, arg.type)
        return widest

    def call_native(self, callee: FuncDef, args: list[Register], line: int) -> Register:
        """Call a native function, converting arguments and filling in literal defaults."""
        signature = callee.type
        assert isinstance(signature, CallableType), callee
        for argument in callee.arguments[len(args):]:
            assert argument.initializer is not None, callee
            args.append(self.constant(facts.literal_value(argument.initializer), line))
        converted = tuple(
            self.coerce(arg, scalar(param_type, "parameter"), line)
            for arg, param_type in zip(args, signature.arg_types)
        )
        dest = self.builder.register(scalar(signature.ret_type, f"{callee.name}() return"))
        return self.builder.emit_value(CallNative(dest, callee.fullname, converted, line))

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

    def condition_value(self, expr: Expression) -> Register:
        """The value whose truth a branch on `expr` tests."""
        return self.lower_expr(expr)

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
