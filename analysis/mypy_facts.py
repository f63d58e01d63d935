"""Facts about mypy nodes shared by the nativeness check and the lowering.

Keeping these in one place guarantees that whatever the checker accepts, the
lowering knows how to translate, and vice versa.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from mypy.nodes import (
    LDEF,
    AssignmentStmt,
    Block,
    CallExpr,
    Expression,
    FloatExpr,
    ForStmt,
    FuncDef,
    IfStmt,
    IntExpr,
    ListExpr,
    Lvalue,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    OpExpr,
    RefExpr,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    UnaryExpr,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.types import AnyType, CallableType, Instance, LiteralType, NoneType, Type, UnionType, get_proper_type

from tpy2wasm.analysis.ir import BinaryOperator, CompareOperator, UnaryOperator
from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, OBJECT, WORDS, WORDS_BY_NAME, RType

BINARY_OPERATORS: Final = {operator.value: operator for operator in BinaryOperator}
UNARY_OPERATORS: Final = {operator.value: operator for operator in UnaryOperator}
COMPARE_OPERATORS: Final = {operator.value: operator for operator in CompareOperator}
BOOLEAN_OPERATORS: Final = frozenset({"and", "or"})

CONSTANT_NAMES: Final[dict[str, bool | None]] = {
    "builtins.True": True,
    "builtins.False": False,
    "builtins.None": None,
}


INLINE_BUILTINS: Final[dict[str, tuple[RType, RType]]] = {
    "builtins.len": (OBJECT, INT_WORD),
    "math.sqrt": (FLOAT_WORD, FLOAT_WORD),
}
"""Builtin functions native code computes inline while the name called holds them (CallBuiltin):
the runtime type of the argument they take (an object for any; a float only when the argument
is declared one) and of their result."""


LIST_METHODS: Final = {"append": 1, "pop": 0}
"""Methods of a list native code applies in place, by how many positional arguments the inline
form takes (GetMethod, CallMethod)."""


def is_list(mypy_type: Type | None) -> bool:
    proper = get_proper_type(mypy_type)
    return isinstance(proper, Instance) and proper.type.fullname == "builtins.list"


def is_any(mypy_type: Type | None) -> bool:
    return isinstance(get_proper_type(mypy_type), AnyType)


def word_type(mypy_type: Type | None) -> RType | None:
    """The word type of an int/float/bool mypy type, or None for anything else."""
    proper = get_proper_type(mypy_type)
    if isinstance(proper, LiteralType):  # e.g. the argument `3` in `f(3)`
        proper = proper.fallback
    if isinstance(proper, Instance):
        return WORDS_BY_NAME.get(proper.type.fullname)
    if isinstance(proper, UnionType):  # `1 if c else 2.5`, `flag and True`, `x: int | float`
        # The widest member's word holds the others as objects, as `float` admits an int.
        rtypes = {word_type(item) for item in proper.items}
        return next((rtype for rtype in (FLOAT_WORD, INT_WORD, BOOL_WORD) if rtype in rtypes), None) \
            if rtypes <= set(WORDS) else None
    return None


def is_boxable(mypy_type: Type | None, program_modules: Collection[str]) -> bool:
    """Whether a native function may hold the value in a parameter, local or return: a str,
    a list (whose items native code reads and stores in place), an instance of a class defined in
    one of `program_modules` (whose attributes it reads and writes in place), None, an
    exception, a function (a lambda), Any or `object` (whose operations are CPython's). Other containers and objects stay in the
    interpreter, whose specialised instructions are faster at them than calls into the C API."""
    proper = get_proper_type(mypy_type)
    if isinstance(proper, LiteralType):
        proper = proper.fallback
    if isinstance(proper, (NoneType, AnyType, CallableType)):
        return True
    if isinstance(proper, UnionType):
        return all(word_type(item) is not None or is_boxable(item, program_modules) for item in proper.items)
    return isinstance(proper, Instance) and (proper.type.fullname in ("builtins.str", "builtins.list", "builtins.object")
                                              or proper.type.has_base("builtins.BaseException")
                                              or proper.type.module_name in program_modules)


def expression_type(expr: Expression, types: dict[Expression, Type]) -> Type | None:
    """mypy's type of `expr`, except for `**`, which typeshed types as Any: with a float
    operand it is a float (a negative base with a fractional exponent gives a complex number),
    and int ** int is an int (a negative exponent gives a float): native code holds whatever
    CPython's operation returns, in a word that can hold any object.
    """
    mypy_type = types.get(expr)
    if isinstance(expr, OpExpr) and expr.op == "**" and is_any(mypy_type):
        operands = [types.get(expr.left), types.get(expr.right)]
        rtypes = [word_type(operand) for operand in operands]
        if all(rtype is not None for rtype in rtypes) and FLOAT_WORD in rtypes:
            return operands[rtypes.index(FLOAT_WORD)]
        if rtypes == [INT_WORD, INT_WORD]:
            return operands[0]
    return mypy_type


def names_module(expr: Expression) -> bool:
    """Whether `expr` is the name of an imported module (`math` in `math.sqrt`)."""
    return isinstance(expr, NameExpr) and isinstance(expr.node, MypyFile)


def callee_fullname(callee: Expression) -> str:
    """`math.sqrt` for both `math.sqrt(x)` and `sqrt(x)` after `from math import sqrt`."""
    if isinstance(callee, RefExpr) and callee.fullname:
        return callee.fullname
    if isinstance(callee, MemberExpr):
        return callee.name
    return type(callee).__name__


def module_global(name: NameExpr, module: MypyFile) -> Var | None:
    """The module-level variable of `module` that `name` refers to, if any."""
    if not isinstance(name.node, Var):
        return None
    symbol = module.names.get(name.name)
    is_global = symbol is not None and symbol.node is name.node
    return name.node if is_global and name.fullname == f"{module.fullname}.{name.name}" else None


def constant_int(expr: Expression) -> int | None:
    """The value of an integer literal such as `2` or `-1`."""
    if isinstance(expr, IntExpr):
        return expr.value
    if isinstance(expr, UnaryExpr) and expr.op == "-" and isinstance(expr.expr, IntExpr):
        return -expr.expr.value
    return None


def literal_value(expr: Expression) -> int | float | bool | None:
    """The value of a literal usable as a parameter default; ValueError otherwise."""
    integer = constant_int(expr)
    if integer is not None:
        return integer
    if isinstance(expr, FloatExpr):
        return expr.value
    if isinstance(expr, UnaryExpr) and expr.op == "-" and isinstance(expr.expr, FloatExpr):
        return -expr.expr.value
    if isinstance(expr, NameExpr) and expr.fullname in CONSTANT_NAMES:
        return CONSTANT_NAMES[expr.fullname]
    raise ValueError(f"line {expr.line}: not an int/float/bool/None literal")


def is_literal(expr: Expression) -> bool:
    try:
        literal_value(expr)
    except ValueError:
        return False
    return True


def parallel_pairs(target: Lvalue, value: Expression) -> list[tuple[Lvalue, Expression]] | None:
    """`a, b = x, y` (nested displays too): each target with the expression it receives, in
    CPython's order (every value evaluated, then the targets assigned left to right), when
    `target` and `value` are tuple or list displays of one length without a star; else None,
    and the value is unpacked as CPython's UNPACK_SEQUENCE does."""
    if not (isinstance(target, (TupleExpr, ListExpr)) and isinstance(value, (TupleExpr, ListExpr))
            and len(target.items) == len(value.items)
            and not any(isinstance(part, StarExpr) for part in [*target.items, *value.items])):
        return None
    pairs: list[tuple[Lvalue, Expression]] = []
    for item, item_value in zip(target.items, value.items):
        pairs.extend(parallel_pairs(item, item_value) or [(item, item_value)])
    return pairs


def local_bindings(node: Statement | Expression | Block | None,
                   statement: Statement | None = None) -> list[tuple[NameExpr, Statement]]:
    """The names of locals that assignment, `for`, `with` and `except` targets in `node` bind,
    each with the statement that binds it. (mypy's compiled traversers cannot be subclassed
    here: the statements are walked.)"""
    if isinstance(node, NameExpr):
        return [(node, statement)] if statement is not None and isinstance(node.node, Var) and node.kind == LDEF else []
    if isinstance(node, (TupleExpr, ListExpr)):
        return [binding for item in node.items for binding in local_bindings(item, statement)]
    parts: list[Statement | Expression | Block | None] = []
    if isinstance(node, Block):
        parts = list(node.body)
    elif isinstance(node, AssignmentStmt):
        return [binding for target in node.lvalues for binding in local_bindings(target, node)]
    elif isinstance(node, OperatorAssignmentStmt):
        return local_bindings(node.lvalue, node)
    elif isinstance(node, ForStmt):
        return [*local_bindings(node.index, node), *local_bindings(node.body), *local_bindings(node.else_body)]
    elif isinstance(node, WhileStmt):
        parts = [node.body, node.else_body]
    elif isinstance(node, IfStmt):
        parts = [*node.body, node.else_body]
    elif isinstance(node, TryStmt):
        return [*(binding for variable in node.vars for binding in local_bindings(variable, node)),
                *(binding for block in (node.body, *node.handlers, node.else_body, node.finally_body)
                  for binding in local_bindings(block))]
    elif isinstance(node, WithStmt):
        return [*(binding for target in node.target for binding in local_bindings(target, node)),
                *local_bindings(node.body)]
    return [binding for part in parts for binding in local_bindings(part)]


def range_counters(func: FuncDef) -> frozenset[str]:
    """Locals mypy types as Any (as it does `_`, which may take any value) that the function
    binds only as the target of `for NAME in range(...)`: they only ever hold ints."""
    statements: dict[str, list[Statement]] = {}
    untyped: set[str] = set()
    for name, statement in local_bindings(func.body):
        statements.setdefault(name.name, []).append(statement)
        if isinstance(name.node, Var) and (name.node.type is None or is_any(name.node.type)):
            untyped.add(name.name)
    return frozenset(name for name in untyped if all(
        isinstance(statement, ForStmt) and isinstance(statement.index, NameExpr) and isinstance(statement.expr, CallExpr)
        and callee_fullname(statement.expr.callee) == "builtins.range" for statement in statements[name]))
