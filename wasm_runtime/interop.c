/* Values across the boundary between the host and a program's exports and host imports
 * (the ABI is in interop.h), the allocator the host uses for memory it hands in, and the
 * built-in module `_tpy2wasm_host` whose bind() turns a host-import stub into its Wasm import. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

static char *address(int32_t pointer) {
    return (char *)(uintptr_t)(uint32_t)pointer;
}

static int32_t pointer_of(const void *address) {
    return (int32_t)(uint32_t)(uintptr_t)address;
}

/* Memory for the host to fill: str/bytes arguments of exports, str/bytes results of imports. */
__attribute__((export_name("tpy2wasm_alloc")))
int32_t tpy2wasm_alloc(int32_t length) {
    return pointer_of(malloc(length > 0 ? (size_t)(uint32_t)length : 1));
}

/* Frees what an export or tpy2wasm_error handed to the host. */
__attribute__((export_name("tpy2wasm_free")))
void tpy2wasm_free(int32_t pointer) {
    free(address(pointer));
}

int32_t tpy2wasm_new_buffer(const char *data, Py_ssize_t length) {
    if ((size_t)length > UINT32_MAX - 4) {
        PyErr_NoMemory();
        return 0;
    }
    char *buffer = malloc(4 + (size_t)length);
    if (buffer == NULL) {
        PyErr_NoMemory();
        return 0;
    }
    uint32_t prefix = (uint32_t)length;  /* wasm32 is little-endian */
    memcpy(buffer, &prefix, 4);
    memcpy(buffer + 4, data, (size_t)length);
    return pointer_of(buffer);
}

PyObject *tpy2wasm_take_str(int32_t pointer, int32_t length) {
    PyObject *text = PyUnicode_DecodeUTF8(address(pointer), (uint32_t)length, NULL);
    free(address(pointer));
    return text;
}

PyObject *tpy2wasm_take_bytes(int32_t pointer, int32_t length) {
    PyObject *data = PyBytes_FromStringAndSize(address(pointer), (uint32_t)length);
    free(address(pointer));
    return data;
}

static uint32_t buffer_length(int32_t buffer) {
    uint32_t length;
    memcpy(&length, address(buffer), 4);
    return length;
}

PyObject *tpy2wasm_take_str_buffer(int32_t buffer) {
    PyObject *text = PyUnicode_DecodeUTF8(address(buffer) + 4, buffer_length(buffer), NULL);
    free(address(buffer));
    return text;
}

PyObject *tpy2wasm_take_bytes_buffer(int32_t buffer) {
    PyObject *data = PyBytes_FromStringAndSize(address(buffer) + 4, buffer_length(buffer));
    free(address(buffer));
    return data;
}

static int wrong_type(PyObject *value, const char *what, const char *expected) {
    PyErr_Format(PyExc_TypeError, "%s must be %s, not %.100s", what, expected, Py_TYPE(value)->tp_name);
    return -1;
}

int tpy2wasm_as_int(PyObject *value, const char *what, int64_t *out) {
    if (!PyLong_Check(value)) {
        return wrong_type(value, what, "int");
    }
    int overflow;
    long long number = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow != 0) {
        PyErr_Format(PyExc_OverflowError, "%s does not fit in a 64-bit signed integer (i64)", what);
        return -1;
    }
    *out = number;
    return 0;
}

int tpy2wasm_as_float(PyObject *value, const char *what, double *out) {
    if (!PyFloat_Check(value) && !PyLong_Check(value)) {  /* an int is a valid float, as for mypy */
        return wrong_type(value, what, "float");
    }
    double number = PyFloat_AsDouble(value);
    if (number == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = number;
    return 0;
}

int tpy2wasm_as_bool(PyObject *value, const char *what, int32_t *out) {
    if (!PyBool_Check(value)) {
        return wrong_type(value, what, "bool");
    }
    *out = value == Py_True;
    return 0;
}

int tpy2wasm_as_str(PyObject *value, const char *what, int32_t *pointer, int32_t *length) {
    if (!PyUnicode_Check(value)) {
        return wrong_type(value, what, "str");
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(value, &size);
    if (utf8 == NULL) {
        return -1;
    }
    *pointer = pointer_of(utf8);
    *length = (int32_t)size;
    return 0;
}

int tpy2wasm_as_bytes(PyObject *value, const char *what, int32_t *pointer, int32_t *length) {
    if (!PyBytes_Check(value)) {
        return wrong_type(value, what, "bytes");
    }
    *pointer = pointer_of(PyBytes_AS_STRING(value));
    *length = (int32_t)PyBytes_GET_SIZE(value);
    return 0;
}

int tpy2wasm_check_arity(const char *name, Py_ssize_t given, Py_ssize_t expected) {
    if (given == expected) {
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments but %zd were given", name, expected, given);
    return -1;
}

/* bind(module, name, stub): the callable that calls Wasm import module.name, in place of `stub`. */
static PyObject *bind(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    const char *module;
    const char *name;
    if (tpy2wasm_check_arity("bind", nargs, 3) < 0 || (module = PyUnicode_AsUTF8(args[0])) == NULL ||
        (name = PyUnicode_AsUTF8(args[1])) == NULL) {
        return NULL;
    }
    for (struct tpy2wasm_host_import *entry = tpy2wasm_host_imports; entry->module != NULL; entry++) {
        if (strcmp(entry->module, module) == 0 && strcmp(entry->name, name) == 0) {
            return PyCFunction_NewEx(&entry->method, NULL, NULL);
        }
    }
    PyErr_Format(PyExc_RuntimeError,
                 "tpy2wasm.host_import(%R, %R): the compiler saw no such import; write it as a decorator "
                 "with two string literals on a module-level def", args[0], args[1]);
    return NULL;
}

static PyMethodDef host_methods[] = {
    {"bind", (PyCFunction)(void (*)(void))bind, METH_FASTCALL, "Bind a host-import stub to its Wasm import."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef host_module = {
    PyModuleDef_HEAD_INIT, "_tpy2wasm_host", "The program's Wasm imports (tpy2wasm.host_import).", 0,
    host_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__tpy2wasm_host(void) {
    return PyModule_Create(&host_module);
}
