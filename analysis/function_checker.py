"""Check one function's signature and statements against the native core's rules.

A function is native when its signature is annotated (no Any) and its body uses only
constructs `lower.py` translates; its int/float/bool values are words with inline fast paths
and everything else is an object CPython's own operations work on (see `expression_checker.py`).
"""

from __future__ import annotations


from mypy.nodes import (
    ARG_OPT,
    ARG_POS,
    AssertStmt,
    AssignmentStmt,
    Block,
    BreakStmt,
    CallExpr,
    ContinueStmt,
    DelStmt,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GlobalDecl,
    IfStmt,
    IndexExpr,
    ListExpr,
    Lvalue,
    MemberExpr,
    NameExpr,
    OperatorAssignmentStmt,
    PassStmt,
    RaiseStmt,
    ReturnStmt,
    StarExpr,
    Statement,
    StrExpr,
    TryStmt,
    TempNode,
    TupleExpr,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.types import AnyType, CallableType, Type, TypeOfAny, get_proper_type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis import nested_code
from tpy2wasm.analysis.expression_checker import OBJECTS_STAY, ExpressionChecker, describe_construct


class FunctionChecker(ExpressionChecker):
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
            declared = signature.arg_types[index] if signature else None
            if argument.initializer is not None and not facts.is_literal(argument.initializer):
                self.reject(func, f"parameter '{name}' has a default that is not "
                                  "an int/float/bool/None literal")
            self.check_declared_type(f"parameter '{name}'", declared)
        self.check_declared_type("return", signature.ret_type if signature else None)

    def check_declared_type(self, what: str, declared: Type | None) -> None:
        proper = get_proper_type(declared)
        if proper is None or (isinstance(proper, AnyType)
                              and proper.type_of_any == TypeOfAny.unannotated):
            self.reject(self.func, f"{what} has no annotation")
        elif isinstance(proper, AnyType):
            self.reject(self.func, f"{what} has type Any")
        elif facts.word_type(declared) is None and not facts.is_boxable(declared, self.program_modules):
            self.reject(self.func, f"{what} has type {declared}: {OBJECTS_STAY}")

    # Statements

    def check_block(self, block: Block | None) -> None:
        """Check reachable statements only: mypy does not type unreachable code,
        and the lowering skips it too."""
        if block is None or block.is_unreachable:
            return
        for statement in block.body:
            self.check_statement(statement)
            if isinstance(statement, (ReturnStmt, BreakStmt, ContinueStmt, RaiseStmt)):
                return

    def check_statement(self, statement: Statement) -> None:
        self.statement_line = statement.line
        if isinstance(statement, AssignmentStmt):
            self.check_assignment(statement)
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
            self.check_expr(statement.expr)
            self.check_block(statement.body)
            self.check_block(statement.else_body)
        elif isinstance(statement, ForStmt):
            self.check_for(statement)
        elif isinstance(statement, ReturnStmt):
            self.check_return(statement)
        elif isinstance(statement, ExpressionStmt):
            self.check_expression_statement(statement)
        elif isinstance(statement, GlobalDecl):
            self.check_global_decl(statement)
        elif isinstance(statement, TryStmt):
            self.check_try(statement)
        elif isinstance(statement, WithStmt):
            self.check_with(statement)
        elif isinstance(statement, RaiseStmt):
            self.check_all([expr for expr in (statement.expr, statement.from_expr) if expr is not None])
        elif isinstance(statement, AssertStmt):
            self.check_all([statement.expr, *([statement.msg] if statement.msg is not None else [])])
        elif isinstance(statement, DelStmt):
            self.check_delete(statement)
        elif isinstance(statement, FuncDef):
            self.check_nested_def(statement)
        elif not isinstance(statement, (BreakStmt, ContinueStmt, PassStmt)):
            self.reject(statement, f"unsupported construct: {describe_construct(statement)}")

    def check_nested_def(self, statement: FuncDef) -> None:
        """A `def` makes CPython's code into a function, binding a local: what is checked is
        what the enclosing function evaluates (defaults; annotations, which nested_code checks)."""
        found = nested_code.find_nested_def(self.module.path, self.func, statement)
        if isinstance(found, str):
            self.reject(statement, found)
            return
        self.check_all([argument.initializer for argument in statement.arguments if argument.initializer is not None])

    def check_assignment(self, statement: AssignmentStmt) -> None:
        """`a = b = v` assigns one value to each target in turn; a display into a display of
        its length (`a, b = b, a + b`) assigns item by item and builds nothing; any other value
        into a tuple or list of targets is unpacked, which takes objects."""
        for lvalue in statement.lvalues:
            self.check_target(lvalue)
        if isinstance(statement.rvalue, TempNode):  # `x: int` declares and computes nothing
            return
        self.check_expr(statement.rvalue)

    def check_delete(self, statement: DelStmt) -> None:
        targets = statement.expr.items if isinstance(statement.expr, TupleExpr) else [statement.expr]
        for target in targets:
            if isinstance(target, NameExpr) and isinstance(target.node, Var) \
                    and facts.module_global(target, self.module) is None:
                self.check_local(target.name, target.node, target)
            elif not (isinstance(target, NameExpr) and isinstance(target.node, Var)):
                self.reject(statement, f"unsupported construct: del of a {describe_construct(target)}")

    def check_return(self, statement: ReturnStmt) -> None:
        if statement.expr is not None:
            self.check_expr(statement.expr)

    def check_try(self, statement: TryStmt) -> None:
        self.check_block(statement.body)
        for classes, name, handler in zip(statement.types, statement.vars, statement.handlers):
            if classes is not None:
                self.check_expr(classes)
            if name is not None:  # holds the exception, whatever its class
                self.checked_locals.add(name.name)
                self.check_target(name)
            self.check_block(handler)
        self.check_block(statement.else_body)
        self.check_block(statement.finally_body)

    def check_with(self, statement: WithStmt) -> None:
        if statement.is_async:
            self.reject(statement, "unsupported construct: async with")
        for manager, target in zip(statement.expr, statement.target):
            self.check_expr(manager)
            if target is not None:
                self.check_target(target)
        self.check_block(statement.body)

    def check_for(self, statement: ForStmt) -> None:
        self.check_target(statement.index)
        self.check_expr(statement.expr)
        self.check_block(statement.body)
        self.check_block(statement.else_body)

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
            if not isinstance(node, Var):
                self.reject(statement, f"global '{name}' is not a variable")

    def check_target(self, lvalue: Lvalue) -> None:
        if isinstance(lvalue, (TupleExpr, ListExpr)):
            for item in lvalue.items:
                self.check_target(item)
        elif isinstance(lvalue, StarExpr):
            self.reject(lvalue, "unsupported construct: starred assignment target")
        elif isinstance(lvalue, IndexExpr):
            self.check_all([lvalue.base, lvalue.index])
        elif isinstance(lvalue, MemberExpr):
            self.check_expr(lvalue)
        elif isinstance(lvalue, NameExpr) and self.is_mangled(lvalue.name):
            self.reject(lvalue, f"name '{lvalue.name}' is a private name, which CPython mangles in a class")
        elif not isinstance(lvalue, NameExpr) or not isinstance(lvalue.node, Var):
            self.reject(lvalue, f"unsupported assignment target: {describe_construct(lvalue)}")
        elif facts.module_global(lvalue, self.module) is None:
            self.check_local(lvalue.name, lvalue.node, lvalue)
