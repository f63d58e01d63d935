/* Code of the frozen modules that are stored deflated: inflated when the module is imported.
 *
 * Marshalled code compresses about 2.5:1, and most frozen stdlib modules are never imported
 * by a given run (the traceback printer's, a program's error paths), so the compiler stores
 * them as raw deflate streams (RFC 1951, written by the host's zlib) and points their table
 * entry's get_code at a generated function that calls tpy2wasm_frozen_code (codegen/tables.py).
 * CPython for WASI has no zlib, hence this decoder: a table lookup for codes of up to
 * FAST_BITS bits, canonical decoding bit by bit for the rare longer ones.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>
#include <stdint.h>
#include <string.h>

#define MAX_BITS 15
#define FAST_BITS 10
#define LITERAL_CODES 288
#define DISTANCE_CODES 30

typedef struct {
    uint16_t fast[1 << FAST_BITS]; /* symbol << 4 | code length; 0: the code is longer */
    uint16_t count[MAX_BITS + 1];  /* codes of each length */
    uint16_t symbol[LITERAL_CODES]; /* symbols ordered by code */
} Huffman;

typedef struct {
    const uint8_t *in, *in_end;
    uint64_t bits;
    unsigned nbits;
    unsigned padding; /* zero bytes read past the end of the input */
    uint8_t *out;
    size_t out_pos, out_len;
} Inflater;

/* Tops the bit buffer up to at least 56 bits: eight bytes at once while the input lasts. */
static void refill(Inflater *s) {
    if (s->in_end - s->in >= 8) {
        uint64_t word;
        memcpy(&word, s->in, 8); /* wasm32 is little-endian, as deflate's bit order */
        s->bits |= word << s->nbits;
        s->in += (63 - s->nbits) >> 3;
        s->nbits |= 56;
        return;
    }
    while (s->nbits <= 56) {
        uint64_t byte = 0;
        if (s->in < s->in_end) {
            byte = *s->in++;
        } else {
            s->padding++;
        }
        s->bits |= byte << s->nbits;
        s->nbits += 8;
    }
}

/* The next `count` bits, without a refill: the caller knows the buffer holds them. */
static unsigned take_buffered(Inflater *s, unsigned count) {
    unsigned value = (unsigned)(s->bits & ((1u << count) - 1));
    s->bits >>= count;
    s->nbits -= count;
    return value;
}

static unsigned take(Inflater *s, unsigned count) {
    refill(s);
    unsigned value = (unsigned)(s->bits & ((1u << count) - 1));
    s->bits >>= count;
    s->nbits -= count;
    return value;
}

/* Builds `h` from the code length of each of `n` symbols; -1 if the lengths are no prefix code. */
static int build(Huffman *h, const uint8_t *lengths, int n) {
    uint16_t offsets[MAX_BITS + 2];
    uint16_t next_code[MAX_BITS + 1];
    memset(h->count, 0, sizeof h->count);
    memset(h->fast, 0, sizeof h->fast);
    for (int symbol = 0; symbol < n; symbol++) {
        h->count[lengths[symbol]]++;
    }
    h->count[0] = 0;
    int left = 1;
    for (int len = 1; len <= MAX_BITS; len++) {
        left = (left << 1) - h->count[len];
        if (left < 0) {
            return -1;
        }
    }
    offsets[1] = 0;
    unsigned code = 0;
    for (int len = 1; len <= MAX_BITS; len++) {
        offsets[len + 1] = offsets[len] + h->count[len];
        code = (code + h->count[len - 1]) << 1;
        next_code[len] = (uint16_t)code;
    }
    for (int symbol = 0; symbol < n; symbol++) {
        int len = lengths[symbol];
        if (len == 0) {
            continue;
        }
        h->symbol[offsets[len]++] = (uint16_t)symbol;
        unsigned value = next_code[len]++;
        if (len <= FAST_BITS) {
            unsigned reversed = 0; /* deflate sends a code's bits from its most significant one */
            for (int bit = 0; bit < len; bit++) {
                reversed |= ((value >> bit) & 1u) << (len - 1 - bit);
            }
            for (unsigned fill = reversed; fill < (1u << FAST_BITS); fill += 1u << len) {
                h->fast[fill] = (uint16_t)(symbol << 4 | len);
            }
        }
    }
    return 0;
}

static int decode(Inflater *s, const Huffman *h) {
    refill(s);
    unsigned entry = h->fast[s->bits & ((1u << FAST_BITS) - 1)];
    if (entry & 15) {
        s->bits >>= entry & 15;
        s->nbits -= entry & 15;
        return (int)(entry >> 4);
    }
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= MAX_BITS; len++) {
        code |= (int)take(s, 1);
        int count = h->count[len];
        if (code - count < first) {
            return h->symbol[index + (code - first)];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

static const uint16_t LENGTH_BASE[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                         35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LENGTH_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                         3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DISTANCE_BASE[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                           257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                           8193, 12289, 16385, 24577};
static const uint8_t DISTANCE_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                           7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

static int inflate_codes(Inflater *s, const Huffman *literals, const Huffman *distances) {
    for (;;) {
        int symbol = decode(s, literals);
        if (symbol < 0) {
            return -1;
        }
        if (symbol < 256) {
            if (s->out_pos >= s->out_len) {
                return -1;
            }
            s->out[s->out_pos++] = (uint8_t)symbol;
        } else if (symbol == 256) {
            return 0;
        } else {
            symbol -= 257;
            if (symbol >= 29) {
                return -1;
            }
            /* decode left at least 56 - 15 bits: the length's extra bits fit, then decode refills */
            size_t length = LENGTH_BASE[symbol] + take_buffered(s, LENGTH_EXTRA[symbol]);
            int code = decode(s, distances);
            if (code < 0 || code >= DISTANCE_CODES) {
                return -1;
            }
            size_t distance = DISTANCE_BASE[code] + take_buffered(s, DISTANCE_EXTRA[code]);
            if (distance > s->out_pos || length > s->out_len - s->out_pos) {
                return -1;
            }
            uint8_t *to = s->out + s->out_pos;
            const uint8_t *from = to - distance;
            if (distance >= length) {
                memcpy(to, from, length);
            } else {
                for (size_t i = 0; i < length; i++) { /* byte by byte: each repeats the ones before */
                    to[i] = from[i];
                }
            }
            s->out_pos += length;
        }
    }
}

static int inflate_stored(Inflater *s) {
    take(s, s->nbits % 8);
    unsigned length = take(s, 16);
    if ((take(s, 16) ^ 0xffff) != length || length > s->out_len - s->out_pos) {
        return -1;
    }
    while (length--) {
        s->out[s->out_pos++] = (uint8_t)take(s, 8);
    }
    return 0;
}

static int inflate_fixed(Inflater *s) {
    static Huffman literals, distances;
    static int built = 0;
    if (!built) {
        uint8_t lengths[LITERAL_CODES];
        int symbol = 0;
        for (; symbol < 144; symbol++) lengths[symbol] = 8;
        for (; symbol < 256; symbol++) lengths[symbol] = 9;
        for (; symbol < 280; symbol++) lengths[symbol] = 7;
        for (; symbol < LITERAL_CODES; symbol++) lengths[symbol] = 8;
        build(&literals, lengths, LITERAL_CODES);
        memset(lengths, 5, DISTANCE_CODES);
        build(&distances, lengths, DISTANCE_CODES);
        built = 1;
    }
    return inflate_codes(s, &literals, &distances);
}

static int inflate_dynamic(Inflater *s) {
    static const uint8_t ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    Huffman literals, distances; /* on the stack: about 3 KiB each */
    uint8_t lengths[LITERAL_CODES + DISTANCE_CODES + 2];
    unsigned n_literals = take(s, 5) + 257, n_distances = take(s, 5) + 1, n_code_lengths = take(s, 4) + 4;
    if (n_literals > 286 || n_distances > DISTANCE_CODES) {
        return -1;
    }
    memset(lengths, 0, 19);
    for (unsigned i = 0; i < n_code_lengths; i++) {
        lengths[ORDER[i]] = (uint8_t)take(s, 3);
    }
    if (build(&literals, lengths, 19) < 0) {
        return -1;
    }
    unsigned filled = 0;
    while (filled < n_literals + n_distances) {
        int symbol = decode(s, &literals);
        if (symbol < 0) {
            return -1;
        }
        if (symbol < 16) {
            lengths[filled++] = (uint8_t)symbol;
            continue;
        }
        uint8_t value = 0;
        unsigned repeat;
        if (symbol == 16) {
            if (filled == 0) {
                return -1;
            }
            value = lengths[filled - 1];
            repeat = 3 + take(s, 2);
        } else if (symbol == 17) {
            repeat = 3 + take(s, 3);
        } else {
            repeat = 11 + take(s, 7);
        }
        if (filled + repeat > n_literals + n_distances) {
            return -1;
        }
        memset(lengths + filled, value, repeat);
        filled += repeat;
    }
    if (build(&literals, lengths, (int)n_literals) < 0 || build(&distances, lengths + n_literals, (int)n_distances) < 0) {
        return -1;
    }
    return inflate_codes(s, &literals, &distances);
}

/* Inflates the raw deflate stream in[0:in_len] into exactly out_len bytes; 0 on success. */
int tpy2wasm_inflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len) {
    Inflater s = {in, in + in_len, 0, 0, 0, out, 0, out_len};
    int last;
    do {
        last = (int)take(&s, 1);
        unsigned type = take(&s, 2);
        int result = type == 0 ? inflate_stored(&s) : type == 1 ? inflate_fixed(&s)
                   : type == 2 ? inflate_dynamic(&s) : -1;
        if (result < 0) {
            return -1;
        }
    } while (!last);
    /* every bit taken came from the input, and the output is whole */
    return s.padding * 8 > s.nbits || s.out_pos != out_len ? -1 : 0;
}

/* The code object of a frozen module stored deflated: the get_code of its table entry. */
PyObject *tpy2wasm_frozen_code(const uint8_t *deflated, int deflated_size, int size) {
    uint8_t *marshalled = PyMem_Malloc((size_t)size);
    if (marshalled == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *code = NULL;
    if (tpy2wasm_inflate(deflated, (size_t)deflated_size, marshalled, (size_t)size) == 0) {
        code = PyMarshal_ReadObjectFromString((const char *)marshalled, size);
    } else {
        PyErr_SetString(PyExc_ImportError, "tpy2wasm: the frozen code of a module is corrupt");
    }
    PyMem_Free(marshalled);
    return code;
}
