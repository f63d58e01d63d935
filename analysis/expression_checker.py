"""Check the expressions of one function against the native core's rules.

Scalar expressions (int/float/bool) run unboxed. Everything else the boxed mode can run --
calls of dynamic code, strings and other objects, attributes, identity and membership --
marks the function boxed, with the reason; constructs neither mode supports reject it.
"""

from __future__ import annotations

import re

from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_POS,
    AssignmentExpr,
    CallExpr,
    ClassDef,
    ComparisonExpr,
    ConditionalExpr,
    DictExpr,
    Expression,
    FloatExpr,
    FuncDef,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OpExpr,
    SliceExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.types import Type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis import nested_code
from tpy2wasm.analysis.report import FunctionVerdict
from tpy2wasm.analysis.rtypes import BOOL, FLOAT, INT, RType
from tpy2wasm.analysis.typed_ast import TypedProgram

SCALARS = "int/float/bool"
OBJECTS_STAY = "containers and objects stay in the interpreter, which is faster at them"


def describe_construct(node: Node) -> str:
    """`TryStmt` -> `try statement`, `ListComprehension` -> `list comprehension`."""
    if isinstance(node, (FuncDef, ClassDef)):
        return f"nested {'function' if isinstance(node, FuncDef) else 'class'}"
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower().split()
    expanded = {"stmt": "statement", "expr": "expression", "def": "definition"}
    return " ".join(expanded.get(word, word) for word in words)


def widens(value: RType | None, target: RType | None) -> bool:
    """Whether unboxed code would change the value's type where CPython keeps it:
    an int stored as a float, or a bool as an int."""
    return (target is FLOAT and value in (INT, BOOL)) or (target is INT and value is BOOL)


class ExpressionChecker:
    """Collects the reasons a function is not native or runs boxed, and its native callees."""

    def __init__(self, func: FuncDef, module: MypyFile, program: TypedProgram,
                 verdict: FunctionVerdict) -> None:
        self.func = func
        self.module = module
        self.types = program.types
        self.verdict = verdict
        self.calls: list[tuple[int, str]] = []  # (line, fullname) of candidate callees
        # Parameters are checked with the signature, not again as locals; range counters hold ints.
        self.checked_locals = {argument.variable.name for argument in func.arguments} | facts.range_counters(func)
        # mypy's nodes for an f-string's parts have no line: they take their statement's.
        self.statement_line = func.line
        # Boxing reasons worth a note only when nothing else on their line boxes the function.
        self.minor_reasons: list[tuple[int, str]] = []

    def line_of(self, node: Node) -> int:
        return node.line if node.line > 0 else self.statement_line

    def reject(self, node: Node, message: str) -> None:
        self.verdict.reject(self.line_of(node), message)

    def box(self, node: Node, message: str) -> None:
        self.verdict.box(self.line_of(node), message)

    def add_minor_reasons(self) -> None:
        boxed_lines = {reason.line for reason in self.verdict.boxed_because}
        for line, message in self.minor_reasons:
            if line not in boxed_lines:
                self.verdict.box(line, message)

    def rtype_of(self, expr: Expression) -> RType | None:
        return facts.scalar_rtype(facts.expression_type(expr, self.types))

    def check_fits(self, expr: Expression, target: RType | None, what: str) -> None:
        """An int/bool value flowing into a float/int slot stays an int/bool in CPython."""
        value = self.rtype_of(expr)
        if widens(value, target):
            assert value is not None and target is not None
            article = "an" if value is INT else "a"
            self.box(expr, f"{what} receives {article} {value.name} where a {target.name} is declared; "
                           f"CPython keeps the {value.name}")

    def check_local(self, name: str, var: Var, where: Node) -> None:
        if name in self.checked_locals:
            return
        self.checked_locals.add(name)
        if facts.is_any(var.type) or var.type is None:
            self.box(where, f"local '{name}' has type Any")
        elif facts.scalar_rtype(var.type) is None and facts.is_boxable(var.type):
            self.box(where, f"local '{name}' has type {var.type}, not {SCALARS}")
        elif facts.scalar_rtype(var.type) is None:
            self.reject(where, f"local '{name}' has type {var.type}: {OBJECTS_STAY}")

    def check_expr(self, expr: Expression) -> None:
        """Check the structure first, then the type of what is well formed."""
        if self.check_expr_structure(expr):
            self.check_expr_type(expr)

    def check_expr_type(self, expr: Expression) -> None:
        mypy_type = facts.expression_type(expr, self.types)
        if facts.is_any(mypy_type):
            self.box(expr, "uses a value of type Any")
        elif facts.scalar_rtype(mypy_type) is None and not isinstance(expr, (CallExpr, NameExpr, MemberExpr,
                                                                             StrExpr, TupleExpr, ListExpr,
                                                                             SliceExpr, DictExpr,
                                                                             *nested_code.NESTED_SCOPES)):
            self.box(expr, f"expression has type {mypy_type}, not {SCALARS}")

    def check_all(self, exprs: list[Expression]) -> bool:
        results = [self.check_expr_structure(expr) for expr in exprs]
        for expr, ok in zip(exprs, results):
            if ok:
                self.check_expr_type(expr)
        return all(results)

    def check_expr_structure(self, expr: Expression) -> bool:
        if isinstance(expr, (IntExpr, FloatExpr)):
            return True
        if isinstance(expr, StrExpr):
            self.minor_reasons.append((self.line_of(expr), "uses a str"))
            return True
        if isinstance(expr, NameExpr):
            return self.check_name(expr)
        if isinstance(expr, MemberExpr):
            self.box(expr, f"reads attribute '{expr.name}'")
            return self.check_all([expr.expr]) if not self.is_module(expr.expr) else True
        if isinstance(expr, OpExpr):
            if expr.op not in facts.BINARY_OPERATORS and expr.op not in facts.BOOLEAN_OPERATORS:
                self.reject(expr, f"unsupported operator '{expr.op}'")
                return False
            if expr.op in facts.BOOLEAN_OPERATORS:
                target = self.rtype_of(expr)
                for operand in (expr.left, expr.right):
                    self.check_fits(operand, target, f"'{expr.op}'")
            return self.check_all([expr.left, expr.right])
        if isinstance(expr, UnaryExpr):
            return self.check_all([expr.expr])
        if isinstance(expr, ComparisonExpr):
            return self.check_comparison(expr)
        if isinstance(expr, ConditionalExpr):
            target = self.rtype_of(expr)
            for branch in (expr.if_expr, expr.else_expr):
                self.check_fits(branch, target, "conditional expression")
            return self.check_all([expr.cond, expr.if_expr, expr.else_expr])
        if isinstance(expr, CallExpr):
            return self.check_call(expr)
        if isinstance(expr, AssignmentExpr):
            return self.check_assignment_expression(expr)
        if isinstance(expr, IndexExpr):
            self.box(expr, "reads an item")
            return self.check_all([expr.base, expr.index])
        if isinstance(expr, SliceExpr):
            parts = [part for part in (expr.begin_index, expr.end_index, expr.stride) if part is not None]
            return self.check_all(parts)
        if isinstance(expr, DictExpr) and any(key is None for key, _ in expr.items):
            self.reject(expr, "unsupported construct: ** in a dict display")
            return False
        if isinstance(expr, DictExpr):
            self.minor_reasons.append((self.line_of(expr), "builds a dict"))
            return self.check_all([part for pair in expr.items for part in pair if part is not None])
        if isinstance(expr, (TupleExpr, ListExpr)):
            kind = "tuple" if isinstance(expr, TupleExpr) else "list"
            self.minor_reasons.append((self.line_of(expr), f"builds a {kind}"))
            return self.check_all(expr.items)
        if isinstance(expr, nested_code.NESTED_SCOPES):
            return self.check_nested_scope(expr)
        self.reject(expr, f"unsupported construct: {describe_construct(expr)}")
        return False

    def check_nested_scope(self, expr: nested_code.NestedScope) -> bool:
        """A lambda or comprehension is CPython's code, made into a function where it stands:
        what is checked is what the enclosing function evaluates (defaults, the first iterable)."""
        found = nested_code.find_nested_code(self.module.path, self.func, expr)
        if isinstance(found, str) or nested_code.is_async(expr):
            self.reject(expr, found if isinstance(found, str) else "unsupported construct: async comprehension")
            return False
        if isinstance(expr, LambdaExpr):
            if any(argument.kind == ARG_NAMED_OPT for argument in expr.arguments):
                self.reject(expr, "unsupported construct: a lambda with keyword-only defaults")
                return False
            self.box(expr, "makes a lambda")
            return self.check_all([argument.initializer for argument in expr.arguments
                                   if argument.initializer is not None])
        self.box(expr, f"runs a {found.name.strip('<>')} in CPython")
        return self.check_all([nested_code.first_iterable(expr)])

    def check_assignment_expression(self, expr: AssignmentExpr) -> bool:
        target = expr.target
        if isinstance(target.node, Var) and facts.module_global(target, self.module) is None:
            self.check_local(target.name, target.node, target)
        self.check_fits(expr.value, facts.scalar_rtype(target.node.type) if isinstance(target.node, Var) else None,
                        "assignment")
        return self.check_all([expr.value])

    def check_comparison(self, expr: ComparisonExpr) -> bool:
        unsupported = [op for op in expr.operators if op not in facts.COMPARE_OPERATORS]
        for operator in unsupported:
            self.reject(expr, f"unsupported operator '{operator}'")
        for operator in expr.operators:
            if operator in facts.COMPARE_OPERATORS and not facts.COMPARE_OPERATORS[operator].is_scalar:
                self.box(expr, f"uses '{operator}'")
        return not unsupported and self.check_all(expr.operands)

    def is_module(self, expr: Expression) -> bool:
        return isinstance(expr, NameExpr) and isinstance(expr.node, MypyFile)

    def check_name(self, name: NameExpr) -> bool:
        if name.fullname in facts.CONSTANT_NAMES:
            if name.fullname == "builtins.None":
                self.box(name, "uses None as a value")
            return True
        if isinstance(name.node, Var):
            if facts.module_global(name, self.module) is None:
                self.check_local(name.name, name.node, name)
            return True
        self.minor_reasons.append((self.line_of(name), f"uses '{name.name}' as a value"))
        return True

    def check_call(self, call: CallExpr) -> bool:
        fullname = facts.callee_fullname(call.callee)
        callee = facts.module_function(call.callee, self.module)
        if any(kind not in (ARG_POS, ARG_NAMED) for kind in call.arg_kinds):
            self.reject(call, "star arguments in call")
            return False
        keywords = any(kind == ARG_NAMED for kind in call.arg_kinds)
        if callee is not None and not keywords:
            self.calls.append((call.line, fullname))
            self.check_native_arguments(call, callee)
        elif fullname in facts.PRIMITIVES_BY_FULLNAME and not keywords and facts.name_path(call.callee) is not None:
            if fullname in ("builtins.min", "builtins.max"):
                for argument in call.args:
                    self.check_fits(argument, self.rtype_of(call), f"{fullname.removeprefix('builtins.')}()")
        elif fullname != facts.FLOAT_CONSTRUCTOR or keywords or facts.name_path(call.callee) is None:
            self.box(call, f"calls {fullname.removeprefix('builtins.')}")
            if not isinstance(call.callee, NameExpr) and not self.check_expr_structure(call.callee):
                return False
        return self.check_all(call.args)

    def check_native_arguments(self, call: CallExpr, callee: FuncDef) -> None:
        signature = callee.type
        parameter_types: list[Type] = getattr(signature, "arg_types", [])
        for index, (argument, parameter) in enumerate(zip(call.args, parameter_types)):
            name = callee.arguments[index].variable.name
            self.check_fits(argument, facts.scalar_rtype(parameter), f"parameter '{name}' of {callee.name}()")
