/* Native functions as real Python callables, and the `_tpy2wasm` module that makes them.
 *
 * The compiler decorates each native function's `def` with `__tpy2wasm_native__(key)`. The
 * decorator wraps the Python function in a NativeFunction, which calls it where native code
 * does not go (a call that does not bind, a name its native code calls rebound, recursion past
 * the native frames' cap), and whose attributes it shows as its own (native_getattro).
 */
#include "native.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    const struct tpy_native_entry *entry;
    Py_ssize_t parameter_count;
    PyObject *python_version;
    struct tpy_bindings_watch bindings; /* where the entry's bindings were last found to hold */
    int code_replaced;     /* its __code__ was set: see native_setattro */
    int defaults_replaced; /* its __defaults__ or __kwdefaults__ was set */
} NativeFunction;

/* How each native function's calls were served, indexed like tpy2wasm_native_table and read by
 * _tpy2wasm.stats(): so that tests can tell a function that runs natively from one that
 * silently falls back to its Python version every time. */
typedef struct {
    Py_ssize_t native;    /* calls from CPython that entered the native code, and direct call sites bound */
    Py_ssize_t arguments; /* calls that do not bind (arity, keywords): Python version, which raises */
    Py_ssize_t depth;     /* calls that went on in Python because native recursion got too deep */
    Py_ssize_t direct;    /* call sites in native functions bound to call the direct entry */
    Py_ssize_t rebound;   /* calls made while a name its native code calls was rebound, or after its
                             code was set: Python version */
} CallCounts;
static CallCounts *call_counts;

/* The code of each native function's Python version, indexed like tpy2wasm_native_table: its
 * constants hold the code of its lambdas and comprehensions (tpy2wasm_make_function). */
static PyObject **entry_codes;

static CallCounts *counts_of(const NativeFunction *self) {
    return &call_counts[self->entry - tpy2wasm_native_table];
}

static PyObject *call_python_version(NativeFunction *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    return PyObject_Vectorcall(self->python_version, args, nargsf, kwnames);
}

/* Where the program finds the function by its name: the module's globals, or for a method the
 * class in its receiver's MRO whose dict holds it; NULL (no exception) when neither does. */
static PyObject *holder_of(NativeFunction *self, PyObject *name, PyObject *const *args, size_t nargsf) {
    PyObject *globals = PyFunction_GET_GLOBALS(self->python_version);
    if (PyDict_GetItemWithError(globals, name) == (PyObject *)self) {
        return globals;
    }
    PyObject *mro = PyVectorcall_NARGS(nargsf) > 0 ? Py_TYPE(args[0])->tp_mro : NULL;
    for (Py_ssize_t i = 0; mro != NULL && i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (dict != NULL && PyDict_GetItemWithError(dict, name) == (PyObject *)self) {
            return PyTuple_GET_ITEM(mro, i);
        }
    }
    return NULL;
}

/* The holder's value of `name` (borrowed), and setting it: a class's through setattr, which
 * tells the class's caches that it changed. */
static PyObject *held(PyObject *holder, PyObject *name) {
    return PyDict_GetItemWithError(PyDict_Check(holder) ? holder : ((PyTypeObject *)holder)->tp_dict, name);
}

static int hold(PyObject *holder, PyObject *name, PyObject *value) {
    return PyDict_Check(holder) ? PyDict_SetItem(holder, name, value) : PyObject_SetAttr(holder, name, value);
}

/* Past the native frames' cap, the deep recursion continues in Python: while the Python version
 * runs, the name the program calls it by (a module global, or a method's attribute of its class)
 * holds the Python function, so its recursive calls are ordinary Python-to-Python calls that use
 * no C stack, as in CPython. Afterwards the name holds the native function again, unless the
 * program rebound it meanwhile. */
static PyObject *call_python_version_deeply(NativeFunction *self, PyObject *const *args, size_t nargsf) {
    PyObject *name = PyObject_GetAttrString(self->python_version, "__name__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *holder = holder_of(self, name, args, nargsf);
    Py_XINCREF(holder);
    int swapped = holder != NULL && hold(holder, name, self->python_version) == 0;
    if (holder != NULL && !swapped) {
        PyErr_Clear(); /* then it recurses through native_function, as before the cap */
    }
    PyObject *result = call_python_version(self, args, nargsf, NULL);
    if (swapped && held(holder, name) == self->python_version) {
        PyObject *type, *value, *traceback;
        PyErr_Fetch(&type, &value, &traceback);
        if (hold(holder, name, (PyObject *)self) < 0) {
            PyErr_Clear();
        }
        PyErr_Restore(type, value, traceback);
    }
    Py_XDECREF(holder);
    Py_DECREF(name);
    return result;
}

/* Whether `name` is the parameter at `index` of the Python version (keywords are interned, as
 * the code's names are, so identity decides nearly always). */
static int names_parameter(PyCodeObject *code, Py_ssize_t index, PyObject *name) {
    PyObject *parameter = PyTuple_GET_ITEM(code->co_localsplusnames, index);
    return parameter == name || PyUnicode_Compare(parameter, name) == 0;
}

/* The call's arguments in parameter order, borrowed, into `bound`: positional ones, keywords by
 * name, then the Python version's __defaults__ for the rest, as CPython binds them. 0 when the
 * call does not bind (too many or too few arguments, an unknown, repeated or positional-only
 * keyword): the Python version then runs and raises CPython's own TypeError. */
static int bind_arguments(NativeFunction *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                          PyObject **bound) {
    Py_ssize_t count = self->parameter_count;
    if (nargs > count) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        bound[i] = i < nargs ? args[i] : NULL;
    }
    Py_ssize_t keywords = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyCodeObject *code = (PyCodeObject *)PyFunction_GET_CODE(self->python_version);
    for (Py_ssize_t k = 0; k < keywords; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t index = nargs > code->co_posonlyargcount ? nargs : code->co_posonlyargcount;
        while (index < count && !names_parameter(code, index, name)) {
            index++;
        }
        if (index == count || bound[index] != NULL) {
            return 0;
        }
        bound[index] = args[nargs + k];
    }
    PyObject *defaults = PyFunction_GET_DEFAULTS(self->python_version);
    Py_ssize_t first_default = count - (defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults));
    for (Py_ssize_t i = nargs; i < count; i++) {
        if (bound[i] == NULL) {
            if (i < first_default) {
                return 0;
            }
            bound[i] = PyTuple_GET_ITEM(defaults, i - first_default);
        }
    }
    return 1;
}

/* native.h: tpy2wasm_bindings_hold, 1 for an entry without bindings. */
static int bindings_hold(NativeFunction *self) {
    return self->entry->bindings == NULL ? 1
                                         : tpy2wasm_bindings_hold(self->entry, self->python_version, &self->bindings);
}

/* A call with every parameter, positional: natively while the names its native code calls are
 * unchanged, else the Python version, which gets the same arguments bound the same way. Past the
 * native frames' cap (native_depth.c), the recursion goes on in the Python version. */
static PyObject *call_bound(NativeFunction *self, PyObject *const *args) {
    size_t nargsf = (size_t)self->parameter_count;
    int bound = self->code_replaced ? 0 : bindings_hold(self);
    if (bound <= 0) {
        if (bound < 0) {
            return NULL;
        }
        counts_of(self)->rebound++;
        return call_python_version(self, args, nargsf, NULL);
    }
    if (tpy2wasm_native_depth_exhausted()) {
        counts_of(self)->depth++;
        return call_python_version_deeply(self, args, nargsf);
    }
    struct tpy_stretch saved;
    int depth = tpy2wasm_enter_stretch(&saved);
    if (depth < 0) {
        return NULL;
    }
    counts_of(self)->native++;
    PyObject *result = self->entry->thunk(PyFunction_GET_GLOBALS(self->python_version), args, depth);
    tpy2wasm_leave_stretch(&saved, depth);
    return result;
}

static PyObject *native_vectorcall(PyObject *callable, PyObject *const *given, size_t nargsf, PyObject *kwnames) {
    NativeFunction *self = (NativeFunction *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    /* The common call, every parameter given positionally, is bound already. */
    if (kwnames == NULL && nargs == self->parameter_count) {
        return call_bound(self, given);
    }
    PyObject *args[self->parameter_count + 1];
    if (!bind_arguments(self, given, nargs, kwnames, args)) {
        counts_of(self)->arguments++;
        return call_python_version(self, given, nargsf, kwnames);
    }
    /* The defaults bound are borrowed from this tuple: it outlives the call even if the call
     * replaces the function's __defaults__ (CPython's frame holds its arguments likewise). */
    PyObject *defaults = PyFunction_GET_DEFAULTS(self->python_version);
    Py_XINCREF(defaults);
    PyObject *result = call_bound(self, args);
    Py_XDECREF(defaults);
    return result;
}

static void native_dealloc(PyObject *object) {
    NativeFunction *self = (NativeFunction *)object;
    PyObject_GC_UnTrack(object);
    Py_CLEAR(self->python_version);
    PyObject_GC_Del(object);
}

static int native_traverse(PyObject *object, visitproc visit, void *arg) {
    NativeFunction *self = (NativeFunction *)object;
    Py_VISIT(self->python_version);
    return 0;
}

/* Looks like the function it replaces: <function fib at 0x...>. */
static PyObject *native_repr(PyObject *object) {
    return PyObject_Repr(((NativeFunction *)object)->python_version);
}

/* Binds like a Python function when stored on a class; and, as a function's type, the type says
 * it is a method descriptor (Py_TPFLAGS_METHOD_DESCRIPTOR), so LOAD_METHOD calls it unbound with the
 * object first, making no bound method. */
static PyObject *native_descr_get(PyObject *object, PyObject *instance, PyObject *owner) {
    if (instance == NULL || instance == Py_None) {
        Py_INCREF(object);
        return object;
    }
    return PyMethod_New(object, instance);
}

/* The attributes of its Python version: __name__, __doc__, __code__, __defaults__,
 * __annotations__, __dict__ and those set on it, read and written there (so a call binds the
 * defaults a program set), so that code introspecting a function (inspect, functools.wraps,
 * singledispatch's register) sees what CPython shows, and a name it lacks raises the function's
 * AttributeError. Only the type's own behaviour is the NativeFunction's (__call__, __get__,
 * __class__): __doc__ and __module__, which every type holds, are the function's too. */
static PyObject *native_getattro(PyObject *self, PyObject *name) {
    PyObject *python_version = ((NativeFunction *)self)->python_version;
    if (PyUnicode_Check(name) && (PyUnicode_CompareWithASCIIString(name, "__doc__") == 0
                                  || PyUnicode_CompareWithASCIIString(name, "__module__") == 0)) {
        return PyObject_GetAttr(python_version, name);
    }
    PyObject *value = PyObject_GenericGetAttr(self, name);
    if (value != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return value;
    }
    PyErr_Clear();
    return PyObject_GetAttr(python_version, name);
}

extern uint64_t _pydict_global_version; /* CPython's internal/pycore_dict.h: DICT_NEXT_VERSION */

/* A function whose code the program set no longer does what its native code does: from then on
 * it runs its Python version, and native code that would call it directly calls it through
 * CPython. One whose defaults were set still binds calls from CPython with them, but the entry
 * checks (native_bindings.c) no longer find it to be the function compiled code calls. The module's globals get
 * a new version, so that the direct call sites and the entry checks that found it look again, and
 * every type its tag, so that the method sites that found it as a method look again (a rare
 * event: the types get new tags as they are next looked up in). */
static int native_setattro(PyObject *self, PyObject *name, PyObject *value) {
    NativeFunction *native = (NativeFunction *)self;
    if (PyObject_SetAttr(native->python_version, name, value) < 0) {
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        return 0;
    }
    int code = PyUnicode_CompareWithASCIIString(name, "__code__") == 0;
    int defaults = PyUnicode_CompareWithASCIIString(name, "__defaults__") == 0
                   || PyUnicode_CompareWithASCIIString(name, "__kwdefaults__") == 0;
    if (code || defaults) {
        native->code_replaced |= code;
        native->defaults_replaced |= defaults;
        ((PyDictObject *)PyFunction_GET_GLOBALS(native->python_version))->ma_version_tag = ++_pydict_global_version;
        PyType_Modified(&PyBaseObject_Type);
    }
    return 0;
}

static PyTypeObject NativeFunctionType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tpy2wasm.native_function",
    .tp_basicsize = sizeof(NativeFunction),
    .tp_dealloc = native_dealloc,
    .tp_vectorcall_offset = offsetof(NativeFunction, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_repr = native_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = native_traverse,
    .tp_descr_get = native_descr_get,
    .tp_getattro = native_getattro,
    .tp_setattro = native_setattro,
};

/* Whether `value` is the callee of a direct call site (native.h: DirectSite): the site binds, once,
 * the first NativeFunction it sees of the native function whose thunk is `thunk`, over `globals`,
 * and keeps a reference to it, so a call the load found it for stays right whatever the
 * arguments do to the name. Stats count direct calls by the sites bound, not call by call (two
 * counters at each call cost 8 Wasm instructions). */
int tpy2wasm_is_site_callee(PyObject *value, void *thunk, PyObject *globals, DirectSite *site) {
    NativeFunction *native = (NativeFunction *)value;
    if (site->callee == NULL && Py_TYPE(value) == &NativeFunctionType
        && (void *)native->entry->thunk == thunk && PyFunction_GET_GLOBALS(native->python_version) == globals) {
        Py_INCREF(value);
        site->callee = value;
        counts_of(native)->native++;
        counts_of(native)->direct++;
    }
    if (value != site->callee || native->code_replaced) {
        return 0;
    }
    return bindings_hold(native);
}

int tpy2wasm_is_method_callee(PyObject *value, const char *direct_signature, MethodSite *site) {
    static PyObject *found; /* every callee sites were bound to: see native.h */
    NativeFunction *native = (NativeFunction *)value;
    if (Py_TYPE(value) != &NativeFunctionType || native->code_replaced
        || strcmp(native->entry->direct_signature, direct_signature) != 0) {
        return 0;
    }
    int hold = bindings_hold(native);
    if (hold <= 0) {
        return hold;
    }
    int known = found != NULL ? PySet_Contains(found, value) : 0;
    if (known < 0 || (!known && (found == NULL && (found = PySet_New(NULL)) == NULL || PySet_Add(found, value) < 0))) {
        return -1;
    }
    counts_of(native)->native++;
    counts_of(native)->direct++;
    site->callee = value;
    site->direct = native->entry->direct;
    site->globals = PyFunction_GET_GLOBALS(native->python_version);
    return 1;
}

int tpy2wasm_is_native_function(PyObject *value, const char *key, PyObject *globals) {
    NativeFunction *native = (NativeFunction *)value;
    return Py_TYPE(value) == &NativeFunctionType && !native->code_replaced && !native->defaults_replaced
           && strcmp(native->entry->key, key) == 0
           && PyFunction_GET_GLOBALS(native->python_version) == globals;
}

static const struct tpy_native_entry *find_entry(const char *key) {
    for (const struct tpy_native_entry *entry = tpy2wasm_native_table; entry->key != NULL; entry++) {
        if (strcmp(entry->key, key) == 0) {
            return entry;
        }
    }
    return NULL;
}

/* MAKE_FUNCTION in the native function `key` (codegen: tob.MakeFunction): a new function over
 * `globals` of the code named `name` that starts on `line` among the constants of the function's
 * code, which CPython compiled (analysis/nested_code.py checked that one code is so named), with
 * its defaults, keyword defaults, annotations and closure (the function's cells) when given. `*cache` keeps the code once
 * found. */
PyObject *tpy2wasm_make_function(PyObject *globals, const char *key, const char *name, int line, PyObject *defaults,
                                 PyObject *kwdefaults, PyObject *annotations, PyObject *closure, PyObject **cache) {
    if (*cache == NULL) {
        const struct tpy_native_entry *entry = find_entry(key);
        PyObject *code = entry == NULL ? NULL : entry_codes[entry - tpy2wasm_native_table];
        PyObject *constants = code == NULL ? NULL : ((PyCodeObject *)code)->co_consts;
        for (Py_ssize_t i = 0; constants != NULL && i < PyTuple_GET_SIZE(constants); i++) {
            PyCodeObject *nested = (PyCodeObject *)PyTuple_GET_ITEM(constants, i);
            if (PyCode_Check(nested) && nested->co_firstlineno == line
                && strcmp(PyUnicode_AsUTF8(nested->co_name), name) == 0) {
                *cache = Py_NewRef(nested);
                break;
            }
        }
        if (*cache == NULL) {
            PyErr_Format(PyExc_SystemError, "tpy2wasm: no code %s of line %d in %s", name, line, key);
            return NULL;
        }
    }
    PyObject *function = PyFunction_New(*cache, globals);
    if (function != NULL && ((defaults != NULL && PyFunction_SetDefaults(function, defaults) < 0)
                             || (kwdefaults != NULL && PyFunction_SetKwDefaults(function, kwdefaults) < 0)
                             || (annotations != NULL && PyFunction_SetAnnotations(function, annotations) < 0)
                             || (closure != NULL && PyFunction_SetClosure(function, closure) < 0))) {
        Py_CLEAR(function);
    }
    return function;
}

/* __tpy2wasm_native__(key)(function): the decorator's second step. */
static PyObject *wrap_function(PyObject *key, PyObject *function) {
    const struct tpy_native_entry *entry = find_entry(PyUnicode_AsUTF8(key));
    /* Nothing native for it: it stays Python. */
    if (entry == NULL || !PyFunction_Check(function)) {
        Py_INCREF(function);
        return function;
    }
    NativeFunction *self = PyObject_GC_New(NativeFunction, &NativeFunctionType);
    if (self == NULL) {
        return NULL;
    }
    self->vectorcall = native_vectorcall;
    self->entry = entry;
    self->parameter_count = (Py_ssize_t)(strchr(entry->signature, '>') - entry->signature);
    Py_INCREF(function);
    self->python_version = function;
    self->bindings.globals = NULL;
    self->code_replaced = 0;
    self->defaults_replaced = 0;
    tpy2wasm_note_builtins(PyFunction_GET_GLOBALS(function), ((PyFunctionObject *)function)->func_builtins);
    PyObject **code = &entry_codes[entry - tpy2wasm_native_table];
    if (*code == NULL) {
        *code = Py_NewRef(PyFunction_GET_CODE(function));
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

static PyObject *decorator_call(PyObject *key, PyObject *function) {
    return wrap_function(key, function);
}

static PyMethodDef decorator_method = {"native_decorator", decorator_call, METH_O, NULL};

static PyObject *native(PyObject *module, PyObject *key) {
    if (!PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "__tpy2wasm_native__ takes the function's key");
        return NULL;
    }
    return PyCFunction_New(&decorator_method, key);
}

/* _tpy2wasm.stats(): {key: {"native": n, "arguments": n, "depth": n, "direct": n, "rebound": n}}
 * for every native function of the program. */
static PyObject *stats(PyObject *module, PyObject *unused) {
    PyObject *result = PyDict_New();
    for (const struct tpy_native_entry *entry = tpy2wasm_native_table; result != NULL && entry->key != NULL; entry++) {
        const CallCounts *counts = &call_counts[entry - tpy2wasm_native_table];
        PyObject *row = Py_BuildValue("{s:n,s:n,s:n,s:n,s:n}", "native", counts->native, "arguments",
                                      counts->arguments, "depth", counts->depth, "direct", counts->direct,
                                      "rebound", counts->rebound);
        if (row == NULL || PyDict_SetItemString(result, entry->key, row) < 0) {
            Py_CLEAR(result);
        }
        Py_XDECREF(row);
    }
    return result;
}

/* With TPY2WASM_NATIVE_STATS set (and not empty), the counts go to stderr as the module ends,
 * after finalisation (Py_AtExit: native calls made by __del__ at teardown are counted too), in
 * the form `repr(stats())` has: "tpy2wasm-stats: {'module.name': {'native': 1, ...}, ...}". */
static void print_stats_at_exit(void) {
    fputs("tpy2wasm-stats: {", stderr);
    for (const struct tpy_native_entry *entry = tpy2wasm_native_table; entry->key != NULL; entry++) {
        const CallCounts *counts = &call_counts[entry - tpy2wasm_native_table];
        fprintf(stderr, "%s'%s': {'native': %zd, 'arguments': %zd, 'depth': %zd, 'direct': %zd, 'rebound': %zd}",
                entry == tpy2wasm_native_table ? "" : ", ", entry->key, counts->native, counts->arguments,
                counts->depth, counts->direct, counts->rebound);
    }
    fputs("}\n", stderr);
    fflush(stderr);
}

static PyMethodDef module_methods[] = {
    {"native", native, METH_O, "The decorator that makes a function native, by its key."},
    {"stats", stats, METH_NOARGS, "How each native function's calls were served so far."},
    {"suggestion", tpy2wasm_suggestion, METH_O, "CPython's 'Did you mean' name for an error, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT, "_tpy2wasm", "The native core's runtime.", -1, module_methods,
};

PyMODINIT_FUNC PyInit__tpy2wasm(void) {
    if (PyType_Ready(&NativeFunctionType) < 0 || tpy2wasm_init_list_items() < 0 || tpy2wasm_init_attributes() < 0
        || tpy2wasm_init_small_ints() < 0) {
        return NULL;
    }
    size_t entries = 0;
    while (tpy2wasm_native_table[entries].key != NULL) {
        entries++;
    }
    call_counts = calloc(entries + 1, sizeof(CallCounts));
    entry_codes = calloc(entries + 1, sizeof(PyObject *));
    if (call_counts == NULL || entry_codes == NULL) {
        return PyErr_NoMemory();
    }
    const char *print_stats = getenv("TPY2WASM_NATIVE_STATS");
    if (print_stats != NULL && *print_stats != '\0') {
        Py_AtExit(print_stats_at_exit);
    }
    return PyModule_Create(&module_definition);
}
