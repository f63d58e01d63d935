/* Whether the names a closed function's native code calls without looking them up still hold
 * what the compiler found them to hold (native.h: tpy_native_entry.bindings).
 *
 * The fast version of a closed function calls `fib(n - 1)` directly (codegen/entry_bindings.py):
 * nothing it does can rebind a name, so looking the names up at each call would only cost. A
 * program may rebind one before the call (`globals()["fib"] = ...`); then the call goes to the
 * Python version, which looks them up as CPython does (native_function.c). The names are looked up again only after a dict they were found
 * through changed: each dict's version (a fresh one on every change, never reused) is kept.
 */
#include "native.h"

#include <stdlib.h>
#include <string.h>

/* A binding's path as interned names, and the fullname it must hold: parsed once per entry. */
typedef struct {
    PyObject *names; /* tuple of str */
    const char *fullname;
} Binding;

typedef struct {
    Binding *bindings; /* NULL before the entry's first check */
    Py_ssize_t count;
} ParsedBindings;

static ParsedBindings *parsed_bindings; /* indexed like tpy2wasm_native_table */

/* The binding of the word at `word` ("m.sqrt=math.sqrt", ended by a space or NUL); 0 on an error. */
static int parse_binding(const char *word, Binding *binding) {
    const char *equals = strchr(word, '=');
    const char *end = strchr(equals, ' ');
    size_t fullname_length = end == NULL ? strlen(equals + 1) : (size_t)(end - equals - 1);
    Py_ssize_t count = 1;
    for (const char *c = word; c < equals; c++) {
        count += *c == '.';
    }
    char *fullname = malloc(fullname_length + 1);
    PyObject *names = PyTuple_New(count);
    const char *name = word;
    for (Py_ssize_t i = 0; names != NULL && i < count; i++) {
        const char *dot = memchr(name, '.', (size_t)(equals - name));
        const char *name_end = dot == NULL ? equals : dot;
        PyObject *text = PyUnicode_FromStringAndSize(name, name_end - name);
        if (text == NULL) {
            Py_CLEAR(names);
            break;
        }
        PyUnicode_InternInPlace(&text);
        PyTuple_SET_ITEM(names, i, text);
        name = name_end + 1;
    }
    if (fullname == NULL || names == NULL) {
        free(fullname);
        Py_XDECREF(names);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return 0;
    }
    memcpy(fullname, equals + 1, fullname_length);
    fullname[fullname_length] = '\0';
    *binding = (Binding){names, fullname};
    return 1;
}

/* The entry's bindings, parsed on its first check; NULL on an error. */
static ParsedBindings *parsed(const struct tpy_native_entry *entry) {
    if (parsed_bindings == NULL) {
        size_t entries = 0;
        while (tpy2wasm_native_table[entries].key != NULL) {
            entries++;
        }
        parsed_bindings = calloc(entries, sizeof(ParsedBindings));
        if (parsed_bindings == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    ParsedBindings *result = &parsed_bindings[entry - tpy2wasm_native_table];
    if (result->bindings != NULL) {
        return result;
    }
    Py_ssize_t count = 1;
    for (const char *c = entry->bindings; *c; c++) {
        count += *c == ' ';
    }
    Binding *bindings = calloc((size_t)count, sizeof(Binding));
    if (bindings == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    const char *word = entry->bindings;
    for (Py_ssize_t i = 0; i < count; i++) {
        if (!parse_binding(word, &bindings[i])) {
            while (i-- > 0) {
                Py_DECREF(bindings[i].names);
                free((char *)bindings[i].fullname);
            }
            free(bindings);
            return NULL;
        }
        const char *space = strchr(word, ' ');
        word = space == NULL ? NULL : space + 1;
    }
    result->bindings = bindings;
    result->count = count;
    return result;
}

static int watch(struct tpy_bindings_watch *found, PyObject *dict) {
    for (int i = 0; i < found->count; i++) {
        if (found->dicts[i].dict == dict) {
            return 1;
        }
    }
    if (found->count == TPY_WATCHED_DICTS) {
        return 0;
    }
    found->dicts[found->count].dict = dict;
    found->dicts[found->count].version = ((PyDictObject *)dict)->ma_version_tag;
    found->count++;
    return 1;
}

/* The value `binding` finds, borrowed (NULL: not found or not through exact modules); each dict
 * it looks in is added to `found` (`*complete` cleared when there is no room to keep one). */
static PyObject *follow(const Binding *binding, PyObject *globals, PyObject *builtins,
                        struct tpy_bindings_watch *found, int *complete) {
    PyObject *first = PyTuple_GET_ITEM(binding->names, 0);
    PyObject *value = PyDict_GetItem(globals, first);
    if (value == NULL && PyDict_Check(builtins)) {
        *complete &= watch(found, builtins);
        value = PyDict_GetItem(builtins, first);
    }
    for (Py_ssize_t i = 1; value != NULL && i < PyTuple_GET_SIZE(binding->names); i++) {
        if (!PyModule_CheckExact(value)) {
            return NULL;
        }
        PyObject *dict = PyModule_GetDict(value);
        *complete &= watch(found, dict);
        value = PyDict_GetItem(dict, PyTuple_GET_ITEM(binding->names, i));
    }
    return value;
}

int tpy2wasm_bindings_hold(const struct tpy_native_entry *entry, PyObject *python_version,
                           struct tpy_bindings_watch *watched) {
    PyObject *globals = PyFunction_GET_GLOBALS(python_version);
    PyObject *builtins = ((PyFunctionObject *)python_version)->func_builtins;
    int unchanged = watched->count > 0;
    for (int i = 0; i < watched->count; i++) {
        unchanged &= ((PyDictObject *)watched->dicts[i].dict)->ma_version_tag == watched->dicts[i].version;
    }
    if (unchanged) {
        return 1;
    }
    watched->count = 0;
    ParsedBindings *bindings = parsed(entry);
    if (bindings == NULL) {
        return -1;
    }
    struct tpy_bindings_watch found = {.count = 0};
    int complete = watch(&found, globals);
    for (Py_ssize_t i = 0; i < bindings->count; i++) {
        PyObject *value = follow(&bindings->bindings[i], globals, builtins, &found, &complete);
        if (value == NULL || !tpy2wasm_is_native_function(value, bindings->bindings[i].fullname, globals)) {
            return 0;
        }
    }
    if (complete) { /* else looked up again at the next call */
        *watched = found;
    }
    return 1;
}
