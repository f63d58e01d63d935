/* Start-up of a tpy2wasm module: embed CPython, serve every module from memory,
 * run the program's __main__ code, and exit the way `python3.11 app.py` does.
 *
 * The compiler links this file with three generated tables:
 *   tpy2wasm_frozen_stdlib   the stdlib modules the program can reach (cached per module set)
 *   tpy2wasm_frozen_program  the user's modules, `__main__`, and the start-up modules
 *   _PyImport_Inittab        only the built-in C modules the program needs, which
 *                            replaces libpython's config.o and keeps unused C modules
 *                            out of the link.
 * Both frozen tables end with an entry whose name is NULL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>
#include <stdlib.h>
#include <string.h>

extern const struct _frozen tpy2wasm_frozen_stdlib[];
extern const struct _frozen tpy2wasm_frozen_program[];

/* Exit status CPython uses when flushing the standard streams fails at exit. */
#define EXIT_FLUSH_FAILED 120

static size_t frozen_count(const struct _frozen *table) {
    size_t n = 0;
    while (table[n].name != NULL) {
        n++;
    }
    return n;
}

/* PyImport_FrozenModules is searched before CPython's own frozen modules. */
int install_frozen_modules(void) {
    size_t n_program = frozen_count(tpy2wasm_frozen_program);
    size_t n_stdlib = frozen_count(tpy2wasm_frozen_stdlib);
    struct _frozen *merged = calloc(n_program + n_stdlib + 1, sizeof(struct _frozen));
    if (merged == NULL) {
        return -1;
    }
    memcpy(merged, tpy2wasm_frozen_program, n_program * sizeof(struct _frozen));
    memcpy(merged + n_program, tpy2wasm_frozen_stdlib, n_stdlib * sizeof(struct _frozen));
    PyImport_FrozenModules = merged;
    return 0;
}

static const struct _frozen *find_program_module(const char *name) {
    for (const struct _frozen *entry = tpy2wasm_frozen_program; entry->name != NULL; entry++) {
        if (strcmp(entry->name, name) == 0) {
            return entry;
        }
    }
    return NULL;
}

void tpy2wasm_install_small_allocator(void); /* small_alloc.c */

PyStatus initialize_python(int argc, char **argv) {
    tpy2wasm_install_small_allocator();
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;           /* argv belongs to the program, as sys.argv */
    config.write_bytecode = 0;
    config.pathconfig_warnings = 0;  /* there is no stdlib on disk, by design */
    config.safe_path = 1;            /* sys.path[0] is set by the boot module */
    PyStatus status = PyConfig_SetString(&config, &config.home, L"/usr/local");
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetBytesArgv(&config, argc, argv);
    }
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    return status;
}

/* Runs the program's top-level code in __main__; returns NULL with an exception set on failure. */
PyObject *run_main_code(void) {
    const struct _frozen *entry = find_program_module("__main__");
    if (entry == NULL) {
        PyErr_SetString(PyExc_ImportError, "tpy2wasm: the module has no __main__ code");
        return NULL;
    }
    PyObject *boot = PyImport_ImportModule("_tpy2wasm_boot");
    if (boot == NULL) {
        return NULL;
    }
    Py_DECREF(boot);
    PyObject *code = PyMarshal_ReadObjectFromString((const char *)entry->code, entry->size);
    if (code == NULL) {
        return NULL;
    }
    PyObject *main_module = PyImport_AddModule("__main__"); /* borrowed */
    PyObject *result = NULL;
    if (main_module != NULL) {
        PyObject *globals = PyModule_GetDict(main_module);
        result = PyEval_EvalCode(code, globals, globals);
    }
    Py_DECREF(code);
    return result;
}

int main(int argc, char **argv) {
    if (install_frozen_modules() < 0) {
        fprintf(stderr, "tpy2wasm: out of memory at start-up\n");
        return 1;
    }
    PyStatus status = initialize_python(argc, argv);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    int exit_code = 0;
    PyObject *result = run_main_code();
    if (result == NULL) {
        /* Prints the traceback, or for SystemExit prints its message and exits with its code. */
        PyErr_Print();
        exit_code = 1;
    }
    Py_XDECREF(result);
    if (Py_FinalizeEx() < 0) {
        exit_code = EXIT_FLUSH_FAILED;
    }
    return exit_code;
}
