/* The slow paths of float words (docs/value-representation.md, codegen/float_words.py).
 *
 * A float word is an f64: any double, its NaNs canonical (0x7FF8... or 0xFFF8...), or an object
 * NaN-boxed as the bits 0xFFF90000_pppppppp holding a reference -- the int `x: float = 0` keeps,
 * a float NaN with a payload of its own (struct.unpack can make one: kept as the object, its
 * bits stay exactly CPython's), a float subclass, or whatever a hint that lied let in. Generated
 * code computes on doubles inline; otherwise it boxes the operands and calls these, which run
 * CPython's own operation and turn its result back into a word. FLOAT_ERROR (the box of NULL)
 * says a Python exception is set.
 */
#include <math.h>
#include <string.h>

#include "native.h"

#define BOX_BITS ((uint64_t)0xFFF90000 << 32)
#define CANONICAL_NAN ((uint64_t)0x7FF8 << 48)
#define SIGN_BIT ((uint64_t)1 << 63)

static uint64_t bits_of(double word) {
    uint64_t bits;
    memcpy(&bits, &word, sizeof bits);
    return bits;
}

static double word_of_bits(uint64_t bits) {
    double word;
    memcpy(&word, &bits, sizeof word);
    return word;
}

static int holds_object(double word) {
    return (bits_of(word) >> 32) == (BOX_BITS >> 32);
}

/* A new word for a borrowed object: the double of an exact float (a NaN only when canonical),
 * else the object itself. */
double tpy2wasm_float_word_from_object(PyObject *object) {
    if (PyFloat_CheckExact(object)) {
        double value = PyFloat_AS_DOUBLE(object);
        if (!isnan(value) || (bits_of(value) & ~SIGN_BIT) == CANONICAL_NAN) {
            return value;
        }
    }
    Py_INCREF(object);
    return word_of_bits(BOX_BITS | (uint32_t)(uintptr_t)object);
}

/* A new reference to the word's value (NULL with MemoryError when a float cannot be made). */
PyObject *tpy2wasm_float_word_box(double word) {
    if (!holds_object(word)) {
        return PyFloat_FromDouble(word);
    }
    PyObject *object = (PyObject *)(uintptr_t)(uint32_t)bits_of(word);
    Py_INCREF(object);
    return object;
}

/* A word for a new reference (NULL: the operation raised), which it consumes. */
static double word_of_result(PyObject *result) {
    if (result == NULL) {
        return word_of_bits(BOX_BITS);
    }
    double word = tpy2wasm_float_word_from_object(result);
    Py_DECREF(result);
    return word;
}

/* `left op right` on two new references (NULL when boxing an operand failed), which it
 * consumes. */
double tpy2wasm_float_word_binary(binaryfunc operation, PyObject *left, PyObject *right) {
    PyObject *result = left && right ? operation(left, right) : NULL;
    Py_XDECREF(left);
    Py_XDECREF(right);
    return word_of_result(result);
}

double tpy2wasm_float_word_unary(unaryfunc operation, PyObject *operand) {
    PyObject *result = operand ? operation(operand) : NULL;
    Py_XDECREF(operand);
    return word_of_result(result);
}

/* The truth of `left <op> right` (op: Py_LT ... Py_GE) on two new references, which it consumes:
 * 1 or 0, or -1 with an exception set. */
int tpy2wasm_compare_objects(PyObject *left, PyObject *right, int op) {
    PyObject *result = left && right ? PyObject_RichCompare(left, right, op) : NULL;
    Py_XDECREF(left);
    Py_XDECREF(right);
    if (result == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(result);
    Py_DECREF(result);
    return truth;
}

/* `**` as a binaryfunc, as the operator calls it (no modulus). */
PyObject *tpy2wasm_power(PyObject *left, PyObject *right) {
    return PyNumber_Power(left, right, Py_None);
}

PyObject *tpy2wasm_inplace_power(PyObject *left, PyObject *right) {
    return PyNumber_InPlacePower(left, right, Py_None);
}

/* Python's float // (or % when `want_modulo`) of two doubles, as CPython's float_divmod: the
 * signs follow the divisor, which is not zero. */
double tpy2wasm_float_floor_divmod(double left, double right, int want_modulo) {
    double modulo = fmod(left, right);
    double quotient = (left - modulo) / right;
    if (modulo != 0.0) {
        if ((right < 0) != (modulo < 0)) {
            modulo += right;
            quotient -= 1.0;
        }
    } else {
        modulo = copysign(0.0, right);
    }
    if (want_modulo) {
        return modulo;
    }
    if (quotient == 0.0) {
        return copysign(0.0, left / right);
    }
    double floor_quotient = floor(quotient);
    return quotient - floor_quotient > 0.5 ? floor_quotient + 1.0 : floor_quotient;
}
