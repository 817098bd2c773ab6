/* Tree-sitter's memory: one arena per worker, emptied after each file.
 *
 * A parse makes millions of small allocations that all die with the tree;
 * handing them out from a per-thread arena and dropping the arena whole is
 * markedly cheaper than malloc and free for each one (bench/RESULTS.md).
 *
 * Every tree-sitter object used between pc_tsarena_begin() and
 * pc_tsarena_end() on a thread must be created in that span (parser, query
 * cursor, tree cursors): after the end all of their memory is gone. Objects
 * created outside any span (compiled queries) live on the ordinary heap.
 * Memory that tree-sitter hands to the caller to free() (ts_node_string)
 * carries this allocator's header and must not be used. */
#ifndef PC_TSALLOC_H
#define PC_TSALLOC_H

#include <stddef.h>

typedef struct pc_tsarena pc_tsarena;

/* Installs the allocator in tree-sitter. Called automatically before main();
 * exposed so a program that loads this library late can call it first. */
void pc_tsalloc_install(void);

pc_tsarena *pc_tsarena_new(void); /* NULL when out of memory */
void pc_tsarena_free(pc_tsarena *a);
/* From here on, this thread's tree-sitter allocations come from `a`. */
void pc_tsarena_begin(pc_tsarena *a);
/* The arena this thread's tree-sitter allocations go to now (NULL: the heap). */
pc_tsarena *pc_tsarena_active(void);
/* Ends the span and releases everything allocated in it at once. */
void pc_tsarena_end(pc_tsarena *a);
/* Bytes the arena holds from the system (for tests and benchmarks). */
size_t pc_tsarena_held(const pc_tsarena *a);

#endif
