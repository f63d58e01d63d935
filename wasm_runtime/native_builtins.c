/* The builtin functions generated code computes inline (codegen/builtin_calls.py): each one's
 * function object, recorded the first time a call reaches CPython with it, which generated code
 * compares a callee with before it computes the result in place.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#include "native.h"

PyObject *tpy2wasm_builtin_len;
PyObject *tpy2wasm_math_sqrt;

static const struct {
    const char *builtin; /* "module.name", as analysis/mypy_facts.INLINE_BUILTINS names it */
    PyObject **function;
} inline_builtins[] = {
    {"builtins.len", &tpy2wasm_builtin_len},
    {"math.sqrt", &tpy2wasm_math_sqrt},
};

/* Whether `callee` is the C function `name` of the module `module` ("module.name"): a builtin
 * function object, which no Python code can make, with that name and module. */
static int is_builtin(PyObject *callee, const char *builtin) {
    if (!PyCFunction_CheckExact(callee)) {
        return 0;
    }
    PyCFunctionObject *function = (PyCFunctionObject *)callee;
    const char *dot = strrchr(builtin, '.');
    if (dot == NULL || strcmp(function->m_ml->ml_name, dot + 1) != 0 || function->m_module == NULL
            || !PyUnicode_Check(function->m_module)) {
        return 0;
    }
    Py_ssize_t length;
    const char *module = PyUnicode_AsUTF8AndSize(function->m_module, &length);
    if (module == NULL) {
        PyErr_Clear(); /* not the builtin: the call goes on as CPython's */
        return 0;
    }
    return length == dot - builtin && memcmp(module, builtin, (size_t)length) == 0;
}

/* `callee(arg)` where the source calls `builtin` and the inline form did not apply: a new
 * reference, NULL when it raised. Records `callee` as the builtin when it is. */
PyObject *tpy2wasm_call_builtin(PyObject *callee, PyObject *arg, const char *builtin) {
    for (size_t i = 0; i < sizeof inline_builtins / sizeof inline_builtins[0]; i++) {
        if (*inline_builtins[i].function == NULL && strcmp(inline_builtins[i].builtin, builtin) == 0
                && is_builtin(callee, builtin)) {
            *inline_builtins[i].function = Py_NewRef(callee);
        }
    }
    return PyObject_CallOneArg(callee, arg);
}
