"""Geometry helpers that fail in different ways."""


def area(shape):
    return 3.14159 * shape["radius"] ** 2


def ratio(a, b):
    return a / b


def scale(values, factor):
    return [value * factor for value in values][0] + len(values) - factor
