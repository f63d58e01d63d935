/* What native functions call: each helper is one step of CPython 3.11's ceval.c on
 * PyObject* values, with the same results, errors and messages, so a native function behaves
 * exactly as the interpreter running its bytecode would. Helpers return a new reference, or
 * NULL (an int < 0) with the exception set. */
#include "native.h"

#include <string.h>

/* A name or string constant of generated code, made once and kept for the program's life. */
PyObject *tpy2wasm_cached_string(const char *utf8, int size, PyObject **cache) {
    if (*cache == NULL) {
        *cache = PyUnicode_DecodeUTF8(utf8, size, "surrogatepass");
        if (*cache != NULL) {
            PyUnicode_InternInPlace(cache);
        }
    }
    return *cache;
}

/* The value of an int of at most one 30-bit digit (what CPython's own fast paths take). */
static int small_int(PyObject *object, long *value) {
    if (!PyLong_CheckExact(object) || Py_ABS(Py_SIZE(object)) > 1) {
        return 0;
    }
    *value = (long)Py_SIZE(object) * (long)((PyLongObject *)object)->ob_digit[0];
    return 1;
}

PyObject *tpy2wasm_str_constant(const char *utf8, int size, PyObject **cache) {
    PyObject *value = tpy2wasm_cached_string(utf8, size, cache);
    Py_XINCREF(value);
    return value;
}

/* Number constants are made once per site, as CPython keeps them in co_consts. */
PyObject *tpy2wasm_long_constant(long long value, PyObject **cache) {
    if (*cache == NULL) {
        *cache = PyLong_FromLongLong(value);
    }
    Py_XINCREF(*cache);
    return *cache;
}

PyObject *tpy2wasm_float_constant(double value, PyObject **cache) {
    if (*cache == NULL) {
        *cache = PyFloat_FromDouble(value);
    }
    Py_XINCREF(*cache);
    return *cache;
}

PyObject *tpy2wasm_int_constant(const char *digits, PyObject **cache) {
    if (*cache == NULL) {
        *cache = PyLong_FromString(digits, NULL, 10);
    }
    Py_XINCREF(*cache);
    return *cache;
}

PyObject *tpy2wasm_singleton(int which) {
    PyObject *value = which == 0 ? Py_None : which == 1 ? Py_False : Py_True;
    Py_INCREF(value);
    return value;
}

void tpy2wasm_unbound_local(const char *name) {
    PyErr_Format(PyExc_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value", name);
}

/* LOAD_DEREF of a cell variable (analysis/cells.py): a new reference, or CPython's
 * UnboundLocalError when the cell is empty. */
PyObject *tpy2wasm_cell_get(PyObject *cell, const char *name) {
    PyObject *value = PyCell_GET(cell);
    if (value == NULL) {
        tpy2wasm_unbound_local(name);
        return NULL;
    }
    return Py_NewRef(value);
}

/* A dict display: `items` alternates keys and values (BUILD_MAP). */
PyObject *tpy2wasm_build_dict(PyObject *const *items, int pairs) {
    PyObject *dict = _PyDict_NewPresized(pairs);
    for (int i = 0; dict != NULL && i < pairs; i++) {
        if (PyDict_SetItem(dict, items[2 * i], items[2 * i + 1]) < 0) {
            Py_CLEAR(dict);
        }
    }
    return dict;
}

/* + - * on two exact floats, and + - on two small ints, without the generic dispatch: what
 * float_add and long_add compute (the interpreter's specialized BINARY_OP does the same).
 * NULL when it does not apply (or, with the exception set, when the result's allocation failed). */
static PyObject *arithmetic_fast_path(binaryfunc operation, PyObject *left, PyObject *right) {
    int add = operation == PyNumber_Add || operation == PyNumber_InPlaceAdd;
    int subtract = operation == PyNumber_Subtract || operation == PyNumber_InPlaceSubtract;
    int multiply = operation == PyNumber_Multiply || operation == PyNumber_InPlaceMultiply;
    if ((add || subtract || multiply) && PyFloat_CheckExact(left) && PyFloat_CheckExact(right)) {
        double a = PyFloat_AS_DOUBLE(left), b = PyFloat_AS_DOUBLE(right);
        return PyFloat_FromDouble(add ? a + b : subtract ? a - b : a * b);
    }
    long a, b;
    if ((add || subtract) && small_int(left, &a) && small_int(right, &b)) {
        return PyLong_FromLong(add ? a + b : a - b);
    }
    return NULL;
}

/* `left op right` by CPython's function for the operator (codegen/int_words.py's NUMBER_FUNCTIONS). */
PyObject *tpy2wasm_binary_op(binaryfunc operation, PyObject *left, PyObject *right) {
    PyObject *fast = arithmetic_fast_path(operation, left, right);
    if (fast != NULL || PyErr_Occurred()) {
        return fast;
    }
    if ((operation == PyNumber_Add || operation == PyNumber_InPlaceAdd)
        && PyUnicode_CheckExact(left) && PyUnicode_CheckExact(right)) {
        return PyUnicode_Concat(left, right); /* str has no nb_add: what sq_concat does (BINARY_OP_ADD_UNICODE) */
    }
    return operation(left, right);
}

/* `op operand` by CPython's function for the operator, or tpy2wasm_not. */
PyObject *tpy2wasm_unary_op(unaryfunc operation, PyObject *operand) {
    return operation(operand);
}

PyObject *tpy2wasm_not(PyObject *operand) {
    int falsy = PyObject_Not(operand);
    return falsy < 0 ? NULL : PyBool_FromLong(falsy);
}

/* A rich comparison (`rich` is Py_LT ... Py_GE), with two small ints or two exact floats compared
 * directly, and two exact strs by str's own comparison, as the interpreter's specialized
 * COMPARE_OP does (for exact types of one kind, PyObject_RichCompare calls just that). */
PyObject *tpy2wasm_compare_op(int rich, PyObject *left, PyObject *right) {
    long a, b;
    if (small_int(left, &a) && small_int(right, &b)) {
        int results[] = {a < b, a <= b, a == b, a != b, a > b, a >= b};
        return PyBool_FromLong(results[rich]);
    }
    if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right)) {
        double x = PyFloat_AS_DOUBLE(left), y = PyFloat_AS_DOUBLE(right);
        int results[] = {x < y, x <= y, x == y, x != y, x > y, x >= y};
        return PyBool_FromLong(results[rich]);
    }
    if (PyUnicode_CheckExact(left) && PyUnicode_CheckExact(right)) {
        if (Py_EnterRecursiveCall(" in comparison")) { /* as PyObject_RichCompare checks */
            return NULL;
        }
        PyObject *result = PyUnicode_RichCompare(left, right, rich);
        Py_LeaveRecursiveCall();
        return result;
    }
    return PyObject_RichCompare(left, right, rich);
}

PyObject *tpy2wasm_is(PyObject *left, PyObject *right) {
    return PyBool_FromLong(left == right);
}

PyObject *tpy2wasm_is_not(PyObject *left, PyObject *right) {
    return PyBool_FromLong(left != right);
}

/* `item in container` */
PyObject *tpy2wasm_in(PyObject *item, PyObject *container) {
    int contained = PySequence_Contains(container, item);
    return contained < 0 ? NULL : PyBool_FromLong(contained);
}

PyObject *tpy2wasm_not_in(PyObject *item, PyObject *container) {
    int contained = PySequence_Contains(container, item);
    return contained < 0 ? NULL : PyBool_FromLong(!contained);
}

_Static_assert(Py_LT == 0 && Py_LE == 1 && Py_EQ == 2 && Py_NE == 3 && Py_GT == 4 && Py_GE == 5,
               "tpy2wasm_compare_op's tables follow CPython's rich comparison codes");

/* A call site's keyword names, as the tuple vectorcall takes: `names` holds `count`
 * NUL-terminated names one after another. */
static PyObject *keyword_names(int count, const char *names, PyObject **cache) {
    if (*cache == NULL && count > 0) {
        PyObject *tuple = PyTuple_New(count);
        for (int i = 0; tuple != NULL && i < count; i++) {
            PyObject *name = PyUnicode_InternFromString(names);
            if (name == NULL) {
                Py_CLEAR(tuple);
                break;
            }
            PyTuple_SET_ITEM(tuple, i, name);
            names += strlen(names) + 1;
        }
        *cache = tuple;
    }
    return *cache;
}

PyObject *tpy2wasm_call(PyObject *callable, PyObject *const *args, int count, int keyword_count,
                        const char *names, PyObject **cache) {
    if (callable == (PyObject *)&PyUnicode_Type && count == 1 && keyword_count == 0) {
        return PyObject_Str(args[0]); /* str(x): what type_call of str comes to (PRECALL_NO_KW_STR_1) */
    }
    PyObject *kwnames = keyword_names(keyword_count, names, cache);
    if (keyword_count > 0 && kwnames == NULL) {
        return NULL;
    }
    return PyObject_Vectorcall(callable, args, (size_t)(count - keyword_count), kwnames);
}

/* A positional call on new references (NULL where making one failed, with the exception set:
 * then no call), each released after it. */
PyObject *tpy2wasm_call_owned(PyObject *callable, PyObject **args, int count) {
    int made = 1;
    for (int i = 0; i < count; i++) {
        made &= args[i] != NULL;
    }
    PyObject *result = made ? PyObject_Vectorcall(callable, args, (size_t)count, NULL) : NULL;
    for (int i = 0; i < count; i++) {
        Py_XDECREF(args[i]);
    }
    return result;
}

PyObject *tpy2wasm_build_sequence(PyObject *const *items, int count, int is_list) {
    PyObject *sequence = is_list ? PyList_New(count) : PyTuple_New(count);
    for (int i = 0; sequence != NULL && i < count; i++) {
        Py_INCREF(items[i]);
        if (is_list) {
            PyList_SET_ITEM(sequence, i, items[i]);
        } else {
            PyTuple_SET_ITEM(sequence, i, items[i]);
        }
    }
    return sequence;
}

/* FOR_ITER: a new reference to the next item; NULL when exhausted, or with an exception set
 * (native code asks PyErr_Occurred then: a status and an out-parameter would give every call of
 * a function with a loop a stack frame). */
PyObject *tpy2wasm_iter_next(PyObject *iterator) {
    PyObject *item = (*Py_TYPE(iterator)->tp_iternext)(iterator);
    if (item == NULL && PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
    }
    return item;
}

/* ---- exceptions: ceval.c's exception_unwind, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH,
 * RERAISE and do_raise ---- */

PyObject *tpy2wasm_catch(void) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyException_SetTraceback(value, traceback != NULL ? traceback : Py_None);
    Py_XDECREF(traceback);
    Py_XDECREF(type);
    return value;
}

PyObject *tpy2wasm_enter_handler(PyObject *exception) {
    PyObject *previous = PyErr_GetHandledException();
    PyErr_SetHandledException(exception);
    return previous != NULL ? previous : Py_NewRef(Py_None);
}

void tpy2wasm_leave_handler(PyObject *saved) {
    PyErr_SetHandledException(saved);
}

int tpy2wasm_exception_matches(PyObject *exception, PyObject *classes) {
    int valid = 1;
    if (PyTuple_Check(classes)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(classes); i++) {
            valid &= PyExceptionClass_Check(PyTuple_GET_ITEM(classes, i)) != 0;
        }
    } else {
        valid = PyExceptionClass_Check(classes) != 0;
    }
    if (!valid) {
        PyErr_SetString(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return PyErr_GivenExceptionMatches(exception, classes);
}

void tpy2wasm_restore(PyObject *exception) {
    PyErr_Restore(Py_NewRef(PyExceptionInstance_Class(exception)), Py_NewRef(exception),
                  PyException_GetTraceback(exception));
}

/* `raise exception from cause` (cause NULL: no `from`); `raise` alone when exception is NULL. */
void tpy2wasm_raise_object(PyObject *exception, PyObject *cause) {
    if (exception == NULL) {
        PyObject *handled = PyErr_GetHandledException();
        if (handled == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return;
        }
        tpy2wasm_restore(handled);
        Py_DECREF(handled);
        return;
    }
    PyObject *value;
    if (PyExceptionClass_Check(exception)) {
        value = PyObject_CallNoArgs(exception);
        if (value == NULL) {
            return;
        }
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                         exception, Py_TYPE(value));
            Py_DECREF(value);
            return;
        }
    } else if (PyExceptionInstance_Check(exception)) {
        value = Py_NewRef(exception);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (cause != NULL) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) {
                Py_DECREF(value);
                return;
            }
        } else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = Py_NewRef(cause);
        } else if (cause == Py_None) {
            fixed_cause = NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            Py_DECREF(value);
            return;
        }
        PyException_SetCause(value, fixed_cause);
    }
    PyErr_SetObject(PyExceptionInstance_Class(value), value);
    Py_DECREF(value);
}
