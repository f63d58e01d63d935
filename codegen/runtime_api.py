"""The C runtime's functions that generated code calls, declared once as data.

Mirrors wasm_runtime/native.h and the helpers in wasm_runtime/native*.c.
"""

from __future__ import annotations

from typing import Final

from llvmlite import ir


I1: Final = ir.IntType(1)
I8: Final = ir.IntType(8)
I32: Final = ir.IntType(32)
I64: Final = ir.IntType(64)
F64: Final = ir.DoubleType()
VOID: Final = ir.VoidType()
PTR: Final = I8.as_pointer()
"""PyObject* and every other pointer the runtime takes (wasm32: 32 bits)."""
PTR_PTR: Final = PTR.as_pointer()
"""PyObject** : argument arrays, out parameters and per-site caches."""

NAME_CACHE: Final = ir.LiteralStructType([PTR, I64, I64, PTR, I64, PTR])
"""native_globals.c's NameCache {name, globals_version, builtins_version, value, small_word,
builtins}: builtins_version is NAME_IN_GLOBALS for a value found in the module's globals, else
the version of `builtins`, the dict it was found in; small_word the value's small int word once
an int word load has seen it (else WORD_ERROR)."""
NAME_IN_GLOBALS: Final = 0
ATTR_CACHE_WAYS: Final = 4
ATTR_CACHE: Final = ir.LiteralStructType([PTR, I64, PTR, ir.ArrayType(ir.LiteralStructType([I32, I32]), ATTR_CACHE_WAYS)])
"""native_attributes.c's AttrCache {name, version, value, ways[ATTR_CACHE_WAYS] {type_version,
index}}: a module attribute's value while the module's dict keeps its version; the index of an
instance attribute in the inline values of instances of the type with each version tag, the
most recently remembered type first."""
METHOD_SITE: Final = ir.LiteralStructType([I32, I32, PTR, PTR, PTR])
"""native.h's MethodSite {type_version, keys_version, globals, callee, direct}."""
METHOD_SITE_WAYS: Final = 4
"""native.h's METHOD_SITE_WAYS (a power of two): a method call site's entries, a type's at its
version tag's low bits where it can."""
DIRECT_SITE: Final = ir.LiteralStructType([PTR, I64])
"""native.h's DirectSite {callee, globals_version}."""

#: name -> (return type, parameter types) of each runtime function.
FUNCTIONS: Final[dict[str, tuple[ir.Type, tuple[ir.Type, ...]]]] = {
    "tpy2wasm_traceback": (VOID, (PTR, PTR, PTR, PTR)),
    # Objects (native_objects.c): a PTR result is a new reference, NULL on error.
    "Py_DecRef": (VOID, (PTR,)),
    "_Py_Dealloc": (VOID, (PTR,)),
    "tpy2wasm_str_constant": (PTR, (PTR, I32, PTR_PTR)),
    "tpy2wasm_int_constant": (PTR, (PTR, PTR_PTR)),
    "tpy2wasm_long_constant": (PTR, (I64, PTR_PTR)),
    "tpy2wasm_float_constant": (PTR, (F64, PTR_PTR)),
    "tpy2wasm_singleton": (PTR, (I32,)),
    "tpy2wasm_load_name": (PTR, (PTR, PTR, NAME_CACHE.as_pointer())),
    "tpy2wasm_load_name_word": (I64, (PTR, PTR, NAME_CACHE.as_pointer())),
    "tpy2wasm_store_name": (I32, (PTR, PTR, PTR_PTR, PTR)),
    "tpy2wasm_delete_name": (I32, (PTR, PTR, PTR_PTR)),
    "tpy2wasm_unbound_local": (VOID, (PTR,)),
    "tpy2wasm_load_method": (PTR, (PTR, PTR, PTR_PTR, I32.as_pointer())),
    "tpy2wasm_get_attr": (PTR, (PTR, PTR, ATTR_CACHE.as_pointer())),
    "tpy2wasm_get_native_method": (PTR, (PTR, PTR, PTR_PTR, PTR, METHOD_SITE.as_pointer())),
    "tpy2wasm_binary_op": (PTR, (PTR, PTR, PTR)),
    "tpy2wasm_unary_op": (PTR, (PTR, PTR)),
    "tpy2wasm_compare_op": (PTR, (I32, PTR, PTR)),
    "tpy2wasm_is": (PTR, (PTR, PTR)),
    "tpy2wasm_is_not": (PTR, (PTR, PTR)),
    "tpy2wasm_in": (PTR, (PTR, PTR)),
    "tpy2wasm_not_in": (PTR, (PTR, PTR)),
    "tpy2wasm_call": (PTR, (PTR, PTR_PTR, I32, I32, PTR, PTR_PTR)),
    "tpy2wasm_call_owned": (PTR, (PTR, PTR_PTR, I32)),
    # Direct calls between native functions (native_function.c, codegen/direct_calls.py).
    "tpy2wasm_load_callee": (PTR, (PTR, PTR, NAME_CACHE.as_pointer(), DIRECT_SITE.as_pointer(), PTR)),
    "PyErr_Occurred": (PTR, ()),
    "tpy2wasm_make_function": (PTR, (PTR, PTR, PTR, I32, PTR, PTR, PTR, PTR, PTR_PTR)),
    "PyCell_New": (PTR, (PTR,)),
    "PyCell_Set": (I32, (PTR, PTR)),
    "tpy2wasm_cell_get": (PTR, (PTR, PTR)),
    # Native frames' depth (native_depth.c, codegen/frame_depth.py).
    "tpy2wasm_native_room": (I32, (I32,)),
    "tpy2wasm_publish_depth": (VOID, (I32,)),
    # Py_XDECREF and _Py_Dealloc after publishing the depth they are given.
    "tpy2wasm_release_at": (VOID, (PTR, I32)),
    "tpy2wasm_dealloc_at": (VOID, (PTR, I32)),
    "tpy2wasm_build_sequence": (PTR, (PTR_PTR, I32, I32)),
    "PyObject_IsTrue": (I32, (PTR,)),
    "tpy2wasm_get_item": (PTR, (PTR, PTR)),
    "PySlice_New": (PTR, (PTR, PTR, PTR)),
    "tpy2wasm_build_dict": (PTR, (PTR_PTR, I32)),
    "tpy2wasm_set_attr": (I32, (PTR, PTR, ATTR_CACHE.as_pointer(), PTR)),
    "tpy2wasm_set_item": (I32, (PTR, PTR, PTR)),
    "tpy2wasm_get_item_at": (PTR, (PTR, I64)),
    "tpy2wasm_call_builtin": (PTR, (PTR, PTR, PTR)),
    "tpy2wasm_list_pop": (PTR, (PTR,)),
    "PyList_Append": (I32, (PTR, PTR)),
    "tpy2wasm_set_item_at": (I32, (PTR, I64, PTR)),
    "PyObject_GetIter": (PTR, (PTR,)),
    "tpy2wasm_unpack_sequence": (PTR, (PTR, I32)),
    "tpy2wasm_unpacked_item": (PTR, (PTR, I32)),
    "tpy2wasm_assertion_error": (PTR, (PTR,)),
    "tpy2wasm_enter_with": (PTR, (PTR,)),
    "tpy2wasm_close_with": (PTR, (PTR,)),
    "tpy2wasm_exit_suppresses": (I32, (PTR, PTR)),
    "tpy2wasm_iter_next": (PTR, (PTR,)),
    "tpy2wasm_catch": (PTR, ()),
    "tpy2wasm_enter_handler": (PTR, (PTR,)),
    "tpy2wasm_leave_handler": (VOID, (PTR,)),
    "tpy2wasm_exception_matches": (I32, (PTR, PTR)),
    "tpy2wasm_restore": (VOID, (PTR,)),
    "tpy2wasm_raise_object": (VOID, (PTR, PTR)),
    # Int words (native_words.c): 1 (WORD_ERROR) on error, as a NULL.
    "tpy2wasm_word_from_object": (I64, (PTR,)),
    "tpy2wasm_word_box": (PTR, (I64,)),
    "PyLong_FromLongLong": (PTR, (I64,)),
    "tpy2wasm_word_binary": (I64, (PTR, I64, I64)),
    "tpy2wasm_word_unary": (I64, (PTR, I64)),
    "tpy2wasm_word_compare": (I32, (I64, I64, I32)),
    # Float words (native_float_words.c): the box of NULL (FLOAT_ERROR) on error; the binary,
    # unary and compare functions consume the objects they are given.
    "tpy2wasm_float_word_from_object": (F64, (PTR,)),
    "tpy2wasm_float_word_box": (PTR, (F64,)),
    "tpy2wasm_float_word_binary": (F64, (PTR, PTR, PTR)),
    "tpy2wasm_float_floor_divmod": (F64, (F64, F64, I32)),
    "tpy2wasm_float_word_unary": (F64, (PTR, PTR)),
    "tpy2wasm_compare_objects": (I32, (PTR, PTR, I32)),
    # Bool words (native_bool_words.c): 2 (BOOL_ERROR) on error.
    "tpy2wasm_bool_word_from_object": (I32, (PTR,)),
    "tpy2wasm_bool_word_box": (PTR, (I32,)),
    "tpy2wasm_bool_word_not": (I32, (PTR,)),
    "tpy2wasm_compare_bool_word": (I32, (PTR, PTR, I32)),
}

def runtime_int(module: ir.Module, name: str) -> ir.GlobalVariable:
    """An `int` the C runtime defines (tpy2wasm_native_ceiling), declared once."""
    variable = module.globals.get(name)
    if isinstance(variable, ir.GlobalVariable):
        return variable
    return ir.GlobalVariable(module, I32, name)


def declare(module: ir.Module, name: str) -> ir.Function:
    """The runtime function `name`, declared in `module` once."""
    return_type, parameters = FUNCTIONS[name]
    return declare_function(module, name, ir.FunctionType(return_type, parameters))


def declare_function(module: ir.Module, name: str, function_type: ir.FunctionType) -> ir.Function:
    """Any function (an LLVM intrinsic, a CPython API function), declared in `module` once."""
    existing = module.globals.get(name)
    return existing if isinstance(existing, ir.Function) else ir.Function(module, function_type, name)


OVERFLOW_CHECKED: Final = ir.FunctionType(ir.LiteralStructType([I64, I1]), [I64, I64])
"""llvm.s{add,sub,mul}.with.overflow.i64: the result and whether it overflowed."""
