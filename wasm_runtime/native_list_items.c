/* Items at an int word index, and the layouts generated code reads lists, floats, ints, strs and
 * list iterators by (codegen/list_items.py reads an exact list's item in place; these are the paths
 * for everything else: CPython's subscript on the boxed index).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>

#include "native.h"

PyObject *tpy2wasm_word_box(int64_t word);

_Static_assert(offsetof(PyVarObject, ob_size) == 8, "codegen/object_fields.py: SIZE");
_Static_assert(offsetof(PyListObject, ob_item) == 12, "codegen/object_fields.py: LIST_ITEMS");
_Static_assert(offsetof(PyListObject, allocated) == 16, "codegen/object_fields.py: LIST_ALLOCATED");
_Static_assert(offsetof(PyFloatObject, ob_fval) == 8, "codegen/object_fields.py: FLOAT_VALUE");
_Static_assert(offsetof(PyASCIIObject, length) == 8, "codegen/object_fields.py: STR_LENGTH");
_Static_assert(offsetof(PyLongObject, ob_digit) == 12 && PyLong_SHIFT == 30, "codegen/object_fields.py: INT_DIGIT");

/* Whether `key` indexes an exact list past any length it can have on wasm32, where CPython
 * would say "cannot fit 'int' into an index-sized integer" of an int that fits 64 bits: then
 * raises IndexError with `message`, as CPython on a 64-bit machine, which a program's output is
 * held to, says of such an index (it says "cannot fit" only past 64 bits). */
static int past_any_list(PyObject *object, PyObject *key, const char *message) {
    if (!PyList_CheckExact(object) || !PyLong_Check(key)) {
        return 0;
    }
    int overflow;
    long long index = PyLong_AsLongLongAndOverflow(key, &overflow);
    if (overflow || (index >= PY_SSIZE_T_MIN && index <= PY_SSIZE_T_MAX)) {
        return 0;
    }
    PyErr_SetString(PyExc_IndexError, message);
    return 1;
}

/* BINARY_SUBSCR: a new reference, or NULL when it raised. */
PyObject *tpy2wasm_get_item(PyObject *object, PyObject *key) {
    return past_any_list(object, key, "list index out of range") ? NULL : PyObject_GetItem(object, key);
}

/* STORE_SUBSCR: 0, or -1 when it raised. */
int tpy2wasm_set_item(PyObject *object, PyObject *key, PyObject *value) {
    return past_any_list(object, key, "list assignment index out of range") ? -1 : PyObject_SetItem(object, key, value);
}

/* `object[index]` for an int word index: an exact str's or tuple's item by its sq_item, as their
 * subscript does (BINARY_SUBSCR_TUPLE_INT likewise), with an index past any length on wasm32
 * an IndexError as on a 64-bit machine (past_any_list); anything else by CPython's subscript
 * on the boxed index. */
PyObject *tpy2wasm_get_item_at(PyObject *object, int64_t index) {
    int is_str = PyUnicode_CheckExact(object);
    if ((index & 1) == 0 && (is_str || PyTuple_CheckExact(object))) {
        int64_t at = index >> 1; /* a small word's value */
        if (at < 0) {
            at += is_str ? PyUnicode_GET_LENGTH(object) : PyTuple_GET_SIZE(object);
        }
        if (at < 0 || at > PY_SSIZE_T_MAX) {
            PyErr_SetString(PyExc_IndexError, is_str ? "string index out of range" : "tuple index out of range");
            return NULL;
        }
        return Py_TYPE(object)->tp_as_sequence->sq_item(object, (Py_ssize_t)at);
    }
    PyObject *key = tpy2wasm_word_box(index);
    if (key == NULL) {
        return NULL;
    }
    PyObject *item = tpy2wasm_get_item(object, key);
    Py_DECREF(key);
    return item;
}

/* `object[index] = value` for an int word index. */
int tpy2wasm_set_item_at(PyObject *object, int64_t index, PyObject *value) {
    PyObject *key = tpy2wasm_word_box(index);
    if (key == NULL) {
        return -1;
    }
    int status = tpy2wasm_set_item(object, key, value);
    Py_DECREF(key);
    return status;
}

/* `list.pop()` where generated code does not take the last item in place. */
PyObject *tpy2wasm_list_pop(PyObject *list) {
    return PyObject_CallMethod(list, "pop", NULL);
}

/* Generated code steps a list's iterator in place: its index at offset 8, its list (NULL once
 * exhausted) at 12, as Objects/listobject.c's private listiterobject lays them out in 3.11.
 * Checked once at start-up, on a real iterator, since no header states it. */
static int check_list_iterator_layout(void) {
    PyObject *list = PyList_New(0);
    PyObject *iterator = list == NULL ? NULL : PyObject_GetIter(list);
    int agrees = iterator != NULL && Py_TYPE(iterator) == &PyListIter_Type
                 && *(Py_ssize_t *)((char *)iterator + 8) == 0 && *(PyObject **)((char *)iterator + 12) == list;
    Py_XDECREF(iterator);
    Py_XDECREF(list);
    if (!agrees && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "tpy2wasm: list iterators are not laid out as codegen/object_fields.py says");
    }
    return agrees ? 0 : -1;
}

/* At start-up: 0, or -1 with SystemError when this CPython lays list iterators out otherwise. */
int tpy2wasm_init_list_items(void) {
    return check_list_iterator_layout();
}
