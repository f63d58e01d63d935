"""Lowering of try/except/else/finally, with and raise in native functions, and of the jumps that
leave them, as CPython 3.11 runs them.

An exception raised in the try body goes to the handler block (the builder's `handler`),
which takes it (CatchException) and makes it the handled exception (EnterHandler: what
sys.exc_info() shows and what a new exception's __context__ becomes). Each `except`
clause tests it in order; a clause's `as` name is deleted when the clause ends. Every way
out of a clause -- falling through, return, break, continue, an exception -- first restores
the previously handled exception (LeaveHandler); no match re-raises the exception as it was.

A `finally` body and a `with` block's exit are *cleanups*: lowered where the protected body falls
through, where an exception leaves it (with the exception being handled, then re-raised unless a
`with` exit suppressed it), and inline before each return, break or continue that leaves it --
the jump's *unwind*, which leaves except clauses, runs cleanups and releases loop iterators
innermost first, as CPython unwinds its blocks.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mypy.nodes import Block, NameExpr, RaiseStmt, TryStmt, Var, WithStmt

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.builder import OpenBlock
from tpy2wasm.analysis.ir import Local, Raise, Register, Unwind
from tpy2wasm.analysis.ir_objects import (
    CatchException,
    ClearLocal,
    CloseWith,
    EnterHandler,
    EnterWith,
    ExceptionMatches,
    ExitSuppresses,
    KeepAlive,
    LeaveHandler,
    RestoreException,
    UnpackedItem,
)
from tpy2wasm.analysis.lower_objects import ObjectLowerer
from tpy2wasm.analysis.rtypes import BOOL, OBJECT


@dataclass(frozen=True)
class ActiveHandler:
    """An except clause being run: what to restore, and the `as` local to delete on exit."""

    saved: Register
    name: Local | None


@dataclass(frozen=True)
class Loop:
    """A loop being lowered: where `continue` and `break` go, how many except clauses were
    active at it, and the iterator of a `for` loop over one."""

    continue_target: OpenBlock
    break_target: OpenBlock
    handler_depth: int
    iterator: Register | None


@dataclass(frozen=True)
class Cleanup:
    """A `finally` body or `with` exit that jumps out of its protected body run first, in the
    context of its statement: the handler, loops and except clauses around it."""

    run: Callable[[], None]
    handler: OpenBlock | None
    loop_depth: int
    handler_depth: int


#: What a protected body's cleanup does where an exception leaves it: None to re-raise it, or a
#: condition that suppresses it when true (a `with` exit that returned true).
OnException = Callable[[Register], Register | None]


class ExceptionLowerer(ObjectLowerer):
    active_handlers: list[ActiveHandler]
    loops: list[Loop]
    cleanups: list[Cleanup]

    @abstractmethod
    def lower_block(self, block: Block | None) -> None: ...

    def leave_handlers(self, depth: int, line: int, until: int | None = None) -> None:
        """Leave the clauses entered since `depth` (up to `until`, innermost first), before a
        jump out of them."""
        for active in reversed(self.active_handlers[depth:until]):
            if active.name is not None:
                self.builder.emit(ClearLocal(active.name, line))
            self.builder.emit(LeaveHandler(active.saved, line))

    def unwind(self, loop_depth: int, leaving: Sequence[Loop], handler_depth: int, line: int) -> bool:
        """What a jump does before it jumps, innermost first: leave the except clauses it is in
        down to `handler_depth`, run the cleanups entered inside the outer `loop_depth` loops,
        and release the iterators of the `leaving` loops (kept alive to here: CPython pops
        them here). False when a cleanup left by itself (a return or raise in a finally body):
        the jump is never reached."""
        depth = len(self.active_handlers)
        pending = [cleanup for cleanup in self.cleanups if cleanup.loop_depth >= loop_depth]
        for index in range(len(self.loops) - 1, -2, -1):
            while pending and pending[-1].loop_depth > index:
                cleanup = pending.pop()
                self.leave_handlers(cleanup.handler_depth, line, until=depth)
                depth = cleanup.handler_depth
                if not self.run_cleanup(cleanup, line):
                    return False
            if index >= 0 and self.loops[index] in leaving:
                loop = self.loops[index]
                self.leave_handlers(loop.handler_depth, line, until=depth)
                depth = loop.handler_depth
                if loop.iterator is not None:
                    self.builder.emit(KeepAlive((loop.iterator,), line))
        self.leave_handlers(handler_depth, line, until=depth)
        return True

    def run_cleanup(self, cleanup: Cleanup, line: int) -> bool:
        """Lower `cleanup` where a jump leaves its body, as if at its statement; whether the
        code goes on after it."""
        builder = self.builder
        outside = (builder.handler, self.loops, self.active_handlers, self.cleanups)
        builder.handler = cleanup.handler
        self.loops = self.loops[:cleanup.loop_depth]
        self.active_handlers = self.active_handlers[:cleanup.handler_depth]
        self.cleanups = self.cleanups[:next(index for index, entered in enumerate(self.cleanups)
                                            if entered is cleanup)]
        block = builder.new_block()  # blocks take their handler when activated
        builder.goto(block, line)
        builder.activate(block)
        cleanup.run()
        builder.handler, self.loops, self.active_handlers, self.cleanups = outside
        return builder.current is not None

    def protected(self, body: Callable[[], None], on_exit: Callable[[], None], on_exception: OnException,
                  line: int) -> None:
        """Lower `body` so that every way out of it runs a cleanup: `on_exit` where it falls
        through or a jump leaves it, `on_exception` where an exception does, that exception
        being handled (sys.exc_info()) meanwhile."""
        builder = self.builder
        outer = builder.handler
        exceptional, after, start = builder.new_block(), builder.new_block(), builder.new_block()
        self.cleanups.append(Cleanup(on_exit, outer, len(self.loops), len(self.active_handlers)))
        builder.handler = exceptional
        builder.goto(start, line)
        builder.activate(start)
        body()
        self.cleanups.pop()
        builder.handler = outer
        if builder.current is not None:
            fell_through = builder.new_block()
            builder.goto(fell_through, line)
            builder.activate(fell_through)
            on_exit()
            builder.goto(after, line)

        exception, saved, cleanup = self.catch(exceptional, line)
        self.active_handlers.append(ActiveHandler(saved, None))
        suppresses = on_exception(exception)
        self.active_handlers.pop()
        if builder.current is not None and suppresses is not None:
            suppressed, reraised = builder.new_block(), builder.new_block()
            builder.branch(suppresses, suppressed, reraised, line)
            builder.activate(suppressed)
            builder.emit(LeaveHandler(saved, line))
            builder.goto(after, line)
            builder.activate(reraised)
        self.reraise(exception, saved, cleanup, outer, line)
        builder.activate(after)

    def catch(self, handler: OpenBlock, line: int) -> tuple[Register, Register, OpenBlock]:
        """At a handler block: take the exception and make it the handled one; then go on in a
        block under a new handler, `cleanup` (an exception from there leaves the handler first)."""
        builder = self.builder
        builder.activate(handler)
        exception = builder.emit_value(CatchException(self.register(OBJECT), line))
        saved = builder.emit_value(EnterHandler(self.register(OBJECT), exception, line))
        cleanup = builder.new_block()
        builder.handler = cleanup
        # Blocks take their handler when activated, and `handler` was under the outer one.
        go_on = builder.new_block()
        builder.goto(go_on, line)
        builder.activate(go_on)
        return exception, saved, cleanup

    def reraise(self, exception: Register, saved: Register, cleanup: OpenBlock, outer: OpenBlock | None,
                line: int) -> None:
        """Where the current block goes on, raise `exception` again as it was; `cleanup` leaves
        the handler on the way out to `outer`."""
        builder = self.builder
        if builder.current is not None:
            builder.emit(RestoreException(exception, line))
            builder.terminate(Unwind(line))
        builder.handler = outer
        builder.activate(cleanup)
        builder.emit(LeaveHandler(saved, line))
        builder.terminate(Unwind(line))

    def lower_try_finally(self, statement: TryStmt) -> None:
        """The finally body runs on every way out of the rest of the statement, except clauses
        and else clause included; on an exception, the exception goes on after it."""
        final = statement.finally_body

        def run_final() -> None:
            self.lower_block(final)

        def body() -> None:
            if statement.handlers:
                self.lower_try(statement)
            else:
                self.lower_block(statement.body)

        self.protected(body, run_final, lambda exception: run_final(), statement.line)

    def lower_with(self, statement: WithStmt, index: int) -> None:
        """`with a as x, b:` is `with a as x: with b:`. BEFORE_WITH looks up the manager's
        __enter__ and __exit__ and calls __enter__; the target is stored inside the protected
        body; __exit__ gets (None, None, None) on the way out, or the exception, which its true
        result suppresses."""
        if index == len(statement.expr):
            self.lower_block(statement.body)
            return
        line = statement.line
        entered = self.builder.emit_value(EnterWith(self.register(OBJECT), self.lower_expr(statement.expr[index]),
                                                    line))
        exit_method, value = (self.builder.emit_value(UnpackedItem(self.register(OBJECT), entered, item, line))
                              for item in (0, 1))
        target = statement.target[index]

        def body() -> None:
            if target is not None:
                self.store(target, value)
            self.lower_with(statement, index + 1)

        def on_exit() -> None:
            self.builder.emit(CloseWith(self.register(OBJECT), exit_method, line))

        def on_exception(exception: Register) -> Register:
            return self.builder.emit_value(ExitSuppresses(self.builder.register(BOOL), exit_method, exception, line))

        self.protected(body, on_exit, on_exception, line)

    def lower_raise(self, statement: RaiseStmt) -> None:
        exception = None if statement.expr is None else self.lower_expr(statement.expr)
        cause = None if statement.from_expr is None else self.lower_expr(statement.from_expr)
        self.builder.terminate(Raise(exception, cause, statement.line))

    def lower_try(self, statement: TryStmt) -> None:
        line, builder = statement.line, self.builder
        outer = builder.handler
        catch, after, body = builder.new_block(), builder.new_block(), builder.new_block()
        builder.handler = catch
        builder.goto(body, line)
        builder.activate(body)
        self.lower_block(statement.body)
        builder.handler = outer
        if builder.current is not None:  # `else` runs outside the try's protection
            else_block = builder.new_block()
            builder.goto(else_block, line)
            builder.activate(else_block)
            self.lower_block(statement.else_body)
            builder.goto(after, line)

        exception, saved, cleanup = self.catch(catch, line)  # matching and clauses run under `cleanup`
        for classes, name, clause in zip(statement.types, statement.vars, statement.handlers):
            if classes is not None:
                matches = builder.emit_value(ExceptionMatches(builder.register(BOOL), exception,
                                                              self.lower_expr(classes), classes.line))
                then_block, next_test = builder.new_block(), builder.new_block()
                builder.branch(matches, then_block, next_test, line)
                builder.activate(then_block)
            self.lower_clause(clause, name, exception, ActiveHandler(saved, self.name_local(name)),
                              cleanup, after)
            if classes is None:  # a bare `except:` matches all
                break
            builder.activate(next_test)
        self.reraise(exception, saved, cleanup, outer, line)  # no clause matched
        builder.activate(after)

    def name_local(self, name: NameExpr | None) -> Local | None:
        if name is None or not isinstance(name.node, Var) or facts.module_global(name, self.module):
            return None
        return self.local(name.name, name.node)

    def lower_clause(self, clause: Block, name: NameExpr | None, exception: Register,
                     active: ActiveHandler, cleanup: OpenBlock, after: OpenBlock) -> None:
        builder, line = self.builder, clause.line
        if name is not None:
            self.store(name, exception)
        if active.name is not None:  # an exception in the clause deletes the name, then cleans up
            unbind = builder.new_block()
            builder.handler = unbind
        self.active_handlers.append(active)
        self.lower_block(clause)
        self.active_handlers.pop()
        if builder.current is not None:
            if active.name is not None:
                builder.emit(ClearLocal(active.name, line))
            builder.emit(LeaveHandler(active.saved, line))
            builder.goto(after, line)
        if active.name is not None:
            builder.handler = cleanup
            builder.activate(unbind)
            builder.emit(ClearLocal(active.name, line))
            builder.terminate(Unwind(line))
