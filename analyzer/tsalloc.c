/* Tree-sitter's allocator: a per-thread arena while a file is analyzed, the
 * ordinary heap otherwise. Every block carries a 16-byte header naming its
 * owner (NULL for the heap), so free() and realloc() know where it came
 * from whichever context they run in. */
#include "tsalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

enum {
    ALIGN = 16,
    NCLASS = 128,            /* freed blocks up to 2 KiB are reused, by size */
    CHUNK = 256 * 1024,      /* the usual chunk */
    KEEP = 32 * 1024 * 1024, /* chunks kept between files, so their pages stay mapped */
};

typedef struct hdr {
    size_t size;       /* usable bytes, a multiple of ALIGN */
    pc_tsarena *owner; /* NULL: from the heap */
} hdr;
_Static_assert(sizeof(hdr) == ALIGN, "the header keeps blocks aligned");

typedef struct chunk {
    struct chunk *next;
    size_t size; /* bytes of data */
    size_t used;
    size_t pad;
} chunk;
_Static_assert(sizeof(chunk) % ALIGN == 0, "chunk data starts aligned");

struct pc_tsarena {
    chunk *first, *cur;
    char *last; /* the newest block's header, for growing it in place */
    void *freed[NCLASS];
    size_t held;
};

static _Thread_local pc_tsarena *active;

/* Tree-sitter cannot recover from a failed allocation (its own allocator
 * aborts too); say why before stopping. */
static _Noreturn void out_of_memory(void)
{
    fputs("portcullis: out of memory while parsing\n", stderr);
    abort();
}

static inline char *data_of(chunk *c)
{
    return (char *)(c + 1);
}

static inline size_t round_up(size_t n)
{
    if (n > SIZE_MAX - 2 * ALIGN)
        out_of_memory();
    return n ? (n + ALIGN - 1) & ~(size_t)(ALIGN - 1) : ALIGN;
}

static chunk *chunk_new(size_t need)
{
    size_t size = need > CHUNK ? need : CHUNK;
    if (size > SIZE_MAX - sizeof(chunk))
        out_of_memory();
    chunk *c = malloc(sizeof *c + size);
    if (!c)
        out_of_memory();
    c->next = NULL;
    c->size = size;
    c->used = 0;
    POISON(data_of(c), size);
    return c;
}

/* A fresh block of `size` usable bytes from the arena's chunks. */
static hdr *bump(pc_tsarena *a, size_t size)
{
    size_t need = sizeof(hdr) + size;
    chunk *c = a->cur;
    while (c && c->size - c->used < need)
        c = c->next; /* chunks past cur are empty */
    if (!c) {
        c = chunk_new(need);
        a->held += c->size;
        if (a->cur) {
            c->next = a->cur->next;
            a->cur->next = c;
        } else {
            a->first = c;
        }
    }
    a->cur = c;
    hdr *h = (hdr *)(data_of(c) + c->used);
    c->used += need;
    UNPOISON(h, need);
    h->size = size;
    h->owner = a;
    a->last = (char *)h;
    return h;
}

static void *arena_alloc(pc_tsarena *a, size_t n)
{
    size_t size = round_up(n);
    size_t k = size / ALIGN - 1;
    if (k < NCLASS && a->freed[k]) {
        void *p = a->freed[k];
        UNPOISON(p, size);
        a->freed[k] = *(void **)p;
        return p;
    }
    return bump(a, size) + 1;
}

static void *heap_alloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(hdr))
        out_of_memory();
    hdr *h = malloc(sizeof *h + n);
    if (!h)
        out_of_memory();
    h->size = n;
    h->owner = NULL;
    return h + 1;
}

static void *ts_alloc(size_t n)
{
    return active ? arena_alloc(active, n) : heap_alloc(n);
}

static void *ts_zalloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory();
    void *p = ts_alloc(count * size);
    memset(p, 0, count * size);
    return p;
}

static void ts_release(void *p)
{
    if (!p)
        return;
    hdr *h = (hdr *)p - 1;
    if (!h->owner) {
        free(h);
        return;
    }
    /* A block of another span (or of none) is simply left for its reset. */
    pc_tsarena *a = h->owner;
    size_t k = h->size / ALIGN - 1;
    if (a != active || k >= NCLASS)
        return;
    *(void **)p = a->freed[k];
    a->freed[k] = p;
    POISON((char *)p + sizeof(void *), h->size - sizeof(void *));
}

static void *ts_resize(void *p, size_t n)
{
    if (!p)
        return ts_alloc(n);
    hdr *h = (hdr *)p - 1;
    if (!h->owner) {
        if (n > SIZE_MAX - sizeof(hdr))
            out_of_memory();
        h = realloc(h, sizeof *h + n);
        if (!h)
            out_of_memory();
        h->size = n;
        return h + 1;
    }
    if (n <= h->size)
        return p;
    pc_tsarena *a = h->owner;
    size_t size = round_up(n);
    chunk *c = a->cur;
    if (a == active && (char *)h == a->last && size - h->size <= c->size - c->used) {
        UNPOISON((char *)p + h->size, size - h->size);
        c->used += size - h->size;
        h->size = size;
        return p;
    }
    void *q = ts_alloc(n);
    memcpy(q, p, h->size);
    ts_release(p);
    return q;
}

void pc_tsalloc_install(void)
{
    ts_set_allocator(ts_alloc, ts_zalloc, ts_resize, ts_release);
}

/* ts_set_allocator() must come before tree-sitter's first allocation in the
 * process, or a block from the default allocator would reach ts_release(). */
__attribute__((constructor)) static void install_early(void)
{
    pc_tsalloc_install();
}

pc_tsarena *pc_tsarena_new(void)
{
    return calloc(1, sizeof(pc_tsarena));
}

void pc_tsarena_free(pc_tsarena *a)
{
    if (!a)
        return;
    if (active == a)
        active = NULL;
    for (chunk *c = a->first, *next; c; c = next) {
        next = c->next;
        UNPOISON(data_of(c), c->size);
        free(c);
    }
    free(a);
}

void pc_tsarena_begin(pc_tsarena *a)
{
    active = a;
}

pc_tsarena *pc_tsarena_active(void)
{
    return active;
}

void pc_tsarena_end(pc_tsarena *a)
{
    if (active == a)
        active = NULL;
    size_t kept = 0;
    chunk **link = &a->first;
    while (*link) {
        chunk *c = *link;
        if (kept + c->size > KEEP) {
            *link = c->next;
            a->held -= c->size;
            UNPOISON(data_of(c), c->size);
            free(c);
            continue;
        }
        kept += c->size;
        POISON(data_of(c), c->size);
        c->used = 0;
        link = &c->next;
    }
    a->cur = a->first;
    a->last = NULL;
    memset(a->freed, 0, sizeof a->freed);
}

size_t pc_tsarena_held(const pc_tsarena *a)
{
    return a ? a->held : 0;
}
