/* A small-object allocator for CPython's object and memory domains.
 *
 * CPython for WASI is built without pymalloc (WITH_PYMALLOC is undefined in its pyconfig.h), so
 * every object it allocates costs PyObject_Malloc -> _PyMem_RawMalloc -> malloc -> dlmalloc,
 * and every free the same chain back: 12-14% of the time of object-heavy programs (pystone_like,
 * measured with perf on wasmtime's machine code). Installed with PyMem_SetAllocator before
 * CPython starts, this serves requests of up to 512 bytes, as pymalloc does, from 16 KiB pools
 * of one size class each; a freed block goes on its class's free list, and the next request of
 * that class takes it back. Larger requests go to malloc as before.
 *
 * Which pools are ours is one byte per 16 KiB of the 4 GiB address space (256 KiB, zeroed
 * memory): 0 for memory that is not a pool, else the pool's class + 1. So free() of any
 * pointer is a load and a push, and a pointer from malloc (a domain mix-up, or memory from
 * before this allocator) still goes back to free(). Blocks are 8-byte aligned, as pymalloc's
 * on a 32-bit target. Pools are never given back: Wasm memory cannot shrink anyway, and a
 * block freed by the program is reused by the next object of its size.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define POOL_SHIFT 14
#define POOL_SIZE ((size_t)1 << POOL_SHIFT)
#define POOLS_PER_CHUNK 16
#define GRAIN 8
#define LARGEST_SMALL 512
#define CLASS_COUNT (LARGEST_SMALL / GRAIN)

/* The class + 1 of the pool at each 16 KiB of memory, or 0. */
static uint8_t pool_class[(size_t)1 << (32 - POOL_SHIFT)];

typedef struct FreeBlock {
    struct FreeBlock *next;
} FreeBlock;

typedef struct {
    FreeBlock *free_list;
    char *fresh;     /* the next never-used block of the class's newest pool */
    char *fresh_end; /* the end of that pool */
} SizeClass;

static SizeClass classes[CLASS_COUNT];
static char *spare_pools; /* pools of the last chunk not yet given a class */
static char *spare_end;

static int take_pool(SizeClass *size_class, size_t class_index) {
    if (spare_pools == spare_end) {
        spare_pools = aligned_alloc(POOL_SIZE, POOL_SIZE * POOLS_PER_CHUNK);
        if (spare_pools == NULL) {
            return 0;
        }
        spare_end = spare_pools + POOL_SIZE * POOLS_PER_CHUNK;
    }
    char *pool = spare_pools;
    spare_pools += POOL_SIZE;
    pool_class[(uintptr_t)pool >> POOL_SHIFT] = (uint8_t)(class_index + 1);
    size_class->fresh = pool;
    size_class->fresh_end = pool + POOL_SIZE;
    return 1;
}

static void *small_malloc(void *context, size_t size) {
    (void)context;
    if (size > LARGEST_SMALL) {
        return malloc(size);
    }
    size_t class_index = size == 0 ? 0 : (size - 1) / GRAIN;
    SizeClass *size_class = &classes[class_index];
    FreeBlock *block = size_class->free_list;
    if (block != NULL) {
        size_class->free_list = block->next;
        return block;
    }
    size_t block_size = (class_index + 1) * GRAIN;
    if ((size_t)(size_class->fresh_end - size_class->fresh) < block_size && !take_pool(size_class, class_index)) {
        return NULL;
    }
    void *fresh = size_class->fresh;
    size_class->fresh += block_size;
    return fresh;
}

static void small_free(void *context, void *pointer) {
    (void)context;
    unsigned class_plus_one = pool_class[(uintptr_t)pointer >> POOL_SHIFT];
    if (class_plus_one == 0) {
        free(pointer); /* NULL too */
        return;
    }
    FreeBlock *block = pointer;
    block->next = classes[class_plus_one - 1].free_list;
    classes[class_plus_one - 1].free_list = block;
}

static void *small_calloc(void *context, size_t count, size_t element_size) {
    if (element_size != 0 && count > SIZE_MAX / element_size) {
        return NULL;
    }
    size_t size = count * element_size;
    if (size > LARGEST_SMALL) {
        return calloc(count, element_size);
    }
    void *block = small_malloc(context, size);
    if (block != NULL) {
        memset(block, 0, size);
    }
    return block;
}

static void *small_realloc(void *context, void *pointer, size_t size) {
    if (pointer == NULL) {
        return small_malloc(context, size);
    }
    unsigned class_plus_one = pool_class[(uintptr_t)pointer >> POOL_SHIFT];
    if (class_plus_one == 0) {
        return realloc(pointer, size == 0 ? 1 : size);
    }
    size_t capacity = class_plus_one * GRAIN;
    if (size <= capacity) {
        return pointer;
    }
    void *moved = small_malloc(context, size);
    if (moved != NULL) {
        memcpy(moved, pointer, capacity);
        small_free(context, pointer);
    }
    return moved;
}

/* Makes PyMem_Malloc and PyObject_Malloc use the pools; before Py_InitializeFromConfig. */
void tpy2wasm_install_small_allocator(void) {
    PyMemAllocatorEx allocator = {NULL, small_malloc, small_calloc, small_realloc, small_free};
    PyMem_SetAllocator(PYMEM_DOMAIN_MEM, &allocator);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &allocator);
}
