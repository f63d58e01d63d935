/* Measures a typed hot loop in a function that also prints: the C twin of collatz_report.py. */
#include <stdio.h>
#include <stdint.h>

static int64_t gcd(int64_t a, int64_t b) {
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static int64_t search(int64_t limit) {
    int64_t best_len = 1, reports = 0;
    for (int64_t start = 1; start < limit; start++) {
        int64_t n = start, length = 1;
        while (n != 1) {
            if (n % 2 == 0) n = n / 2;
            else n = 3 * n + 1;
            length++;
        }
        if (length > best_len) {
            best_len = length;
            reports++;
            printf("start %lld: %lld steps, gcd %lld\n", (long long)start, (long long)length,
                   (long long)gcd(start, length));
        }
    }
    return reports;
}

int main(void) {
    printf("%lld reports\n", (long long)search(100000));
    return 0;
}
