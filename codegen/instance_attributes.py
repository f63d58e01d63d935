"""Attributes read and written in place in an instance's inline values (issue 11: instances of
the program's classes stay ordinary Python objects).

CPython 3.11 keeps the attributes of an instance of a class without `__slots__` in an array
of values beside the object, indexed like its type's shared dict keys. A GetAttr or SetAttr
site's cache (wasm_runtime/native_attributes.c says when the runtime fills it, and why it is
then exact) holds, in each of its ways, a type's version tag and the attribute's index there;
generated code tests that a way has the object's type's tag and that the object still has
inline values, then reads the value (a word read where it lies when it is an exact float, bool
or small int) or replaces it (a float word overwriting a float nothing else holds). A read of
an imported module's attribute takes the value the cache keeps while the module's dict keeps its
version. Everything else -- another type, a value not there, a descriptor, `__getattr__`, an
instance whose attributes became a real dict -- is the runtime's call, which does CPython's
lookup and then fills the cache; or, in the fast version of a function without a loop
(`_transfers`), the generic version's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import reduce
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import FLOAT_WORD, WORDS
from tpy2wasm.analysis.exceptions import Site
from tpy2wasm.codegen import slot_access
from tpy2wasm.codegen.fast_version import Version
from tpy2wasm.codegen.slot_access import (
    Slot, define_read, held, of_new_object, read_in_place, replace, reusable_float, stored_object, unhold,
)
from tpy2wasm.codegen.object_fields import (
    DICT_VERSION, FLOAT_VALUE, INSTANCE_VALUE, INSTANCE_VALUES, MODULE_DICT, TYPE, TYPE_VERSION_TAG, load_field,
    load_global_item, store_field,
)
from tpy2wasm.codegen.object_words import else_to, has_type, inline_word
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import ATTR_CACHE, ATTR_CACHE_WAYS, I32, PTR, PTR_PTR

#: ATTR_CACHE's fields: a module attribute's dict version and value, the ways; and a way's
#: fields: the type version tag, the attribute's index.
_MODULE_VERSION, _MODULE_VALUE, _WAYS = ir.Constant(I32, 1), ir.Constant(I32, 2), ir.Constant(I32, 3)
_WAY_TAG, _WAY_INDEX = ir.Constant(I32, 0), ir.Constant(I32, 1)


def emit(emitter: Emitter, op: tob.GetAttr | tob.SetAttr, takes_value: bool = False) -> None:
    """The attribute op; `takes_value`: a SetAttr takes over the reference its object value's
    register owns (its last use: borrowed_loads.handed_over), emptying it."""
    if isinstance(op, tob.GetAttr):
        _get(emitter, op)
    elif op.value.type is FLOAT_WORD:
        _set_float(emitter, op)
    else:
        _set(emitter, op, takes_value)


class Emitter(slot_access.Emitter, Protocol):
    site: Site  # of the op being emitted
    version: Version  # the version being emitted
    #: Whether the function has a loop: a transfer there would leave the loop's remaining
    #: iterations to the generic version.
    loops: bool

    def shared_cache(self, key: Hashable, cache_type: ir.Type) -> ir.GlobalVariable: ...


def _cache(emitter: Emitter) -> ir.GlobalVariable:
    return emitter.shared_cache(("attribute", emitter.site), ATTR_CACHE)


def _transfers(emitter: Emitter) -> bool:
    """Whether an attribute op goes to the generic version where it cannot be done in place,
    rather than call the runtime and go on: in the fast version of a function without a loop, so
    that no call's path joins the fast one and LLVM keeps what it loaded (an object's type, its
    values) from one attribute to the next; in a loop a transfer would leave the remaining
    iterations to the generic version."""
    return emitter.version.fast_words and not emitter.loops


def _value_slot(emitter: Emitter, obj: ir.Value, cache: ir.GlobalVariable,
                require: Callable[[ir.Value], None]) -> Slot:
    """The attribute's inline value, after `require` has been given the conditions under which it
    is the attribute's place: a way of the cache has the object's type's tag (a tag of 0 is no
    type's: an empty way never matches), and the object has inline values. The first way is
    tested alone first: a site that sees one type finds it there."""
    builder, function = emitter.builder, emitter.llvm_function
    tag = load_field(builder, load_field(builder, obj, TYPE), TYPE_VERSION_TAG)
    others, found = function.append_basic_block("attr.ways"), function.append_basic_block("attr.way")
    known = builder.icmp_unsigned("!=", tag, ir.Constant(I32, 0))
    first_index = _way_item(builder, cache, ir.Constant(I32, 0), _WAY_INDEX)
    start = builder.block
    builder.cbranch(builder.and_(known, builder.icmp_unsigned("==", tag, _way_item(builder, cache, ir.Constant(I32, 0),
                                                                                   _WAY_TAG))), found, others)
    builder.position_at_end(others)
    way: ir.Value = ir.Constant(I32, 0)
    matching = [builder.icmp_unsigned("==", tag, _way_item(builder, cache, ir.Constant(I32, index), _WAY_TAG))
                for index in range(1, ATTR_CACHE_WAYS)]
    for index, matches in reversed(list(enumerate(matching, start=1))):
        way = builder.select(matches, ir.Constant(I32, index), way)
    require(builder.and_(known, reduce(builder.or_, matching)))
    other_index = _way_item(builder, cache, way, _WAY_INDEX)
    builder.branch(found)
    searched = builder.block
    builder.position_at_end(found)
    index = builder.phi(I32)
    index.add_incoming(first_index, start)
    index.add_incoming(other_index, searched)
    values = load_field(builder, obj, INSTANCE_VALUES)
    require(builder.icmp_unsigned("!=", values, ir.Constant(PTR_PTR, None)))
    return Slot(builder.gep(values, [index], inbounds=True), INSTANCE_VALUE)


def _way_item(builder: ir.IRBuilder, cache: ir.Value, way: ir.Value, item: ir.Constant) -> ir.Value:
    return load_global_item(builder, cache, _WAYS, way, item)


def _module_value(emitter: Emitter, obj: ir.Value, cache: ir.GlobalVariable,
                  require: Callable[[ir.Value], None]) -> ir.Value:
    """The module attribute the cache holds (borrowed), after `require` has been given the
    conditions under which it is `obj`'s: an exact module whose dict has the version the cache
    saw (no two dicts share a version), as native_attributes.c's module_attribute tests."""
    builder = emitter.builder
    require(has_type(emitter, obj, "PyModule_Type"))
    version = load_field(builder, load_field(builder, obj, MODULE_DICT), DICT_VERSION)
    require(builder.icmp_unsigned("==", version, load_global_item(builder, cache, _MODULE_VERSION)))
    value = load_global_item(builder, cache, _MODULE_VALUE)
    require(builder.icmp_unsigned("!=", value, ir.Constant(PTR, None)))
    return value


def _get(emitter: Emitter, op: tob.GetAttr) -> None:
    """A module's attribute from the cache, an instance's from its inline values; else (with
    `_transfers`, the generic version's) the runtime's lookup."""
    builder, function = emitter.builder, emitter.llvm_function
    rtype, obj, cache = op.dest.type, emitter.value(op.obj), _cache(emitter)
    other = None if _transfers(emitter) else function.append_basic_block("attr.other")
    require = emitter.transfer_unless if other is None else else_to(builder, other)

    def read(value: ir.Value) -> ir.Value:
        if other is None and rtype in WORDS:  # only a fast word goes on in the fast version
            return inline_word(emitter, value, rtype, require)
        return read_in_place(emitter, value, rtype)

    if op.of_module:
        value = _module_value(emitter, obj, cache, require)
    else:
        value = _value_slot(emitter, obj, cache, require).load(builder)
        require(builder.icmp_unsigned("!=", value, ir.Constant(PTR, None)))
    if other is None:
        emitter.define(op.dest, read(value))
        return
    join = function.append_basic_block("attr.join")
    incoming = [(read(value), builder.block)]
    builder.branch(join)
    builder.position_at_end(other)
    looked_up = emitter.call_runtime("tpy2wasm_get_attr", held(emitter, op.obj, obj), emitter.strings.pointer(op.name),
                                     cache)
    unhold(emitter, op.obj, obj)
    emitter.fail_if_null(looked_up, position(op))
    incoming.append((of_new_object(emitter, looked_up, rtype), builder.block))
    builder.branch(join)
    builder.position_at_end(join)
    define_read(emitter, op.dest, incoming)


def _set(emitter: Emitter, op: tob.SetAttr, takes_value: bool) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    obj, cache = emitter.value(op.obj), _cache(emitter)
    stored, owned = stored_object(emitter, op)
    if takes_value and not owned:  # the register's reference is this op's from here on
        emitter.forget_register(op.value)
        owned = True
    other, there, join = (function.append_basic_block(f"attr.{name}") for name in ("other", "there", "join"))
    slot = _value_slot(emitter, obj, cache, else_to(builder, other))
    builder.cbranch(builder.icmp_unsigned("!=", slot.load(builder), ir.Constant(PTR, None)), there, other)
    builder.position_at_end(there)
    replace(emitter, op.obj, obj, slot, stored, owned)
    builder.branch(join)
    builder.position_at_end(other)
    _call_set_attr(emitter, op, obj, cache, stored, owned)
    builder.branch(join)
    builder.position_at_end(join)


def _set_float(emitter: Emitter, op: tob.SetAttr) -> None:
    """A float word stored over a float only the instance holds overwrites it in place; else it
    is boxed and stored by the runtime's call (or by the generic version: _transfers)."""
    builder, function = emitter.builder, emitter.llvm_function
    obj, cache = emitter.value(op.obj), _cache(emitter)
    other = None if _transfers(emitter) else function.append_basic_block("attr.other")
    require = emitter.transfer_unless if other is None else else_to(builder, other)
    current = _value_slot(emitter, obj, cache, require).load(builder)
    require(builder.icmp_unsigned("!=", current, ir.Constant(PTR, None)))
    require(reusable_float(emitter, current, op.value))
    store_field(builder, emitter.value(op.value), current, FLOAT_VALUE)
    if other is None:
        return
    join = function.append_basic_block("attr.join")
    builder.branch(join)
    builder.position_at_end(other)
    stored, owned = stored_object(emitter, op)
    _call_set_attr(emitter, op, obj, cache, stored, owned)
    builder.branch(join)
    builder.position_at_end(join)


def _call_set_attr(emitter: Emitter, op: tob.SetAttr, obj: ir.Value, cache: ir.GlobalVariable, stored: ir.Value,
                   owned: bool) -> None:
    builder = emitter.builder
    status = emitter.call_runtime("tpy2wasm_set_attr", held(emitter, op.obj, obj), emitter.strings.pointer(op.name),
                                  cache, stored)
    unhold(emitter, op.obj, obj)
    if owned:
        emitter.release(stored)
    emitter.fail_if(builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
