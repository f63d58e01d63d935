/* memcpy, memmove and memset on Wasm's bulk-memory instructions, as python3.11.wasm has them.
 *
 * wasi-libc (wasi-sdk 21, which built python3.11.wasm) compiles its memcpy/memmove/memset with
 * -mbulk-memory, so a copy or fill longer than 32 bytes is one `memory.copy`/`memory.fill`,
 * which the engine runs as its host's own memmove/memset. zig's libc takes its compiler_rt
 * versions instead: loops in Wasm, 5% of pidigits' time in `fastMemset` alone. These are
 * linked ahead of zig's (whose definitions are weak). Short ones stay a loop, since the engine
 * calls out of Wasm for a bulk instruction. Built with -mbulk-memory -fno-builtin: the loops
 * below must not be turned back into calls to memcpy/memset.
 */
#include <stddef.h>
#include <stdint.h>

/* The length above which a bulk instruction beats a loop (wasi-libc's BULK_MEMORY_THRESHOLD). */
#define BULK_THRESHOLD 32

/* Unaligned 8-byte loads and stores: Wasm allows them, and a constant-size __builtin_memcpy is
 * one i64.load and one i64.store. */
static inline void copy_forward(unsigned char *d, const unsigned char *s, size_t n) {
    for (; n >= 8; n -= 8, d += 8, s += 8) {
        uint64_t word;
        __builtin_memcpy(&word, s, 8);
        __builtin_memcpy(d, &word, 8);
    }
    for (; n > 0; n--) {
        *d++ = *s++;
    }
}

static inline void copy_backward(unsigned char *d, const unsigned char *s, size_t n) {
    d += n;
    s += n;
    for (; n >= 8; n -= 8) {
        d -= 8;
        s -= 8;
        uint64_t word;
        __builtin_memcpy(&word, s, 8);
        __builtin_memcpy(d, &word, 8);
    }
    for (; n > 0; n--) {
        *--d = *--s;
    }
}

void *memcpy(void *restrict dest, const void *restrict src, size_t n) {
    if (n > BULK_THRESHOLD) {
        return __builtin_memcpy(dest, src, n);
    }
    copy_forward(dest, src, n);
    return dest;
}

void *memmove(void *dest, const void *src, size_t n) {
    if (n > BULK_THRESHOLD) {
        return __builtin_memmove(dest, src, n); /* memory.copy allows overlap */
    }
    /* Each 8-byte word is read whole before it is written, so a copy away from the overlap is safe. */
    if ((uintptr_t)dest <= (uintptr_t)src) {
        copy_forward(dest, src, n);
    } else {
        copy_backward(dest, src, n);
    }
    return dest;
}

void *memset(void *dest, int c, size_t n) {
    if (n > BULK_THRESHOLD) {
        return __builtin_memset(dest, c, n);
    }
    unsigned char *d = dest;
    uint64_t pattern = (uint64_t)(unsigned char)c * 0x0101010101010101ULL;
    for (; n >= 8; n -= 8, d += 8) {
        __builtin_memcpy(d, &pattern, 8);
    }
    for (; n > 0; n--) {
        *d++ = (unsigned char)c;
    }
    return dest;
}
