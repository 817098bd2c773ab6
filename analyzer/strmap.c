#include "strmap.h"

#include <stdint.h>
#include <string.h>

static uint32_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (uint32_t)(h ^ (h >> 32));
}

void pc_strmap_init(pc_strmap *m, pc_arena *arena)
{
    memset(m, 0, sizeof *m);
    m->arena = arena;
}

void *pc_strmap_get(const pc_strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    uint32_t h = hash(key);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!m->slots[i].key)
            return NULL;
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
            return m->slots[i].value;
    }
}

/* Move the slots into a table of cap slots (a power of two). */
static int resize(pc_strmap *m, size_t cap)
{
    pc_strmap_slot *slots = pc_arena_array(m->arena, cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t j = 0; j < m->cap; j++) {
        if (!m->slots[j].key)
            continue;
        size_t i = m->slots[j].hash & (cap - 1);
        while (slots[i].key)
            i = (i + 1) & (cap - 1);
        slots[i] = m->slots[j];
    }
    m->slots = slots; /* the old table stays in the arena until release */
    m->cap = cap;
    return 0;
}

static int grow(pc_strmap *m)
{
    return resize(m, m->cap ? m->cap * 2 : 16);
}

int pc_strmap_reserve(pc_strmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;
    while ((m->count + n) * 4 > cap * 3)
        cap *= 2;
    return cap == m->cap ? 0 : resize(m, cap);
}

void **pc_strmap_slot_of(pc_strmap *m, const char *key)
{
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) < 0)
        return NULL;
    size_t mask = m->cap - 1;
    uint32_t h = hash(key);
    size_t i = h & mask;
    while (m->slots[i].key) {
        if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
            return &m->slots[i].value;
        i = (i + 1) & mask;
    }
    m->slots[i].key = key;
    m->slots[i].value = NULL;
    m->slots[i].hash = h;
    m->count++;
    return &m->slots[i].value;
}

int pc_strmap_put(pc_strmap *m, const char *key, void *value)
{
    void **slot = pc_strmap_slot_of(m, key);
    if (!slot)
        return -1;
    *slot = value;
    return 0;
}
