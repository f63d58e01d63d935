"""The typed IR of the native core.

A function is a list of basic blocks; each block holds straight-line ops and
ends in exactly one terminator. Ops write their result to a fresh `Register`
(single assignment); Python locals are mutable `Local` slots accessed through
LoadLocal/StoreLocal, so control-flow joins need no phi nodes. Every op knows
its source line and whether it may raise (its error kind); the exceptions pass
(analysis/exceptions.py) gives each op and terminator that may raise its error edge, the one
place codegen reads where a failure goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union, final

from tpy2wasm.analysis.rtypes import FLOAT_WORD, INT_WORD, NONE, RType, is_small_int


class ErrorKind(Enum):
    """Whether an op can raise a Python exception that codegen must propagate."""

    NEVER = "never"
    MAY_RAISE = "may_raise"


class BinaryOperator(Enum):
    ADD = "+"
    SUB = "-"
    MUL = "*"
    TRUE_DIV = "/"
    FLOOR_DIV = "//"
    MOD = "%"
    POW = "**"
    LSHIFT = "<<"
    RSHIFT = ">>"
    BIT_AND = "&"
    BIT_OR = "|"
    BIT_XOR = "^"


class UnaryOperator(Enum):
    NEG = "-"
    POS = "+"
    NOT = "not"
    INVERT = "~"


class CompareOperator(Enum):
    EQ = "=="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    # Identity and membership: on objects only.
    IS = "is"
    IS_NOT = "is not"
    IN = "in"
    NOT_IN = "not in"

    @property
    def is_scalar(self) -> bool:
        """Whether words compare with it inline (identity and membership need objects)."""
        return self not in (CompareOperator.IS, CompareOperator.IS_NOT, CompareOperator.IN,
                            CompareOperator.NOT_IN)


@final
@dataclass(frozen=True)
class Register:
    """A single-assignment temporary holding an op's result."""

    number: int
    type: RType

    def __str__(self) -> str:
        return f"r{self.number}"


@final
@dataclass(frozen=True)
class Local:
    """A Python local variable (or a compiler temporary) with a fixed runtime type."""

    name: str
    type: RType


@final
@dataclass(frozen=True)
class Position:
    """The source span CPython's code object gives the instruction that raised: columns are
    UTF-8 byte offsets, as in `co_positions()`, from which traceback.py draws its carets."""

    line: int
    end_line: int
    column: int
    end_column: int


@final
@dataclass(frozen=True)
class ErrorEdge:
    """Where an op or terminator that raised goes: `handler`, the block that takes the
    exception, or out of the function (None), with this frame's traceback entry added."""

    handler: str | None


@dataclass(frozen=True)
class Located:
    """Where the op or terminator came from: the span of the expression (or statement) it
    was lowered for, stamped by the builder; None for hand-made IR. Not part of its identity.
    `error`: its error edge, from the exceptions pass; None before it, and for what cannot raise."""

    position: Position | None = field(default=None, kw_only=True, compare=False, repr=False)
    error: ErrorEdge | None = field(default=None, kw_only=True, compare=False, repr=False)

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.NEVER


class Op(Located):
    """Base of all ops: the result register `dest` (if any), line and error kind."""

    line: int
    dest: Register | None

    @property
    def type(self) -> RType:
        dest = self.dest
        return NONE if dest is None else dest.type


@final
@dataclass(frozen=True)
class LoadConst(Op):
    """A literal: None and bools are CPython's singletons, a float word or a small int word is
    a constant; any other needs an object, made (and cached) on first use, which may fail."""

    dest: Register
    value: int | float | bool | str | None
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        if self.value is None or isinstance(self.value, bool) or self.dest.type is FLOAT_WORD:
            return ErrorKind.NEVER
        small = isinstance(self.value, int) and self.dest.type is INT_WORD and is_small_int(self.value)
        return ErrorKind.NEVER if small else ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class LoadLocal(Op):
    """Read a local; UnboundLocalError when it may be unbound here (the exceptions pass clears
    `may_be_unbound` where every path to the load assigns the local first)."""

    dest: Register
    local: Local
    line: int
    may_be_unbound: bool = True

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE if self.may_be_unbound else ErrorKind.NEVER


@final
@dataclass(frozen=True)
class StoreLocal(Op):
    local: Local
    source: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class LoadGlobal(Op):
    """Read a module global: any name, looked up in the module and then in builtins, as
    LOAD_GLOBAL does (NameError); an int word's small int from the site's cache."""

    dest: Register
    module: str
    name: str
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class StoreGlobal(Op):
    module: str
    name: str
    source: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE  # the module's dict may fail to grow (the emitter tests the status)


@final
@dataclass(frozen=True)
class Binary(Op):
    """Arithmetic on words (an inline fast path, CPython's operation otherwise) or objects
    (CPython's operation): `lower_expr.word_result` gives the result's type."""

    dest: Register
    operator: BinaryOperator
    left: Register
    right: Register
    line: int
    # `x op= y`: CPython's in-place operation (lists extend in place).
    inplace: bool = False

    @property
    def error_kind(self) -> ErrorKind:
        # CPython's operation runs whenever an operand is not in its fast form.
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class Unary(Op):
    dest: Register
    operator: UnaryOperator
    operand: Register
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class Compare(Op):
    """Compare two words (inline on their fast forms) or objects (CPython's rich comparison),
    giving a branch condition (BOOL), a bool word or CPython's result object."""

    dest: Register
    operator: CompareOperator
    left: Register
    right: Register
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class Goto(Located):
    target: str
    line: int


@final
@dataclass(frozen=True)
class Branch(Located):
    """Jump to `if_true` when the bool register `condition` is true."""

    condition: Register
    if_true: str
    if_false: str
    line: int


@final
@dataclass(frozen=True)
class Return(Located):
    """Return `value`, or None when the function's return type is None."""

    value: Register | None
    line: int


@final
@dataclass(frozen=True)
class Raise(Located):
    """`raise exception [from cause]`; with no exception, re-raise the one being handled
    (bare `raise`), which adds no traceback entry, as in CPython. Native functions only."""

    exception: Register | None
    cause: Register | None
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class Unwind(Located):
    """Go on propagating the exception already set (after a handler's cleanup)."""

    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class ForIter(Located):
    """`for` step: store the iterator's next item in `item` and go to `body`, or go to
    `exit` when it is exhausted (an exception from the iterator propagates)."""

    iterator: Register
    item: Local
    body: str
    exit: str
    line: int

    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


Terminator = Union[Goto, Branch, Return, Raise, Unwind, ForIter]


def successors(terminator: Terminator) -> tuple[str, ...]:
    """The blocks a terminator goes to normally (an exception's go by error edges)."""
    if isinstance(terminator, Goto):
        return (terminator.target,)
    if isinstance(terminator, Branch):
        return (terminator.if_true, terminator.if_false)
    if isinstance(terminator, ForIter):
        return (terminator.body, terminator.exit)
    return ()


@final
@dataclass(frozen=True)
class BasicBlock:
    """`handler` is the block an exception raised by one of the ops jumps to (after adding
    this function's traceback entry); None: it leaves the function."""

    label: str
    ops: tuple[Op, ...]
    terminator: Terminator
    handler: str | None = None


@final
@dataclass(frozen=True)
class FunctionIR:
    name: str
    qualname: str
    module: str
    args: tuple[Local, ...]
    return_type: RType
    blocks: tuple[BasicBlock, ...]  # blocks[0] is the entry block
    line: int

    @property
    def key(self) -> str:
        """How the runtime names it (the decorator's and the native table's key): "module.qualname"."""
        return f"{self.module}.{self.qualname}"
