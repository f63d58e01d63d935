/* Measures float arithmetic and array access: 5-body planetary simulation. */
#include <stdio.h>
#include <math.h>

#define PI 3.141592653589793
#define SOLAR_MASS (4.0 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define N 5

static double energy(const double *pos, const double *vel, const double *mass, int n) {
    double e = 0.0;
    for (int i = 0; i < n; i++) {
        double vx = vel[3 * i], vy = vel[3 * i + 1], vz = vel[3 * i + 2];
        e += 0.5 * mass[i] * (vx * vx + vy * vy + vz * vz);
        for (int j = i + 1; j < n; j++) {
            double dx = pos[3 * i] - pos[3 * j];
            double dy = pos[3 * i + 1] - pos[3 * j + 1];
            double dz = pos[3 * i + 2] - pos[3 * j + 2];
            e -= mass[i] * mass[j] / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double *pos, double *vel, const double *mass, int n, double dt) {
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            double dx = pos[3 * i] - pos[3 * j];
            double dy = pos[3 * i + 1] - pos[3 * j + 1];
            double dz = pos[3 * i + 2] - pos[3 * j + 2];
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            double mi = mass[i] * mag;
            double mj = mass[j] * mag;
            vel[3 * i] -= dx * mj;
            vel[3 * i + 1] -= dy * mj;
            vel[3 * i + 2] -= dz * mj;
            vel[3 * j] += dx * mi;
            vel[3 * j + 1] += dy * mi;
            vel[3 * j + 2] += dz * mi;
        }
    }
    for (int i = 0; i < 3 * n; i++) pos[i] += dt * vel[i];
}

int main(void) {
    double pos[3 * N] = {0.0, 0.0, 0.0,
        4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
        8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
        1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
        1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01};
    double vel[3 * N] = {0.0, 0.0, 0.0,
        1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
        -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
        2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
        2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05};
    double mass[N] = {1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
        4.36624404335156298e-05, 5.15138902046611451e-05};
    int n = N;
    for (int i = 3; i < 3 * n; i++) vel[i] *= DAYS_PER_YEAR;
    for (int i = 0; i < n; i++) mass[i] *= SOLAR_MASS;
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < n; i++) {
        px += vel[3 * i] * mass[i];
        py += vel[3 * i + 1] * mass[i];
        pz += vel[3 * i + 2] * mass[i];
    }
    vel[0] = -px / SOLAR_MASS;
    vel[1] = -py / SOLAR_MASS;
    vel[2] = -pz / SOLAR_MASS;
    printf("%.9f\n", energy(pos, vel, mass, n));
    for (int s = 0; s < 100000; s++) advance(pos, vel, mass, n, 0.01);
    printf("%.9f\n", energy(pos, vel, mass, n));
    return 0;
}
