/* The native core's runtime: native functions as Python callables, and the helpers that
 * generated code calls.
 *
 * A native function works on unboxed values (int as i64, float as f64, bool as i1). Whenever
 * that fast path cannot give CPython's exact result -- an i64 overflow, an argument or global
 * whose value does not fit the hint, native recursion deeper than NATIVE_DEPTH_CAP or the
 * recursion limit -- the native call ends with status DEOPT. The wrapper then undoes the module-global writes the
 * call made (the journal) and runs the function's Python version on the original arguments.
 * Native code has no other side effects, so the re-run is exactly what CPython would do.
 * Real Python exceptions end the call with status ERROR and propagate like CPython's.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <math.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "native.h"

/* How the current native call ends; generated code reads it after every native call. */
int tpy2wasm_status;

/* Deeper native recursion deoptimises, so the Wasm engine's own stack never overflows. */
#define NATIVE_DEPTH_CAP 2000

int tpy2wasm_depth_budget;
int tpy2wasm_deopt_for_depth;

_Static_assert(offsetof(PyDictObject, ma_version_tag) == 16, "codegen/function_emitter.py reads it at 16");

/* Native code calls no Python code, so the interpreter's remaining recursion depth is fixed
 * for the whole native call: the budget is the smaller of it and the native cap. */
void tpy2wasm_start_native_call(void) {
    int remaining = PyThreadState_Get()->recursion_remaining;
    tpy2wasm_deopt_for_depth = 0;
    tpy2wasm_depth_budget = remaining < NATIVE_DEPTH_CAP ? remaining : NATIVE_DEPTH_CAP;
}

int tpy2wasm_raise(int which) {
    static const struct { PyObject **type; const char *message; } errors[] = {
        {&PyExc_ZeroDivisionError, "integer division or modulo by zero"},
        {&PyExc_ZeroDivisionError, "division by zero"},
        {&PyExc_ZeroDivisionError, "float division by zero"},
        {&PyExc_ZeroDivisionError, "float floor division by zero"},
        {&PyExc_ZeroDivisionError, "float modulo"},
        {&PyExc_ValueError, "negative shift count"},
        {&PyExc_ValueError, "math domain error"},
        {&PyExc_ZeroDivisionError, "integer modulo by zero"},
        {&PyExc_ValueError, "range() arg 3 must not be zero"},
    };
    PyErr_SetString(*errors[which].type, errors[which].message);
    return tpy2wasm_status = TPY_ERROR;
}

int tpy2wasm_deopt(void) {
    return tpy2wasm_status = TPY_DEOPT;
}

/* Called when the depth budget runs out: the call re-runs in CPython, whose recursion goes on
 * past the native cap, and which raises its own RecursionError at the limit -- with the message
 * of the check that tripped there ("... in comparison" when a big int's compare came first). */
int tpy2wasm_depth_exhausted(void) {
    tpy2wasm_deopt_for_depth = 1;
    return tpy2wasm_deopt();
}

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

/* ---- boxing ---- */

int tpy2wasm_unbox(char kind, PyObject *value, uint64_t *slot) {
    if (kind == 'i') {
        if (!PyLong_CheckExact(value)) {
            return 0;
        }
        Py_ssize_t size = Py_SIZE(value);
        if (size >= -1 && size <= 1) { /* one digit or zero: no call of CPython's conversion */
            int64_t number = (int64_t)size * (int64_t)((PyLongObject *)value)->ob_digit[0];
            memcpy(slot, &number, sizeof number);
            return 1;
        }
        int overflow;
        long long number = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow) {
            return 0;
        }
        memcpy(slot, &number, sizeof number);
        return 1;
    }
    if (kind == 'f') {
        if (!PyFloat_CheckExact(value)) {
            return 0;
        }
        double number = PyFloat_AS_DOUBLE(value);
        memcpy(slot, &number, sizeof number);
        return 1;
    }
    if (kind == 'b' && PyBool_Check(value)) {
        *slot = value == Py_True;
        return 1;
    }
    return 0;
}

PyObject *tpy2wasm_box(char kind, uint64_t slot) {
    if (kind == 'i') {
        long long number;
        memcpy(&number, &slot, sizeof number);
        return PyLong_FromLongLong(number);
    }
    if (kind == 'f') {
        double number;
        memcpy(&number, &slot, sizeof number);
        return PyFloat_FromDouble(number);
    }
    if (kind == 'b') {
        return PyBool_FromLong((long)(slot & 1));
    }
    Py_RETURN_NONE;
}

/* ---- module globals, and the journal that undoes their writes on DEOPT ---- */

typedef struct {
    PyObject *globals;
    PyObject *name;
    PyObject *old_value; /* NULL: the name was unbound */
} JournalEntry;

static JournalEntry *journal;
static size_t journal_length, journal_capacity;

static PyObject *name_object(GlobalCache *cache, const char *name) {
    if (cache->name == NULL) {
        cache->name = PyUnicode_InternFromString(name);
    }
    return cache->name;
}

/* The slow path of a global read: look it up and remember it for the inline check. */
int tpy2wasm_load_global(PyObject *globals, GlobalCache *cache, const char *name, int kind, uint64_t *out) {
    PyObject *key = name_object(cache, name);
    if (key == NULL) {
        return tpy2wasm_status = TPY_ERROR;
    }
    PyObject *value = PyDict_GetItemWithError(globals, key);
    if (value == NULL) {
        return PyErr_Occurred() ? (tpy2wasm_status = TPY_ERROR) : tpy2wasm_deopt();
    }
    if (!tpy2wasm_unbox((char)kind, value, out)) {
        return tpy2wasm_deopt();
    }
    cache->dict = globals;
    cache->version = ((PyDictObject *)globals)->ma_version_tag;
    cache->bits = *out;
    return TPY_OK;
}

int tpy2wasm_store_global(PyObject *globals, GlobalCache *cache, const char *name, int kind, uint64_t bits) {
    PyObject *key = name_object(cache, name);
    PyObject *value = key ? tpy2wasm_box((char)kind, bits) : NULL;
    if (value == NULL) {
        return tpy2wasm_status = TPY_ERROR;
    }
    if (journal_length == journal_capacity) {
        size_t capacity = journal_capacity ? 2 * journal_capacity : 16;
        JournalEntry *grown = PyMem_Realloc(journal, capacity * sizeof *grown);
        if (grown == NULL) {
            Py_DECREF(value);
            PyErr_NoMemory();
            return tpy2wasm_status = TPY_ERROR;
        }
        journal = grown;
        journal_capacity = capacity;
    }
    PyObject *old_value = PyDict_GetItemWithError(globals, key);
    if (old_value == NULL && PyErr_Occurred()) {
        Py_DECREF(value);
        return tpy2wasm_status = TPY_ERROR;
    }
    Py_XINCREF(old_value);
    Py_INCREF(globals);
    Py_INCREF(key);
    journal[journal_length++] = (JournalEntry){globals, key, old_value};
    int failed = PyDict_SetItem(globals, key, value) < 0;
    Py_DECREF(value);
    return failed ? (tpy2wasm_status = TPY_ERROR) : TPY_OK;
}

size_t tpy2wasm_journal_mark(void) {
    return journal_length;
}

/* Forgets the entries above `mark` after a call that ended normally or with an exception.
 * Releasing an old value can run a __del__ that calls native code: each call works only
 * above its own mark, so a nested call never touches the outer call's entries. */
void tpy2wasm_journal_commit(size_t mark) {
    while (journal_length > mark) {
        JournalEntry *entry = &journal[--journal_length];
        Py_DECREF(entry->globals);
        Py_DECREF(entry->name);
        Py_XDECREF(entry->old_value);
    }
}

/* Restores, newest first, every global a deoptimised call wrote (the entries above `mark`). */
int tpy2wasm_journal_undo(size_t mark) {
    int failed = 0;
    while (journal_length > mark) {
        JournalEntry *entry = &journal[--journal_length];
        if (entry->old_value != NULL) {
            failed |= PyDict_SetItem(entry->globals, entry->name, entry->old_value) < 0;
        } else {
            failed |= PyDict_DelItem(entry->globals, entry->name) < 0;
        }
        Py_DECREF(entry->globals);
        Py_DECREF(entry->name);
        Py_XDECREF(entry->old_value);
    }
    return failed ? -1 : 0;
}
