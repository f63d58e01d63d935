/* The slow paths of bool words (docs/value-representation.md, codegen/bool_words.py).
 *
 * A bool word is 0 or 1, or any object's pointer holding a reference (never 0 or 1: objects are
 * aligned; 2, BOOL_ERROR, says a Python exception is set). Generated code computes on 0 and 1
 * inline; these take the objects a lying hint let in, or a rich comparison's result that is not
 * a bool, and answer as CPython does.
 */
#include "native.h"

#define BOOL_ERROR 2

/* A new word for a borrowed object: 0 or 1 for False and True, else the object itself. */
int32_t tpy2wasm_bool_word_from_object(PyObject *object) {
    if (object == Py_True || object == Py_False) {
        return object == Py_True;
    }
    Py_INCREF(object);
    return (int32_t)(uintptr_t)object;
}

/* A new reference to the word's value. */
PyObject *tpy2wasm_bool_word_box(int32_t word) {
    PyObject *object = word == 0 ? Py_False : word == 1 ? Py_True : (PyObject *)(uintptr_t)(uint32_t)word;
    Py_INCREF(object);
    return object;
}

/* `not object`: 0 or 1, or BOOL_ERROR with an exception set. */
int32_t tpy2wasm_bool_word_not(PyObject *object) {
    int truth = PyObject_Not(object);
    return truth < 0 ? BOOL_ERROR : truth;
}

/* `left <op> right` (op: Py_LT ... Py_GE) as a word, on two new references (NULL when boxing an
 * operand failed), which it consumes: the rich comparison's result as CPython keeps it. */
int32_t tpy2wasm_compare_bool_word(PyObject *left, PyObject *right, int op) {
    PyObject *result = left && right ? PyObject_RichCompare(left, right, op) : NULL;
    Py_XDECREF(left);
    Py_XDECREF(right);
    if (result == NULL) {
        return BOOL_ERROR;
    }
    int32_t word = tpy2wasm_bool_word_from_object(result);
    Py_DECREF(result);
    return word;
}
