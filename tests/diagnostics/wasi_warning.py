import subprocess

try:
    import optional_thing
except ImportError:
    optional_thing = None
print(subprocess.__name__, optional_thing)
