/* The traceback entries of native frames: native code adds one, as CPython's frames do, where an
 * exception leaves it (codegen/function_emitter.py, codegen/positions.py).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <stddef.h>
#include <stdint.h>

#include "native.h"

_Static_assert(offsetof(PyDictObject, ma_version_tag) == 16, "codegen/object_fields.py: DICT_VERSION");

/* ---- traceback entries of native frames ---- */

/* Where a failing native op came from (see codegen/positions.py): UTF-8 byte columns, -1 none. */
typedef struct {
    int32_t line, end_line, column, end_column;
} SourcePosition;

enum { LOCATION_NO_COLUMNS = 13, LOCATION_LONG = 14, NOP_OPCODE = 9 };

static size_t write_varint(uint8_t *out, uint32_t value) {
    size_t written = 0;
    while (value >= 64) {
        out[written++] = 64 | (value & 63);
        value >>= 6;
    }
    out[written++] = (uint8_t)value;
    return written;
}

/* A one-NOP code object whose location table (Objects/locations.md of CPython 3.11) gives
 * that instruction `position`, so traceback.py computes CPython's carets for it. */
static PyObject *located_code(const char *function, const char *filename, const SourcePosition *position) {
    uint8_t table[1 + 4 * 6];
    size_t size = 0;
    int has_columns = position->column >= 0 && position->end_column >= 0 && position->end_line >= position->line;
    table[size++] = 0x80 | ((has_columns ? LOCATION_LONG : LOCATION_NO_COLUMNS) << 3); /* one code unit */
    size += write_varint(table + size, 0); /* line delta from co_firstlineno, a signed varint */
    if (has_columns) {
        size += write_varint(table + size, (uint32_t)(position->end_line - position->line));
        size += write_varint(table + size, (uint32_t)position->column + 1);
        size += write_varint(table + size, (uint32_t)position->end_column + 1);
    }
    static const char nop[2] = {NOP_OPCODE, 0};
    PyObject *code = NULL;
    PyObject *bytecode = PyBytes_FromStringAndSize(nop, sizeof nop);
    PyObject *linetable = PyBytes_FromStringAndSize((const char *)table, (Py_ssize_t)size);
    PyObject *empty_bytes = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *empty_tuple = PyTuple_New(0);
    PyObject *name = PyUnicode_FromString(function);
    PyObject *path = PyUnicode_DecodeFSDefault(filename);
    if (bytecode && linetable && empty_bytes && empty_tuple && name && path) {
        code = (PyObject *)PyCode_New(0, 0, 0, 0, 0, bytecode, empty_tuple, empty_tuple, empty_tuple,
                                      empty_tuple, empty_tuple, path, name, name, position->line,
                                      linetable, empty_bytes);
    }
    Py_XDECREF(bytecode);
    Py_XDECREF(linetable);
    Py_XDECREF(empty_bytes);
    Py_XDECREF(empty_tuple);
    Py_XDECREF(name);
    Py_XDECREF(path);
    return code;
}

/* Adds the native frame to the traceback of the exception being raised, as CPython would:
 * a frame of a located code object over the module's globals (where a NameError's suggestion
 * looks for similar names), its traceback entry at that code's one instruction. */
void tpy2wasm_traceback(PyObject *globals, const char *function, const char *filename,
                        const SourcePosition *position) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);  /* no Python code may run with it set */
    PyObject *entry = NULL;
    PyObject *code = located_code(function, filename, position);
    PyFrameObject *frame = code ? PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code, globals, NULL) : NULL;
    /* The type's tp_new, not a call of the type: a call counts against the recursion limit,
     * and the frame raising RecursionError at the limit must still get its entry. */
    PyObject *arguments = frame ? Py_BuildValue("(OOii)", traceback ? traceback : Py_None, (PyObject *)frame, 0,
                                                position->line)
                                : NULL;
    if (arguments) {
        entry = PyTraceBack_Type.tp_new(&PyTraceBack_Type, arguments, NULL);
    }
    Py_XDECREF(arguments);
    Py_XDECREF(frame);
    Py_XDECREF(code);
    if (entry == NULL) {  /* as _PyTraceback_Add: the new error, chained to the pending one */
        _PyErr_ChainExceptions(type, value, traceback);
        return;
    }
    Py_XDECREF(traceback);
    PyErr_Restore(type, value, entry);
}

PyObject *_Py_Offer_Suggestions(PyObject *exception); /* CPython's Python/suggestions.c */

/* _tpy2wasm.suggestion(error): the name CPython's C printer suggests for a NameError or an
 * AttributeError ("Did you mean", which a native frame's globals let it find), or None;
 * boot.py's printer, which stands in for CPython's, asks. */
PyObject *tpy2wasm_suggestion(PyObject *module, PyObject *error) {
    PyObject *name = _Py_Offer_Suggestions(error);
    if (name == NULL) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return name;
}
