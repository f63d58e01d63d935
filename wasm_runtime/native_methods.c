/* Method calls of native code on objects other than the program's own classes (GetMethod,
 * CallMethod: codegen/list_items.py), as CPython 3.11's LOAD_METHOD and CALL make them: the
 * method is looked up before the arguments are evaluated, and a method the type defines (a
 * function or a method descriptor such as str.join, not shadowed by the instance) is called
 * unbound with the object first, so no bound method is made for every call.
 *
 * One convention for generated code: what tpy2wasm_load_method returns is called with the
 * object first. Where LOAD_METHOD finds no method to call unbound (an attribute of the
 * instance, a classmethod, a type's own getattr), the attribute it found is wrapped in a
 * DropSelf, whose call drops that first argument: an allocation only on that rare path, and the
 * wrapped callable sees exactly the arguments CPython's CALL gives it. */
#include "native.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *callable;
    vectorcallfunc vectorcall;
} DropSelf;

static PyObject *drop_self_call(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    return PyObject_Vectorcall(((DropSelf *)self)->callable, args + 1, PyVectorcall_NARGS(nargsf) - 1, kwnames);
}

static void drop_self_dealloc(PyObject *self) {
    Py_DECREF(((DropSelf *)self)->callable);
    PyObject_Free(self);
}

static PyTypeObject DropSelfType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_tpy2wasm.drop_self",
    .tp_basicsize = sizeof(DropSelf),
    .tp_dealloc = drop_self_dealloc,
    .tp_vectorcall_offset = offsetof(DropSelf, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
};

/* LOAD_METHOD of `object.name`: a new reference to call with `object` first, or NULL with the
 * exception CPython's lookup raised. `cache` keeps the interned name. */
PyObject *tpy2wasm_load_method(PyObject *object, const char *name, PyObject **cache) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), cache);
    PyObject *method = NULL;
    if (key == NULL) {
        return NULL;
    }
    if (_PyObject_GetMethod(object, key, &method) || method == NULL) {
        return method;
    }
    DropSelf *wrapper = PyObject_New(DropSelf, &DropSelfType);
    if (wrapper == NULL) {
        Py_DECREF(method);
        return NULL;
    }
    wrapper->callable = method;
    wrapper->vectorcall = drop_self_call;
    return (PyObject *)wrapper;
}

int tpy2wasm_init_methods(void) {
    return PyType_Ready(&DropSelfType);
}
