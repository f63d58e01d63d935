"""Calls of native methods that skip CPython (GetNativeMethod, CallNativeMethod): `obj.m(...)`
where `obj` is declared an instance of a class of the program whose `m` is compiled natively.

The site (METHOD_SITE, wasm_runtime/native.h's MethodSite) remembers the method it last found:
the NativeFunction, its module's globals and their version then, and -- when the receiver keeps
its attributes in inline values -- the receiver's type's version tag and the version of the
type's shared keys, as CPython 3.11's LOAD_METHOD_WITH_VALUES does. The load tests inline that
the object's type has that tag (the type and its bases unchanged, so it finds the same method),
that the instance has no dict of its own and that the shared keys keep their version (so no
instance holds an attribute of the method's name, which would come first), and that the
method's globals keep their version (so the names its native code calls hold). Then the method
register is NULL and the call goes to the method's direct entry, `obj` first, while the frame's
depth leaves room (else through CPython, on the method the site holds). Anything else is the
runtime's LOAD_METHOD (native_attributes.c): it binds the site when the method still applies,
or returns CPython's `obj.m`, which the call calls on the boxed arguments, as CALL does.
"""

from __future__ import annotations

from typing import Final, Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import OBJECT, WORDS
from tpy2wasm.codegen import direct_calls, frame_depth, words
from tpy2wasm.codegen.bool_words import word_is_fast
from tpy2wasm.codegen.instance_attributes import VERSION_TAG_OFFSET
from tpy2wasm.codegen.object_words import TYPE_OFFSET, field
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import DICT_VERSION_OFFSET, I32, I64, METHOD_SITE, PTR

_TYPE_VERSION, _KEYS_VERSION, _GLOBALS, _GLOBALS_VERSION, _CALLEE = range(5)
#: PyHeapTypeObject.ht_cached_keys, and the version in those keys (native_attributes.c checks both).
CACHED_KEYS_OFFSET: Final = 436
_KEYS_VERSION_OFFSET: Final = 8
#: An instance's managed dict pointer, three pointers before the object (NULL while it has none).
_DICT_OFFSET: Final = -12


class Emitter(direct_calls.CallingEmitter, Protocol):
    #: The METHOD_SITE of each GetNativeMethod, by its register: the load and the call share it.
    method_sites: dict[int, ir.GlobalVariable]


def _site(emitter: Emitter, method: tir.Register) -> ir.GlobalVariable:
    if method.number not in emitter.method_sites:
        emitter.method_sites[method.number] = emitter.cache(METHOD_SITE)
    return emitter.method_sites[method.number]


def _site_field(builder: ir.IRBuilder, site: ir.Value, index: int) -> ir.Value:
    return builder.gep(site, [ir.Constant(I32, 0), ir.Constant(I32, index)], inbounds=True)


def load_method(emitter: Emitter, op: tob.GetNativeMethod, entries: direct_calls.NativeEntries) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    obj, site = emitter.value(op.obj), _site(emitter, op.dest)
    has_type, no_dict, same_keys, lookup, done = (function.append_basic_block(f"method.{name}") for name in
                                                  ("type", "no_dict", "keys", "lookup", "found"))
    obj_type = builder.load(field(builder, obj, TYPE_OFFSET, PTR))
    tag = builder.load(field(builder, obj_type, VERSION_TAG_OFFSET, I32))
    matches = builder.and_(builder.icmp_unsigned("==", tag, builder.load(_site_field(builder, site, _TYPE_VERSION))),
                           builder.icmp_unsigned("!=", tag, ir.Constant(I32, 0)))
    builder.cbranch(matches, has_type, lookup).set_weights([1000, 1])
    builder.position_at_end(has_type)
    dict_pointer = builder.load(field(builder, obj, _DICT_OFFSET, PTR))
    builder.cbranch(builder.icmp_unsigned("==", dict_pointer, ir.Constant(PTR, None)), no_dict, lookup)
    builder.position_at_end(no_dict)
    keys = builder.load(field(builder, obj_type, CACHED_KEYS_OFFSET, PTR))
    keys_version = builder.load(field(builder, keys, _KEYS_VERSION_OFFSET, I32))
    builder.cbranch(builder.icmp_unsigned("==", keys_version, builder.load(_site_field(builder, site, _KEYS_VERSION))),
                    same_keys, lookup)
    builder.position_at_end(same_keys)
    globals_version = builder.load(field(builder, builder.load(_site_field(builder, site, _GLOBALS)),
                                         DICT_VERSION_OFFSET, I64))
    known = builder.icmp_unsigned("==", globals_version, builder.load(_site_field(builder, site, _GLOBALS_VERSION)))
    builder.cbranch(known, done, lookup)
    start = builder.block
    builder.position_at_end(lookup)
    found = emitter.call_runtime("tpy2wasm_get_native_method", obj, emitter.strings.pointer(op.name), emitter.cache(),
                                 entries.thunk(op.function).bitcast(PTR), site)
    null = builder.icmp_unsigned("==", found, ir.Constant(PTR, None))
    emitter.fail_if(builder.and_(null, builder.icmp_unsigned("!=", emitter.call_runtime("PyErr_Occurred"),
                                                             ir.Constant(PTR, None))), position(op))
    looked_up = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    emitter.define(op.dest, words.joined(builder, OBJECT, [(ir.Constant(PTR, None), start), (found, looked_up)]))


def call_method(emitter: Emitter, op: tob.CallNativeMethod, entries: direct_calls.NativeEntries) -> None:
    """The direct entry's result when the method register is NULL and the depth leaves room;
    else CPython's call of the looked-up attribute on the arguments, or of the site's method on
    the object and the arguments."""
    builder, function = emitter.builder, emitter.llvm_function
    method, site = emitter.value(op.method), _site(emitter, op.method)
    room, direct, generic, join = (function.append_basic_block(f"method.{name}") for name in
                                   ("room", "direct", "generic", "done"))
    known = builder.icmp_unsigned("==", method, ir.Constant(PTR, None))
    builder.cbranch(known, room, generic).set_weights([1000, 1])
    builder.position_at_end(room)
    no_room = function.append_basic_block("method.no_room")
    frame_depth.branch_on_room(builder, emitter.depth, direct, no_room)
    builder.position_at_end(direct)
    depth = builder.add(emitter.depth, ir.Constant(frame_depth.DEPTH, 1))
    globals_pointer = builder.load(_site_field(builder, site, _GLOBALS))
    result = builder.call(entries.direct(op.function),
                          [globals_pointer, depth, emitter.value(op.obj), *(emitter.value(arg) for arg in op.args)])
    emitter.fail_if(words.is_empty(builder, result), position(op))
    incoming = [(result, builder.block)]
    builder.branch(join)
    builder.position_at_end(no_room)
    callee = builder.load(_site_field(builder, site, _CALLEE))
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
