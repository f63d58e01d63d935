def connect():
    import ctypes
    return ctypes
