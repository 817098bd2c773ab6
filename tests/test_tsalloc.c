/* Tree-sitter's per-worker arena (analyzer/tsalloc.c): trees parsed in a
 * span are the same as on the heap, objects made outside spans survive them,
 * freed blocks are reused, memory held stays bounded across files, and
 * threads keep to their own arenas. */
#include "rules.h"
#include "tsalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "testutil.h"

static const char SRC[] = "import os\n"
                          "def f(x, *a, **k):\n"
                          "    for i in range(x):\n"
                          "        yield os.path.join(str(i), f'{x!r:>{i}}')\n"
                          "class C(object):\n"
                          "    def g(self): return [y for y in f(3) if y] or {1: (2, 3)}\n"
                          "s = '''doc'''; t = b'\\x00' + rb'\\d'\n";

/* The tree as text, written into a caller's buffer with the C library (not
 * ts_node_string, whose memory is tree-sitter's). */
static size_t describe(TSNode root, char *out, size_t cap)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    size_t len = 0;
    unsigned depth = 0;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        int w = snprintf(out + len, cap - len, "%u:%s:%u-%u;", depth, ts_node_type(n), ts_node_start_byte(n),
                         ts_node_end_byte(n));
        assert_true(w > 0 && (size_t)w < cap - len);
        len += (size_t)w;
        if (ts_tree_cursor_goto_first_child(&cur)) {
            depth++;
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return len;
            }
            depth--;
        }
    }
}

static TSParser *parser_new(void)
{
    TSParser *p = ts_parser_new();
    assert_non_null(p);
    assert_true(ts_parser_set_language(p, pc_python_language()));
    return p;
}

static char *heap_description(void)
{
    TSParser *p = parser_new();
    TSTree *t = ts_parser_parse_string(p, NULL, SRC, (uint32_t)strlen(SRC));
    char *want = malloc(1 << 16);
    assert_non_null(want);
    describe(ts_tree_root_node(t), want, 1 << 16);
    ts_tree_delete(t);
    ts_parser_delete(p);
    return want;
}

/* One file's work the way pc_analyze does it: everything made in the span,
 * the parser deleted, the tree left to the arena. */
static void parse_in_span(pc_tsarena *a, char *out, size_t cap)
{
    pc_tsarena_begin(a);
    TSParser *p = parser_new();
    TSTree *t = ts_parser_parse_string(p, NULL, SRC, (uint32_t)strlen(SRC));
    assert_non_null(t);
    describe(ts_tree_root_node(t), out, cap);
    ts_parser_delete(p);
    pc_tsarena_end(a);
}

static void span_tree_matches_heap_tree(void **state)
{
    (void)state;
    char *want = heap_description();
    char *got = malloc(1 << 16);
    assert_non_null(got);
    pc_tsarena *a = pc_tsarena_new();
    assert_non_null(a);
    for (int i = 0; i < 3; i++) { /* the second and third reuse the first's chunks */
        parse_in_span(a, got, 1 << 16);
        assert_string_equal(got, want);
    }
    pc_tsarena_free(a);
    free(got);
    free(want);
}

static void heap_objects_survive_spans(void **state)
{
    (void)state;
    char *want = heap_description();
    char *got = malloc(1 << 16);
    assert_non_null(got);
    /* made before any span: on the heap */
    TSParser *keep = parser_new();
    uint32_t off;
    TSQueryError qe;
    const char *qs = "(call function: (identifier) @f)";
    TSQuery *q = ts_query_new(pc_python_language(), qs, (uint32_t)strlen(qs), &off, &qe);
    assert_non_null(q);
    pc_tsarena *a = pc_tsarena_new();
    for (int i = 0; i < 5; i++)
        parse_in_span(a, got, 1 << 16);
    pc_tsarena_free(a);
    TSTree *t = ts_parser_parse_string(keep, NULL, SRC, (uint32_t)strlen(SRC));
    describe(ts_tree_root_node(t), got, 1 << 16);
    assert_string_equal(got, want);
    TSQueryCursor *qc = ts_query_cursor_new();
    ts_query_cursor_exec(qc, q, ts_tree_root_node(t));
    TSQueryMatch m;
    int calls = 0;
    while (ts_query_cursor_next_match(qc, &m))
        calls++;
    assert_int_equal(calls, 3); /* range, str, f */
    ts_query_cursor_delete(qc);
    ts_tree_delete(t);
    ts_query_delete(q);
    ts_parser_delete(keep);
    free(got);
    free(want);
}

/* Many files through one arena: what it holds stops growing. */
static void held_memory_is_bounded(void **state)
{
    (void)state;
    char *got = malloc(1 << 16);
    assert_non_null(got);
    pc_tsarena *a = pc_tsarena_new();
    parse_in_span(a, got, 1 << 16);
    size_t first = pc_tsarena_held(a);
    assert_true(first > 0);
    for (int i = 0; i < 200; i++)
        parse_in_span(a, got, 1 << 16);
    assert_int_equal(pc_tsarena_held(a), first);
    pc_tsarena_free(a);
    free(got);
}

/* Within one span, blocks freed are handed out again: deleting each tree
 * keeps fifty parses in about the memory of one. */
static void freed_blocks_are_reused(void **state)
{
    (void)state;
    pc_tsarena *a = pc_tsarena_new();
    pc_tsarena_begin(a);
    TSParser *p = parser_new();
    TSTree *t = ts_parser_parse_string(p, NULL, SRC, (uint32_t)strlen(SRC));
    ts_tree_delete(t);
    size_t one = pc_tsarena_held(a);
    for (int i = 0; i < 50; i++) {
        t = ts_parser_parse_string(p, NULL, SRC, (uint32_t)strlen(SRC));
        assert_false(ts_node_has_error(ts_tree_root_node(t)));
        ts_tree_delete(t);
    }
    assert_true(pc_tsarena_held(a) <= 2 * one);
    ts_parser_delete(p);
    pc_tsarena_end(a);
    pc_tsarena_free(a);
}

/* A large source: big blocks (the parse stack, long arrays) past a chunk. */
static void large_input(void **state)
{
    (void)state;
    size_t reps = 4000, n = reps * (sizeof SRC - 1);
    char *big = malloc(n + 1);
    assert_non_null(big);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * (sizeof SRC - 1), SRC, sizeof SRC - 1);
    big[n] = 0;
    pc_tsarena *a = pc_tsarena_new();
    for (int round = 0; round < 2; round++) {
        pc_tsarena_begin(a);
        TSParser *p = parser_new();
        TSTree *t = ts_parser_parse_string(p, NULL, big, (uint32_t)n);
        TSNode root = ts_tree_root_node(t);
        assert_false(ts_node_has_error(root));
        assert_int_equal(ts_node_named_child_count(root), reps * 5);
        ts_parser_delete(p);
        pc_tsarena_end(a);
    }
    pc_tsarena_free(a);
    free(big);
}

static void *thread_main(void *ud)
{
    const char *want = ud;
    char *got = malloc(1 << 16);
    pc_tsarena *a = pc_tsarena_new();
    bool same = got && a;
    for (int i = 0; same && i < 100; i++) {
        parse_in_span(a, got, 1 << 16);
        same = !strcmp(got, want);
    }
    pc_tsarena_free(a);
    free(got);
    return same ? (void *)1 : NULL;
}

static void threads_keep_to_their_arenas(void **state)
{
    (void)state;
    char *want = heap_description();
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, thread_main, want), 0);
    for (int i = 0; i < 4; i++) {
        void *ok = NULL;
        pthread_join(t[i], &ok);
        assert_non_null(ok);
    }
    free(want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(span_tree_matches_heap_tree),
        cmocka_unit_test(heap_objects_survive_spans),
        cmocka_unit_test(held_memory_is_bounded),
        cmocka_unit_test(freed_blocks_are_reused),
        cmocka_unit_test(large_input),
        cmocka_unit_test(threads_keep_to_their_arenas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
