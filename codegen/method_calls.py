"""Calls of native methods that skip CPython (GetNativeMethod, CallNativeMethod): `obj.m(...)`
where `obj` is declared an instance of a class of the program whose `m` is compiled natively.

The site (METHOD_SITE_WAYS entries, each a METHOD_SITE: wasm_runtime/native.h's MethodSite, a
type's at the low bits of its version tag where it can, so that a call over a few classes of a
hierarchy finds each in its own at once) remembers in an entry the native method it found on a type -- the one compiled for the site,
or an override whose direct entry has the same signature (runtime types in and out), as a vtable
slot would: its NativeFunction, its direct entry and its module's globals, and, when the
receiver keeps its attributes in inline values, the receiver's type's version tag and the
version of the type's shared keys, as CPython 3.11's LOAD_METHOD_WITH_VALUES does. The load
tests inline that the object's type has the tag of an entry, its home entry alone first (the
type and its bases unchanged, so it finds the same method; a method's code set since gives
every type a new tag), that the instance has no dict of its own and that the shared keys keep
their version (so no instance holds an attribute of the method's name, which would come first).
A method is never a closed function (codegen/entry_bindings.py: `self` is an object), so no
names it calls go untested and its globals' version need not be. Then the method register is
NULL, the site's entry, globals and method are kept in the frame (the arguments, evaluated
next, may run code that binds the site to another), and the call goes to that direct entry,
`obj` first, while the frame's depth leaves room (else through CPython, on that method).
Anything else is the runtime's LOAD_METHOD (native_attributes.c): it binds the site when a
native method applies, or returns CPython's `obj.m` (bound: the load drops its reference to
`obj` then, as LOAD_METHOD does), which the call calls on the boxed arguments.
"""

from __future__ import annotations

from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import OBJECT, WORDS
from tpy2wasm.codegen import direct_calls, frame_depth, words
from tpy2wasm.codegen.bool_words import word_is_fast
from tpy2wasm.codegen.object_fields import (
    INSTANCE_DICT, KEYS_VERSION, TYPE, TYPE_CACHED_KEYS, TYPE_VERSION_TAG, load_field, load_global_item,
)
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import I32, METHOD_SITE, METHOD_SITE_WAYS, PTR

_TYPE_VERSION, _KEYS_VERSION, _GLOBALS, _CALLEE, _DIRECT = range(5)


class Emitter(direct_calls.CallingEmitter, Protocol):
    #: The registers that borrow a local's reference (codegen/borrowed_loads.py).
    borrowed: dict[int, tuple[ir.Value, tir.Local]]
    #: The METHOD_SITE of each GetNativeMethod, by its register, and the frame's slots that keep
    #: what the load found (direct entry, globals, method) for the call.
    method_sites: dict[int, tuple[ir.GlobalVariable, tuple[ir.Value, ir.Value, ir.Value]]]

    def entry_slot(self, slot_type: ir.Type, name: str) -> ir.AllocaInstr: ...
    def release_register(self, register: tir.Register) -> None: ...


def _site(emitter: Emitter, method: tir.Register) -> tuple[ir.GlobalVariable, tuple[ir.Value, ir.Value, ir.Value]]:
    if method.number not in emitter.method_sites:
        slots = tuple(emitter.entry_slot(PTR, f"method.{name}") for name in ("direct", "globals", "callee"))
        sites = emitter.cache(ir.ArrayType(METHOD_SITE, METHOD_SITE_WAYS))
        emitter.method_sites[method.number] = sites, (slots[0], slots[1], slots[2])
    return emitter.method_sites[method.number]


def _entry(builder: ir.IRBuilder, sites: ir.Value, way: ir.Value) -> ir.Value:
    return builder.gep(sites, [ir.Constant(I32, 0), way], inbounds=True)


def _home_entry(builder: ir.IRBuilder, sites: ir.Value, tag: ir.Value) -> ir.Value:
    """The entry the runtime binds for a type with version tag `tag`, and tests first
    (native_attributes.c: home_entry): a site over a few classes finds each in its own."""
    return _entry(builder, sites, builder.and_(tag, ir.Constant(I32, METHOD_SITE_WAYS - 1)))


def _site_item(builder: ir.IRBuilder, site: ir.Value, index: int) -> ir.Value:
    return load_global_item(builder, site, ir.Constant(I32, index))


def load_method(emitter: Emitter, op: tob.GetNativeMethod, entries: direct_calls.NativeEntries) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    obj, (sites, kept) = emitter.value(op.obj), _site(emitter, op.dest)
    has_type, no_dict, lookup, done = (function.append_basic_block(f"method.{name}") for name in
                                       ("type", "no_dict", "lookup", "found"))
    obj_type = load_field(builder, obj, TYPE)
    tag = load_field(builder, obj_type, TYPE_VERSION_TAG)
    known = builder.icmp_unsigned("!=", tag, ir.Constant(I32, 0))  # 0 is no type's tag: an empty entry
    at_home, others, way_found = (function.append_basic_block(f"method.{name}") for name in ("home", "others", "way"))
    home_site = _home_entry(builder, sites, tag)
    builder.cbranch(builder.and_(known, builder.icmp_unsigned("==", tag, _site_item(builder, home_site, _TYPE_VERSION))),
                    at_home, others).set_weights([1000, 1])
    builder.position_at_end(at_home)
    builder.branch(way_found)
    builder.position_at_end(others)
    way = ir.Constant(I32, METHOD_SITE_WAYS - 1)
    for index in reversed(range(METHOD_SITE_WAYS - 1)):  # the entry with the type's tag, if any
        entry_tag = _site_item(builder, _entry(builder, sites, ir.Constant(I32, index)), _TYPE_VERSION)
        way = builder.select(builder.icmp_unsigned("==", tag, entry_tag), ir.Constant(I32, index), way)
    other_site = _entry(builder, sites, way)
    builder.cbranch(builder.and_(known, builder.icmp_unsigned("==", tag, _site_item(builder, other_site, _TYPE_VERSION))),
                    way_found, lookup)
    builder.position_at_end(way_found)
    site = builder.phi(home_site.type)
    site.add_incoming(home_site, at_home)
    site.add_incoming(other_site, others)
    builder.branch(has_type)
    builder.position_at_end(has_type)
    dict_pointer = load_field(builder, obj, INSTANCE_DICT)
    builder.cbranch(builder.icmp_unsigned("==", dict_pointer, ir.Constant(PTR, None)), no_dict, lookup)
    builder.position_at_end(no_dict)
    keys_version = load_field(builder, load_field(builder, obj_type, TYPE_CACHED_KEYS), KEYS_VERSION)
    builder.cbranch(builder.icmp_unsigned("==", keys_version, _site_item(builder, site, _KEYS_VERSION)),
                    done, lookup)
    start = builder.block
    builder.position_at_end(lookup)
    signature = emitter.strings.pointer(direct_calls.direct_signature(entries.function(op.function)))
    found = emitter.call_runtime("tpy2wasm_get_native_method", obj, emitter.strings.pointer(op.name), emitter.cache(),
                                 signature, builder.bitcast(sites, METHOD_SITE.as_pointer()))
    null = builder.icmp_unsigned("==", found, ir.Constant(PTR, None))
    emitter.fail_if(builder.and_(null, builder.icmp_unsigned("!=", emitter.call_runtime("PyErr_Occurred"),
                                                             ir.Constant(PTR, None))), position(op))
    if op.obj.number not in emitter.borrowed:  # CPython's `obj.m`, bound: LOAD_METHOD drops `obj` at once
        with builder.if_then(builder.not_(null)):
            emitter.release_register(op.obj)
    bound = _home_entry(builder, sites, load_field(builder, obj_type, TYPE_VERSION_TAG))  # when the runtime bound one
    looked_up = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    method = words.joined(builder, OBJECT, [(ir.Constant(PTR, None), start), (found, looked_up)])
    found_site = builder.phi(site.type)
    found_site.add_incoming(site, start)
    found_site.add_incoming(bound, looked_up)
    site = found_site
    for slot, index in zip(kept, (_DIRECT, _GLOBALS, _CALLEE)):  # what a NULL method calls
        builder.store(_site_item(builder, site, index), slot)
    emitter.define(op.dest, method)


def call_method(emitter: Emitter, op: tob.CallNativeMethod, entries: direct_calls.NativeEntries) -> None:
    """The direct entry's result when the method register is NULL and the depth leaves room;
    else CPython's call of the looked-up attribute on the arguments, or of the site's method on
    the object and the arguments."""
    builder, function = emitter.builder, emitter.llvm_function
    method, (_, (direct_slot, globals_slot, callee_slot)) = emitter.value(op.method), _site(emitter, op.method)
    room, direct, generic, join = (function.append_basic_block(f"method.{name}") for name in
                                   ("room", "direct", "generic", "done"))
    known = builder.icmp_unsigned("==", method, ir.Constant(PTR, None))
    builder.cbranch(known, room, generic).set_weights([1000, 1])
    builder.position_at_end(room)
    no_room = function.append_basic_block("method.no_room")
    frame_depth.branch_on_room(builder, emitter.depth, direct, no_room)
    builder.position_at_end(direct)
    depth = builder.add(emitter.depth, ir.Constant(frame_depth.DEPTH, 1))
    entry_type = entries.direct(op.function).function_type
    entry = builder.bitcast(builder.load(direct_slot), entry_type.as_pointer(), name=frame_depth.DIRECT_ENTRY_POINTER)
    result = builder.call(entry, [builder.load(globals_slot), depth, emitter.value(op.obj),
                                  *(emitter.value(arg) for arg in op.args)])
    emitter.fail_if(words.is_empty(builder, result), position(op))
    incoming = [(result, builder.block)]
    builder.branch(join)
    builder.position_at_end(no_room)
    callee = builder.load(callee_slot)
    through = direct_calls.generic_result(emitter, callee, (op.obj, *op.args), op.dest)
    emitter.fail_if(words.is_empty(builder, through), position(op))
    incoming.append((through, builder.block))
    builder.branch(join)
    builder.position_at_end(generic)
    called = direct_calls.generic_result(emitter, method, op.args, op.dest)
    emitter.fail_if(words.is_empty(builder, called), position(op))
    incoming.append((called, builder.block))
    builder.branch(join)
    builder.position_at_end(join)
    value = words.joined(builder, op.dest.type, incoming)
    emitter.define(op.dest, value)
    if op.dest.type in WORDS and emitter.known_fast(op.dest):  # a value entering the fast version
        emitter.transfer_unless(word_is_fast(builder, value, op.dest.type), after=True)
