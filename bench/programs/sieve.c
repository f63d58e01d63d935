/* Measures list indexing and stores: sieve of Eratosthenes over a byte array. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *sieve(int64_t limit) {
    unsigned char *is_prime = malloc((size_t)(limit + 1));
    memset(is_prime, 1, (size_t)(limit + 1));
    is_prime[0] = 0;
    is_prime[1] = 0;
    for (int64_t i = 2; i * i <= limit; i++) {
        if (is_prime[i]) {
            for (int64_t j = i * i; j <= limit; j += i) is_prime[j] = 0;
        }
    }
    return is_prime;
}

static int64_t count_primes(const unsigned char *flags, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; i++)
        if (flags[i]) count++;
    return count;
}

int main(void) {
    int64_t limit = 5000000;
    unsigned char *flags = sieve(limit);
    printf("%lld\n", (long long)count_primes(flags, limit + 1));
    free(flags);
    return 0;
}
