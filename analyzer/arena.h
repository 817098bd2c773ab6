/* A bump allocator: everything one analysis allocates is freed at once.
 * An allocation failure returns NULL and latches `failed`, so a long
 * computation can check once at the end. */
#ifndef PC_ARENA_H
#define PC_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pc_arena_chunk pc_arena_chunk;

typedef struct pc_arena {
    pc_arena_chunk *head;
    size_t total; /* bytes handed out */
    size_t limit; /* 0: unlimited; else allocations past it fail */
    bool failed;
} pc_arena;

void pc_arena_init(pc_arena *a);
void pc_arena_release(pc_arena *a);
void *pc_arena_alloc(pc_arena *a, size_t n); /* zeroed, 16-aligned */
void *pc_arena_raw(pc_arena *a, size_t n);   /* the same, not zeroed: for buffers filled at once */
void *pc_arena_array(pc_arena *a, size_t count, size_t size);
/* Room for item n of array v (items of `size` bytes, room for *cap): v
 * itself when it has it, else a copy with twice the room (`first` items'
 * the first time), *cap updated; NULL when that allocation fails. */
void *pc_arena_grow(pc_arena *a, void *v, size_t n, size_t *cap, size_t size, size_t first);
char *pc_arena_strndup(pc_arena *a, const char *s, size_t n);
char *pc_arena_strdup(pc_arena *a, const char *s);
char *pc_arena_printf(pc_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
