"""What reads and stores of a list's item and of an instance's attribute share (list_items.py,
instance_attributes.py), both a slot holding an object: a value read where it lies or from the
runtime's call, as a word or a reference; the object stored (a word boxed first, since making a float may run a
collection whose finalizers may change the container), the reference of the value replaced
(released after the store, as list_ass_item and STORE_ATTR_INSTANCE_VALUE do, so a finalizer it
runs sees the new value), and the container or instance given a reference of its own around any
path that may run Python code when its register borrows its local's (codegen/borrowed_loads.py),
as CPython's stack holds one there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.exceptions import Site
from tpy2wasm.analysis.rtypes import BOOL_WORD, OBJECT, WORDS, RType
from tpy2wasm.codegen import bool_words, float_words, object_fields, object_words, words
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import I32, PTR
from tpy2wasm.codegen.strings import StringPool


class Emitter(object_words.Emitter, Protocol):
    #: The registers that borrow a local's reference (codegen/borrowed_loads.py).
    borrowed: dict[int, tuple[ir.Value, tir.Local]]
    #: Each GetMethod's frame slot saying whether its method is called with the object first.
    unbound_flags: dict[int, ir.AllocaInstr]
    strings: StringPool

    def value(self, register: tir.Register) -> ir.Value: ...
    def define(self, register: tir.Register, value: ir.Value) -> None: ...
    def known_fast(self, register: tir.Register) -> bool: ...
    def fail_if(self, condition: ir.Value, where: tir.Position, traceback: bool = True) -> None: ...
    def fail_if_null(self, value: ir.Value, where: tir.Position) -> ir.Value: ...
    def retain(self, value: ir.Value) -> None: ...
    def release(self, value: ir.Value) -> None: ...
    def forget_register(self, register: tir.Register) -> None: ...
    def values(self, registers: Iterable[tir.Register]) -> list[ir.Value]: ...
    def cache(self, cache_type: ir.Type = PTR) -> ir.GlobalVariable: ...
    def call_with_array(self, name: str, values: list[ir.Value], *before: ir.Value,
                        after: tuple[ir.Value, ...] = ()) -> ir.Value: ...
    def incref(self, value: ir.Value) -> None: ...
    def transfer_unless(self, condition: ir.Value | None, releasing: ir.Value | None = None,
                        after: bool = False, to: Site | None = None) -> None: ...
    def store_local(self, local: tir.Local, value: ir.Value, borrowed: bool = False) -> None: ...
    def depth_at(self, builder: ir.IRBuilder) -> ir.Value: ...
    def never_negative(self, register: tir.Register) -> bool: ...
    def release_register(self, register: tir.Register) -> None: ...
    def entry_slot(self, slot_type: ir.Type, name: str) -> ir.AllocaInstr: ...


@dataclass(frozen=True)
class Slot:
    """Where a list's item or an instance's attribute lies, and which kind of memory that is
    (object_fields.LIST_ITEM or INSTANCE_VALUE)."""

    address: ir.Value
    kind: str

    def load(self, builder: ir.IRBuilder) -> ir.Instruction:
        return object_fields.tagged_load(builder, self.address, self.kind)

    def store(self, builder: ir.IRBuilder, value: ir.Value) -> None:
        object_fields.tagged_store(builder, value, self.address, self.kind)


def read_in_place(emitter: Emitter, value: ir.Value, rtype: RType) -> ir.Value:
    """The object a slot holds (borrowed) as a value of `rtype`: a new reference, or its word,
    read where it lies when it is an exact float, bool or small int."""
    if rtype is OBJECT:
        emitter.incref(value)
        return value
    return object_words.word_of_object(emitter, value, rtype)


def of_new_object(emitter: Emitter, value: ir.Value, rtype: RType) -> ir.Value:
    """A new reference the runtime returned as a value of `rtype`: itself, or its word (the
    reference released)."""
    if rtype is OBJECT:
        return value
    word = object_words.word_of_object(emitter, value, rtype)
    emitter.release(value)
    return word


def define_read(emitter: Emitter, dest: tir.Register, incoming: list[tuple[ir.Value, ir.Block]]) -> None:
    """Defines `dest` as the value the paths of a read bring; one entering the fast version that
    is not a fast word transfers to the generic version, after the read's effects."""
    value = words.joined(emitter.builder, dest.type, incoming)
    emitter.define(dest, value)
    if emitter.known_fast(dest):
        emitter.transfer_unless(bool_words.word_is_fast(emitter.builder, value, dest.type), after=True)


def held(emitter: Emitter, register: tir.Register, obj: ir.Value) -> ir.Value:
    """Before a path that may run Python code: the object `register` holds, given a reference
    when it borrows one."""
    if register.number in emitter.borrowed:
        emitter.incref(obj)
    return obj


def unhold(emitter: Emitter, register: tir.Register, obj: ir.Value) -> None:
    if register.number in emitter.borrowed:
        emitter.release(obj)


def stored_object(emitter: Emitter, op: tob.SetItem | tob.SetAttr) -> tuple[ir.Value, bool]:
    """The object to store, and whether the store made it (a word boxed) rather than borrowed it."""
    value = emitter.value(op.value)
    if op.value.type not in WORDS:
        return value, False
    if op.value.type is BOOL_WORD and emitter.known_fast(op.value):
        return object_words.bool_object(emitter, value), False
    boxed = object_words.boxed(emitter, value, op.value.type, emitter.known_fast(op.value))
    return emitter.fail_if_null(boxed, position(op)), True


def reusable_float(emitter: Emitter, current: ir.Value, value: tir.Register) -> ir.Value:
    """Whether the float word `value` may overwrite the object `current` in place: an exact float
    that nothing but the container holds, so that the float a store would make and the one it
    would free are never seen by anything else."""
    builder = emitter.builder
    alone = builder.icmp_unsigned("==", object_fields.load_field(builder, current, object_fields.REFCOUNT), ir.Constant(I32, 1))
    reusable = builder.and_(object_words.has_type(emitter, current, "PyFloat_Type"), alone)
    if not emitter.known_fast(value):
        reusable = builder.and_(reusable, float_words.is_double(builder, emitter.value(value)))
    return reusable


def replace(emitter: Emitter, container: tir.Register, obj: ir.Value, slot: Slot, stored: ir.Value,
            owned: bool) -> None:
    """Store `stored` into `slot`, which holds an object of `obj`'s (never NULL): the same object
    stored again changes no reference (one made for the store is dropped)."""
    builder = emitter.builder
    replaced = slot.load(builder)
    with builder.if_else(builder.icmp_unsigned("==", replaced, stored)) as (same, other):
        with same:
            if owned:
                _drop_extra(emitter, stored)
        with other:
            if not owned:
                emitter.incref(stored)
            slot.store(builder, stored)
            _release_replaced(emitter, container, obj, replaced)


def _release_replaced(emitter: Emitter, container: tir.Register, obj: ir.Value, replaced: ir.Value) -> None:
    builder = emitter.builder
    remaining = builder.sub(object_fields.load_field(builder, replaced, object_fields.REFCOUNT), ir.Constant(I32, 1))
    with builder.if_else(builder.icmp_unsigned("==", remaining, ir.Constant(I32, 0))) as (last, other):
        with last:
            held(emitter, container, obj)
            emitter.release(replaced)
            unhold(emitter, container, obj)
        with other:
            object_fields.store_field(builder, remaining, replaced, object_fields.REFCOUNT)


def _drop_extra(emitter: Emitter, stored: ir.Value) -> None:
    """Release a reference to an object the container still holds: its count stays above zero."""
    builder = emitter.builder
    remaining = builder.sub(object_fields.load_field(builder, stored, object_fields.REFCOUNT), ir.Constant(I32, 1))
    object_fields.store_field(builder, remaining, stored, object_fields.REFCOUNT)
