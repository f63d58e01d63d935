"""Lower each native function's mypy AST to a FunctionIR.

Only functions the nativeness report marks native are lowered, so every
construct met here has already been accepted by `function_checker.py`.
Statements are handled here; expressions and conditions in `lower_expr.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mypy.nodes import (
    ARG_POS,
    AssertStmt,
    AssignmentStmt,
    Block,
    BreakStmt,
    CallExpr,
    ContinueStmt,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    Lvalue,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    RaiseStmt,
    ReturnStmt,
    Statement,
    TryStmt,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.types import Type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.builder import OpenBlock
from tpy2wasm.analysis.ir import (
    CompareOperator,
    ForIter,
    FunctionIR,
    LoadConst,
    Local,
    Register,
    Return,
    StoreLocal,
)
from tpy2wasm.analysis.ir_objects import CallDirect, CallNativeMethod, CallObject, ClearLocal, GetIter
from tpy2wasm.analysis.ir_ranges import CountAdd, CountCompare, IsCountedRange
from tpy2wasm.analysis.lower_exceptions import Loop
from tpy2wasm.analysis import lower_nested
from tpy2wasm.analysis.cells import insert_cells
from tpy2wasm.analysis.nested_code import cell_variables
from tpy2wasm.analysis.lower_objects import return_type
from tpy2wasm.analysis.lower_statements import StatementLowerer
from tpy2wasm.analysis.nativeness import COMPILER_FAILURE_REASON, native_definition
from tpy2wasm.analysis.report import NativenessReport
from tpy2wasm.analysis.rtypes import BOOL, INT_WORD, OBJECT
from tpy2wasm.analysis.typed_ast import TypedProgram


@dataclass(frozen=True)
class Counter:
    """The hidden counter of a range loop, its step, and the loop head that tests it."""

    value: Local
    step: Local
    head: OpenBlock


class FunctionLowerer(StatementLowerer):
    def __init__(self, func: FuncDef, module: MypyFile, types: dict[Expression, Type],
                 direct_callees: frozenset[str] = frozenset()) -> None:
        super().__init__(func, module, types)
        self.return_type = return_type(func)
        self.direct_callees = direct_callees
        self.loops = []
        self.active_handlers = []
        self.cleanups = []

    def lower_function(self) -> FunctionIR:
        func = self.func
        args = tuple(self.local(argument.variable.name, argument.variable)
                     for argument in func.arguments)
        self.builder.activate(self.builder.new_block())
        self.lower_block(func.body)
        if self.return_type is OBJECT:  # falling off the end returns None
            self.builder.terminate(Return(None, func.end_line or func.line))
        elif self.builder.current is not None:  # as the None object in the result's word
            line = func.end_line or func.line
            self.builder.terminate(Return(self.coerce(self.constant(None, line), self.return_type, line), line))
        blocks = self.builder.finish(func.fullname)
        qualname = f"{func.info.name}.{func.name}" if func.info else func.name  # a method's, or a function's
        function = FunctionIR(func.name, qualname, self.module.fullname, args, self.return_type,
                              blocks, func.line)
        return insert_cells(function, cell_variables(self.module.path, func))

    def lower_block(self, block: Block | None) -> None:
        if block is None or block.is_unreachable:
            return
        for statement in block.body:
            if self.builder.current is None:  # code after return/break/continue
                return
            self.lower_statement(statement)

    def lower_statement(self, statement: Statement) -> None:
        with self.builder.at(statement):
            self._lower_statement(statement)

    def _lower_statement(self, statement: Statement) -> None:
        line = statement.line
        if isinstance(statement, AssignmentStmt):
            self.lower_assignment(statement)
        elif isinstance(statement, OperatorAssignmentStmt):
            self.lower_augmented_assignment(statement)
        elif isinstance(statement, IfStmt):
            self.lower_if(statement)
        elif isinstance(statement, WhileStmt):
            self.lower_while(statement)
        elif isinstance(statement, ForStmt) and self.is_range_call(statement.expr):
            self.lower_for_range(statement)
        elif isinstance(statement, ForStmt):
            self.lower_for_iter(statement)
        elif isinstance(statement, (BreakStmt, ContinueStmt)):
            loop, leaves = self.loops[-1], isinstance(statement, BreakStmt)
            if self.unwind(len(self.loops), [loop] if leaves else [], loop.handler_depth, line):
                self.builder.goto(loop.break_target if leaves else loop.continue_target, line)
        elif isinstance(statement, ReturnStmt):
            self.lower_return(statement)
        elif isinstance(statement, TryStmt) and statement.finally_body is not None:
            self.lower_try_finally(statement)
        elif isinstance(statement, TryStmt):
            self.lower_try(statement)
        elif isinstance(statement, WithStmt):
            self.lower_with(statement, 0)
        elif isinstance(statement, RaiseStmt):
            self.lower_raise(statement)
        elif isinstance(statement, AssertStmt):
            self.lower_assert(statement)
        elif isinstance(statement, DelStmt):
            self.lower_delete(statement)
        elif isinstance(statement, FuncDef):
            lower_nested.nested_def(self, statement)
        elif isinstance(statement, ExpressionStmt) and isinstance(statement.expr, CallExpr):
            self.lower_dropped_call(statement.expr)
        # Docstrings, `pass` and `global` declarations produce no code.

    def lower_return(self, statement: ReturnStmt) -> None:
        value = None
        if statement.expr is not None:
            value = self.lower_as(statement.expr, self.return_type)
        if self.unwind(0, self.loops, 0, statement.line):
            self.builder.terminate(Return(value, statement.line))

    def lower_if(self, statement: IfStmt) -> None:
        join = self.builder.new_block()
        last = len(statement.expr) - 1
        for index, (condition, body) in enumerate(zip(statement.expr, statement.body)):
            then_block = self.builder.new_block()
            falls_to_join = index == last and statement.else_body is None
            next_block = join if falls_to_join else self.builder.new_block()
            self.lower_condition(condition, then_block, next_block)
            self.builder.activate(then_block)
            self.lower_block(body)
            self.builder.goto(join, statement.line)
            if next_block is not join:
                self.builder.activate(next_block)
        if statement.else_body is not None:
            self.lower_block(statement.else_body)
            self.builder.goto(join, statement.line)
        self.builder.activate(join)

    def lower_while(self, statement: WhileStmt) -> None:
        head, body = self.builder.new_block(), self.builder.new_block()
        exhausted, exit_block = self.loop_exits(statement.else_body)
        self.builder.goto(head, statement.line)
        self.builder.activate(head)
        self.lower_condition(statement.expr, body, exhausted)
        self.builder.activate(body)
        self.lower_loop_body(statement.body, head, exit_block, statement.line)
        self.finish_loop(statement.else_body, exhausted, exit_block, statement.line)

    def loop_exits(self, else_body: Block | None) -> tuple[OpenBlock, OpenBlock]:
        """Where a loop goes once its test is false or its iterator exhausted, and where `break`
        goes: one block, unless an else clause runs on the first way out only."""
        exit_block = self.builder.new_block()
        return (exit_block if else_body is None else self.builder.new_block()), exit_block

    def finish_loop(self, else_body: Block | None, exhausted: OpenBlock, exit_block: OpenBlock, line: int) -> None:
        if else_body is not None:
            self.builder.activate(exhausted)
            self.lower_block(else_body)
            self.builder.goto(exit_block, line)
        self.builder.activate(exit_block)

    def lower_loop_body(self, statements: Block, continue_target: OpenBlock,
                        break_target: OpenBlock, line: int, iterator: Register | None = None) -> None:
        self.loops.append(Loop(continue_target, break_target, len(self.active_handlers), iterator))
        self.lower_block(statements)
        self.loops.pop()
        self.builder.goto(continue_target, line)

    def lower_for_range(self, statement: ForStmt) -> None:
        """`for i in range(...)` on int arguments: the name `range` and the arguments are
        evaluated as CPython does; while `range` is the builtin and the arguments small, the loop
        counts on int words with a hidden counter and no range object (IsCountedRange), else it
        calls what `range` holds and goes through CPython's iterator. Both loop heads enter one
        body; its end goes back to the head the loop started with."""
        call = statement.expr
        assert isinstance(call, CallExpr), statement
        line = statement.line
        callee = self.lower_expr(call.callee)
        args = [self.word(arg) for arg in call.args]
        direction = _sign(facts.constant_int(call.args[2]) if len(call.args) == 3 else 1)
        small = self.builder.emit_value(IsCountedRange(self.builder.register(BOOL), callee, tuple(args), direction, line))
        # Zero on the iterator's path too, so every path to the shared body assigns the hidden
        # locals: their loads need no unbound test, and LLVM sees only small words in them.
        hidden = self.hidden_locals()
        zero = self.builder.emit_value(LoadConst(self.builder.register(INT_WORD), 0, line))
        for local in hidden:
            self.builder.emit(StoreLocal(local, zero, line))
        counted, iterated, body = (self.builder.new_block() for _ in range(3))
        exhausted, exit_block = self.loop_exits(statement.else_body)
        self.builder.branch(small, counted, iterated, line)
        self.builder.activate(counted)
        zero_or_start, *rest = args
        start = zero if len(args) == 1 else zero_or_start
        stop = zero_or_start if len(args) == 1 else rest[0]
        step = args[2] if len(args) == 3 else self.builder.emit_value(LoadConst(self.builder.register(INT_WORD), 1, line))
        item = self.builder.new_block()
        counter = self.count(hidden, start, stop, step, direction, item, exhausted, line)
        self.builder.activate(item)
        self.store(statement.index, self.load(counter.value, line))
        self.builder.goto(body, line)
        self.builder.activate(iterated)
        boxed = tuple(self.coerce(arg, OBJECT, line) for arg in args)
        range_object = self.builder.emit_value(CallObject(self.register(OBJECT), callee, boxed, (), line))
        iterator = self.builder.emit_value(GetIter(self.register(OBJECT), range_object, line))
        next_item = self.next_item(iterator, statement, exhausted, line)
        self.builder.goto(body, line)
        self.builder.activate(body)
        continue_target, increment = self.builder.new_block(), self.builder.new_block()
        self.lower_loop_body(statement.body, continue_target, exit_block, line, iterator)
        self.builder.activate(continue_target)
        self.builder.branch(small, increment, next_item, line)
        self.builder.activate(increment)
        self.advance(counter, line)
        self.finish_loop(statement.else_body, exhausted, exit_block, line)

    def is_range_call(self, expr: Expression) -> bool:
        """`range(...)` with 1 to 3 positional int arguments, `range` being the builtin where
        mypy looks."""
        return (isinstance(expr, CallExpr) and facts.callee_fullname(expr.callee) == "builtins.range"
                and 1 <= len(expr.args) <= 3 and all(kind == ARG_POS for kind in expr.arg_kinds)
                and all(self.static_word(arg) is INT_WORD for arg in expr.args))

    def hidden_locals(self) -> tuple[Local, Local, Local]:
        """A range loop's counter, stop and step, on int words."""
        temp = self.builder.temp
        return temp("counter", INT_WORD), temp("stop", INT_WORD), temp("step", INT_WORD)

    def count(self, hidden: tuple[Local, Local, Local], start: Register, stop: Register, step: Register,
              direction: int, body: OpenBlock, exit_block: OpenBlock, line: int) -> Counter:
        """Keep a range loop's bounds in its `hidden` locals and test the counter at a new loop
        head: `body` while it is in range, else `exit_block`. `direction` is the sign of a literal
        step (0: known only at run time, when the step's sign says which way the loop counts)."""
        counter, limit, step_local = hidden
        self.builder.emit(StoreLocal(step_local, step, line))
        self.builder.emit(StoreLocal(counter, start, line))
        self.builder.emit(StoreLocal(limit, stop, line))
        head = self.builder.new_block()
        self.builder.goto(head, line)
        self.builder.activate(head)
        if direction:
            in_range = CompareOperator.LT if direction > 0 else CompareOperator.GT
            more = self.count_compare(in_range, self.load(counter, line), self.load(limit, line), line)
            self.builder.branch(more, body, exit_block, line)
        else:
            upward, downward = self.builder.new_block(), self.builder.new_block()
            current_step = self.load(step_local, line)
            zero = self.builder.emit_value(LoadConst(self.builder.register(step.type), 0, line))
            positive = self.count_compare(CompareOperator.GT, current_step, zero, line)
            self.builder.branch(positive, upward, downward, line)
            for block, in_range in ((upward, CompareOperator.LT), (downward, CompareOperator.GT)):
                self.builder.activate(block)
                more = self.count_compare(in_range, self.load(counter, line), self.load(limit, line), line)
                self.builder.branch(more, body, exit_block, line)
        return Counter(counter, step_local, head)

    def advance(self, counter: Counter, line: int) -> None:
        """`counter += step`, then back to the loop head."""
        current, step = self.load(counter.value, line), self.load(counter.step, line)
        next_value = self.builder.emit_value(CountAdd(self.builder.register(INT_WORD), current, step, line))
        self.builder.emit(StoreLocal(counter.value, next_value, line))
        self.builder.goto(counter.head, line)

    def count_compare(self, operator: CompareOperator, left: Register, right: Register, line: int) -> Register:
        """A range loop's test: on the small words of a counted range."""
        return self.builder.emit_value(CountCompare(self.builder.register(BOOL), operator, left, right, line))

    def lower_for_iter(self, statement: ForStmt) -> None:
        """`for x in iterable` through the iterator protocol, as CPython runs it."""
        line = statement.line
        iterator = self.builder.emit_value(GetIter(self.register(OBJECT), self.lower_expr(statement.expr), line))
        exhausted, exit_block = self.loop_exits(statement.else_body)
        head = self.next_item(iterator, statement, exhausted, line)
        self.lower_loop_body(statement.body, head, exit_block, line, iterator)
        self.finish_loop(statement.else_body, exhausted, exit_block, line)

    def next_item(self, iterator: Register, statement: ForStmt, exit_block: OpenBlock, line: int) -> OpenBlock:
        """A loop head that takes the iterator's next item, or goes to `exit_block` once it is
        exhausted; on return the current block is the one where the loop's target holds the item."""
        # The item goes straight into a local, as FOR_ITER then STORE_FAST (into a word local
        # converted as ToWord does); into any other target through a temporary, emptied before
        # the store so it holds no extra reference (an unpacked item dies at the unpacking,
        # before the targets are stored).
        target = self.target_local(statement.index)
        item = self.temp("item") if target is None else target
        head, body = self.builder.new_block(), self.builder.new_block()
        self.builder.goto(head, line)
        self.builder.activate(head)
        self.builder.terminate(ForIter(iterator, item, body.label, exit_block.label, line))
        self.builder.activate(body)
        if target is None:
            value = self.load(item, line)
            self.builder.emit(ClearLocal(item, line))
            self.store(statement.index, value)
        return head

    def target_local(self, target: Lvalue) -> Local | None:
        """The local `target` names, if it is one."""
        if not (isinstance(target, NameExpr) and isinstance(target.node, Var) and self.is_local(target)):
            return None
        return self.local(target.name, target.node)


def _sign(value: int | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


#: LLVM's wasm backend takes minutes on a native function much larger than this (every value a
#: stack slot, every operation a branch to its error path), for little gain over the interpreter.
MAX_OPS = 1000


def lower_program(program: TypedProgram, report: NativenessReport) -> list[FunctionIR]:
    """FunctionIR for every native function in the report, in report order. A function whose
    lowering fails stays in the interpreter (its verdict says why), and its callers that called
    its direct entry are lowered again."""
    lowered: dict[str, FunctionIR] = {}
    while True:
        failed = False
        native = frozenset(f"{verdict.module}.{verdict.qualname}" for verdict in report.native_functions())
        for verdict in report.native_functions():
            key = f"{verdict.module}.{verdict.qualname}"
            if key in lowered and direct_callees(lowered[key]) <= native:
                continue
            module = program.modules[verdict.module]
            func = native_definition(module, verdict.qualname)
            try:
                function = FunctionLowerer(func, module, program.types, native).lower_function()
            except Exception as error:  # a lowering bug, confined to this function
                verdict.reject(verdict.line, f"{COMPILER_FAILURE_REASON}: {type(error).__name__}: {error}")
                failed = True
                continue
            size = sum(len(block.ops) + 1 for block in function.blocks)
            if size > MAX_OPS:
                verdict.reject(verdict.line, f"it is too large to compile natively "
                                             f"({size} operations, more than {MAX_OPS})")
                failed = True
            else:
                lowered[key] = function
        if not failed:
            return [lowered[f"{verdict.module}.{verdict.qualname}"] for verdict in report.native_functions()]


def direct_callees(function: FunctionIR) -> set[str]:
    """The functions whose direct entries `function` calls: they must stay native."""
    return {op.function for block in function.blocks for op in block.ops if isinstance(op, (CallDirect, CallNativeMethod))}
