/* How deep boxed native frames are, kept in a register and published only when it matters.
 *
 * A boxed frame counts as one Python frame against the recursion limit, and as one frame on
 * the Wasm engine's stack, which is small on Node and in browsers. Keeping both counts in memory
 * on every call cost a boxed fib a quarter of its Wasm instructions (99.5 per call, 74.8 without);
 * instead each boxed frame holds its
 * *depth*, the frames CPython's counter has counted with it (recursion_limit -
 * recursion_remaining, unchanged by sys.setrecursionlimit), in a register, and passes depth + 1
 * to the boxed functions it calls directly (codegen/direct_calls.py).
 *
 * The protocol, in one place:
 * - A *stretch* is a run of boxed frames that call each other directly. CPython starts one
 *   through tpy2wasm_enter_stretch, which counts the first frame as Py_EnterRecursiveCall does
 *   and gives its depth; tpy2wasm_leave_stretch ends it.
 * - A direct call from a frame at `depth` is allowed while depth < tpy2wasm_native_ceiling,
 *   the smaller of the recursion limit and the depth at which the stretch's boxed frames and
 *   those of the stretches around it reach BOXED_DEPTH_CAP. Otherwise the call goes through
 *   CPython (native_function.c), which raises RecursionError or goes on in the Python version.
 * - Before a call out of boxed code that may run Python code (codegen/frame_depth.py decides
 *   which), the frame publishes its depth (tpy2wasm_publish_depth): CPython's counter and
 *   tpy2wasm_boxed_depth then count the frames as if each had kept them. The call may change
 *   the recursion limit, so publishing forgets the ceiling, which the next direct call finds
 *   again (tpy2wasm_native_room).
 */
#include "native.h"

/* Boxed frames under way, including those of enclosing stretches, when last published. */
int tpy2wasm_boxed_depth;
/* A direct call from a frame at a smaller depth may go on natively (0: ask tpy2wasm_native_room). */
int tpy2wasm_native_ceiling;
/* The depth at which this stretch's boxed_depth would be 0. */
static int stretch_base;
static PyThreadState *stretch_thread;

/* Boxed calls nest on the C stack (a Python frame in CPython does not), and so do the
 * interpreter frames of Python functions they call: past this many boxed frames the recursion
 * goes on in Python (native_function.c). Node's default stack (984 KiB) carries 600 levels of
 * boxed and Python calls alternating, even in its baseline compiler's larger frames. */
#define BOXED_DEPTH_CAP 250

int tpy2wasm_boxed_depth_exhausted(void) {
    return tpy2wasm_boxed_depth >= BOXED_DEPTH_CAP;
}

int tpy2wasm_enter_stretch(struct tpy_stretch *saved) {
    if (Py_EnterRecursiveCall("")) {
        return -1;
    }
    PyThreadState *thread = PyThreadState_Get();
    saved->boxed_depth = tpy2wasm_boxed_depth;
    saved->base = stretch_base;
    saved->thread = stretch_thread;
    int depth = thread->recursion_limit - thread->recursion_remaining;
    tpy2wasm_boxed_depth++;
    stretch_base = depth - tpy2wasm_boxed_depth;
    stretch_thread = thread;
    tpy2wasm_native_ceiling = 0;
    return depth;
}

void tpy2wasm_leave_stretch(const struct tpy_stretch *saved, int depth) {
    stretch_thread->recursion_remaining = stretch_thread->recursion_limit - depth;
    Py_LeaveRecursiveCall();
    tpy2wasm_boxed_depth = saved->boxed_depth;
    stretch_base = saved->base;
    stretch_thread = saved->thread;
    tpy2wasm_native_ceiling = 0;
}

void tpy2wasm_publish_depth(int depth) {
    stretch_thread->recursion_remaining = stretch_thread->recursion_limit - depth;
    tpy2wasm_boxed_depth = depth - stretch_base;
    tpy2wasm_native_ceiling = 0;
}

int tpy2wasm_native_room(int depth) {
    int limit = stretch_thread->recursion_limit;
    int stack = stretch_base + BOXED_DEPTH_CAP;
    tpy2wasm_native_ceiling = limit < stack ? limit : stack;
    return depth < tpy2wasm_native_ceiling;
}
