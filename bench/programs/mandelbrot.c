/* Measures a tight float kernel: counts Mandelbrot-set points on a grid. */
#include <stdio.h>
#include <stdint.h>

static int in_set(double cr, double ci, int64_t max_iter) {
    double zr = 0.0, zi = 0.0;
    for (int64_t i = 0; i < max_iter; i++) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) return 0;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
    }
    return 1;
}

static int64_t count_points(int64_t size, int64_t max_iter) {
    int64_t count = 0;
    for (int64_t y = 0; y < size; y++) {
        double ci = 2.0 * (double)y / (double)size - 1.0;
        for (int64_t x = 0; x < size; x++) {
            double cr = 2.0 * (double)x / (double)size - 1.5;
            if (in_set(cr, ci, max_iter)) count++;
        }
    }
    return count;
}

int main(void) {
    printf("%lld\n", (long long)count_points(250, 200));
    return 0;
}
