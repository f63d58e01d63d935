/* Measures a typed float loop in a function that also prints: the C twin of mandelbrot_report.py. */
#include <math.h>
#include <stdio.h>
#include <stdint.h>

static int64_t draw(int64_t size, int64_t max_iter) {
    int64_t total = 0;
    char row[1024];
    for (int64_t y = 0; y < size; y++) {
        double ci = 2.0 * (double)y / (double)size - 1.0, cr = 0.0;
        int64_t inside = 0;
        for (int64_t x = 0; x < size; x++) {
            cr = 2.0 * (double)x / (double)size - 1.5;
            double zr = 0.0, zi = 0.0;
            int64_t i = 0;
            while (i < max_iter) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                i++;
            }
            if (i == max_iter) inside++;
            row[x] = i == max_iter ? '#' : '.';
        }
        int64_t n = 0;
        for (int64_t x = 0; x < size; x += 4) row[n++] = row[x];
        row[n] = 0;
        total += inside;
        printf("%s %lld %lld\n", row, (long long)inside, (long long)(hypot(cr, ci) * 1e6));
    }
    return total;
}

int main(void) {
    printf("%lld points inside\n", (long long)draw(200, 400));
    return 0;
}
