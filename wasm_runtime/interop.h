/* What the host-interop runtime (interop.c, reactor.c) and the C the compiler generates for a
 * program's exports and host imports (compiler/interop_source.py) agree on.
 *
 * The ABI with the host: int is i64, float f64, bool i32; a str/bytes argument is (ptr, len)
 * into linear memory, a str/bytes result is a pointer to [u32 little-endian length][bytes]
 * whose new owner frees it (the module with free(), the host with tpy2wasm_free). */
#ifndef TPY2WASM_INTEROP_H
#define TPY2WASM_INTEROP_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* --- interop.c: values across the boundary, both ways --- */

/* A new [u32 length][bytes] buffer, as an i32 address; 0 (with MemoryError set) if out of memory. */
int32_t tpy2wasm_new_buffer(const char *data, Py_ssize_t length);
/* Takes ownership of the host's (ptr, len) memory: a new str (strict UTF-8) or bytes, or NULL. */
PyObject *tpy2wasm_take_str(int32_t pointer, int32_t length);
PyObject *tpy2wasm_take_bytes(int32_t pointer, int32_t length);
/* Takes ownership of a [u32 length][bytes] buffer the host allocated: a new str or bytes, or NULL. */
PyObject *tpy2wasm_take_str_buffer(int32_t buffer);
PyObject *tpy2wasm_take_bytes_buffer(int32_t buffer);

/* A Python value as its Wasm value; -1 with a TypeError/OverflowError set if it is not one.
 * `what` names the value in the message ("add() result", "log() argument 1"). */
int tpy2wasm_as_int(PyObject *value, const char *what, int64_t *out);
int tpy2wasm_as_float(PyObject *value, const char *what, double *out);
int tpy2wasm_as_bool(PyObject *value, const char *what, int32_t *out);
/* str as UTF-8, bytes as is: (ptr, len) stay valid while `value` lives. */
int tpy2wasm_as_str(PyObject *value, const char *what, int32_t *pointer, int32_t *length);
int tpy2wasm_as_bytes(PyObject *value, const char *what, int32_t *pointer, int32_t *length);

/* One Wasm import of the program, as the Python callable that host_import binds to its stub. */
struct tpy2wasm_host_import {
    const char *module;
    const char *name;
    PyMethodDef method;  /* METH_FASTCALL */
};
/* Generated: the program's host imports, ended by an entry whose module is NULL. */
extern struct tpy2wasm_host_import tpy2wasm_host_imports[];
/* -1 with a TypeError set unless a host import got exactly `expected` positional arguments. */
int tpy2wasm_check_arity(const char *name, Py_ssize_t given, Py_ssize_t expected);

/* --- reactor.c: calling the program's exported functions --- */

/* Calls __main__.<name>(*args), stealing `args` (a NULL in them means its conversion failed);
 * returns a new reference, or NULL with the call's traceback in the error slot. */
PyObject *tpy2wasm_call_export(const char *name, PyObject **args, Py_ssize_t count);
/* An export's result as its Wasm value, consuming `result`; on any failure (NULL in, or a value
 * of the wrong type) the error slot says why and the Wasm value is 0. */
int64_t tpy2wasm_int_result(PyObject *result, const char *what);
double tpy2wasm_float_result(PyObject *result, const char *what);
int32_t tpy2wasm_bool_result(PyObject *result, const char *what);
int32_t tpy2wasm_str_result(PyObject *result, const char *what);
int32_t tpy2wasm_bytes_result(PyObject *result, const char *what);
void tpy2wasm_none_result(PyObject *result, const char *what);

/* main.c: start-up shared by the command and the reactor. */
int install_frozen_modules(void);
PyStatus initialize_python(int argc, char **argv);
PyObject *run_main_code(void);

#endif
