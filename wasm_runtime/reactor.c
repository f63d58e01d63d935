/* A program built with exports is a WASI reactor: the host calls `_initialize` once, which
 * starts CPython and runs __main__'s top-level code (without finalising), then calls the
 * program's exported functions (generated wrappers, see compiler/interop_source.py) as often as
 * it likes.
 *
 * A Python exception in an export never traps: its formatted traceback waits in the error slot,
 * which the host reads with tpy2wasm_error() after each call, and the instance stays usable.
 * A failure of the top-level code is what it is for `python3.11 app.py`: the traceback on
 * stderr and exit status 1 (SystemExit: its own status), through proc_exit. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

/* The traceback of the last failed export call, as a [u32 length][UTF-8] buffer, or 0. */
static int32_t pending_error;

/* Nothing finalises a reactor, so each call leaves nothing buffered behind. */
static void flush_standard_streams(void) {
    static PyObject *flush_name;
    if (flush_name == NULL && (flush_name = PyUnicode_InternFromString("flush")) == NULL) {
        PyErr_Clear();
        return;
    }
    static const char *const names[] = {"stdout", "stderr"};
    for (size_t i = 0; i < 2; i++) {
        PyObject *stream = PySys_GetObject(names[i]);  /* borrowed */
        PyObject *result = stream == NULL || stream == Py_None ? NULL : PyObject_CallMethodNoArgs(stream, flush_name);
        if (result == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(result);
    }
}

/* The exception as CPython prints it (PyErr_Display, chained exceptions included), or NULL:
 * printed into an io.StringIO that stands in for sys.stderr meanwhile. */
static PyObject *formatted_traceback(PyObject *type, PyObject *value, PyObject *traceback) {
    PyObject *io = PyImport_ImportModule("_io");
    PyObject *buffer = io == NULL ? NULL : PyObject_CallMethod(io, "StringIO", NULL);
    Py_XDECREF(io);
    if (buffer == NULL) {
        return NULL;
    }
    PyObject *stderr_stream = Py_XNewRef(PySys_GetObject("stderr"));
    PyObject *text = NULL;
    if (PySys_SetObject("stderr", buffer) == 0) {
        PyErr_Display(type, value, traceback);
        text = PyObject_CallMethod(buffer, "getvalue", NULL);
        PySys_SetObject("stderr", stderr_stream == NULL ? Py_None : stderr_stream);
    }
    Py_XDECREF(stderr_stream);
    Py_DECREF(buffer);
    return text;
}

/* Moves the raised exception into the error slot, as its formatted traceback. */
static void record_exception(void) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    PyObject *text = formatted_traceback(type, value, traceback);
    if (text == NULL) {  /* out of memory, most likely: the exception's type is still news */
        PyErr_Clear();
        text = PyUnicode_FromFormat("%s (tpy2wasm could not format its traceback)\n",
                                    type == NULL ? "an exception" : ((PyTypeObject *)type)->tp_name);
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    Py_ssize_t length = 0;
    const char *utf8 = text == NULL ? NULL : PyUnicode_AsUTF8AndSize(text, &length);
    pending_error = tpy2wasm_new_buffer(utf8 == NULL ? "" : utf8, utf8 == NULL ? 0 : length);
    Py_XDECREF(text);
    PyErr_Clear();
}

/* 0 if the last export call succeeded, else its traceback, which the host frees. */
__attribute__((export_name("tpy2wasm_error")))
int32_t tpy2wasm_error(void) {
    int32_t error = pending_error;
    pending_error = 0;
    return error;
}

PyObject *tpy2wasm_call_export(const char *name, PyObject **args, Py_ssize_t count) {
    free((void *)(uintptr_t)(uint32_t)tpy2wasm_error());  /* one the host never read */
    PyObject *result = NULL;
    int converted = 1;
    for (Py_ssize_t i = 0; i < count; i++) {
        converted = converted && args[i] != NULL;
    }
    if (converted) {
        PyObject *globals = PyModule_GetDict(PyImport_AddModule("__main__"));  /* borrowed */
        PyObject *function = PyDict_GetItemString(globals, name);               /* borrowed */
        if (function == NULL) {
            PyErr_Format(PyExc_NameError, "name '%s' is not defined", name);
        } else {
            result = PyObject_Vectorcall(function, args, count, NULL);
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_XDECREF(args[i]);
    }
    if (result == NULL) {
        record_exception();
    }
    flush_standard_streams();
    return result;
}

int64_t tpy2wasm_int_result(PyObject *result, const char *what) {
    int64_t value = 0;
    if (result != NULL && tpy2wasm_as_int(result, what, &value) < 0) {
        record_exception();
        value = 0;
    }
    Py_XDECREF(result);
    return value;
}

double tpy2wasm_float_result(PyObject *result, const char *what) {
    double value = 0.0;
    if (result != NULL && tpy2wasm_as_float(result, what, &value) < 0) {
        record_exception();
        value = 0.0;
    }
    Py_XDECREF(result);
    return value;
}

int32_t tpy2wasm_bool_result(PyObject *result, const char *what) {
    int32_t value = 0;
    if (result != NULL && tpy2wasm_as_bool(result, what, &value) < 0) {
        record_exception();
        value = 0;
    }
    Py_XDECREF(result);
    return value;
}

/* str and bytes results: a fresh buffer the host owns. */
static int32_t buffer_result(PyObject *result, const char *what,
                             int (*as_memory)(PyObject *, const char *, int32_t *, int32_t *)) {
    int32_t buffer = 0;
    int32_t pointer, length;
    if (result != NULL) {
        if (as_memory(result, what, &pointer, &length) == 0) {
            buffer = tpy2wasm_new_buffer((const char *)(uintptr_t)(uint32_t)pointer, length);
        }
        if (buffer == 0) {
            record_exception();
        }
    }
    Py_XDECREF(result);
    return buffer;
}

int32_t tpy2wasm_str_result(PyObject *result, const char *what) {
    return buffer_result(result, what, tpy2wasm_as_str);
}

int32_t tpy2wasm_bytes_result(PyObject *result, const char *what) {
    return buffer_result(result, what, tpy2wasm_as_bytes);
}

void tpy2wasm_none_result(PyObject *result, const char *what) {
    (void)what;  /* the hint says None; whatever came back, the host expects no value */
    Py_XDECREF(result);
}

/* The program's argv, as the host passed it to the instance. */
static int wasi_arguments(int *argc, char ***argv) {
    __wasi_size_t count, size;
    if (__wasi_args_sizes_get(&count, &size) != 0) {
        return -1;
    }
    char **vector = calloc(count + 1, sizeof(char *));
    char *strings = malloc(size > 0 ? size : 1);
    if (vector == NULL || strings == NULL || __wasi_args_get((uint8_t **)vector, (uint8_t *)strings) != 0) {
        return -1;
    }
    *argc = (int)count;
    *argv = vector;
    return 0;
}

/* Run by `_initialize` (wasi-libc's reactor start), after libc's own constructors. */
__attribute__((constructor))
static void run_program(void) {
    int argc;
    char **argv;
    if (install_frozen_modules() < 0 || wasi_arguments(&argc, &argv) < 0) {
        fprintf(stderr, "tpy2wasm: out of memory at start-up\n");
        exit(1);
    }
    PyStatus status = initialize_python(argc, argv);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    PyObject *result = run_main_code();
    if (result == NULL) {
        PyErr_Print();  /* for SystemExit: its message, and exit with its status */
        Py_FinalizeEx();
        exit(1);
    }
    Py_DECREF(result);
    flush_standard_streams();
}
