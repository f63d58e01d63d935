"""Runtime types: how a value is represented in native code.

Each runtime type is a module-level constant of the frozen class `RType`.
The set is deliberately small: the native core only handles scalars, and
everything else stays a boxed object handled by the generic runtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, final


@final
@dataclass(frozen=True)
class RType:
    """A runtime representation; compare by identity of the constants below."""

    name: str
    # True when the value is an unboxed machine scalar (i64, f64, i1).
    is_unboxed: bool
    # The LLVM type codegen will use for an unboxed value, or "ptr" when boxed.
    llvm_type: str

    def __str__(self) -> str:
        return self.name


INT: Final = RType("int", is_unboxed=True, llvm_type="i64")
"""Python int as an i64. A result that would overflow it ends the native call
("deopt"): the runtime re-runs the function in CPython, where it is a PyLong."""

FLOAT: Final = RType("float", is_unboxed=True, llvm_type="double")
"""Python float as an IEEE-754 f64, exactly CPython's representation."""

BOOL: Final = RType("bool", is_unboxed=True, llvm_type="i1")
"""Python bool as a single bit; boxed to the True/False singletons on demand."""

NONE: Final = RType("None", is_unboxed=True, llvm_type="void")
"""The None value; only ever a return type or a constant, carries no data."""

INT_WORD: Final = RType("int word", is_unboxed=False, llvm_type="i64")
"""Python int in a boxed function, as one tagged 64-bit word (docs/value-representation.md):
a small int `v << 1` (tag bit clear), or any object `ptr | 1` holding a reference -- a big int,
or whatever a hint that lied let in. Operations take an inline fast path on small ints and
CPython's own operation otherwise, so the word never gives an answer CPython would not."""

FLOAT_WORD: Final = RType("float word", is_unboxed=False, llvm_type="double")
"""Python float in a boxed function, as one f64 (docs/value-representation.md): any double, its
NaNs canonical, or any object NaN-boxed as bits 0xFFF90000_pppppppp holding a reference -- the
int `x: float = 0` keeps, a NaN with a payload of its own, or whatever a hint that lied let in."""

BOOL_WORD: Final = RType("bool word", is_unboxed=False, llvm_type="i32")
"""Python bool in a boxed function, as one i32 (docs/value-representation.md): 0 or 1, or any
object's pointer holding a reference (never 0 or 1: objects are aligned), 2 when empty."""

NUMBER_WORDS: Final = (INT_WORD, FLOAT_WORD)
"""The words arithmetic and order comparisons compute on."""

WORDS: Final = (INT_WORD, FLOAT_WORD, BOOL_WORD)
"""The runtime types of words: a fast form or any object in one machine word."""

OBJECT: Final = RType("object", is_unboxed=False, llvm_type="ptr")
"""Any boxed PyObject*; the fallback for values the native core cannot unbox."""

SCALAR_TYPES_BY_NAME: Final[dict[str, RType]] = {
    "builtins.int": INT,
    "builtins.float": FLOAT,
    "builtins.bool": BOOL,
}
"""Fully qualified mypy class names of the types a native local may have."""


def is_numeric(rtype: RType) -> bool:
    """Whether arithmetic is defined on the type (bool counts as int, as in Python)."""
    return rtype in (INT, FLOAT, BOOL)
