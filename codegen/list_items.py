"""Items of lists read, stored and iterated in place (issue 11: typed containers stay real lists).

A GetItem or SetItem whose index is an int word tests inline that the container is an exact
`list` and the index a small int within it (a negative one counted from the end, as CPython's
list does), then reads or writes `ob_item[i]` directly. Anything else -- another type, a list
subclass, an index out of range (CPython's IndexError and its message), a big int -- is CPython's
subscript on the boxed index. An item read into a word is unboxed where it lies when it is an
exact float, bool or small int (object_words.py); a word stored is boxed before the list is
looked at, since making a float may run a collection, and finalizers may resize the list. A
`for` loop steps a list's iterator in place, as listiter_next does while items remain.
"""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, OBJECT, WORDS
from tpy2wasm.codegen import bool_words, int_words, object_words, words
from tpy2wasm.codegen.slot_access import (
    Emitter, Slot, define_read, held, of_new_object, read_in_place, replace, reusable_float, stored_object, unhold,
)
from tpy2wasm.codegen.object_fields import (
    FLOAT_VALUE, LIST_ALLOCATED, LIST_ITEM, LIST_ITEMS, LIST_ITER_INDEX, LIST_ITER_LIST, REFCOUNT, SIZE, load_field,
    store_field, tagged_load, tagged_store,
)
from tpy2wasm.codegen.object_words import has_type
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import ATTR_CACHE, I1, I32, I64, PTR


def emit(emitter: Emitter, op: tob.GetItem | tob.SetItem | tob.GetMethod | tob.CallMethod,
         takes_value: bool = False) -> None:
    """The item or list method op; a container that borrows its local's reference
    (codegen/borrowed_loads.py) is given one of its own around every path that may run Python
    code, as CPython's stack holds one there. `takes_value`: a SetItem takes over the reference
    its object value's register owns (its last use: borrowed_loads.handed_over), emptying it."""
    if isinstance(op, tob.GetItem):
        _get_item(emitter, op)
    elif isinstance(op, tob.SetItem):
        _set_item(emitter, op, takes_value)
    else:
        _method(emitter, op)


def for_step(emitter: Emitter, terminator: tir.ForIter, body: ir.Block, exit_block: ir.Block, fast: bool,
             may_be_list: bool) -> None:
    """FOR_ITER: the iterator's next item into the loop's target local, then `body`; once it is
    exhausted (StopIteration cleared) `exit_block`, or the handler when it raised. A list's
    iterator steps in place, as listiter_next does while items remain. An item stored into a
    word local (`for x in xs` where x is an int, float or bool) is read into the word where it
    lies, taking no reference; in the `fast` version a word that is not fast goes on in the
    generic version, at the start of the body, with the word stored. Where the iterator cannot
    be a list's (`may_be_list` false: a counted range loop's fallback) the list test is left out:
    measured, its code in a range loop slowed int_hash by 15% in Cranelift's machine code."""
    builder, function = emitter.builder, emitter.llvm_function
    iterator, word_type = emitter.value(terminator.iterator), terminator.item.type
    has_list, in_range, take, call, got, store, ended = (function.append_basic_block(f"for.{name}") for name in
                                                         ("list", "range", "take", "call", "got", "store", "end"))
    is_list = has_type(emitter, iterator, "PyListIter_Type") if may_be_list else ir.Constant(I1, 0)
    builder.cbranch(is_list, has_list, call)
    builder.position_at_end(has_list)
    items = load_field(builder, iterator, LIST_ITER_LIST)
    builder.cbranch(builder.icmp_unsigned("!=", items, ir.Constant(PTR, None)), in_range, call)
    builder.position_at_end(in_range)
    index = load_field(builder, iterator, LIST_ITER_INDEX)
    size = load_field(builder, items, SIZE)
    builder.cbranch(builder.icmp_signed("<", index, size), take, call)  # else the call ends it
    builder.position_at_end(take)
    item = tagged_load(builder, builder.gep(load_field(builder, items, LIST_ITEMS), [index], inbounds=True), LIST_ITEM)
    store_field(builder, builder.add(index, ir.Constant(I32, 1)), iterator, LIST_ITER_INDEX)
    if word_type in WORDS:
        item = object_words.word_of_object(emitter, item, word_type)
    else:
        emitter.incref(item)
    incoming = [(item, builder.block)]
    builder.branch(store)
    builder.position_at_end(call)
    called = emitter.call_runtime("tpy2wasm_iter_next", iterator)
    builder.cbranch(builder.icmp_unsigned("!=", called, ir.Constant(PTR, None)), got, ended)
    builder.position_at_end(got)
    if word_type in WORDS:
        word = object_words.word_of_object(emitter, called, word_type)
        emitter.release(called)
        called = word
    incoming.append((called, builder.block))
    builder.branch(store)
    builder.position_at_end(ended)
    emitter.fail_if(builder.icmp_unsigned("!=", emitter.call_runtime("PyErr_Occurred"), ir.Constant(PTR, None)),
                    position(terminator))
    builder.branch(exit_block)
    builder.position_at_end(store)
    value = words.joined(builder, word_type, incoming)
    emitter.store_local(terminator.item, value)
    if fast and word_type in WORDS:
        emitter.transfer_unless(bool_words.word_is_fast(builder, value, word_type), to=(terminator.body, 0))
    builder.branch(body)


def _item_slot(emitter: Emitter, obj: ir.Value, index: tir.Register, index_word: ir.Value) -> tuple[Slot, ir.Block]:
    """The slot of `obj[index]` when `obj` is an exact list and the index within it (the
    builder left there), and the block that takes every other case."""
    builder, function = emitter.builder, emitter.llvm_function
    bounds, inside, other = (function.append_basic_block(f"list.{name}") for name in ("bounds", "item", "other"))
    applies = has_type(emitter, obj, "PyList_Type")
    if not emitter.known_fast(index):
        applies = builder.and_(applies, int_words.is_small(builder, index_word))
    builder.cbranch(applies, bounds, other)
    builder.position_at_end(bounds)
    at = builder.ashr(index_word, ir.Constant(I64, 1))
    size = builder.sext(load_field(builder, obj, SIZE), I64)
    if not emitter.never_negative(index):  # a negative index counts from the end
        at = builder.select(builder.icmp_signed("<", at, ir.Constant(I64, 0)), builder.add(at, size), at)
    builder.cbranch(builder.icmp_unsigned("<", at, size), inside, other)
    builder.position_at_end(inside)
    items = load_field(builder, obj, LIST_ITEMS)
    return Slot(builder.gep(items, [builder.trunc(at, I32)], inbounds=True), LIST_ITEM), other


def _get_item(emitter: Emitter, op: tob.GetItem) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    rtype, obj = op.dest.type, emitter.value(op.obj)
    if op.index.type is not INT_WORD:
        item = emitter.call_runtime("tpy2wasm_get_item", held(emitter, op.obj, obj), emitter.value(op.index))
        unhold(emitter, op.obj, obj)
        emitter.fail_if_null(item, position(op))
        emitter.define(op.dest, of_new_object(emitter, item, rtype))
        return
    index = emitter.value(op.index)
    slot, other = _item_slot(emitter, obj, op.index, index)
    if emitter.known_fast(op.dest):
        _read_or_transfer(emitter, op, slot, other)
        return
    join = function.append_basic_block("item.join")
    incoming = [(read_in_place(emitter, slot.load(builder), rtype), builder.block)]
    builder.branch(join)
    builder.position_at_end(other)
    subscripted = emitter.call_runtime("tpy2wasm_get_item_at", held(emitter, op.obj, obj), index)
    unhold(emitter, op.obj, obj)
    emitter.fail_if_null(subscripted, position(op))
    incoming.append((of_new_object(emitter, subscripted, rtype), builder.block))
    builder.branch(join)
    builder.position_at_end(join)
    define_read(emitter, op.dest, incoming)


def _read_or_transfer(emitter: Emitter, op: tob.GetItem, slot: Slot, other: ir.Block) -> None:
    """In the fast version, a word read where it lies, or else (not an exact list, an index out of
    range, an item that is no fast word) the generic version's read from this op on: no call's
    path joins the fast one, so LLVM keeps a list's type, size and items from one read to the
    next and out of loops (nbody: 20% fewer Wasm instructions). Unlike an attribute's,
    an item's miss is no cold cache that the next iteration would hit: the list or item that
    missed stays one (a store, which replaces the floats a `[0.0] * n` shares, calls and goes on)."""
    builder = emitter.builder
    emitter.define(op.dest, object_words.inline_word(emitter, slot.load(builder), op.dest.type,
                                                     emitter.transfer_unless))
    with builder.goto_block(other):
        emitter.transfer_unless(ir.Constant(I1, 0))
        builder.unreachable()


def _set_item(emitter: Emitter, op: tob.SetItem, takes_value: bool) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    obj = emitter.value(op.obj)
    if op.value.type is FLOAT_WORD and op.index.type is INT_WORD:
        _set_float_item(emitter, op, obj)
        return
    if op.value.type is BOOL_WORD and op.index.type is INT_WORD and emitter.known_fast(op.value):
        _set_bool_or_transfer(emitter, op, obj)
        return
    stored, owned = stored_object(emitter, op)
    if takes_value and not owned:  # the register's reference is this op's from here on
        emitter.forget_register(op.value)
        owned = True
    if op.index.type is not INT_WORD:
        status = emitter.call_runtime("tpy2wasm_set_item", held(emitter, op.obj, obj), emitter.value(op.index), stored)
        unhold(emitter, op.obj, obj)
        if owned:
            emitter.release(stored)
        emitter.fail_if(builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
        return
    index = emitter.value(op.index)
    slot, other = _item_slot(emitter, obj, op.index, index)
    join = function.append_basic_block("store.join")
    replace(emitter, op.obj, obj, slot, stored, owned)
    builder.branch(join)
    builder.position_at_end(other)
    status = emitter.call_runtime("tpy2wasm_set_item_at", held(emitter, op.obj, obj), index, stored)
    unhold(emitter, op.obj, obj)
    if owned:
        emitter.release(stored)
    emitter.fail_if(builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
    builder.branch(join)
    builder.position_at_end(join)


def _set_bool_or_transfer(emitter: Emitter, op: tob.SetItem, obj: ir.Value) -> None:
    """In the fast version, True or False stored into an exact list in place; anything else (a
    list that is not exact, an index out of range) goes on in the generic version from this op,
    and a replaced item whose last reference the store dropped is freed and the generic version
    goes on after it: so no call's path joins the fast one (the sieve's stores of False: LLVM
    keeps the list's type, size and items from one store to the next; a replaced bool is never
    freed). Ints stay on the calling path: one CPython does not cache needs an object made, and
    sending that to the generic version cost pystone_like 11% more Wasm instructions."""
    builder, function = emitter.builder, emitter.llvm_function
    stored = object_words.bool_object(emitter, emitter.value(op.value))
    slot, other = _item_slot(emitter, obj, op.index, emitter.value(op.index))
    with builder.goto_block(other):
        emitter.transfer_unless(ir.Constant(I1, 0))
        builder.unreachable()
    replaced = slot.load(builder)
    replacing, dying, done = (function.append_basic_block(f"store.{name}") for name in ("replace", "dying", "done"))
    builder.cbranch(builder.icmp_unsigned("==", replaced, stored), done, replacing)
    builder.position_at_end(replacing)
    emitter.incref(stored)
    slot.store(builder, stored)
    remaining = builder.sub(load_field(builder, replaced, REFCOUNT), ir.Constant(I32, 1))
    store_field(builder, remaining, replaced, REFCOUNT)
    builder.cbranch(builder.icmp_unsigned("==", remaining, ir.Constant(I32, 0)), dying, done).set_weights([1, 1000])
    builder.position_at_end(dying)
    held(emitter, op.obj, obj)
    emitter.call_runtime("tpy2wasm_dealloc_at", replaced, emitter.depth_at(builder))
    unhold(emitter, op.obj, obj)
    emitter.transfer_unless(ir.Constant(I1, 0), after=True)
    builder.unreachable()
    builder.position_at_end(done)


def _set_float_item(emitter: Emitter, op: tob.SetItem, obj: ir.Value) -> None:
    """A float word stored at an int index: when the list's item there is a float only the list
    holds, its value is overwritten in place -- the float the store would make and the one it
    would free are never seen by anything else, so nothing can tell -- else the word is boxed and
    stored by CPython's subscript."""
    builder, function = emitter.builder, emitter.llvm_function
    value, index = emitter.value(op.value), emitter.value(op.index)
    slot, other = _item_slot(emitter, obj, op.index, index)
    in_place, join = function.append_basic_block("store.in_place"), function.append_basic_block("store.join")
    item = slot.load(builder)
    builder.cbranch(reusable_float(emitter, item, op.value), in_place, other)
    builder.position_at_end(in_place)
    store_field(builder, value, item, FLOAT_VALUE)
    builder.branch(join)
    builder.position_at_end(other)
    boxed = emitter.fail_if_null(object_words.boxed(emitter, value, FLOAT_WORD, emitter.known_fast(op.value)), position(op))
    status = emitter.call_runtime("tpy2wasm_set_item_at", held(emitter, op.obj, obj), index, boxed)
    unhold(emitter, op.obj, obj)
    emitter.release(boxed)
    emitter.fail_if(builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
    builder.branch(join)
    builder.position_at_end(join)


def _method(emitter: Emitter, op: tob.GetMethod | tob.CallMethod) -> None:
    """A method call (GetMethod, CallMethod) as LOAD_METHOD and CALL make it: the runtime's
    lookup (wasm_runtime/native_methods.c), whose answer is called with the object first. Where
    `in_place`, on an exact list nothing is looked up or bound, and append and pop change the
    list in place where CPython's list_resize would not move its items (so sys.getsizeof stays
    CPython's)."""
    builder, function = emitter.builder, emitter.llvm_function
    obj = emitter.value(op.obj)
    if not op.in_place:
        emitter.define(op.dest, _looked_up(emitter, op, obj) if isinstance(op, tob.GetMethod)
                       else _called(emitter, op, obj))
        return
    in_place, other, join = (function.append_basic_block(f"method.{name}") for name in ("in_place", "other", "join"))
    if isinstance(op, tob.GetMethod):
        builder.cbranch(has_type(emitter, obj, "PyList_Type"), in_place, other)
        builder.position_at_end(in_place)
        applied: ir.Value = ir.Constant(PTR, None)
    else:
        builder.cbranch(builder.icmp_unsigned("==", emitter.value(op.method), ir.Constant(PTR, None)), in_place, other)
        builder.position_at_end(in_place)
        applied = (_append if op.name == "append" else _pop)(emitter, op, obj, emitter.values(op.args))
    applied_end = builder.block
    builder.branch(join)
    builder.position_at_end(other)
    found = _looked_up(emitter, op, obj) if isinstance(op, tob.GetMethod) else _called(emitter, op, obj)
    found_end = builder.block
    builder.branch(join)
    builder.position_at_end(join)
    emitter.define(op.dest, words.joined(builder, OBJECT, [(applied, applied_end), (found, found_end)]))


def _looked_up(emitter: Emitter, op: tob.GetMethod, obj: ir.Value) -> ir.Value:
    """The runtime's LOAD_METHOD; where it found no method to call unbound, the object's
    reference is dropped at once, as LOAD_METHOD drops it (a register borrowing a local's holds
    none: neither does CPython's stack then)."""
    builder = emitter.builder
    unbound = _unbound_slot(emitter, op.dest)
    found = emitter.fail_if_null(emitter.call_runtime("tpy2wasm_load_method", obj, emitter.strings.pointer(op.name),
                                                      emitter.cache(), unbound), position(op))
    if op.obj.number not in emitter.borrowed:
        with builder.if_then(builder.icmp_unsigned("==", builder.load(unbound), ir.Constant(I32, 0))):
            emitter.release_register(op.obj)
    return found


def _called(emitter: Emitter, op: tob.CallMethod, obj: ir.Value) -> ir.Value:
    """CALL after LOAD_METHOD: `method` on the object and the arguments, or on the arguments
    alone where GetMethod found it bound."""
    builder, function = emitter.builder, emitter.llvm_function
    with_object, alone, join = (function.append_basic_block(f"method.{name}") for name in ("unbound", "bound", "called"))
    builder.cbranch(builder.icmp_unsigned("!=", builder.load(_unbound_slot(emitter, op.method)), ir.Constant(I32, 0)),
                    with_object, alone)
    incoming = []
    for block, receiver in ((with_object, [obj]), (alone, [])):
        builder.position_at_end(block)
        args = [*receiver, *emitter.values(op.args)]
        called = emitter.call_with_array("tpy2wasm_call", args, emitter.value(op.method),
                                         after=(ir.Constant(I32, len(args)), ir.Constant(I32, 0),
                                                emitter.strings.pointer(""), emitter.cache()))
        incoming.append((called, builder.block))
        builder.branch(join)
    builder.position_at_end(join)
    return emitter.fail_if_null(words.joined(builder, OBJECT, incoming), position(op))


def _unbound_slot(emitter: Emitter, method: tir.Register) -> ir.Value:
    """The frame's flag, per GetMethod (by its register), saying whether to call its method with
    the object first: a slot of the frame, which both versions share."""
    if method.number not in emitter.unbound_flags:
        emitter.unbound_flags[method.number] = emitter.entry_slot(I32, f"unbound.{method.number}")
    return emitter.unbound_flags[method.number]


def _append(emitter: Emitter, op: tob.CallMethod, obj: ir.Value, args: list[ir.Value]) -> ir.Value:
    """None, after the item is put after the last while there is room that list_resize would
    keep (allocated >= size + 1 >= allocated / 2), else by PyList_Append."""
    builder, (item,) = emitter.builder, args
    size = load_field(builder, obj, SIZE)
    allocated = load_field(builder, obj, LIST_ALLOCATED)
    grown = builder.add(size, ir.Constant(I32, 1))
    room = builder.and_(builder.icmp_signed("<=", grown, allocated),
                        builder.icmp_signed(">=", grown, builder.ashr(allocated, ir.Constant(I32, 1))))
    with builder.if_else(room) as (inline, resize):
        with inline:
            emitter.incref(item)
            tagged_store(builder, item, builder.gep(load_field(builder, obj, LIST_ITEMS), [size], inbounds=True), LIST_ITEM)
            store_field(builder, grown, obj, SIZE)
        with resize:
            status = emitter.call_runtime("PyList_Append", obj, item)
            emitter.fail_if(builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
    none = object_words.cpython_object(emitter.module, "_Py_NoneStruct")
    emitter.incref(none)
    return none


def _pop(emitter: Emitter, op: tob.CallMethod, obj: ir.Value, args: list[ir.Value]) -> ir.Value:
    """The last item, its reference taken from the list, while list_resize would keep the room
    (size - 1 >= allocated / 2); else (an empty list's IndexError too) CPython's list.pop."""
    builder, function = emitter.builder, emitter.llvm_function
    take, other, done = (function.append_basic_block(f"pop.{name}") for name in ("take", "other", "done"))
    size = load_field(builder, obj, SIZE)
    allocated = load_field(builder, obj, LIST_ALLOCATED)
    shrunk = builder.sub(size, ir.Constant(I32, 1))
    keeps_room = builder.icmp_signed(">=", shrunk, builder.ashr(allocated, ir.Constant(I32, 1)))
    builder.cbranch(builder.and_(builder.icmp_signed(">", size, ir.Constant(I32, 0)), keeps_room), take, other)
    builder.position_at_end(take)
    item = tagged_load(builder, builder.gep(load_field(builder, obj, LIST_ITEMS), [shrunk], inbounds=True), LIST_ITEM)
    store_field(builder, shrunk, obj, SIZE)
    builder.branch(done)
    builder.position_at_end(other)
    popped = emitter.fail_if_null(emitter.call_runtime("tpy2wasm_list_pop", obj), position(op))
    other_end = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    return words.joined(builder, OBJECT, [(item, take), (popped, other_end)])
