"""Check the expressions of one function against the native core's rules.

Native code runs any expression it can lower: int/float/bool operations on words with inline
fast paths, everything else (calls of dynamic code, strings, attributes, items, identity and
membership) through CPython's own operations. Which operations take which path is read from
the IR (`generic_paths.py`); what is checked here are the constructs native code does not
support, which keep the function in the interpreter with the reason.
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

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis import nested_code
from tpy2wasm.analysis.report import FunctionVerdict
from tpy2wasm.analysis.typed_ast import TypedProgram

OBJECTS_STAY = "dicts, sets, tuples and objects of classes from outside the program stay in the interpreter, which is faster at them"


def describe_construct(node: Node) -> str:
    """`TryStmt` -> `try statement`, `ListComprehension` -> `list comprehension`."""
    if isinstance(node, (FuncDef, ClassDef)):
        return f"nested {'function' if isinstance(node, FuncDef) else 'class'}"
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower().split()
    expanded = {"stmt": "statement", "expr": "expression", "def": "definition"}
    return " ".join(expanded.get(word, word) for word in words)


class ExpressionChecker:
    """Collects the reasons a function is not native."""

    def __init__(self, func: FuncDef, module: MypyFile, program: TypedProgram,
                 verdict: FunctionVerdict) -> None:
        self.func = func
        self.module = module
        self.types = program.types
        self.program_modules = program.modules.keys()
        self.verdict = verdict
        # Parameters are checked with the signature, not again as locals; range counters hold ints.
        self.checked_locals = {argument.variable.name for argument in func.arguments} | facts.range_counters(func)
        # mypy's nodes for an f-string's parts have no line: they take their statement's.
        self.statement_line = func.line

    def line_of(self, node: Node) -> int:
        return node.line if node.line > 0 else self.statement_line

    def reject(self, node: Node, message: str) -> None:
        self.verdict.reject(self.line_of(node), message)

    def check_local(self, name: str, var: Var, where: Node) -> None:
        if name in self.checked_locals:
            return
        self.checked_locals.add(name)
        if var.type is not None and facts.word_type(var.type) is None and not facts.is_boxable(var.type, self.program_modules):
            self.reject(where, f"local '{name}' has type {var.type}: {OBJECTS_STAY}")

    def check_all(self, exprs: list[Expression]) -> bool:
        results = [self.check_expr(expr) for expr in exprs]
        return all(results)

    def check_expr(self, expr: Expression) -> bool:
        """Whether `expr` is well formed, with a reason for each part that is not."""
        if isinstance(expr, (IntExpr, FloatExpr, StrExpr)):
            return True
        if isinstance(expr, NameExpr):
            return self.check_name(expr)
        if isinstance(expr, MemberExpr) and self.is_mangled(expr.name):
            self.reject(expr, f"attribute '{expr.name}' is a private name, which CPython mangles in a class")
            return False
        if isinstance(expr, MemberExpr):
            return self.check_all([expr.expr]) if not self.is_module(expr.expr) else True
        if isinstance(expr, OpExpr):
            if expr.op not in facts.BINARY_OPERATORS and expr.op not in facts.BOOLEAN_OPERATORS:
                self.reject(expr, f"unsupported operator '{expr.op}'")
                return False
            return self.check_all([expr.left, expr.right])
        if isinstance(expr, UnaryExpr):
            return self.check_all([expr.expr])
        if isinstance(expr, ComparisonExpr):
            return self.check_comparison(expr)
        if isinstance(expr, ConditionalExpr):
            return self.check_all([expr.cond, expr.if_expr, expr.else_expr])
        if isinstance(expr, CallExpr):
            return self.check_call(expr)
        if isinstance(expr, AssignmentExpr):
            return self.check_assignment_expression(expr)
        if isinstance(expr, IndexExpr):
            return self.check_all([expr.base, expr.index])
        if isinstance(expr, SliceExpr):
            parts = [part for part in (expr.begin_index, expr.end_index, expr.stride) if part is not None]
            return self.check_all(parts)
        if isinstance(expr, DictExpr) and any(key is None for key, _ in expr.items):
            self.reject(expr, "unsupported construct: ** in a dict display")
            return False
        if isinstance(expr, DictExpr):
            return self.check_all([part for pair in expr.items for part in pair if part is not None])
        if isinstance(expr, (TupleExpr, ListExpr)):
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
            return self.check_all([argument.initializer for argument in expr.arguments
                                   if argument.initializer is not None])
        return self.check_all([nested_code.first_iterable(expr)])

    def check_assignment_expression(self, expr: AssignmentExpr) -> bool:
        target = expr.target
        if isinstance(target.node, Var) and facts.module_global(target, self.module) is None:
            self.check_local(target.name, target.node, target)
        return self.check_all([expr.value])

    def check_comparison(self, expr: ComparisonExpr) -> bool:
        unsupported = [op for op in expr.operators if op not in facts.COMPARE_OPERATORS]
        for operator in unsupported:
            self.reject(expr, f"unsupported operator '{operator}'")
        return not unsupported and self.check_all(expr.operands)

    def is_module(self, expr: Expression) -> bool:
        return facts.names_module(expr)

    def is_mangled(self, name: str) -> bool:
        """Whether CPython compiles `name` in this function as `_Class<name>` (a method's private name)."""
        return bool(self.func.info) and name.startswith("__") and not name.endswith("__")

    def check_name(self, name: NameExpr) -> bool:
        if self.is_mangled(name.name):
            self.reject(name, f"name '{name.name}' is a private name, which CPython mangles in a class")
            return False
        if isinstance(name.node, Var) and name.fullname not in facts.CONSTANT_NAMES \
                and facts.module_global(name, self.module) is None:
            self.check_local(name.name, name.node, name)
        return True

    def check_call(self, call: CallExpr) -> bool:
        if any(kind not in (ARG_POS, ARG_NAMED) for kind in call.arg_kinds):
            self.reject(call, "star arguments in call")
            return False
        if not isinstance(call.callee, NameExpr) and not self.check_expr(call.callee):
            return False
        return self.check_all(call.args)
