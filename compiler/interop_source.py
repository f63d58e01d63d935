"""The C glue of a program's exports and host imports, and the custom section that describes
its exports to hosts (the browser loader reads it).

Each export becomes a C function with the Wasm signature of its hints, exported under the
Python name, that converts its arguments, calls the Python function through the C API (the
native function object when the function is native) and converts the result back; each host
import becomes a Wasm import and a METH_FASTCALL callable that `tpy2wasm.host_import` binds to
the stub. The conversions themselves live in wasm_runtime/interop.c and reactor.c.
"""

from __future__ import annotations

import json

from tpy2wasm.compiler.exports import HostImport, Interop, Signature
from tpy2wasm.compiler.wasm_binary import leb128

#: The custom section hosts read an export list from.
EXPORTS_SECTION = "tpy2wasm.exports"

#: Per Python type: the C types of its Wasm parameters, and its Wasm result's C type.
_PARAMETER_C_TYPES = {
    "int": ("int64_t",), "float": ("double",), "bool": ("int32_t",),
    "str": ("int32_t", "int32_t"), "bytes": ("int32_t", "int32_t"),
}
_RESULT_C_TYPES = {"int": "int64_t", "float": "double", "bool": "int32_t", "str": "int32_t", "bytes": "int32_t",
                   "None": "void"}
#: An export's argument, from its Wasm value(s), as a new reference.
_TO_PYTHON = {
    "int": "PyLong_FromLongLong({0})", "float": "PyFloat_FromDouble({0})", "bool": "PyBool_FromLong({0})",
    "str": "tpy2wasm_take_str({0}_ptr, {0}_len)", "bytes": "tpy2wasm_take_bytes({0}_ptr, {0}_len)",
}
#: A host import's result, from its Wasm value, as a new reference.
_RESULT_TO_PYTHON = {
    "int": "PyLong_FromLongLong({0})", "float": "PyFloat_FromDouble({0})", "bool": "PyBool_FromLong({0})",
    "str": "tpy2wasm_take_str_buffer({0})", "bytes": "tpy2wasm_take_bytes_buffer({0})",
}


def c_string(text: str) -> str:
    """A C string literal of `text`'s UTF-8 bytes (octal escapes never swallow a next digit)."""
    return '"' + "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\?' else f"\\{b:03o}"
                         for b in text.encode("utf-8")) + '"'


def _wasm_parameters(signature: Signature) -> list[tuple[str, str]]:
    """(C type, C name) of each Wasm parameter: p0, or p0_ptr and p0_len for str and bytes."""
    parameters: list[tuple[str, str]] = []
    for index, (_name, python_type) in enumerate(signature.parameters):
        c_types = _PARAMETER_C_TYPES[python_type]
        names = [f"p{index}"] if len(c_types) == 1 else [f"p{index}_ptr", f"p{index}_len"]
        parameters.extend(zip(c_types, names))
    return parameters


def _parameter_list(signature: Signature) -> str:
    return ", ".join(f"{c_type} {name}" for c_type, name in _wasm_parameters(signature)) or "void"


def _export_wrapper(index: int, signature: Signature) -> str:
    count = len(signature.parameters)
    arguments = ", ".join(_TO_PYTHON[t].format(f"p{i}") for i, (_n, t) in enumerate(signature.parameters))
    call = (f"tpy2wasm_{signature.result.lower()}_result(tpy2wasm_call_export({c_string(signature.name)}, "
            f"args, {count}), {c_string(signature.name + '() result')})")
    result = _RESULT_C_TYPES[signature.result]
    return "\n".join([
        f"__attribute__((export_name({c_string(signature.name)})))",
        f"{result} tpy2wasm_export_{index}({_parameter_list(signature)}) {{",
        f"    PyObject *args[{max(count, 1)}] = {{{arguments or 'NULL'}}};",
        f"    {'' if result == 'void' else 'return '}{call};",
        "}",
    ])


def _import_caller(index: int, host_import: HostImport) -> str:
    signature = host_import.signature
    declarations = [f"    {c_type} {name};" for c_type, name in _wasm_parameters(signature)]
    checks = [f"tpy2wasm_check_arity({c_string(signature.name)}, nargs, {len(signature.parameters)}) < 0"]
    for position, (_name, python_type) in enumerate(signature.parameters):
        what = c_string(f"{signature.name}() argument {position + 1}")
        outputs = f"&p{position}" if python_type in ("int", "float", "bool") else f"&p{position}_ptr, &p{position}_len"
        checks.append(f"tpy2wasm_as_{python_type}(args[{position}], {what}, {outputs}) < 0")
    call = f"tpy2wasm_import_{index}({', '.join(name for _t, name in _wasm_parameters(signature))})"
    if signature.result == "None":
        finish = [f"    {call};", "    Py_RETURN_NONE;"]
    else:
        finish = [f"    return {_RESULT_TO_PYTHON[signature.result].format(call)};"]
    return "\n".join([
        f"__attribute__((import_module({c_string(host_import.module)}), import_name({c_string(host_import.name)})))",
        f"extern {_RESULT_C_TYPES[signature.result]} tpy2wasm_import_{index}({_parameter_list(signature)});",
        "",
        f"static PyObject *tpy2wasm_call_import_{index}(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {{",
        "    (void)self;",
        *declarations,
        "    if (" + "\n        || ".join(checks) + ") {",
        "        return NULL;",
        "    }",
        *finish,
        "}",
    ])


def interop_c_source(interop: Interop) -> str:
    """One C file: the export wrappers, the import callers and the table bind() searches."""
    parts = ['/* Generated by tpy2wasm (compiler/interop_source.py). */', '#include "interop.h"']
    parts += [_export_wrapper(index, signature) for index, signature in enumerate(interop.exports)]
    parts += [_import_caller(index, host_import) for index, host_import in enumerate(interop.host_imports)]
    entries = [
        f"    {{{c_string(h.module)}, {c_string(h.name)}, {{{c_string(h.signature.name)}, "
        f"(PyCFunction)(void (*)(void))tpy2wasm_call_import_{index}, METH_FASTCALL, NULL}}}},"
        for index, h in enumerate(interop.host_imports)
    ]
    parts.append("struct tpy2wasm_host_import tpy2wasm_host_imports[] = {\n" + "".join(e + "\n" for e in entries)
                 + "    {NULL, NULL, {NULL, NULL, 0, NULL}},\n};")
    return "\n\n".join(parts) + "\n"


def _described(signature: Signature) -> dict[str, object]:
    return {
        "name": signature.name,
        "params": [python_type for _name, python_type in signature.parameters],
        "param_names": [name for name, _type in signature.parameters],
        "result": signature.result,
    }


def exports_section(interop: Interop) -> bytes:
    """The JSON of the `tpy2wasm.exports` custom section: exports, and the imports the host must give."""
    description = {
        "functions": [_described(signature) for signature in interop.exports],
        "host_imports": [{"module": h.module, "import": h.name, **_described(h.signature)}
                         for h in interop.host_imports],
    }
    return json.dumps(description, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def custom_section(name: str, payload: bytes) -> bytes:
    """A Wasm custom section (id 0): appended to a module, hosts see it, engines ignore it."""
    encoded_name = name.encode("utf-8")
    body = leb128(len(encoded_name)) + encoded_name + payload
    return b"\x00" + leb128(len(body)) + body
