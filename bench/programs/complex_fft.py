"""Untyped complex-number arithmetic: recursive radix-2 FFTs and a complex-plane Mandelbrot count."""

import cmath


def fft(values):
    n = len(values)
    if n == 1:
        return values
    even = fft(values[0::2])
    odd = fft(values[1::2])
    half = n // 2
    twiddled = [cmath.exp(-2j * cmath.pi * k / n) * odd[k] for k in range(half)]
    return [even[k] + twiddled[k] for k in range(half)] + [even[k] - twiddled[k] for k in range(half)]


def mandelbrot_count(size, limit):
    inside = 0
    for row in range(size):
        for column in range(size):
            c = complex(-2.0 + 2.5 * column / size, -1.25 + 2.5 * row / size)
            z = 0j
            for _ in range(limit):
                z = z * z + c
                if abs(z) > 2.0:
                    break
            else:
                inside += 1
    return inside


def main():
    signal = [complex((k * 7919) % 101 - 50, (k * 104729) % 37 - 18) for k in range(1024)]
    total = 0j
    for _ in range(12):
        spectrum = fft(signal)
        total += sum(spectrum[::17])
    print(round(total.real, 3), round(total.imag, 3))
    print(mandelbrot_count(90, 60))


main()
