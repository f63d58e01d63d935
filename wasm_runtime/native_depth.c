/* How deep native frames are, kept in a register and published only when it matters.
 *
 * A native frame counts as one Python frame against the recursion limit, and as one frame on
 * the Wasm engine's stack, which is small on Node and in browsers. Keeping both counts in memory
 * on every call cost a native fib a quarter of its Wasm instructions (99.5 per call, 74.8 without);
 * instead each native frame holds its
 * *depth*, the frames CPython's counter has counted with it (recursion_limit -
 * recursion_remaining, unchanged by sys.setrecursionlimit), in a register, and passes depth + 1
 * to the native functions it calls directly (codegen/direct_calls.py).
 *
 * The protocol, in one place:
 * - A *stretch* is a run of native frames that call each other directly. CPython starts one
 *   through tpy2wasm_enter_stretch, which counts the first frame as Py_EnterRecursiveCall does
 *   and gives its depth; tpy2wasm_leave_stretch ends it.
 * - A direct call from a frame at `depth` is allowed while depth < tpy2wasm_native_ceiling,
 *   the smaller of the recursion limit and the depth at which the stretch's native frames and
 *   those of the stretches around it reach NATIVE_DEPTH_CAP. Otherwise the call goes through
 *   CPython (native_function.c), which raises RecursionError or goes on in the Python version.
 * - Before a call out of native code that may run Python code (codegen/frame_depth.py decides
 *   which), the frame publishes its depth (tpy2wasm_publish_depth): CPython's counter and
 *   tpy2wasm_native_depth then count the frames as if each had kept them. The call may change
 *   the recursion limit, so publishing forgets the ceiling, which the next direct call finds
 *   again (tpy2wasm_native_room).
 */
#include "native.h"

/* Native frames under way in units (below), including those of enclosing stretches, when last published. */
int tpy2wasm_native_depth;
/* A direct call from a frame at a smaller depth may go on natively (0: ask tpy2wasm_native_room). */
int tpy2wasm_native_ceiling;
/* The depth at which this stretch's native_depth would be 0. */
static int stretch_base;
static PyThreadState *stretch_thread;

/* The Wasm engine's stack is small on Node and in browsers (V8: 984 KiB). Measured under Node 20 by
 * lowering --stack-size until the module trapped: a native frame takes tens of bytes, but a native
 * frame that an interpreted one calls (a stretch entered from CPython) brings the C frames of the
 * interpreter's call with it: 3.3 KiB per level of native and Python calls alternating once V8's
 * optimising tier has compiled the eval loop, 1.3 KiB in its baseline tier. So depth is charged in
 * units, a native frame 1 and a stretch's entry STRETCH_ENTRY_UNITS; past NATIVE_DEPTH_CAP units
 * the recursion goes on in Python (native_function.c), whose calls of Python functions take no C
 * stack. tests/programs/native_deep_mixed.py, at any depth, then needs 300 KiB in the optimising
 * tier (850 KiB when each entry was one unit of 250), and a recursion of native frames alone 100. */
#define NATIVE_DEPTH_CAP 500
#define STRETCH_ENTRY_UNITS 6

int tpy2wasm_native_depth_exhausted(void) {
    return tpy2wasm_native_depth >= NATIVE_DEPTH_CAP;
}

int tpy2wasm_enter_stretch(struct tpy_stretch *saved) {
    if (Py_EnterRecursiveCall("")) {
        return -1;
    }
    PyThreadState *thread = PyThreadState_Get();
    saved->native_depth = tpy2wasm_native_depth;
    saved->base = stretch_base;
    saved->thread = stretch_thread;
    int depth = thread->recursion_limit - thread->recursion_remaining;
    tpy2wasm_native_depth += STRETCH_ENTRY_UNITS;
    stretch_base = depth - tpy2wasm_native_depth;
    stretch_thread = thread;
    tpy2wasm_native_ceiling = 0;
    return depth;
}

void tpy2wasm_leave_stretch(const struct tpy_stretch *saved, int depth) {
    stretch_thread->recursion_remaining = stretch_thread->recursion_limit - depth;
    Py_LeaveRecursiveCall();
    tpy2wasm_native_depth = saved->native_depth;
    stretch_base = saved->base;
    stretch_thread = saved->thread;
    tpy2wasm_native_ceiling = 0;
}

void tpy2wasm_publish_depth(int depth) {
    stretch_thread->recursion_remaining = stretch_thread->recursion_limit - depth;
    tpy2wasm_native_depth = depth - stretch_base;
    tpy2wasm_native_ceiling = 0;
}

/* A release in native code, which may run a __del__: the depth published first, in one call
 * (a release site is a third of a large function's calls: codegen/refcount_slots.py). */
void tpy2wasm_release_at(PyObject *object, int depth) {
    tpy2wasm_publish_depth(depth);
    Py_XDECREF(object);
}

/* The inline release's last step, once the count reached zero. */
void tpy2wasm_dealloc_at(PyObject *object, int depth) {
    tpy2wasm_publish_depth(depth);
    _Py_Dealloc(object);
}

int tpy2wasm_native_room(int depth) {
    int limit = stretch_thread->recursion_limit;
    int stack = stretch_base + NATIVE_DEPTH_CAP;
    tpy2wasm_native_ceiling = limit < stack ? limit : stack;
    return depth < tpy2wasm_native_ceiling;
}
