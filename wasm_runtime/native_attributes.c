/* Attribute reads and writes of native code (GetAttr, SetAttr) and the per-site cache that lets
 * generated code (codegen/instance_attributes.py) skip CPython's lookup where CPython 3.11's own
 * specialised instructions skip it:
 *
 * - An instance's attribute held in its inline values (an instance of a class without
 *   __slots__, whose instances share their type's dict keys), as LOAD_ATTR_INSTANCE_VALUE and
 *   STORE_ATTR_INSTANCE_VALUE do, for up to ATTR_CACHE_WAYS types at a site (an inherited method
 *   reads a base's attribute on instances of each subclass). While a type keeps the version tag the cache saw (any change
 *   to the type or to a base gives it another), the name keeps its index in the type's shared
 *   keys (they only grow) and nothing in the type's MRO comes before the instance's value: no
 *   __getattribute__, __getattr__ or __setattr__, no data descriptor, and no descriptor of a
 *   class that could become one (a heap type's object is never cached). Generated code tests the
 *   tag, that the instance still has inline values (vars(), __dict__ or too many names make it a
 *   real dict) and, for a read, that the value is there (a deleted or never set attribute is
 *   CPython's to report); a store replaces a value that is there, leaving the values' insertion
 *   order alone. Anything else is the call here, which does CPython's lookup and then fills the
 *   cache when the conditions hold.
 * - A module's attribute while the module's dict keeps its version (LOAD_ATTR_MODULE); generated
 *   code reads it from the cache too, on the same conditions. */
#include "native.h"

#include <stddef.h>
#include <string.h>

#define ATTR_CACHE_WAYS 4 /* codegen/runtime_api.py: ATTR_CACHE_WAYS */
typedef struct {
    uint32_t type_version; /* the type's version tag (0, which no type has, before) */
    int32_t index;         /* the name's index in the type's shared keys and so in the values */
} AttrWay;
typedef struct {
    PyObject *name;   /* the interned name */
    uint64_t version; /* module attributes: the dict's version when `value` was found */
    PyObject *value;  /* borrowed: the dict holding it is unchanged while the version matches */
    AttrWay ways[ATTR_CACHE_WAYS]; /* instance values, by type: the most recently remembered first */
} AttrCache;
_Static_assert(offsetof(AttrCache, value) == 16 && offsetof(AttrCache, ways) == 20 && sizeof(AttrWay) == 8
               && sizeof(AttrCache) == 56, "codegen/runtime_api.py: ATTR_CACHE");
_Static_assert(offsetof(PyTypeObject, tp_version_tag) == 192, "codegen/object_fields.py: TYPE_VERSION_TAG");

/* CPython 3.11's Include/internal/pycore_dict.h, which its specializer uses: the index of a str
 * key in a dict's keys, or a negative number. */
extern Py_ssize_t _PyDictKeys_StringLookup(PyDictKeysObject *keys, PyObject *key);

/* An instance's inline values (NULL once it has a real dict): four pointers before the object,
 * as pycore_object.h's _PyObject_ValuesPointer says; checked at start-up. */
static PyObject **inline_values(PyObject *object) {
    return ((PyObject ***)object)[-4];
}

/* Whether the instance's value of `key` is what CPython's generic lookup finds (or, storing,
 * sets) for as long as the type keeps its version tag; its index then. */
static int instance_value_index(PyObject *object, PyObject *key, int store, Py_ssize_t *index) {
    PyTypeObject *type = Py_TYPE(object);
    if (!PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT) || !PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)
        || !PyUnicode_CheckExact(key) || inline_values(object) == NULL
        || (store ? type->tp_setattro != PyObject_GenericSetAttr : type->tp_getattro != PyObject_GenericGetAttr)) {
        return 0;
    }
    PyObject *descriptor = _PyType_Lookup(type, key); /* borrowed; gives the type a version tag */
    if (descriptor != NULL && (PyType_HasFeature(Py_TYPE(descriptor), Py_TPFLAGS_HEAPTYPE)
                               || Py_TYPE(descriptor)->tp_descr_set != NULL)) {
        return 0;
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
    if (keys == NULL || type->tp_version_tag == 0 || !PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        return 0;
    }
    *index = _PyDictKeys_StringLookup(keys, key);
    return *index >= 0 && *index <= INT32_MAX;
}

static void remember_instance_value(PyObject *object, PyObject *key, int store, AttrCache *cache) {
    Py_ssize_t index;
    if (instance_value_index(object, key, store, &index)) { /* first; the way it was in, or the last, dropped */
        uint32_t tag = Py_TYPE(object)->tp_version_tag;
        int way = 0;
        while (way < ATTR_CACHE_WAYS - 1 && cache->ways[way].type_version != tag) {
            way++;
        }
        memmove(&cache->ways[1], &cache->ways[0], (size_t)way * sizeof(AttrWay));
        cache->ways[0] = (AttrWay){tag, (int32_t)index};
    }
}

static PyObject *module_attribute(PyObject *module, PyObject *key, AttrCache *cache) {
    PyDictObject *dict = (PyDictObject *)PyModule_GetDict(module);
    if (cache->value != NULL && cache->version == dict->ma_version_tag) {
        return Py_NewRef(cache->value);
    }
    PyObject *value = PyObject_GetAttr(module, key);
    /* found in the dict, and not shadowed by an attribute of the module type itself */
    if (value != NULL && _PyType_Lookup(&PyModule_Type, key) == NULL
        && PyDict_GetItemWithError((PyObject *)dict, key) == value) {
        cache->value = value;
        cache->version = dict->ma_version_tag;
    }
    return value;
}

/* `object.name` where generated code did not find it in place: a new reference, or NULL. */
PyObject *tpy2wasm_get_attr(PyObject *object, const char *name, AttrCache *cache) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), &cache->name);
    if (key == NULL) {
        return NULL;
    }
    if (PyModule_CheckExact(object)) {
        return module_attribute(object, key, cache);
    }
    PyObject *value = PyObject_GetAttr(object, key);
    if (value != NULL) {
        remember_instance_value(object, key, 0, cache);
    }
    return value;
}

/* `object.name = value` where generated code did not store it in place: 0, or -1. */
int tpy2wasm_set_attr(PyObject *object, const char *name, AttrCache *cache, PyObject *value) {
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), &cache->name);
    if (key == NULL || PyObject_SetAttr(object, key, value) < 0) {
        return -1;
    }
    remember_instance_value(object, key, 1, cache);
    return 0;
}

_Static_assert(offsetof(PyHeapTypeObject, ht_cached_keys) == 436, "codegen/object_fields.py: TYPE_CACHED_KEYS");
/* CPython 3.11's pycore_dict.h: a version of the keys (0 when none is left), which changes when
 * a key is added; generated code reads it at KEYS_VERSION_OFFSET, checked at start-up. */
extern uint32_t _PyDictKeys_GetVersionForCurrentState(PyDictKeysObject *keys);
#define KEYS_VERSION_OFFSET 8

/* Whether the instance has an attribute `key` of its own, which comes before a method of its
 * type; without making a dict of its inline values, as _PyObject_GetDictPtr would. */
static int shadows(PyObject *object, PyObject *key) {
    PyTypeObject *type = Py_TYPE(object);
    PyObject *dict;
    if (PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT) && inline_values(object) != NULL) {
        Py_ssize_t index = _PyDictKeys_StringLookup(((PyHeapTypeObject *)type)->ht_cached_keys, key);
        return index >= 0 && inline_values(object)[index] != NULL;
    }
    if (PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT)) {
        dict = ((PyObject **)object)[-3];
    } else {
        PyObject **pointer = _PyObject_GetDictPtr(object);
        dict = pointer == NULL ? NULL : *pointer;
    }
    if (dict == NULL) {
        return 0;
    }
    return PyDict_GetItemWithError(dict, key) != NULL ? 1 : PyErr_Occurred() ? -1 : 0;
}

/* The entry of a method site that serves a type whose version tag is `tag`: its home entry, the
 * one at the tag's low bits, which generated code tests first; what another type held there
 * moves to an empty entry (or one of the same type), else to the next one, so that types whose
 * tags share low bits are still found (the others are searched next) rather than evict each
 * other on every call. (Attribute ways stay most recent first: a home way's computed address
 * cost monomorphic reads more than it saved polymorphic ones, measured on nbody_class.) */
static MethodSite *home_entry(MethodSite *sites, uint32_t tag) {
    MethodSite *home = &sites[tag & (METHOD_SITE_WAYS - 1)];
    if (home->callee != NULL && home->type_version != tag) {
        MethodSite *other = &sites[(tag + 1) & (METHOD_SITE_WAYS - 1)];
        for (int way = 0; way < METHOD_SITE_WAYS; way++) {
            if (sites[way].callee == NULL || sites[way].type_version == tag) {
                other = &sites[way];
                break;
            }
        }
        *other = *home;
    }
    return home;
}

/* LOAD_METHOD for a site that calls native methods directly (codegen/method_calls.py), where
 * the site's inline test failed: NULL, no exception set, when `object.name` is a native method
 * whose direct entry has the site's signature -- found on the type (an override too), not
 * shadowed by the instance, its bindings holding -- and the site's home entry for the type's tag
 * (home_entry) is bound to it, which generated code reads after this call (its type and keys
 * versions filled when generated code may trust them next time, as LOAD_METHOD_WITH_VALUES
 * does); else CPython's `object.name`, a new reference, or NULL with the exception. */
PyObject *tpy2wasm_get_native_method(PyObject *object, const char *name, PyObject **name_cache,
                                     const char *direct_signature, MethodSite *sites) {
    PyTypeObject *type = Py_TYPE(object);
    PyObject *key = tpy2wasm_cached_string(name, (int)strlen(name), name_cache);
    if (key == NULL) {
        return NULL;
    }
    PyObject *method = type->tp_getattro == PyObject_GenericGetAttr ? _PyType_Lookup(type, key) : NULL;
    MethodSite found = {0};
    int native = method == NULL ? 0 : tpy2wasm_is_method_callee(method, direct_signature, &found);
    int shadowed = native <= 0 ? 0 : shadows(object, key);
    if (native < 0 || shadowed < 0) {
        return NULL;
    }
    if (!native || shadowed) {
        return PyObject_GetAttr(object, key);
    }
    PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
    if (PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT) && PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)
        && keys != NULL && inline_values(object) != NULL && ((PyObject **)object)[-3] == NULL
        && _PyDictKeys_StringLookup(keys, key) < 0) {
        found.keys_version = _PyDictKeys_GetVersionForCurrentState(keys);
        found.type_version = found.keys_version == 0 ? 0 : type->tp_version_tag;
    }
    *home_entry(sites, type->tp_version_tag) = found;
    return NULL;
}

#define MODULE_DICT_OFFSET 8 /* codegen/object_fields.py: MODULE_DICT */

/* At start-up: 0, or -1 with SystemError when this CPython does not keep an instance's
 * attributes where inline_values finds them, or a module's dict where generated code reads it. */
int tpy2wasm_init_attributes(void) {
    PyObject *namespace = PyDict_New();
    PyObject *type = namespace == NULL ? NULL : PyObject_CallFunction((PyObject *)&PyType_Type, "s()O",
                                                                      "tpy2wasm_probe", namespace);
    PyObject *probe = type == NULL ? NULL : PyObject_CallNoArgs(type);
    AttrCache cache = {0};
    int agrees = probe != NULL && tpy2wasm_set_attr(probe, "probe", &cache, Py_Ellipsis) == 0
                 && cache.ways[0].type_version == Py_TYPE(probe)->tp_version_tag && cache.ways[0].type_version != 0
                 && inline_values(probe) != NULL && inline_values(probe)[cache.ways[0].index] == Py_Ellipsis
                 && ((PyObject **)probe)[-3] == NULL;
    if (agrees) {
        PyDictKeysObject *keys = ((PyHeapTypeObject *)type)->ht_cached_keys;
        uint32_t version = _PyDictKeys_GetVersionForCurrentState(keys);
        agrees = version != 0 && *(uint32_t *)((char *)keys + KEYS_VERSION_OFFSET) == version;
    }
    if (agrees) { /* a module's dict, where generated code reads it (no header states the layout) */
        PyObject *module = PyModule_New("tpy2wasm_probe");
        agrees = module != NULL && *(PyObject **)((char *)module + MODULE_DICT_OFFSET) == PyModule_GetDict(module);
        Py_XDECREF(module);
    }
    Py_XDECREF(probe);
    Py_XDECREF(type);
    Py_XDECREF(namespace);
    if (!agrees && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError,
                        "tpy2wasm: instance attributes are not laid out as codegen/object_fields.py says");
    }
    return agrees ? 0 : -1;
}
