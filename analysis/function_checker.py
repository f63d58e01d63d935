"""Check one function against the rules of the native typed core.

A function is a native candidate when its signature and every local are
int/float/bool (None as a return type), and its body uses only the constructs
that `lower.py` can translate. Whether its callees are native is settled
afterwards by `nativeness.py`.
"""

from __future__ import annotations

import re
from typing import Callable

from mypy.nodes import (
    ARG_OPT,
    ARG_POS,
    AssignmentStmt,
    Block,
    BreakStmt,
    CallExpr,
    ClassDef,
    ComparisonExpr,
    ConditionalExpr,
    ContinueStmt,
    Expression,
    ExpressionStmt,
    FloatExpr,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    IntExpr,
    Lvalue,
    MypyFile,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OpExpr,
    PassStmt,
    ReturnStmt,
    Statement,
    StrExpr,
    UnaryExpr,
    Var,
    WhileStmt,
)
from mypy.types import AnyType, CallableType, Type, TypeOfAny, get_proper_type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.report import FunctionVerdict
from tpy2wasm.analysis.rtypes import RType
from tpy2wasm.analysis.typed_ast import TypedProgram

SCALARS = "int/float/bool"


def describe_construct(node: Node) -> str:
    """`TryStmt` -> `try statement`, `ListComprehension` -> `list comprehension`."""
    if isinstance(node, (FuncDef, ClassDef)):
        return f"nested {'function' if isinstance(node, FuncDef) else 'class'}"
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).lower().split()
    expanded = {"stmt": "statement", "expr": "expression", "def": "definition"}
    return " ".join(expanded.get(word, word) for word in words)


class FunctionChecker:
    """Collects the reasons one function is not native, and the candidates it calls."""

    def __init__(self, func: FuncDef, module: MypyFile, program: TypedProgram,
                 verdict: FunctionVerdict) -> None:
        self.func = func
        self.module = module
        self.types = program.types
        self.verdict = verdict
        self.calls: list[tuple[int, str]] = []  # (line, fullname) of candidate callees
        # Parameters are checked with the signature, not again as locals.
        self.checked_locals = {argument.variable.name for argument in func.arguments}

    def reject(self, node: Node, message: str) -> None:
        self.verdict.reject(node.line, message)

    def check(self) -> None:
        self.check_signature()
        self.check_block(self.func.body)

    def check_signature(self) -> None:
        func = self.func
        signature = func.type if isinstance(func.type, CallableType) else None
        if func.is_generator or func.is_coroutine:
            self.reject(func, "generators and async functions are not native")
        for index, argument in enumerate(func.arguments):
            name = argument.variable.name
            if argument.kind not in (ARG_POS, ARG_OPT):
                self.reject(func, f"parameter '{name}' is *args, **kwargs or keyword-only")
            if argument.initializer is not None and not facts.is_literal(argument.initializer):
                self.reject(func, f"parameter '{name}' has a default that is not "
                                  "an int/float/bool/None literal")
            declared = signature.arg_types[index] if signature else None
            self.check_declared_type(f"parameter '{name}'", declared, facts.scalar_rtype, SCALARS)
        return_type = signature.ret_type if signature else None
        self.check_declared_type("return", return_type, facts.return_rtype, SCALARS + "/None")

    def check_declared_type(self, what: str, declared: Type | None,
                            to_rtype: Callable[[Type | None], RType | None], allowed: str) -> None:
        proper = get_proper_type(declared)
        if proper is None or (isinstance(proper, AnyType)
                              and proper.type_of_any == TypeOfAny.unannotated):
            self.reject(self.func, f"{what} has no annotation")
        elif to_rtype(declared) is None:
            self.reject(self.func, f"{what} has type {declared}, not {allowed}")

    # Statements

    def check_block(self, block: Block | None) -> None:
        """Check reachable statements only: mypy does not type unreachable code,
        and the lowering skips it too."""
        if block is None or block.is_unreachable:
            return
        for statement in block.body:
            self.check_statement(statement)
            if isinstance(statement, (ReturnStmt, BreakStmt, ContinueStmt)):
                return

    def check_statement(self, statement: Statement) -> None:
        if isinstance(statement, AssignmentStmt):
            if len(statement.lvalues) != 1:
                self.reject(statement, "unsupported construct: chained assignment")
            for lvalue in statement.lvalues:
                self.check_target(lvalue)
            self.check_expr(statement.rvalue)
        elif isinstance(statement, OperatorAssignmentStmt):
            if statement.op not in facts.BINARY_OPERATORS:
                self.reject(statement, f"unsupported operator '{statement.op}='")
            self.check_target(statement.lvalue)
            self.check_expr(statement.rvalue)
        elif isinstance(statement, IfStmt):
            for condition, body in zip(statement.expr, statement.body):
                self.check_expr(condition)
                self.check_block(body)
            self.check_block(statement.else_body)
        elif isinstance(statement, WhileStmt):
            self.check_loop_else(statement, statement.else_body)
            self.check_expr(statement.expr)
            self.check_block(statement.body)
        elif isinstance(statement, ForStmt):
            self.check_for(statement)
        elif isinstance(statement, ReturnStmt):
            if statement.expr is not None and not self.is_none_literal(statement.expr):
                self.check_expr(statement.expr)
        elif isinstance(statement, ExpressionStmt):
            self.check_expression_statement(statement)
        elif isinstance(statement, GlobalDecl):
            self.check_global_decl(statement)
        elif not isinstance(statement, (BreakStmt, ContinueStmt, PassStmt)):
            self.reject(statement, f"unsupported construct: {describe_construct(statement)}")

    def check_loop_else(self, statement: Statement, else_body: Block | None) -> None:
        if else_body is not None:
            self.reject(statement, "unsupported construct: else clause on a loop")

    def check_for(self, statement: ForStmt) -> None:
        self.check_loop_else(statement, statement.else_body)
        self.check_target(statement.index)
        call = statement.expr
        if not (isinstance(call, CallExpr) and facts.callee_fullname(call.callee) == "builtins.range"):
            self.reject(statement, "for loop is not over range(...)")
        elif not 1 <= len(call.args) <= 3 or any(kind != ARG_POS for kind in call.arg_kinds):
            self.reject(statement, "range() needs 1 to 3 positional arguments")
        else:
            for argument in call.args:
                self.check_expr(argument)
        self.check_block(statement.body)

    def check_expression_statement(self, statement: ExpressionStmt) -> None:
        is_docstring = self.func.body.body[0] is statement and isinstance(statement.expr, StrExpr)
        if isinstance(statement.expr, CallExpr):
            self.check_call(statement.expr)
        elif not is_docstring:
            self.reject(statement, "expression statement that is not a call")

    def check_global_decl(self, statement: GlobalDecl) -> None:
        for name in statement.names:
            symbol = self.module.names.get(name)
            node = symbol.node if symbol else None
            if not isinstance(node, Var) or facts.scalar_rtype(node.type) is None:
                kind = f"has type {node.type}" if isinstance(node, Var) else "is not a variable"
                self.reject(statement, f"global '{name}' {kind}, not {SCALARS}")

    def check_target(self, lvalue: Lvalue) -> None:
        if not isinstance(lvalue, NameExpr) or not isinstance(lvalue.node, Var):
            self.reject(lvalue, f"unsupported assignment target: {describe_construct(lvalue)}")
        elif facts.module_global(lvalue, self.module) is None:
            self.check_local(lvalue.name, lvalue.node, lvalue)

    def check_local(self, name: str, var: Var, where: Node) -> None:
        if name in self.checked_locals:
            return
        self.checked_locals.add(name)
        if facts.scalar_rtype(var.type) is None:
            self.reject(where, f"local '{name}' has type {var.type}, not {SCALARS}")

    # Expressions

    def is_none_literal(self, expr: Expression) -> bool:
        return isinstance(expr, NameExpr) and expr.fullname == "builtins.None"

    def check_expr(self, expr: Expression) -> None:
        """Check the structure first, so `eval(s)` says "calls eval" before "uses Any"."""
        if self.check_expr_structure(expr):
            self.check_expr_type(expr)

    def check_expr_type(self, expr: Expression) -> None:
        mypy_type = facts.expression_type(expr, self.types)
        if facts.is_any(mypy_type):
            self.reject(expr, "uses Any")
        elif facts.scalar_rtype(mypy_type) is None:
            self.reject(expr, f"expression has type {mypy_type}, not {SCALARS}")

    def check_expr_structure(self, expr: Expression) -> bool:
        if isinstance(expr, (IntExpr, FloatExpr)):
            return True
        if isinstance(expr, NameExpr):
            return self.check_name(expr)
        if isinstance(expr, OpExpr):
            if expr.op not in facts.BINARY_OPERATORS and expr.op not in facts.BOOLEAN_OPERATORS:
                self.reject(expr, f"unsupported operator '{expr.op}'")
                return False
            return self.check_all([expr.left, expr.right])
        if isinstance(expr, UnaryExpr):
            return self.check_all([expr.expr])
        if isinstance(expr, ComparisonExpr):
            unsupported = [op for op in expr.operators if op not in facts.COMPARE_OPERATORS]
            for operator in unsupported:
                self.reject(expr, f"unsupported operator '{operator}'")
            return not unsupported and self.check_all(expr.operands)
        if isinstance(expr, ConditionalExpr):
            return self.check_all([expr.cond, expr.if_expr, expr.else_expr])
        if isinstance(expr, CallExpr):
            return self.check_call(expr)
        self.reject(expr, f"unsupported construct: {describe_construct(expr)}")
        return False

    def check_all(self, exprs: list[Expression]) -> bool:
        results = [self.check_expr_structure(expr) for expr in exprs]
        for expr, ok in zip(exprs, results):
            if ok:
                self.check_expr_type(expr)
        return all(results)

    def check_name(self, name: NameExpr) -> bool:
        if name.fullname in facts.CONSTANT_NAMES:
            return True
        if isinstance(name.node, Var):
            if facts.module_global(name, self.module) is None:
                self.check_local(name.name, name.node, name)
            return True
        self.reject(name, f"uses '{name.name}' as a value")
        return False

    def check_call(self, call: CallExpr) -> bool:
        fullname = facts.callee_fullname(call.callee)
        callee = facts.module_function(call.callee, self.module)
        if any(kind != ARG_POS for kind in call.arg_kinds):
            self.reject(call, "keyword or star arguments in call")
            return False
        if callee is not None:
            self.calls.append((call.line, fullname))
        elif fullname not in facts.PRIMITIVES_BY_FULLNAME and fullname != facts.FLOAT_CONSTRUCTOR:
            self.reject(call, f"calls {fullname.removeprefix('builtins.')}")
            return False
        return self.check_all(call.args)
