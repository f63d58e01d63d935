/* Measures a pure integer loop: longest Collatz chain for starts below a bound. */
#include <stdio.h>
#include <stdint.h>

static int64_t chain_length(int64_t n) {
    int64_t length = 1;
    while (n != 1) {
        if (n % 2 == 0) n = n / 2;
        else n = 3 * n + 1;
        length++;
    }
    return length;
}

int main(void) {
    int64_t best_start = 1, best_len = 1;
    for (int64_t n = 1; n <= 300000; n++) {
        int64_t length = chain_length(n);
        if (length > best_len) {
            best_len = length;
            best_start = n;
        }
    }
    printf("%lld\n%lld\n", (long long)best_start, (long long)best_len);
    return 0;
}
