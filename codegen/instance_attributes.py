"""Attributes read and written in place in an instance's inline values (issue 11: instances of
the program's classes stay ordinary Python objects).

CPython 3.11 keeps the attributes of an instance of a class without `__slots__` in an array
of values beside the object, indexed like its type's shared dict keys. A GetAttr or SetAttr
site's cache (wasm_runtime/native_attributes.c says when the runtime fills it, and why it is
then exact) holds a type's version tag and the attribute's index there; generated code tests
that the object's type has that tag and that the object still has inline values, then reads
the value (a word read where it lies when it is an exact float, bool or small int) or replaces
it (a float word overwriting a float nothing else holds). Everything else -- another type, a
value not there, a module, a descriptor, `__getattr__`, an instance whose attributes became a
real dict -- is the runtime's call, which does CPython's lookup and then fills the cache.
"""

from __future__ import annotations

from collections.abc import Callable

from llvmlite import ir

from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import FLOAT_WORD
from tpy2wasm.codegen.slot_access import (
    Emitter, Slot, define_read, held, of_new_object, read_in_place, replace, reusable_float, stored_object, unhold,
)
from tpy2wasm.codegen.object_fields import (
    FLOAT_VALUE, INSTANCE_VALUE, INSTANCE_VALUES, TYPE, TYPE_VERSION_TAG, load_field, load_global_item, store_field,
)
from tpy2wasm.codegen.object_words import else_to
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import ATTR_CACHE, I32, PTR, PTR_PTR

#: ATTR_CACHE's fields: the type version tag, the attribute's index.
_CACHED_TAG, _CACHED_INDEX = 3, 4


def emit(emitter: Emitter, op: tob.GetAttr | tob.SetAttr, takes_value: bool = False) -> None:
    """The attribute op; `takes_value`: a SetAttr takes over the reference its object value's
    register owns (its last use: borrowed_loads.handed_over), emptying it."""
    if isinstance(op, tob.GetAttr):
        _get(emitter, op)
    elif op.value.type is FLOAT_WORD:
        _set_float(emitter, op)
    else:
        _set(emitter, op, takes_value)


def _value_slot(emitter: Emitter, obj: ir.Value, cache: ir.GlobalVariable,
                require: Callable[[ir.Value], None]) -> Slot:
    """The attribute's inline value, after `require` has been given the conditions under which it
    is the attribute's place: the object's type has the cached tag (a tag of 0 is no type's: an
    empty cache never matches), and the object inline values."""
    builder = emitter.builder
    tag = load_field(builder, load_field(builder, obj, TYPE), TYPE_VERSION_TAG)
    cached = load_global_item(builder, cache, ir.Constant(I32, _CACHED_TAG))
    require(builder.and_(builder.icmp_unsigned("==", tag, cached), builder.icmp_unsigned("!=", tag, ir.Constant(I32, 0))))
    values = load_field(builder, obj, INSTANCE_VALUES)
    require(builder.icmp_unsigned("!=", values, ir.Constant(PTR_PTR, None)))
    index = load_global_item(builder, cache, ir.Constant(I32, _CACHED_INDEX))
    return Slot(builder.gep(values, [index], inbounds=True), INSTANCE_VALUE)


def _get(emitter: Emitter, op: tob.GetAttr) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    rtype, obj, cache = op.dest.type, emitter.value(op.obj), emitter.cache(ATTR_CACHE)
    other, found, join = (function.append_basic_block(f"attr.{name}") for name in ("other", "found", "join"))
    slot = _value_slot(emitter, obj, cache, else_to(builder, other))
    value = slot.load(builder)
    builder.cbranch(builder.icmp_unsigned("!=", value, ir.Constant(PTR, None)), found, other)
    builder.position_at_end(found)
    incoming = [(read_in_place(emitter, value, rtype), builder.block)]
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
    obj, cache = emitter.value(op.obj), emitter.cache(ATTR_CACHE)
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
    is boxed and stored by the runtime's call."""
    builder, function = emitter.builder, emitter.llvm_function
    obj, cache = emitter.value(op.obj), emitter.cache(ATTR_CACHE)
    other, there, in_place, join = (function.append_basic_block(f"attr.{name}")
                                    for name in ("other", "there", "in_place", "join"))
    slot = _value_slot(emitter, obj, cache, else_to(builder, other))
    current = slot.load(builder)
    builder.cbranch(builder.icmp_unsigned("!=", current, ir.Constant(PTR, None)), there, other)
    builder.position_at_end(there)
    builder.cbranch(reusable_float(emitter, current, op.value), in_place, other)
    builder.position_at_end(in_place)
    store_field(builder, emitter.value(op.value), current, FLOAT_VALUE)
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
