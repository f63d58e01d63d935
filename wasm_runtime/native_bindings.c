/* Whether the names a closed function's native code calls without looking them up still hold
 * what the compiler found them to hold (native.h: tpy_native_entry.bindings).
 *
 * The fast version of a closed function calls `fib(n - 1)` directly (codegen/entry_bindings.py):
 * nothing it does can rebind a name, so looking the names up at each call would only cost. A
 * program may rebind one before the call (`globals()["fib"] = ...`); then the call goes to the
 * Python version, which looks them up as CPython does (native_function.c). The names, globals of
 * the function's module (a name found only in builtins holds no native function), are looked up
 * again only after the globals changed: their dict's version (a fresh one on every change,
 * never reused) is kept.
 */
#include "native.h"

#include <stdlib.h>
#include <string.h>

/* A binding: the interned global name and the fullname it must hold, parsed once per entry. */
typedef struct {
    PyObject *name;
    const char *fullname;
} Binding;

typedef struct {
    Binding *bindings; /* NULL before the entry's first check */
    Py_ssize_t count;
} ParsedBindings;

static ParsedBindings *parsed_bindings; /* indexed like tpy2wasm_native_table */

/* The binding of the word at `word` ("fib=__main__.fib", ended by a space or NUL); 0 on an error. */
static int parse_binding(const char *word, Binding *binding) {
    const char *equals = strchr(word, '=');
    const char *end = strchr(equals, ' ');
    size_t fullname_length = end == NULL ? strlen(equals + 1) : (size_t)(end - equals - 1);
    char *fullname = malloc(fullname_length + 1);
    PyObject *name = PyUnicode_FromStringAndSize(word, equals - word);
    if (fullname == NULL || name == NULL) {
        free(fullname);
        Py_XDECREF(name);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return 0;
    }
    PyUnicode_InternInPlace(&name);
    memcpy(fullname, equals + 1, fullname_length);
    fullname[fullname_length] = '\0';
    *binding = (Binding){name, fullname};
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
                Py_DECREF(bindings[i].name);
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

int tpy2wasm_bindings_hold(const struct tpy_native_entry *entry, PyObject *python_version,
                           struct tpy_bindings_watch *watched) {
    PyObject *globals = PyFunction_GET_GLOBALS(python_version);
    uint64_t version = ((PyDictObject *)globals)->ma_version_tag;
    if (watched->globals == globals && watched->version == version) {
        return 1;
    }
    watched->globals = NULL;
    ParsedBindings *bindings = parsed(entry);
    if (bindings == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < bindings->count; i++) {
        PyObject *value = PyDict_GetItem(globals, bindings->bindings[i].name);
        if (value == NULL || !tpy2wasm_is_native_function(value, bindings->bindings[i].fullname, globals)) {
            return 0;
        }
    }
    watched->globals = globals;
    watched->version = version;
    return 1;
}
