/* The slow paths of int words (docs/value-representation.md, codegen/int_words.py).
 *
 * An int word is a small int `v << 1` (tag bit clear, v in 63 bits) or any object `ptr | 1`
 * holding a reference. Generated code computes on small ints inline; whenever an operand holds
 * an object, or the result would not fit, it calls these, which box the operands, run CPython's
 * own operation (PyNumber_Add, PyObject_RichCompare, ...) and turn its result back into a word.
 * So the word gives CPython's answer whatever the operands are: big ints, or a value whose hint
 * lied. WORD_ERROR (NULL with the tag) says a Python exception is set.
 */
#include "native.h"

#define WORD_ERROR ((int64_t)1)
#define SMALL_MIN (-((int64_t)1 << 62))
#define SMALL_MAX (((int64_t)1 << 62) - 1)

static int is_small(int64_t word) {
    return (word & 1) == 0;
}

static PyObject *object_of(int64_t word) {
    return (PyObject *)(uintptr_t)(uint32_t)(word & ~(int64_t)1);
}

/* A new word for a borrowed object: small for an exact int that fits, else the object. */
int64_t tpy2wasm_word_from_object(PyObject *object) {
    if (PyLong_CheckExact(object)) {
        int overflow;
        long long value = PyLong_AsLongLongAndOverflow(object, &overflow);
        if (!overflow && value >= SMALL_MIN && value <= SMALL_MAX) {
            return (int64_t)value * 2;
        }
    }
    Py_INCREF(object);
    return (int64_t)(uintptr_t)object | 1;
}

/* CPython's cached ints -5..256 (_PY_NSMALLNEGINTS, _PY_NSMALLPOSINTS), which generated code
 * boxes a small word into inline (codegen/object_words.py: SMALL_INT_OBJECTS). */
PyObject *tpy2wasm_small_ints[TPY2WASM_CACHED_INTS];

int tpy2wasm_init_small_ints(void) {
    for (int i = 0; i < TPY2WASM_CACHED_INTS; i++) {
        tpy2wasm_small_ints[i] = PyLong_FromLong(i + TPY2WASM_SMALLEST_CACHED_INT);
        if (tpy2wasm_small_ints[i] == NULL) {
            return -1;
        }
    }
    return 0;
}

/* A new reference to the word's value (NULL with MemoryError when a small int cannot be made). */
PyObject *tpy2wasm_word_box(int64_t word) {
    if (is_small(word)) {
        return PyLong_FromLongLong(word >> 1);
    }
    PyObject *object = object_of(word);
    Py_INCREF(object);
    return object;
}

/* A word for a new reference (NULL: the operation raised), which it consumes. */
static int64_t word_of_result(PyObject *result) {
    if (result == NULL) {
        return WORD_ERROR;
    }
    int64_t word = tpy2wasm_word_from_object(result);
    Py_DECREF(result);
    return word;
}

int64_t tpy2wasm_word_binary(binaryfunc operation, int64_t left, int64_t right) {
    PyObject *left_object = tpy2wasm_word_box(left);
    PyObject *right_object = left_object ? tpy2wasm_word_box(right) : NULL;
    PyObject *result = right_object ? operation(left_object, right_object) : NULL;
    Py_XDECREF(left_object);
    Py_XDECREF(right_object);
    return word_of_result(result);
}

int64_t tpy2wasm_word_unary(unaryfunc operation, int64_t operand) {
    PyObject *object = tpy2wasm_word_box(operand);
    PyObject *result = object ? operation(object) : NULL;
    Py_XDECREF(object);
    return word_of_result(result);
}

/* The truth of `left <op> right` (op: Py_LT ... Py_GE), as a branch on it computes it:
 * 1 or 0, or -1 with an exception set. */
int tpy2wasm_word_compare(int64_t left, int64_t right, int op) {
    PyObject *left_object = tpy2wasm_word_box(left);
    return tpy2wasm_compare_objects(left_object, left_object ? tpy2wasm_word_box(right) : NULL, op);
}
