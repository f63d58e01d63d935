/* Measures masked 32-bit integer arithmetic: a multiply/xor/shift hash loop. */
#include <stdio.h>
#include <stdint.h>

#define MASK 0xFFFFFFFFLL

static int64_t hash_loop(int64_t n) {
    int64_t h = 2166136261LL;
    for (int64_t i = 0; i < n; i++) {
        h = ((h * 31) + i) & MASK;
        h = h ^ (h >> 13);
        h = (h ^ (h << 7)) & MASK;
        h = (h * 0x5BD1E995LL) & MASK;
    }
    return h;
}

int main(void) {
    printf("%lld\n", (long long)hash_loop(8000000));
    return 0;
}
