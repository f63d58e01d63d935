"""Runtime types: how a value is represented in native code (docs/value-representation.md).

Each runtime type is a module-level constant of the frozen class `RType`. An int, float or
bool value is a word: its fast form or any object in one machine word. Every other value is an
object (`PyObject*`). Branch conditions are i1s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, final


@final
@dataclass(frozen=True)
class RType:
    """A runtime representation; compare by identity of the constants below."""

    name: str
    # True when the value never holds a reference: a branch condition, or no value.
    is_unboxed: bool
    # The LLVM type of the value: "ptr" for an object.
    llvm_type: str

    def __str__(self) -> str:
        return self.name


BOOL: Final = RType("bool", is_unboxed=True, llvm_type="i1")
"""A branch condition: an i1 computed from a word or an object, never holding a reference."""

NONE: Final = RType("None", is_unboxed=True, llvm_type="void")
"""No value: the type of an op without a result."""

INT_WORD: Final = RType("int word", is_unboxed=False, llvm_type="i64")
"""Python int, as one tagged 64-bit word (docs/value-representation.md):
a small int `v << 1` (tag bit clear), or any object `ptr | 1` holding a reference -- a big int,
or whatever a hint that lied let in. Operations take an inline fast path on small ints and
CPython's own operation otherwise, so the word never gives an answer CPython would not."""

FLOAT_WORD: Final = RType("float word", is_unboxed=False, llvm_type="double")
"""Python float, as one f64 (docs/value-representation.md): any double, its
NaNs canonical, or any object NaN-boxed as bits 0xFFF90000_pppppppp holding a reference -- the
int `x: float = 0` keeps, a NaN with a payload of its own, or whatever a hint that lied let in."""

BOOL_WORD: Final = RType("bool word", is_unboxed=False, llvm_type="i32")
"""Python bool, as one i32 (docs/value-representation.md): 0 or 1, or any
object's pointer holding a reference (never 0 or 1: objects are aligned), 2 when empty."""

SMALL_INT_LIMIT: Final = 2**62
"""An int word's small ints are those in [-SMALL_INT_LIMIT, SMALL_INT_LIMIT): 63 bits, tag bit clear."""


def is_small_int(value: int) -> bool:
    """Whether an int word holds `value` without an object."""
    return -SMALL_INT_LIMIT <= value < SMALL_INT_LIMIT


NUMBER_WORDS: Final = (INT_WORD, FLOAT_WORD)
"""The words arithmetic and order comparisons compute on."""

WORDS: Final = (INT_WORD, FLOAT_WORD, BOOL_WORD)
"""The runtime types of words: a fast form or any object in one machine word."""

OBJECT: Final = RType("object", is_unboxed=False, llvm_type="ptr")
"""Any PyObject*: every value that is not an int, float or bool."""

WORDS_BY_NAME: Final[dict[str, RType]] = {
    "builtins.int": INT_WORD,
    "builtins.float": FLOAT_WORD,
    "builtins.bool": BOOL_WORD,
}
"""Fully qualified mypy class names of the types native code holds in words."""
