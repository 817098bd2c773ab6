/* `query` rules: raw tree-sitter queries with PCRE2-backed predicates. */
#include "internal.h"

#include <string.h>

#include <stdlib.h>

int combine_queries(pc_engine *e)
{
    size_t total = 1, npat = 0;
    for (size_t i = 0; i < e->nqueries; i++) {
        uint32_t len;
        (void)len;
        npat += ts_query_pattern_count(e->queries[i]->query);
    }
    if (e->nqueries < 2 || !npat)
        return 0;
    /* re-read each rule's source: rules keep their compiled query, not the text */
    char **srcs = calloc(e->nqueries, sizeof *srcs);
    if (!srcs)
        return -1;
    for (size_t i = 0; i < e->nqueries; i++) {
        srcs[i] = (char *)e->queries[i]->query_src;
        total += strlen(srcs[i]) + 2;
    }
    char *all = pc_arena_alloc(&e->arena, total);
    const pc_rule **owner = pc_arena_array(&e->arena, npat, sizeof *owner);
    uint32_t *first = pc_arena_array(&e->arena, npat, sizeof *first);
    uint32_t **capmap = pc_arena_array(&e->arena, npat, sizeof *capmap);
    if (!all || !owner || !first || !capmap) {
        free(srcs);
        return -1;
    }
    uint32_t p = 0;
    for (size_t i = 0; i < e->nqueries; i++) {
        strcat(all, srcs[i]);
        strcat(all, "\n");
        uint32_t n = ts_query_pattern_count(e->queries[i]->query);
        for (uint32_t k = 0; k < n; k++) {
            owner[p + k] = e->queries[i];
            first[p + k] = p;
        }
        p += n;
    }
    free(srcs);
    uint32_t off;
    TSQueryError qe;
    TSQuery *q = ts_query_new(pc_python_language(), all, (uint32_t)strlen(all), &off, &qe);
    if (!q || ts_query_pattern_count(q) != npat) {
        if (q)
            ts_query_delete(q);
        return 0; /* fall back to one query per rule */
    }
    uint32_t ncomb = ts_query_capture_count(q);
    for (uint32_t i = 0; i < npat; i++) {
        if (i && owner[i] == owner[i - 1]) {
            capmap[i] = capmap[i - 1];
            continue;
        }
        const pc_rule *r = owner[i];
        uint32_t nc = ts_query_capture_count(r->query);
        uint32_t *map = pc_arena_array(&e->arena, nc ? nc : 1, sizeof *map);
        if (!map) {
            ts_query_delete(q);
            return -1;
        }
        for (uint32_t k = 0; k < nc; k++) {
            uint32_t len, len2;
            const char *name = ts_query_capture_name_for_id(r->query, k, &len);
            map[k] = UINT32_MAX;
            for (uint32_t j = 0; j < ncomb; j++) {
                const char *cn = ts_query_capture_name_for_id(q, j, &len2);
                if (len == len2 && !memcmp(name, cn, len))
                    map[k] = j;
            }
        }
        capmap[i] = map;
    }
    e->cq.query = q;
    e->cq.owner = owner;
    e->cq.first = first;
    e->cq.capmap = capmap;
    return 0;
}

void free_combined(pc_engine *e)
{
    if (e->cq.query)
        ts_query_delete(e->cq.query);
    e->cq.query = NULL;
}

static bool capture_text(ctx *c, const TSQueryMatch *m, uint32_t id, const char **s, size_t *len)
{
    for (uint16_t i = 0; i < m->capture_count; i++) {
        if (m->captures[i].index != id)
            continue;
        uint32_t a = ts_node_start_byte(m->captures[i].node), b = ts_node_end_byte(m->captures[i].node);
        if (b > c->len || a > b)
            return false;
        *s = c->text + a;
        *len = b - a;
        return true;
    }
    return false;
}

static uint32_t mapped(const uint32_t *map, uint32_t id)
{
    return map ? map[id] : id;
}

static bool preds_hold(ctx *c, const pc_rule *r, const TSQueryMatch *m, uint32_t local, const uint32_t *map)
{
    for (const pc_query_pred *p = r->preds[local]; p; p = p->next) {
        const char *s, *o;
        size_t len, olen;
        if (!capture_text(c, m, mapped(map, p->capture), &s, &len))
            continue; /* optional capture absent: nothing to test */
        bool ok;
        if (p->op == PC_PRED_MATCH || p->op == PC_PRED_NOT_MATCH) {
            ok = pcre2_match(p->regex, (PCRE2_SPTR)s, len, 0, 0, c->w->md, c->w->mctx) >= 0;
        } else if (p->other_capture >= 0) {
            ok = capture_text(c, m, mapped(map, (uint32_t)p->other_capture), &o, &olen) && olen == len &&
                 !memcmp(s, o, len);
        } else {
            ok = strlen(p->text) == len && !memcmp(s, p->text, len);
        }
        if (p->op == PC_PRED_NOT_EQ || p->op == PC_PRED_NOT_MATCH)
            ok = !ok;
        if (!ok)
            return false;
    }
    return true;
}

static int report_match(ctx *c, const pc_rule *r, const TSQueryMatch *m, uint32_t local, const uint32_t *map)
{
    if (!preds_hold(c, r, m, local, map))
        return 0;
    uint32_t want = r->capture < 0 ? UINT32_MAX : mapped(map, (uint32_t)r->capture);
    for (uint16_t k = 0; k < m->capture_count; k++)
        if (want == UINT32_MAX || m->captures[k].index == want)
            return emit(c, r, m->captures[k].node, NULL) < 0 ? -1 : 1;
    return 0;
}

int run_queries(ctx *c)
{
    TSNode root = ts_tree_root_node(c->tree);
    TSQueryCursor *qc = c->w->qcursor;
    TSQueryMatch m;
    const pc_combined_query *cq = &c->eng->cq;
    if (cq->query) {
        uint32_t found = 0;
        ts_query_cursor_exec(qc, cq->query, root);
        while (ts_query_cursor_next_match(qc, &m) && found < 100000) {
            const pc_rule *r = cq->owner[m.pattern_index];
            int rc = report_match(c, r, &m, m.pattern_index - cq->first[m.pattern_index],
                                  cq->capmap[m.pattern_index]);
            if (rc < 0)
                return -1;
            found += (uint32_t)rc;
        }
        return 0;
    }
    for (size_t i = 0; i < c->eng->nqueries; i++) {
        const pc_rule *r = c->eng->queries[i];
        uint32_t found = 0;
        ts_query_cursor_exec(qc, r->query, root);
        while (ts_query_cursor_next_match(qc, &m) && found < 10000) {
            int rc = report_match(c, r, &m, m.pattern_index, NULL);
            if (rc < 0)
                return -1;
            found += (uint32_t)rc;
        }
    }
    return 0;
}
