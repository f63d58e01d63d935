#include <stdio.h>

int main(void) {
    long long total = 0;
    for (long long i = 0; i < 1000; i++) {
        total += i * i;
    }
    printf("%lld\n", total);
    return 0;
}
