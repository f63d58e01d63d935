/* Measures small-array permutation and reversal: fannkuch-redux. */
#include <stdio.h>
#include <stdint.h>

static void fannkuch(int64_t n, int64_t *out_checksum, int64_t *out_max) {
    int64_t perm[n], perm1[n], count[n];
    int64_t max_flips = 0, checksum = 0, perm_count = 0, r = n;
    for (int64_t i = 0; i < n; i++) { perm1[i] = i; perm[i] = 0; count[i] = 0; }
    for (;;) {
        while (r != 1) { count[r - 1] = r; r--; }
        for (int64_t i = 0; i < n; i++) perm[i] = perm1[i];
        int64_t flips = 0;
        int64_t k = perm[0];
        while (k != 0) {
            int64_t lo = 0, hi = k;
            while (lo < hi) {
                int64_t t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
                lo++;
                hi--;
            }
            flips++;
            k = perm[0];
        }
        if (flips > max_flips) max_flips = flips;
        if (perm_count % 2 == 0) checksum += flips;
        else checksum -= flips;
        for (;;) {
            if (r == n) { *out_checksum = checksum; *out_max = max_flips; return; }
            int64_t perm0 = perm1[0];
            for (int64_t i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0) break;
            r++;
        }
        perm_count++;
    }
}

int main(void) {
    int64_t n = 9, checksum, max_flips;
    fannkuch(n, &checksum, &max_flips);
    printf("%lld\nPfannkuchen(%lld) = %lld\n", (long long)checksum, (long long)n, (long long)max_flips);
    return 0;
}
