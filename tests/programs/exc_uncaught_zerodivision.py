# ends with an uncaught ZeroDivisionError (implicitly chained while handling another error)
def average(values):
    return sum(values) / len(values)

datasets = [[1, 2, 3, 4], [10.5, 20.25], [-5, 5], [7]]
for ds in datasets:
    print(ds, "->", average(ds))
print("modulo table:")
for a in range(-3, 4):
    print(a, [a % b for b in (1, 2, 3, -2)])
def ratio(a, b):
    try:
        return a / b
    except TypeError:
        return a // 0
print("ratio", ratio(9, 3))
print("about to divide a string by an int")
ratio(9, "x")
