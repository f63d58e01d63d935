/* The runtime of the statements that unpack, assert and manage context in native functions
 * (analysis/lower_statements.py, lower_exceptions.py): CPython 3.11's UNPACK_SEQUENCE,
 * LOAD_ASSERTION_ERROR, BEFORE_WITH and WITH_EXCEPT_START, with their errors. */

#include "native.h"

/* UNPACK_SEQUENCE (ceval.c's unpack_iterable with no starred target): a new tuple of exactly
 * `count` items, or NULL with CPython's TypeError or ValueError. */
PyObject *tpy2wasm_unpack_sequence(PyObject *value, int count) {
    if (PyTuple_CheckExact(value) && PyTuple_GET_SIZE(value) == count) {
        Py_INCREF(value);
        return value;
    }
    if (PyList_CheckExact(value) && PyList_GET_SIZE(value) == count) {
        return PyList_AsTuple(value);
    }
    PyObject *iterator = PyObject_GetIter(value);
    if (iterator == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(value)->tp_iter == NULL && !PySequence_Check(value)) {
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", Py_TYPE(value)->tp_name);
        }
        return NULL;
    }
    PyObject *items = PyTuple_New(count);
    for (int i = 0; items != NULL && i < count; i++) {
        PyObject *item = PyIter_Next(iterator);
        if (item == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %d, got %d)", count, i);
            }
            Py_CLEAR(items);
        } else {
            PyTuple_SET_ITEM(items, i, item);
        }
    }
    PyObject *extra = items != NULL ? PyIter_Next(iterator) : NULL;
    if (extra != NULL) {
        Py_DECREF(extra);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", count);
    }
    if (items != NULL && PyErr_Occurred()) {
        Py_CLEAR(items);
    }
    Py_DECREF(iterator);
    return items;
}

PyObject *tpy2wasm_unpacked_item(PyObject *items, int index) {
    PyObject *item = PyTuple_GET_ITEM(items, index);
    Py_INCREF(item);
    return item;
}

/* LOAD_ASSERTION_ERROR, then the call: the builtin class, whatever the name holds, on the
 * assert's message when it has one (NULL: none). */
PyObject *tpy2wasm_assertion_error(PyObject *message) {
    return message == NULL ? PyObject_CallNoArgs(PyExc_AssertionError)
                           : PyObject_CallOneArg(PyExc_AssertionError, message);
}

/* _PyObject_LookupSpecial: `name` looked up on the type, bound to `self`; NULL with no error
 * set when the type has no such attribute. */
static PyObject *lookup_special(PyObject *self, const char *name, PyObject **interned) {
    if (*interned == NULL && (*interned = PyUnicode_InternFromString(name)) == NULL) {
        return NULL;
    }
    PyObject *found = _PyType_Lookup(Py_TYPE(self), *interned);
    if (found == NULL) {
        return NULL;
    }
    descrgetfunc get = Py_TYPE(found)->tp_descr_get;
    if (get == NULL) {
        Py_INCREF(found);
        return found;
    }
    return get(found, self, (PyObject *)Py_TYPE(self));
}

/* BEFORE_WITH: (the bound __exit__, what __enter__() returned) as a new 2-tuple. */
PyObject *tpy2wasm_enter_with(PyObject *manager) {
    static PyObject *enter_name, *exit_name;
    PyObject *enter = lookup_special(manager, "__enter__", &enter_name);
    if (enter == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the context manager protocol",
                         Py_TYPE(manager)->tp_name);
        }
        return NULL;
    }
    PyObject *exit = lookup_special(manager, "__exit__", &exit_name);
    if (exit == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object does not support the context manager protocol (missed __exit__ method)",
                         Py_TYPE(manager)->tp_name);
        }
        Py_DECREF(enter);
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    PyObject *pair = value == NULL ? NULL : PyTuple_Pack(2, exit, value);
    Py_DECREF(exit);
    Py_XDECREF(value);
    return pair;
}

PyObject *tpy2wasm_close_with(PyObject *exit) {
    PyObject *args[3] = {Py_None, Py_None, Py_None};
    return PyObject_Vectorcall(exit, args, 3, NULL);
}

/* WITH_EXCEPT_START and the test of its result: 1 when __exit__ suppresses the exception, 0 when
 * not, -1 when it raised. */
int tpy2wasm_exit_suppresses(PyObject *exit, PyObject *exception) {
    PyObject *traceback = PyException_GetTraceback(exception);
    PyObject *args[3] = {(PyObject *)Py_TYPE(exception), exception, traceback != NULL ? traceback : Py_None};
    PyObject *result = PyObject_Vectorcall(exit, args, 3, NULL);
    Py_XDECREF(traceback);
    if (result == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(result);
    Py_DECREF(result);
    return truth;
}
