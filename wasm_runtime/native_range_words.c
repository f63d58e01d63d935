/* The runtime side of counted `for i in range(...)` loops in native functions
 * (codegen/range_words.py): whether what `range(...)` returned can be counted through on int
 * words, and its bounds as small words.
 *
 * Only an exact range object qualifies (a rebound `range` may return anything), and only when its
 * start, stop and step lie within +-2**61: the counter then runs from start to before stop + step,
 * all within the 63 bits of a small word, so generated code adds and compares the tagged words
 * with no overflow check. Any other range goes through CPython's own iterator.
 */
#include "native.h"

/* Objects/rangeobject.c's private layout in CPython 3.11 (the build tpy2wasm embeds). */
typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;
} RangeObject;

#define COUNTED_LIMIT ((long long)1 << 61)

static int counted_value(PyObject *value, long long *out) {
    int overflow;
    long long result = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || result < -COUNTED_LIMIT || result >= COUNTED_LIMIT) {
        return 0;
    }
    *out = result;
    return 1;
}

/* 1 when `object` is a range a loop counts through on words, its step of sign `step_sign` when
 * that is not 0 (the loop was compiled for a literal step's direction); else 0. Never raises. */
int tpy2wasm_small_range(PyObject *object, int step_sign) {
    if (!Py_IS_TYPE(object, &PyRange_Type)) {
        return 0;
    }
    RangeObject *range = (RangeObject *)object;
    long long start, stop, step;
    if (!counted_value(range->start, &start) || !counted_value(range->stop, &stop)
            || !counted_value(range->step, &step)) {
        return 0;
    }
    return step_sign == 0 || (step > 0) == (step_sign > 0);
}

/* A range's start, stop and step, of a range tpy2wasm_small_range accepted, as small words. */
static int64_t small_word(PyObject *value) {
    return (int64_t)PyLong_AsLongLong(value) * 2;
}

int64_t tpy2wasm_range_start(PyObject *object) {
    return small_word(((RangeObject *)object)->start);
}

int64_t tpy2wasm_range_stop(PyObject *object) {
    return small_word(((RangeObject *)object)->stop);
}

int64_t tpy2wasm_range_step(PyObject *object) {
    return small_word(((RangeObject *)object)->step);
}
