"""Lowering of try/except/else and raise in boxed functions, as CPython 3.11 runs them.

An exception raised in the try body goes to the handler block (the builder's `handler`),
which takes it (CatchException) and makes it the handled exception (EnterHandler: what
sys.exc_info() shows and what a new exception's __context__ becomes). Each `except`
clause tests it in order; a clause's `as` name is deleted when the clause ends. Every way
out of a clause -- falling through, return, break, continue, an exception -- first restores
the previously handled exception (LeaveHandler); no match re-raises the exception as it was.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass

from mypy.nodes import Block, Lvalue, NameExpr, RaiseStmt, TryStmt, Var

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.builder import OpenBlock
from tpy2wasm.analysis.ir import Local, Raise, Register, Unwind
from tpy2wasm.analysis.ir_objects import (
    CatchException,
    ClearLocal,
    EnterHandler,
    ExceptionMatches,
    LeaveHandler,
    RestoreException,
)
from tpy2wasm.analysis.lower_objects import ObjectLowerer
from tpy2wasm.analysis.rtypes import BOOL, OBJECT


@dataclass(frozen=True)
class ActiveHandler:
    """An except clause being run: what to restore, and the `as` local to delete on exit."""

    saved: Register
    name: Local | None


class ExceptionLowerer(ObjectLowerer):
    active_handlers: list[ActiveHandler]

    @abstractmethod
    def lower_block(self, block: Block | None) -> None: ...

    @abstractmethod
    def store(self, target: Lvalue, value: Register) -> None: ...

    def leave_handlers(self, depth: int, line: int, until: int | None = None) -> None:
        """Leave the clauses entered since `depth` (up to `until`, innermost first), before a
        jump out of them."""
        for active in reversed(self.active_handlers[depth:until]):
            if active.name is not None:
                self.builder.emit(ClearLocal(active.name, line))
            self.builder.emit(LeaveHandler(active.saved, line))

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

        builder.activate(catch)
        exception = builder.emit_value(CatchException(self.register(OBJECT), line))
        saved = builder.emit_value(EnterHandler(self.register(OBJECT), exception, line))
        cleanup = builder.new_block()  # an exception while matching or in a clause
        builder.handler = cleanup
        # Blocks take their handler when activated, and `catch` was under the outer one: the
        # matching and a bare `except:` clause run in a block of their own, under `cleanup`.
        matching = builder.new_block()
        builder.goto(matching, line)
        builder.activate(matching)
        matched_all = False
        for classes, name, clause in zip(statement.types, statement.vars, statement.handlers):
            if classes is not None:
                matches = builder.emit_value(ExceptionMatches(builder.register(BOOL), exception,
                                                              self.lower_expr(classes), classes.line))
                then_block, next_test = builder.new_block(), builder.new_block()
                builder.branch(matches, then_block, next_test, line)
                builder.activate(then_block)
            self.lower_clause(clause, name, exception, ActiveHandler(saved, self.name_local(name)),
                              cleanup, after)
            if classes is None:
                matched_all = True
                break
            builder.activate(next_test)
        if not matched_all:  # goes on to `cleanup`, which leaves the handler
            builder.emit(RestoreException(exception, line))
            builder.terminate(Unwind(line))
        builder.handler = outer
        builder.activate(cleanup)
        builder.emit(LeaveHandler(saved, line))
        builder.terminate(Unwind(line))
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
