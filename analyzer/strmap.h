/* A string-keyed hash map (open addressing) whose memory lives in an arena.
 * Keys are not copied: they must outlive the map (arena strings do). */
#ifndef PC_STRMAP_H
#define PC_STRMAP_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

typedef struct pc_strmap_slot {
    const char *key;
    void *value;
    uint32_t hash; /* compared before the key; kept for growing */
} pc_strmap_slot;

typedef struct pc_strmap {
    pc_arena *arena;
    pc_strmap_slot *slots;
    size_t cap, count;
} pc_strmap;

void pc_strmap_init(pc_strmap *m, pc_arena *arena);
void *pc_strmap_get(const pc_strmap *m, const char *key);
/* Returns 0, or -1 when memory ran out. */
int pc_strmap_put(pc_strmap *m, const char *key, void *value);
/* The value slot of key, added (holding NULL) when missing: one lookup
 * where a get and a put would take two. NULL when memory ran out. */
void **pc_strmap_slot_of(pc_strmap *m, const char *key);
/* Make room for n more keys at once (a map about to be filled). */
int pc_strmap_reserve(pc_strmap *m, size_t n);

#endif
