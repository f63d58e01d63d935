"""The one place that lists the memory generated code reads and writes in place: fields of
CPython 3.11's objects at their wasm32 offsets (wasm_runtime/native_list_items.c and
native_attributes.c assert each at start-up), the items of a list's and an instance's arrays,
and the fields of the site caches the runtime fills; every access goes through `load` and
`store` here, which tag it with its kind for LLVM's type-based alias analysis (TBAA).

Why: without the tags LLVM must assume that any store may change any field, so after a float
written in place or a reference count changed it reloaded the object's type, its type's version
tag, its values pointer and the site's cached index before the next attribute read, and a list's
size and items pointer before the next item (measured in codegen's output for nbody_class's
`Body.interact` and nbody's `advance`, roughly 25 Wasm instructions per attribute read).

Why the tags are sound: LLVM takes two accesses with different tags to touch different memory.
Each kind here is always accessed with its own tag, and two different kinds never share memory
while the objects holding them are alive: a float's value and a list's size both lie 8 bytes in,
but in different objects. Memory changes what it holds only when it is freed and allocated
again, which happens in the runtime's calls (a release that frees calls the deallocator), and a
call carries no tag, so LLVM takes it to clobber everything. Memory generated code accesses
otherwise (its own stack slots, arrays of arguments handed to calls) carries no tag, so it may
alias anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from llvmlite import ir

from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR, PTR_PTR


@dataclass(frozen=True)
class Field:
    """A field `offset` bytes into an object (negative: before it, where CPython keeps an
    instance's managed dict and values), of type `type`, and the name of its alias class."""

    name: str
    offset: int
    type: ir.Type


REFCOUNT: Final = Field("ob_refcnt", 0, I32)
TYPE: Final = Field("ob_type", 4, PTR)
#: PyVarObject.ob_size: a list's or tuple's length, an int's signed digit count.
SIZE: Final = Field("ob_size", 8, I32)
FLOAT_VALUE: Final = Field("PyFloatObject.ob_fval", 8, F64)
#: PyASCIIObject.length: a str's length in code points.
STR_LENGTH: Final = Field("PyASCIIObject.length", 8, I32)
#: PyLongObject.ob_digit[0], a 30-bit digit.
INT_DIGIT: Final = Field("PyLongObject.ob_digit", 12, I32)
LIST_ITEMS: Final = Field("PyListObject.ob_item", 12, PTR_PTR)
#: The items ob_item has room for.
LIST_ALLOCATED: Final = Field("PyListObject.allocated", 16, I32)
#: listiterobject's next index, and its list (NULL once exhausted).
LIST_ITER_INDEX: Final = Field("listiterobject.it_index", 8, I32)
LIST_ITER_LIST: Final = Field("listiterobject.it_seq", 12, PTR)
TYPE_VERSION_TAG: Final = Field("PyTypeObject.tp_version_tag", 192, I32)
#: PyHeapTypeObject.ht_cached_keys: the keys an instance's inline values are indexed by.
TYPE_CACHED_KEYS: Final = Field("PyHeapTypeObject.ht_cached_keys", 436, PTR)
KEYS_VERSION: Final = Field("PyDictKeysObject.dk_version", 8, I32)
#: PyDictObject.ma_version_tag: a module's globals change version on every change.
DICT_VERSION: Final = Field("PyDictObject.ma_version_tag", 16, I64)
#: PyModuleObject.md_dict: a module's globals.
MODULE_DICT: Final = Field("PyModuleObject.md_dict", 8, PTR)
#: An instance's pointer to its inline values, and its managed dict (NULL while it has none).
INSTANCE_VALUES: Final = Field("instance values", -16, PTR_PTR)
INSTANCE_DICT: Final = Field("instance dict", -12, PTR)

#: Kinds of array items: a list's item (ob_item[i]), an instance's inline value, and an item of
#: a global the runtime fills and generated code only reads (a site's cache, the small ints).
LIST_ITEM: Final = "list item"
INSTANCE_VALUE: Final = "instance value"
RUNTIME_GLOBAL: Final = "runtime global"

_ROOT: Final = "tpy2wasm objects"


def load_field(builder: ir.IRBuilder, obj: ir.Value, field: Field) -> ir.Instruction:
    """The field of `obj` (an i8*)."""
    return tagged_load(builder, _address(builder, obj, field), field.name)


def store_field(builder: ir.IRBuilder, value: ir.Value, obj: ir.Value, field: Field) -> None:
    tagged_store(builder, value, _address(builder, obj, field), field.name)


def tagged_load(builder: ir.IRBuilder, address: ir.Value, kind: str) -> ir.Instruction:
    """A load from `address`, which holds memory of `kind` (a Field's name or an item kind)."""
    loaded = builder.load(address)
    loaded.set_metadata("tbaa", _tag(builder.module, kind))
    return loaded


def tagged_store(builder: ir.IRBuilder, value: ir.Value, address: ir.Value, kind: str) -> None:
    builder.store(value, address).set_metadata("tbaa", _tag(builder.module, kind))


def load_global_item(builder: ir.IRBuilder, aggregate: ir.Value, *path: ir.Value) -> ir.Instruction:
    """The item at `path` (struct fields' and arrays' indexes) of a RUNTIME_GLOBAL, or of a struct in one."""
    return tagged_load(builder, builder.gep(aggregate, [ir.Constant(I32, 0), *path], inbounds=True), RUNTIME_GLOBAL)


def _address(builder: ir.IRBuilder, obj: ir.Value, field: Field) -> ir.Value:
    return builder.bitcast(builder.gep(obj, [ir.Constant(I32, field.offset)], inbounds=True), field.type.as_pointer())


def _tag(module: ir.Module, kind: str) -> ir.MDValue:
    """The access tag of `kind`: a scalar type node of that name under the root, accessed at
    offset 0 (add_metadata gives equal nodes one definition)."""
    root = module.add_metadata([_ROOT])
    node = module.add_metadata([kind, root, ir.Constant(I64, 0)])
    return module.add_metadata([node, node, ir.Constant(I64, 0)])
