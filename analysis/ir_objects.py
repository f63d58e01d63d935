"""Ops on objects (PyObject*) and on words, used by native functions alongside `ir.py`'s.

Each is one CPython operation with CPython's own error behaviour, so a native function
computes exactly what the interpreter would, without a bytecode loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import final

from tpy2wasm.analysis.ir import ErrorKind, Local, Op, Register


class _Raising(Op):
    @property
    def error_kind(self) -> ErrorKind:
        return ErrorKind.MAY_RAISE


@final
@dataclass(frozen=True)
class GetAttr(_Raising):
    """`obj.name`, into a word when `dest` is one: an instance's attribute read where it lies in
    its inline values while its class is unchanged, or (`of_module`: `obj` names an imported
    module) a module's from the site's cache while its dict is unchanged
    (codegen/instance_attributes.py); else CPython's lookup."""

    dest: Register
    obj: Register
    name: str
    line: int
    of_module: bool = False


@final
@dataclass(frozen=True)
class SetAttr(_Raising):
    """`obj.name = value`, a word boxed first (a float stored over a float only the instance
    holds overwrites it in place)."""

    obj: Register
    name: str
    value: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class BuildSlice(_Raising):
    """`start:stop:step` inside a subscript; a missing part is the None constant."""

    dest: Register
    start: Register
    stop: Register
    step: Register
    line: int


@final
@dataclass(frozen=True)
class BuildDict(_Raising):
    """`{k1: v1, ...}`: `items` alternates keys and values, in evaluation order."""

    dest: Register
    items: tuple[Register, ...]
    line: int


@final
@dataclass(frozen=True)
class GetItem(_Raising):
    """`obj[index]` as a value of `dest`'s type (a word converted as ToWord does). An int
    word `index` into an exact list reads the item in place (codegen/list_items.py); anything
    else is CPython's subscript on the boxed index."""

    dest: Register
    obj: Register
    index: Register
    line: int


@final
@dataclass(frozen=True)
class SetItem(_Raising):
    """`obj[index] = value`; a word `value` is boxed for the store (CPython's small ints, a
    new float), an int word `index` into an exact list stores in place (codegen/list_items.py)."""

    obj: Register
    index: Register
    value: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class CallObject(_Raising):
    """`callee(*args)`, the last `len(keywords)` arguments passed by those keyword names."""

    dest: Register
    callee: Register
    args: tuple[Register, ...]
    keywords: tuple[str, ...]
    line: int


@final
@dataclass(frozen=True)
class CallBuiltin(_Raising):
    """`callee(arg)` where the source calls the builtin function `builtin` (a key of
    mypy_facts.INLINE_BUILTINS: `builtins.len`, `math.sqrt`): while `callee` is that function
    itself, computed inline where it can be (a list's size, a double's square root:
    codegen/builtin_calls.py); else CPython's call of `callee` on the boxed argument, its result
    converted to `dest`'s type as ToWord does."""

    dest: Register
    callee: Register
    arg: Register
    builtin: str
    line: int


@final
@dataclass(frozen=True)
class GetMethod(_Raising):
    """LOAD_METHOD of `obj.name(...)` where no native method site applies (mypy knows an
    instance method of `obj`'s type, or nothing of it): when `in_place` (mypy says `obj` is a
    list and `name` is one of mypy_facts.LIST_METHODS), NULL for an exact list, whose method
    CallMethod applies in place; else what CPython's LOAD_METHOD finds: the type's method, which
    CallMethod calls with `obj` first, or any other attribute, called on the arguments alone,
    `obj`'s reference dropped at once as LOAD_METHOD drops it (wasm_runtime/native_methods.c).
    It may raise."""

    dest: Register
    obj: Register
    name: str
    in_place: bool
    line: int


@final
@dataclass(frozen=True)
class CallMethod(_Raising):
    """`obj.name(*args)` after GetMethod gave `method`: the list's own method in place when that
    is NULL (`in_place` as GetMethod's: codegen/list_items.py), else CPython's call of `method`,
    with `obj` first where GetMethod found it unbound, as CALL does after LOAD_METHOD."""

    dest: Register
    method: Register
    obj: Register
    name: str
    args: tuple[Register, ...]
    in_place: bool
    line: int


@final
@dataclass(frozen=True)
class CallDirect(_Raising):
    """`callee(*args)` where `callee` is the module global `function` names, a native
    function of this module given every parameter positionally: a call of its direct entry on
    words (`args` have its parameters' types, `dest` its return's) while the global still names
    that function's native object; else CPython's call of `callee` on the boxed arguments, as
    CallObject, its result converted to `dest`'s type."""

    dest: Register
    callee: Register
    function: str
    args: tuple[Register, ...]
    line: int


@final
@dataclass(frozen=True)
class GetNativeMethod(_Raising):
    """LOAD_METHOD of `obj.name` where `obj` is declared an instance of a class of the program
    whose `name` is the native method `function`: NULL when the site may call its direct entry
    (the object's type finds that method and the instance does not shadow it:
    codegen/method_calls.py), else CPython's `obj.name`."""

    dest: Register
    obj: Register
    name: str
    function: str
    line: int


@final
@dataclass(frozen=True)
class CallNativeMethod(_Raising):
    """The call of a GetNativeMethod's `method`, every parameter given positionally: the direct
    entry of `function` on `obj` and the words `args` (of its parameters' types) when `method`
    is NULL, else CPython's call of `method` on the boxed arguments, its result converted to
    `dest`'s type."""

    dest: Register
    method: Register
    obj: Register
    function: str
    args: tuple[Register, ...]
    line: int


@final
@dataclass(frozen=True)
class MakeFunction(_Raising):
    """MAKE_FUNCTION: a new function of the code named `code_name` first on `code_line` among
    the constants of this function's code (a lambda's, a comprehension's or a nested def's:
    analysis/nested_code.py), over the module's globals, with the tuple `defaults` as its
    __defaults__, the dicts `kwdefaults` and `annotations` as its __kwdefaults__ and
    __annotations__, and the tuple of cells `closure` as its __closure__."""

    dest: Register
    code_name: str
    code_line: int
    defaults: Register | None
    kwdefaults: Register | None
    annotations: Register | None
    closure: Register | None
    line: int

    @property
    def parts(self) -> tuple[Register, ...]:
        return tuple(part for part in (self.defaults, self.kwdefaults, self.annotations, self.closure)
                     if part is not None)


@final
@dataclass(frozen=True)
class NewCell(_Raising):
    """MAKE_CELL: a new cell holding `value` (empty when None), for a local of the function
    that a lambda or comprehension uses (analysis/cells.py)."""

    dest: Register
    value: Register | None
    line: int


@final
@dataclass(frozen=True)
class CellGet(_Raising):
    """LOAD_DEREF: a new reference to what `cell` holds; UnboundLocalError for `name` when it
    is empty."""

    dest: Register
    cell: Register
    name: str
    line: int


@final
@dataclass(frozen=True)
class CellSet(Op):
    """STORE_DEREF of `value`, or emptying the cell when None (after `del` checked it)."""

    cell: Register
    value: Register | None
    line: int
    dest: None = field(default=None, init=False, repr=False)


class SequenceKind(Enum):
    TUPLE = "tuple"
    LIST = "list"


@final
@dataclass(frozen=True)
class BuildSequence(_Raising):
    """A tuple or list display, such as `(A, B)` in an except clause or the parts of an f-string."""

    dest: Register
    kind: SequenceKind
    items: tuple[Register, ...]
    line: int


@final
@dataclass(frozen=True)
class IsTrue(_Raising):
    """Truthiness as a branch condition (may call __bool__/__len__)."""

    dest: Register
    value: Register
    line: int


@final
@dataclass(frozen=True)
class GetIter(_Raising):
    dest: Register
    iterable: Register
    line: int


@final
@dataclass(frozen=True)
class UnpackSequence(_Raising):
    """`value` unpacked into `count` targets: a tuple of exactly `count` items, or CPython's
    TypeError or ValueError (UNPACK_SEQUENCE)."""

    dest: Register
    value: Register
    count: int
    line: int


@final
@dataclass(frozen=True)
class UnpackedItem(Op):
    """Item `index` of the tuple an UnpackSequence made (it has exactly that many): a new
    reference, never an error."""

    dest: Register
    items: Register
    index: int
    line: int


@final
@dataclass(frozen=True)
class EnterWith(_Raising):
    """BEFORE_WITH: the manager's bound __exit__ and what its __enter__() returned, as a
    2-tuple (CPython's TypeError when it is not a context manager)."""

    dest: Register
    manager: Register
    line: int


@final
@dataclass(frozen=True)
class CloseWith(_Raising):
    """`exit(None, None, None)` where a `with` body is left without an exception."""

    dest: Register
    exit: Register
    line: int


@final
@dataclass(frozen=True)
class ExitSuppresses(_Raising):
    """WITH_EXCEPT_START: `exit(type(e), e, e.__traceback__)` for the exception `e` leaving a
    `with` body, and the truth of its result: whether `e` is suppressed."""

    dest: Register
    exit: Register
    exception: Register
    line: int


@final
@dataclass(frozen=True)
class NewAssertionError(_Raising):
    """The exception a failing `assert` raises: the builtin AssertionError (not whatever the
    name holds) called on the message in `args`, if the statement has one."""

    dest: Register
    args: tuple[Register, ...]
    line: int


@final
@dataclass(frozen=True)
class CatchException(Op):
    """First op of a handler: take the pending exception (with its traceback) as a value."""

    dest: Register
    line: int


@final
@dataclass(frozen=True)
class EnterHandler(Op):
    """Make `exception` the one being handled (sys.exc_info()); `dest` keeps the previous."""

    dest: Register
    exception: Register
    line: int


@final
@dataclass(frozen=True)
class LeaveHandler(Op):
    """Restore the handled exception `saved` by EnterHandler, on every way out of a handler."""

    saved: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class ExceptionMatches(_Raising):
    """`except classes:` test (TypeError when they are not exception classes)."""

    dest: Register
    exception: Register
    classes: Register
    line: int


@final
@dataclass(frozen=True)
class RestoreException(Op):
    """Set `exception` pending again, traceback unchanged, for an Unwind (no match)."""

    exception: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class DeleteGlobal(_Raising):
    """`del name` of a module global (DELETE_GLOBAL): NameError when it is not bound."""

    module: str
    name: str
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class ClearLocal(Op):
    """Unbind a local: the `del e` that ends `except ... as e`."""

    local: Local
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class Box(_Raising):
    """A word (INT_WORD) as an object, where an operation takes objects (a call's argument, a
    return value): the int itself for a small int (MemoryError possible), else the object held."""

    dest: Register
    value: Register
    line: int


@final
@dataclass(frozen=True)
class ToWord(Op):
    """An object as a word of `dest`'s type (INT_WORD): small when it is an exact int that fits,
    else the object itself, whatever its type -- never an error, as assigning it in CPython."""

    dest: Register
    value: Register
    line: int


@final
@dataclass(frozen=True)
class KeepAlive(Op):
    """A use of `values` that computes nothing: where a `for` loop is left by `break` or
    `return`, its iterator is kept to that point (CPython pops it there, after the statements
    before the jump), so the refcount pass releases it there and not where it was last read."""

    values: tuple[Register, ...]
    line: int
    dest: None = field(default=None, init=False, repr=False)


@final
@dataclass(frozen=True)
class DecRef(Op):
    """Release the reference `value` holds, if any, and empty it; only the refcount pass
    (analysis/refcounts.py) inserts it."""

    value: Register
    line: int
    dest: None = field(default=None, init=False, repr=False)
