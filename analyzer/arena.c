#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pc_arena_chunk {
    pc_arena_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define CHUNK_MIN (64 * 1024)

void pc_arena_init(pc_arena *a)
{
    memset(a, 0, sizeof *a);
}

void pc_arena_release(pc_arena *a)
{
    pc_arena_chunk *c = a->head;
    while (c) {
        pc_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *pc_arena_raw(pc_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    if (a->limit && a->total + n > a->limit) {
        a->failed = true;
        return NULL;
    }
    pc_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
        if (c && c->size < 16 * 1024 * 1024 && size < c->size * 2)
            size = c->size * 2; /* grow geometrically: few chunks for big files */
        c = malloc(sizeof *c + size);
        if (!c) {
            a->failed = true;
            return NULL;
        }
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

void *pc_arena_alloc(pc_arena *a, size_t n)
{
    void *p = pc_arena_raw(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

void *pc_arena_array(pc_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        a->failed = true;
        return NULL;
    }
    return pc_arena_alloc(a, count * size);
}

void *pc_arena_grow(pc_arena *a, void *v, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return v;
    size_t want = *cap ? *cap * 2 : first;
    void *w = want > *cap ? pc_arena_array(a, want, size) : NULL;
    if (!w)
        return NULL;
    if (n)
        memcpy(w, v, n * size);
    *cap = want;
    return w;
}

char *pc_arena_strndup(pc_arena *a, const char *s, size_t n)
{
    char *p = pc_arena_raw(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *pc_arena_strdup(pc_arena *a, const char *s)
{
    return pc_arena_strndup(a, s, strlen(s));
}

char *pc_arena_printf(pc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = pc_arena_raw(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
