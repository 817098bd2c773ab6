/* `query` rules: raw tree-sitter queries with PCRE2-backed predicates. */
#include "internal.h"

#include <string.h>

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

static bool preds_hold(ctx *c, const pc_rule *r, const TSQueryMatch *m)
{
    for (const pc_query_pred *p = r->preds[m->pattern_index]; p; p = p->next) {
        const char *s, *o;
        size_t len, olen;
        if (!capture_text(c, m, p->capture, &s, &len))
            continue; /* optional capture absent: nothing to test */
        bool ok;
        if (p->op == PC_PRED_MATCH || p->op == PC_PRED_NOT_MATCH) {
            ok = pcre2_match(p->regex, (PCRE2_SPTR)s, len, 0, 0, c->w->md, c->w->mctx) >= 0;
        } else if (p->other_capture >= 0) {
            ok = capture_text(c, m, (uint32_t)p->other_capture, &o, &olen) && olen == len && !memcmp(s, o, len);
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

int run_queries(ctx *c)
{
    TSNode root = ts_tree_root_node(c->tree);
    for (size_t i = 0; i < c->eng->nqueries; i++) {
        const pc_rule *r = c->eng->queries[i];
        TSQueryCursor *qc = c->w->qcursor;
        ts_query_cursor_exec(qc, r->query, root);
        TSQueryMatch m;
        uint32_t found = 0;
        while (ts_query_cursor_next_match(qc, &m)) {
            if (!preds_hold(c, r, &m))
                continue;
            TSNode at = {0};
            bool have = false;
            for (uint16_t k = 0; k < m.capture_count; k++) {
                if (r->capture < 0 || m.captures[k].index == (uint32_t)r->capture) {
                    at = m.captures[k].node;
                    have = true;
                    break;
                }
            }
            if (!have)
                continue;
            if (emit(c, r, at, NULL) < 0)
                return -1;
            if (++found >= 10000)
                break;
        }
    }
    return 0;
}
