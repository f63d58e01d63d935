/* A hand-made reactor module with the ABI of `tpy2wasm compile --export` (see
 * wasm_runtime/web/reactor.mjs), so the loader's marshalling is tested without the compiler.
 * It counts live blocks, so the test sees that the host frees every result and error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))

static int64_t live_blocks_count = 0;
static uint8_t *pending_error = NULL;

EXPORT("tpy2wasm_alloc") uint8_t *tpy2wasm_alloc(int32_t length) {
    live_blocks_count++;
    return malloc(length ? (size_t)length : 1);
}

EXPORT("tpy2wasm_free") void tpy2wasm_free(uint8_t *pointer) {
    live_blocks_count--;
    free(pointer);
}

EXPORT("tpy2wasm_error") uint8_t *tpy2wasm_error(void) {
    uint8_t *error = pending_error;
    pending_error = NULL;
    return error;
}

/* [u32 length][bytes], owned by the host once returned. */
static uint8_t *block(const uint8_t *data, uint32_t length) {
    uint8_t *result = tpy2wasm_alloc((int32_t)(4 + length));
    memcpy(result, &length, 4);
    memcpy(result + 4, data, length);
    return result;
}

EXPORT("live_blocks") int64_t live_blocks(void) { return live_blocks_count; }

EXPORT("scale") double scale(int64_t n, double factor, int32_t negate) {
    double product = (double)n * factor;
    return negate ? -product : product;
}

EXPORT("is_big") int32_t is_big(int64_t n) { return n > 4294967296LL; }

EXPORT("twice") int64_t twice(int64_t n) { return 2 * n; }

/* str -> str: "<text>!" with ASCII letters upper-cased; takes ownership of its argument. */
EXPORT("shout") uint8_t *shout(uint8_t *text, int32_t length) {
    for (int32_t i = 0; i < length; i++)
        if (text[i] >= 'a' && text[i] <= 'z') text[i] -= 32;
    uint8_t *result = tpy2wasm_alloc(4 + length + 1);
    uint32_t total = (uint32_t)length + 1;
    memcpy(result, &total, 4);
    memcpy(result + 4, text, (size_t)length);
    result[4 + length] = '!';
    tpy2wasm_free(text);
    return result;
}

/* bytes, str -> bytes: the bytes reversed, then the str's length as one byte. */
EXPORT("reverse") uint8_t *reverse(uint8_t *data, int32_t length, uint8_t *text, int32_t text_length) {
    uint8_t reversed[256];
    for (int32_t i = 0; i < length; i++) reversed[i] = data[length - 1 - i];
    reversed[length] = (uint8_t)text_length;
    tpy2wasm_free(data);
    tpy2wasm_free(text);
    return block(reversed, (uint32_t)length + 1);
}

/* str -> None: prints, then "raises" ValueError(text), as a Python function would. */
EXPORT("fail") void fail(uint8_t *text, int32_t length) {
    printf("about to fail\n");
    fflush(stdout);
    char message[512];
    int size = snprintf(message, sizeof message,
                        "Traceback (most recent call last):\n  File \"lib.py\", line 3, in fail\nValueError: %.*s\n",
                        (int)length, (const char *)text);
    tpy2wasm_free(text);
    pending_error = block((const uint8_t *)message, (uint32_t)size);
}
