/* Globals of native code: LOAD_GLOBAL, STORE_GLOBAL and DELETE_GLOBAL on a module's globals and
 * their builtins, with a per-site cache that generated code reads inline
 * (codegen/object_ops.py: load_global), and the builtins each module's native defs found. */
#include "native.h"

#include <stddef.h>
#include <string.h>

/* A LOAD_GLOBAL site's cache: the value found while both dicts keep their versions (a dict's
 * version changes with every change to it), as CPython 3.11's LOAD_GLOBAL_MODULE/BUILTIN do.
 * A value found in the globals needs only theirs: its builtins_version is IN_GLOBALS (no dict
 * has version 0: each version is a global counter's next value); one found in builtins, the
 * version of the builtins dict it was found in, which the cache holds (so a custom builtins
 * dict of an exec cannot be freed and its memory still show the version). Native code tests
 * both cases inline (codegen/runtime_api.py: NAME_CACHE and codegen/object_fields.py:
 * DICT_VERSION mirror this layout). */
typedef struct {
    PyObject *name;
    uint64_t globals_version;
    uint64_t builtins_version;
    PyObject *value;     /* borrowed: the dict holding it is unchanged while the versions match */
    int64_t small_word;  /* the value's small int word, or WORD_ERROR: an int word load's answer */
    PyObject *builtins;  /* the builtins dict last looked in, or NULL */
} NameCache;
#define IN_GLOBALS 0
_Static_assert(offsetof(PyDictObject, ma_version_tag) == 16, "codegen/object_fields.py: DICT_VERSION");
_Static_assert(offsetof(NameCache, value) == 24 && offsetof(NameCache, small_word) == 32
               && offsetof(NameCache, builtins) == 40, "codegen/runtime_api.py: NAME_CACHE");

static uint64_t dict_version(PyObject *dict) {
    return ((PyDictObject *)dict)->ma_version_tag;
}

/* NameError for `name`, its `name` attribute set, as CPython's format_exc_check_arg does. */
static void name_error(const char *name, PyObject *key) {
    PyErr_Format(PyExc_NameError, "name '%.200s' is not defined", name);
    PyObject *type, *error, *traceback;
    PyErr_Fetch(&type, &error, &traceback);
    PyErr_NormalizeException(&type, &error, &traceback);
    if (PyObject_SetAttrString(error, "name", key) < 0) {
        PyErr_Clear();
    }
    PyErr_Restore(type, error, traceback);
}

/* The builtins of each module's native functions, by the module's globals, as their `def`s found
 * them (wrap_function notes each function's func_builtins: the latest def's stand for the module's,
 * which differs from CPython only where a module rebinds __builtins__ between two defs). The
 * globals are only a key, borrowed (a reference would keep a module's dict, and the objects in
 * it, alive past the module, where CPython frees them at exit): native code runs only while its
 * function, and so its globals, live, and any globals a def saw at an address are noted again. */
#define NOTED_MODULES 64
static struct {
    PyObject *globals;
    PyObject *builtins;
} noted_builtins[NOTED_MODULES];

void tpy2wasm_note_builtins(PyObject *globals, PyObject *builtins) {
    for (int i = 0; i < NOTED_MODULES; i++) {
        if (noted_builtins[i].globals == NULL) {
            noted_builtins[i].globals = globals;
        }
        if (noted_builtins[i].globals == globals) {
            Py_XSETREF(noted_builtins[i].builtins, Py_NewRef(builtins));
            return;
        }
    }
}

/* The builtins of native code whose globals are `globals` (borrowed): those its functions' `def`s
 * found, as CPython's functions keep theirs (func_builtins), so neither an exec with builtins of
 * its own that calls one nor a later rebinding of the module's __builtins__ changes what its
 * names mean; for a module past NOTED_MODULES, found again as a `def` finds them. */
static PyObject *builtins_of(PyObject *globals) {
    for (int i = 0; i < NOTED_MODULES && noted_builtins[i].globals != NULL; i++) {
        if (noted_builtins[i].globals == globals) {
            return noted_builtins[i].builtins;
        }
    }
    static PyObject *key;
    PyObject *builtins = tpy2wasm_cached_string("__builtins__", 12, &key);
    builtins = builtins == NULL ? NULL : PyDict_GetItemWithError(globals, builtins);
    if (builtins != NULL && PyModule_Check(builtins)) {
        return PyModule_GetDict(builtins);
    }
    if (builtins != NULL || PyErr_Occurred()) {
        return builtins;
    }
    return PyEval_GetBuiltins();
}

/* LOAD_GLOBAL: the module's globals, then their builtins. */
PyObject *tpy2wasm_load_name(PyObject *globals, const char *name, NameCache *cache) {
    if (cache->value != NULL && cache->globals_version == dict_version(globals)
        && (cache->builtins_version == IN_GLOBALS || cache->builtins_version == dict_version(cache->builtins))) {
        Py_INCREF(cache->value);
        return cache->value;
    }
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), &cache->name);
    if (key == NULL) {
        return NULL;
    }
    PyObject *value = PyDict_GetItemWithError(globals, key);
    uint64_t builtins_version = IN_GLOBALS;
    PyObject *builtins = value != NULL || PyErr_Occurred() ? NULL : builtins_of(globals);
    if (builtins != NULL && !PyDict_CheckExact(builtins)) { /* LOAD_GLOBAL's lookup through the mapping */
        value = PyObject_GetItem(builtins, key); /* no version to trust: not cached */
        if (value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            name_error(name, key);
        }
        return value;
    }
    if (builtins != NULL) {
        Py_XSETREF(cache->builtins, Py_NewRef(builtins));
        builtins_version = dict_version(builtins);
        value = PyDict_GetItemWithError(builtins, key);
        if (value == NULL && !PyErr_Occurred()) {
            name_error(name, key);
        }
    }
    if (value != NULL) {
        cache->globals_version = dict_version(globals);
        cache->builtins_version = builtins_version;
        cache->small_word = 1; /* WORD_ERROR: not known yet */
        cache->value = value;
    }
    Py_XINCREF(value);
    return value;
}

/* LOAD_GLOBAL of an int word: a new word of the global's value (WORD_ERROR with NameError),
 * its small int kept in the cache too, for native code's inline test (object_ops.load_global). */
int64_t tpy2wasm_load_name_word(PyObject *globals, const char *name, NameCache *cache) {
    PyObject *value = tpy2wasm_load_name(globals, name, cache);
    if (value == NULL) {
        return 1;
    }
    int64_t word = tpy2wasm_word_from_object(value);
    Py_DECREF(value);
    if ((word & 1) == 0 && cache->value == value) {
        cache->small_word = word;
    }
    return word;
}

/* LOAD_GLOBAL of the function a direct call calls (codegen/direct_calls.py): a new reference to
 * the global's value; NULL when it holds the site's callee, which the site keeps alive, so the
 * caller holds no reference; NULL with NameError set when it is not defined. The native code
 * tests the site's globals_version inline first: the name was found in these very globals. */
PyObject *tpy2wasm_load_callee(PyObject *globals, const char *name, NameCache *cache, DirectSite *site, void *thunk) {
    PyObject *value = tpy2wasm_load_name(globals, name, cache);
    int callee = value == NULL ? 0 : tpy2wasm_is_site_callee(value, thunk, globals, site);
    if (callee <= 0) {
        if (callee < 0) {
            Py_CLEAR(value);
        }
        return value;
    }
    if (cache->builtins_version == IN_GLOBALS) {
        site->globals_version = cache->globals_version;
    }
    Py_DECREF(value);
    return NULL;
}

int tpy2wasm_store_name(PyObject *globals, const char *name, PyObject **cache, PyObject *value) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), cache);
    return key == NULL ? -1 : PyDict_SetItem(globals, key, value);
}

/* DELETE_GLOBAL: 0, or -1 with NameError (its `name` set, as CPython's) when it is not bound. */
int tpy2wasm_delete_name(PyObject *globals, const char *name, PyObject **cache) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), cache);
    if (key == NULL) {
        return -1;
    }
    if (PyDict_DelItem(globals, key) == 0) {
        return 0;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        name_error(name, key);
    }
    return -1;
}
