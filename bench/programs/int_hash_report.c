/* Measures masked integer arithmetic in a function that also prints: the C twin of int_hash_report.py. */
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
        if (i % 1000000 == 999999) {
            printf("step %lld: %08llx\n", (long long)(i + 1), (long long)h);
        }
    }
    return h;
}

int main(void) {
    printf("%lld\n", (long long)hash_loop(8000000));
    return 0;
}
