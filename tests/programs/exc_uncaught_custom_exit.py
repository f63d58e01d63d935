# ends with an uncaught custom exception with a custom __str__, after an exception in finally context
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"

def validate(user):
    for field in ("name", "age"):
        if field not in user:
            raise ValidationError(field, "is required")
    if not 0 <= user["age"] < 150:
        raise ValidationError("age", f"out of range ({user['age']})")
    return True

users = [{"name": "a", "age": 3}, {"name": "b"}, {"name": "c", "age": 200}, {"name": "d", "age": 40}]
for u in users:
    try:
        print(u["name"], "valid:", validate(u))
    except ValidationError as e:
        print(u["name"], "invalid:", e, e.args)
    finally:
        print("checked", u["name"])
errors = []
for field, problem in [("email", "malformed"), ("zip", "too short"), ("age", "negative")]:
    err = ValidationError(field, problem)
    errors.append(err)
    print("built:", str(err), "|", repr(err), "|", err.field)
print("sorted fields:", sorted(e.field for e in errors), "| all Exceptions:", all(isinstance(e, Exception) for e in errors))
print("final check")
try:
    validate({"age": 1})
finally:
    print("finally before the traceback")
