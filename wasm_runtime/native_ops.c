/* Arithmetic the generated code calls out for: the cases where CPython's exact meaning takes
 * more than a few instructions. Each returns a status (TPY_OK, or the status it set) and
 * writes its result through `out`.
 */
#include "native.h"

#include <math.h>
#include <string.h>

/* Largest magnitude an int has that a double holds exactly: beyond it, deopt to PyLong. */
#define EXACT_DOUBLE_LIMIT (1LL << 53)

static int fits_exactly_in_double(long long value) {
    return value >= -EXACT_DOUBLE_LIMIT && value <= EXACT_DOUBLE_LIMIT;
}

/* int / int: correctly rounded when both convert exactly (as CPython's long_true_divide). */
int tpy2wasm_int_true_divide(long long left, long long right, double *out) {
    if (right == 0) {
        return tpy2wasm_raise(RAISE_TRUE_ZERO_DIVISION);
    }
    if (!fits_exactly_in_double(left) || !fits_exactly_in_double(right)) {
        return tpy2wasm_deopt();
    }
    *out = (double)left / (double)right;
    return TPY_OK;
}

/* int ** int with a non-negative exponent; a negative one gives a float, which deopts. */
int tpy2wasm_int_power(long long base, long long exponent, long long *out) {
    if (exponent < 0) {
        return tpy2wasm_deopt();
    }
    long long result = 1;
    while (exponent > 0) {
        if ((exponent & 1) && __builtin_mul_overflow(result, base, &result)) {
            return tpy2wasm_deopt();
        }
        exponent >>= 1;
        if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) {
            return tpy2wasm_deopt();
        }
    }
    *out = result;
    return TPY_OK;
}

/* float // and %, as CPython's float_divmod: signs follow the divisor. */
int tpy2wasm_float_floor_divide(double left, double right, int want_modulo, double *out) {
    if (right == 0.0) {
        return tpy2wasm_raise(want_modulo ? RAISE_FLOAT_MODULO_ZERO : RAISE_FLOAT_FLOOR_ZERO_DIVISION);
    }
    *out = tpy2wasm_float_floor_divmod(left, right, want_modulo);
    return TPY_OK;
}

/* float ** float through CPython itself: its error cases are many, and a negative base with
 * a fractional exponent gives a complex number (which deopts). */
int tpy2wasm_float_power(double base, double exponent, double *out) {
    PyObject *left = PyFloat_FromDouble(base);
    PyObject *right = left ? PyFloat_FromDouble(exponent) : NULL;
    PyObject *result = right ? PyNumber_Power(left, right, Py_None) : NULL;
    Py_XDECREF(left);
    Py_XDECREF(right);
    if (result == NULL) {
        return tpy2wasm_status = TPY_ERROR;
    }
    int status = PyFloat_CheckExact(result) ? TPY_OK : tpy2wasm_deopt();
    if (status == TPY_OK) {
        *out = PyFloat_AS_DOUBLE(result);
    }
    Py_DECREF(result);
    return status;
}

enum { ROUND_FLOOR, ROUND_CEIL, ROUND_TRUNCATE };

/* math.floor, math.ceil, int() of a float: CPython's errors for nan and inf, deopt past i64. */
int tpy2wasm_float_to_int(double value, int rounding, long long *out) {
    if (isnan(value)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return tpy2wasm_status = TPY_ERROR;
    }
    if (isinf(value)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return tpy2wasm_status = TPY_ERROR;
    }
    double rounded = rounding == ROUND_FLOOR ? floor(value) : rounding == ROUND_CEIL ? ceil(value) : trunc(value);
    if (rounded < -9223372036854775808.0 || rounded >= 9223372036854775808.0) {
        return tpy2wasm_deopt();
    }
    *out = (long long)rounded;
    return TPY_OK;
}
