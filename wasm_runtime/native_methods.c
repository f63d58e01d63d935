/* Method calls of native code on objects other than the program's own native methods
 * (GetMethod, CallMethod: codegen/list_items.py), as CPython 3.11's LOAD_METHOD and CALL make
 * them: the method is looked up before the arguments are evaluated; a method the type defines (a
 * function, a native function, or a method descriptor such as str.join, not shadowed by the
 * instance) is called unbound with the object first, so no bound method is made for every call;
 * anything else LOAD_METHOD finds (an attribute of the instance, a classmethod, what a type's own
 * getattr returns) is called on the arguments alone, and generated code drops its reference to
 * the object at once, as LOAD_METHOD does (so a temporary object dies before the arguments run). */
#include "native.h"

#include <string.h>

/* LOAD_METHOD of `object.name`: a new reference to what to call, `*unbound` saying whether with
 * `object` first; or NULL with the exception CPython's lookup raised. `cache` keeps the
 * interned name. */
PyObject *tpy2wasm_load_method(PyObject *object, const char *name, PyObject **cache, int *unbound) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), cache);
    PyObject *method = NULL;
    if (key == NULL) {
        return NULL;
    }
    *unbound = _PyObject_GetMethod(object, key, &method);
    return method;
}
