/* Orchestration: decode, parse, bind, walk, query, verdict. */
#include "internal.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

bool node_is(TSNode n, const char *type)
{
    return !ts_node_is_null(n) && !strcmp(ts_node_type(n), type);
}

bool node_within(TSNode n, TSNode outer)
{
    return !ts_node_is_null(outer) && ts_node_start_byte(n) >= ts_node_start_byte(outer) &&
           ts_node_end_byte(n) <= ts_node_end_byte(outer);
}

#define KIDS_BY_INDEX 8

void kids_init(kids *k, TSNode n, bool named)
{
    *k = (kids){.parent = n, .named = named};
    k->count = named ? ts_node_named_child_count(n) : ts_node_child_count(n);
    k->cursor = ts_node_child_count(n) > KIDS_BY_INDEX;
    if (k->cursor) {
        k->cur = ts_tree_cursor_new(n);
        k->more = ts_tree_cursor_goto_first_child(&k->cur);
    }
}

bool kids_next(kids *k, TSNode *out)
{
    if (!k->cursor) {
        if (k->i >= k->count)
            return false;
        *out = k->named ? ts_node_named_child(k->parent, k->i) : ts_node_child(k->parent, k->i);
        k->i++;
        return true;
    }
    while (k->more) {
        *out = ts_tree_cursor_current_node(&k->cur);
        k->more = ts_tree_cursor_goto_next_sibling(&k->cur);
        if (!k->named || ts_node_is_named(*out))
            return true;
    }
    return false;
}

void kids_done(kids *k)
{
    if (k->cursor)
        ts_tree_cursor_delete(&k->cur);
}

/* Resolution asks the same node for the same field many times, and
 * tree-sitter finds a field by walking the node's children each time. A
 * direct-mapped memo per file, sized to it and found through a thread-local
 * pointer (not a thread-local table: its size would be paid by every thread
 * of every process, the runner's included). */
typedef struct field_memo {
    const void *id;
    TSFieldId field;
    TSNode child;
} field_memo;
static _Thread_local field_memo *field_memos;
static _Thread_local uint32_t field_mask;

/* About one entry per 32 bytes of source, a power of two from 64 to 1,024. */
static void field_memo_start(ctx *c)
{
    uint32_t n = 64;
    while (n < 1024 && n * 32 < c->len)
        n *= 2;
    field_memos = pc_arena_array(c->a, n, sizeof *field_memos); /* NULL: no memo */
    field_mask = n - 1;
}

static void field_memo_stop(void)
{
    field_memos = NULL;
}

TSNode node_field(TSNode n, TSFieldId field)
{
    uintptr_t key = (uintptr_t)n.id;
    if (!key || !field_memos)
        return ts_node_child_by_field_id(n, field);
    field_memo *m = &field_memos[((key >> 4) ^ (key >> 14) ^ (uintptr_t)field * 0x9e37u) & field_mask];
    if (m->id == n.id && m->field == field)
        return m->child;
    TSNode child = ts_node_child_by_field_id(n, field);
    *m = (field_memo){n.id, field, child};
    return child;
}

bool text_mentions(const ctx *c, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memmem(c->text, c->len, words[i], strlen(words[i])))
            return true;
    return false;
}

/* The tape is in source order: the index of its first entry that starts at
 * or after byte `at` (c->ntape when none does). */
size_t tape_from(const ctx *c, uint32_t at)
{
    size_t lo = 0, hi = c->ntape;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ts_node_start_byte(c->tape[mid].node) < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool find_identifier(TSNode root, TSSymbol also, int *budget, bool (*on_ident)(void *ud, TSNode id), void *ud)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    bool found = false, down = true;
    while (!found && *budget > 0) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        (*budget)--;
        if (down && (ts_node_symbol(n) == syms.identifier || (also && ts_node_symbol(n) == also)))
            found = on_ident(ud, n);
        if (down && ts_tree_cursor_goto_first_child(&cur))
            continue;
        if (ts_tree_cursor_goto_next_sibling(&cur)) {
            down = true;
            continue;
        }
        if (!ts_tree_cursor_goto_parent(&cur))
            break;
        down = false;
    }
    ts_tree_cursor_delete(&cur);
    return found;
}

pc_syms syms;
static pthread_once_t syms_once = PTHREAD_ONCE_INIT;

typedef struct sym_name {
    const char *name;
    size_t off;
} sym_name;

static int sym_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const sym_name *)elem)->name);
}

/* One pass over the grammar's symbols: ts_language_symbol_for_name scans
 * them all for each name, which was a tenth of a one-snippet check. Where
 * one visible named symbol has the name, that is the answer; where several
 * have it (aliases), only ts_language_symbol_for_name knows which of them
 * the tree uses. */
static void syms_fill(void)
{
    static const sym_name names[] = {
    /* sorted by strcmp, for bsearch */
#define S(field, name) {name, offsetof(pc_syms, field)}
        S(argument_list, "argument_list"),
        S(assignment, "assignment"),
        S(attribute, "attribute"),
        S(augmented_assignment, "augmented_assignment"),
        S(binary_operator, "binary_operator"),
        S(boolean_operator, "boolean_operator"),
        S(call, "call"),
        S(comment, "comment"),
        S(concatenated_string, "concatenated_string"),
        S(conditional_expression, "conditional_expression"),
        S(dictionary, "dictionary"),
        S(dictionary_splat, "dictionary_splat"),
        S(false_, "false"),
        S(float_, "float"),
        S(identifier, "identifier"),
        S(integer, "integer"),
        S(interpolation, "interpolation"),
        S(keyword_argument, "keyword_argument"),
        S(list, "list"),
        S(list_splat, "list_splat"),
        S(named_expression, "named_expression"),
        S(none, "none"),
        S(pair, "pair"),
        S(parenthesized_expression, "parenthesized_expression"),
        S(set, "set"),
        S(string, "string"),
        S(string_content, "string_content"),
        S(subscript, "subscript"),
        S(true_, "true"),
        S(tuple, "tuple"),
        S(unary_operator, "unary_operator"),
#undef S
    };
    enum { N = sizeof names / sizeof *names };
    uint8_t seen[N] = {0};
    const TSLanguage *l = pc_python_language();
    uint32_t count = ts_language_symbol_count(l);
    for (uint32_t i = 0; i < count; i++) {
        if (ts_language_symbol_type(l, (TSSymbol)i) != TSSymbolTypeRegular)
            continue;
        const sym_name *n =
            bsearch(ts_language_symbol_name(l, (TSSymbol)i), names, N, sizeof *names, sym_cmp);
        if (!n)
            continue;
        if (!seen[n - names])
            *(TSSymbol *)((char *)&syms + n->off) = (TSSymbol)i;
        seen[n - names] = seen[n - names] ? 2 : 1;
    }
    for (size_t k = 0; k < N; k++)
        if (seen[k] != 1)
            *(TSSymbol *)((char *)&syms + names[k].off) =
                ts_language_symbol_for_name(l, names[k].name, (uint32_t)strlen(names[k].name), true);
    syms.operator_ = ts_language_field_id_for_name(l, "operator", 8);
}

void pc_syms_init(void)
{
    pthread_once(&syms_once, syms_fill);
}

TSNode unparen(TSNode n)
{
    while (!ts_node_is_null(n) && ts_node_symbol(n) == syms.parenthesized_expression)
        n = ts_node_named_child(n, 0);
    return n;
}

TSNode parent_past_parens(TSNode *n)
{
    TSNode p = ts_node_parent(*n);
    while (!ts_node_is_null(p) && ts_node_symbol(p) == syms.parenthesized_expression) {
        *n = p;
        p = ts_node_parent(p);
    }
    return p;
}

const char *node_text(ctx *c, TSNode n)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e > c->len || s > e)
        return NULL;
    return pc_arena_strndup(c->a, c->text + s, e - s);
}

const char *ident_name(ctx *c, TSNode n)
{
    if (ts_node_is_null(n))
        return NULL;
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e > c->len || s > e)
        return NULL;
    bool ascii = true;
    for (uint32_t i = s; i < e && ascii; i++)
        ascii = (unsigned char)c->text[i] < 0x80;
    if (ascii || e - s > 4096)
        return pc_arena_strndup(c->a, c->text + s, e - s);
    /* PEP 3131: identifiers are compared after NFKC normalisation */
    char *raw = pc_arena_strndup(c->a, c->text + s, e - s);
    if (!raw)
        return NULL;
    utf8proc_uint8_t *norm = utf8proc_NFKC((const utf8proc_uint8_t *)raw);
    if (!norm)
        return raw;
    const char *out = pc_arena_strdup(c->a, (const char *)norm);
    free(norm);
    return out;
}

static uint32_t count_cps(const char *s, uint32_t n)
{
    uint32_t cps = 0;
    for (uint32_t i = 0; i < n; i++)
        cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cps;
}

static bool line_end(const ctx *c, uint32_t i)
{
    return c->text[i] == '\n' || (c->text[i] == '\r' && (i + 1 >= c->len || c->text[i + 1] != '\n'));
}

/* Where each line starts. Decoded text has only \n (source.c normalises
 * \r\n and \r), so memchr finds them; the \r rule stays for other text. */
static int build_lines(ctx *c)
{
    if (c->line_starts)
        return 0;
    bool cr = memchr(c->text, '\r', c->len) != NULL;
    uint32_t n = 1;
    if (!cr) {
        for (const char *p = c->text, *e = c->text + c->len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
            n++;
    } else {
        for (uint32_t i = 0; i < c->len; i++)
            n += line_end(c, i);
    }
    c->line_starts = pc_arena_array(c->a, n + 1, sizeof *c->line_starts);
    if (!c->line_starts)
        return -1;
    uint32_t k = 0;
    c->line_starts[k++] = 0;
    if (!cr) {
        for (const char *p = c->text, *e = c->text + c->len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
            c->line_starts[k++] = (uint32_t)(p - c->text) + 1;
    } else {
        for (uint32_t i = 0; i < c->len; i++)
            if (line_end(c, i))
                c->line_starts[k++] = i + 1;
    }
    c->nlines = k;
    return 0;
}

static void point_of(ctx *c, uint32_t off, uint32_t *line, uint32_t *col)
{
    if (build_lines(c) < 0) {
        *line = 1;
        *col = 1;
        return;
    }
    uint32_t lo = 0, hi = c->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (c->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = count_cps(c->text + c->line_starts[lo], off - c->line_starts[lo]) + 1;
}

pc_span span_of(ctx *c, uint32_t start, uint32_t end)
{
    pc_span s = {0};
    if (start > c->len)
        start = c->len;
    if (end > c->len)
        end = c->len;
    if (end < start)
        end = start;
    s.start_byte = start;
    s.end_byte = end;
    point_of(c, start, &s.line, &s.col);
    point_of(c, end, &s.end_line, &s.end_col);
    return s;
}

pc_span node_span(ctx *c, TSNode n)
{
    return span_of(c, ts_node_start_byte(n), ts_node_end_byte(n));
}

/* A bound on the tape (48 bytes a node): beyond it, the second pass walks
 * the tree with a cursor instead. */
#define TAPE_MAX (1u << 20)

static void tape_add(ctx *c, const frame *f, uint32_t depth)
{
    if (c->tape_off)
        return;
    if (c->ntape == c->captape) {
        size_t cap = c->captape ? c->captape * 2 : 1024;
        tape_entry *v = cap <= TAPE_MAX ? realloc(c->tape, cap * sizeof *v) : NULL;
        if (!v) { /* not an error: the cursor still works */
            free(c->tape);
            c->tape = NULL;
            c->ntape = c->captape = 0;
            c->tape_off = true;
            return;
        }
        c->tape = v;
        c->captape = cap;
    }
    c->tape[c->ntape++] = (tape_entry){f->node, f->type, depth, f->field, f->sym};
}

int traverse(ctx *c, visit_fn visit, bool record)
{
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(c->tree));
    size_t cap = 256;
    frame *frames = malloc(cap * sizeof *frames);
    if (!frames) {
        ts_tree_cursor_delete(&cur);
        return -1;
    }
    c->tape_off = !record;
    uint32_t depth = 0;
    const TSLanguage *lang = pc_python_language();
    frames[0].node = ts_tree_cursor_current_node(&cur);
    frames[0].sym = ts_node_symbol(frames[0].node);
    frames[0].type = ts_language_symbol_name(lang, frames[0].sym);
    frames[0].field = 0;
    if (record)
        tape_add(c, &frames[0], 0);
    int rc = visit(c, frames, 0);
    while (rc >= 0) {
        if (rc == 0 && ts_tree_cursor_goto_first_child(&cur)) {
            if (++depth > c->max_depth)
                c->max_depth = depth;
        } else {
            while (depth && !ts_tree_cursor_goto_next_sibling(&cur)) {
                ts_tree_cursor_goto_parent(&cur);
                depth--;
            }
            if (!depth)
                break;
        }
        if (depth >= cap) {
            frame *v = realloc(frames, cap * 2 * sizeof *v);
            if (!v) {
                rc = -1;
                break;
            }
            frames = v;
            cap *= 2;
        }
        frame *f = &frames[depth];
        f->node = ts_tree_cursor_current_node(&cur);
        if (!ts_node_is_named(f->node) && !(c->tree_has_error && ts_node_is_missing(f->node))) {
            rc = 1; /* a keyword or punctuation token: a leaf no pass looks at */
            continue;
        }
        f->sym = ts_node_symbol(f->node);
        f->type = ts_language_symbol_name(lang, f->sym);
        f->field = ts_tree_cursor_current_field_id(&cur);
        if (record)
            tape_add(c, f, depth);
        rc = visit(c, frames, depth);
    }
    free(frames);
    ts_tree_cursor_delete(&cur);
    return rc < 0 ? -1 : 0;
}

int replay(ctx *c, visit_fn visit)
{
    if (c->tape_off || !c->ntape)
        return traverse(c, visit, false);
    frame *frames = malloc(((size_t)c->max_depth + 1) * sizeof *frames);
    if (!frames)
        return -1;
    c->replaying = true;
    int rc = 0;
    for (size_t i = 0; i < c->ntape && rc >= 0;) {
        const tape_entry *e = &c->tape[i++];
        frame *f = &frames[e->depth];
        f->node = e->node;
        f->type = e->type;
        f->sym = e->sym;
        f->field = e->field;
        rc = visit(c, frames, e->depth);
        if (rc == 1) /* skip the node's children: they follow it, deeper */
            while (i < c->ntape && c->tape[i].depth > e->depth)
                i++;
    }
    free(frames);
    c->replaying = false;
    return rc < 0 ? -1 : 0;
}

/* ---- workers ---- */

pc_worker *pc_worker_new(const pc_engine *e)
{
    pc_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->eng = e;
    pc_syms_init();
    w->ts = pc_tsarena_new();
    w->md = pcre2_match_data_create(32, NULL);
    w->mctx = pcre2_match_context_create(NULL);
    /* the grammar's ABI is checked once here; each file gets its own parser */
    TSParser *p = ts_parser_new();
    bool loads = p && ts_parser_set_language(p, pc_python_language());
    if (p)
        ts_parser_delete(p);
    if (!w->ts || !w->md || !w->mctx || !loads) {
        pc_worker_free(w);
        return NULL;
    }
    pcre2_set_match_limit(w->mctx, 5000000);
    pcre2_set_depth_limit(w->mctx, 100000);
    return w;
}

void pc_worker_free(pc_worker *w)
{
    if (!w)
        return;
    pc_worker_free(w->nested);
    pc_tsarena_free(w->ts);
    if (w->md)
        pcre2_match_data_free(w->md);
    if (w->mctx)
        pcre2_match_context_free(w->mctx);
    free(w);
}

/* The parser, the query cursor and the tree of one file live in the worker's
 * tree-sitter arena and go together when it is emptied: no tree to delete.
 * The parser itself is still deleted, since the grammar's external scanner
 * keeps its state with the C library's malloc. */
static void ts_span_begin(pc_worker *w)
{
    pc_tsarena_begin(w->ts);
    w->parser = ts_parser_new();
    ts_parser_set_language(w->parser, pc_python_language());
    ts_parser_set_timeout_micros(w->parser, 60ull * 1000 * 1000);
    w->qcursor = ts_query_cursor_new();
    ts_query_cursor_set_match_limit(w->qcursor, 4096);
}

static void ts_span_end(pc_worker *w)
{
    field_memo_stop();
    ts_parser_delete(w->parser);
    w->parser = NULL;
    w->qcursor = NULL;
    pc_tsarena_end(w->ts);
}

/* ---- results ---- */

void pc_result_release(pc_result *r)
{
    if (!r)
        return;
    pc_arena_release(&r->arena);
    memset(r, 0, sizeof *r);
}

const char *pc_result_line(const pc_result *r, uint32_t line, uint32_t *len)
{
    const char *t = r->src.text;
    if (!t || !r->line_starts || line == 0 || line > r->nline_starts)
        return NULL;
    uint32_t i = r->line_starts[line - 1], e = i, n = r->src.len;
    while (e < n && t[e] != '\n' && t[e] != '\r')
        e++;
    *len = e - i;
    return t + i;
}

static int cmp_finding(const void *a, const void *b)
{
    const pc_finding *x = a, *y = b;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    if (x->span.end_byte != y->span.end_byte)
        return x->span.end_byte < y->span.end_byte ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

/* Is `id` one of the comma/space separated words in list[0..n)? */
static bool in_list(const char *list, size_t n, const char *id)
{
    size_t len = strlen(id), i = 0;
    while (i < n) {
        while (i < n && (list[i] == ',' || list[i] == ' ' || list[i] == '\t'))
            i++;
        size_t j = i;
        while (j < n && list[j] != ',' && list[j] != ' ' && list[j] != '\t' && list[j] != ']')
            j++;
        if (j - i == len && !memcmp(list + i, id, len))
            return true;
        if (j < n && list[j] == ']')
            break;
        i = j;
    }
    return false;
}

static bool names_rule(const char *list, size_t n, const pc_rule *r)
{
    if (in_list(list, n, r->id))
        return true;
    for (size_t i = 0; i < r->nbandit; i++)
        if (in_list(list, n, r->bandit[i]))
            return true;
    return false;
}

/* One comment's verdict on a rule: `# nosec` / `# noqa` / `# portcullis: ignore`
 * alone silence every rule on the line; followed by ids (`# nosec B602`,
 * `# noqa: B602`, `# portcullis: ignore[rule-id, ...]`) only those. */
static bool comment_suppresses(const char *t, size_t n, const pc_rule *r)
{
    static const char *const marks[] = {"portcullis: ignore", "nosec", "noqa"};
    for (int k = 0; k < 3; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t i = 0; i + ml <= n; i++) {
            if (memcmp(t + i, marks[k], ml))
                continue;
            size_t j = i + ml;
            if (k == 0) {
                if (j < n && t[j] == '[')
                    return names_rule(t + j + 1, n - j - 1, r);
                return true;
            }
            if (k == 2 && j < n && t[j] == ':')
                return names_rule(t + j + 1, n - j - 1, r);
            if (k == 1) {
                size_t e = j;
                while (e < n && t[e] == ' ')
                    e++;
                if (e < n && t[e] != '#')
                    return names_rule(t + e, n - e, r);
            }
            return true;
        }
    }
    return false;
}

static bool suppressed(ctx *c, const pc_finding *f)
{
    for (size_t i = 0; i < c->ncomments; i++)
        if (c->comments[i].line == f->span.line &&
            comment_suppresses(c->text + c->comments[i].start, c->comments[i].end - c->comments[i].start,
                               f->rule))
            return true;
    return false;
}

/* Does a statement start at the end of event e (the first token after a
 * form feed in a line's indentation)? Inside brackets or a string, the
 * line's indentation means nothing. */
static bool starts_statement(TSNode root, const pc_input_event *e)
{
    uint32_t at = e->offset + e->length;
    TSNode n = ts_node_descendant_for_byte_range(root, at, at + 1);
    for (int hop = 0; hop < 64 && !ts_node_is_null(n) && ts_node_start_byte(n) == at; hop++) {
        TSNode up = ts_node_parent(n);
        if (ts_node_is_null(up))
            return true;
        const char *t = ts_node_type(up);
        if (!strcmp(t, "block") || !strcmp(t, "module"))
            return true;
        n = up;
    }
    return false;
}

static int input_events(ctx *c)
{
    for (pc_input_event *e = c->res->src.events; e; e = e->next)
        if (match_input(c, e->kind, e->offset, e->offset + e->length, e->detail) < 0)
            return -1;
    TSNode root = c->tree ? ts_tree_root_node(c->tree) : (TSNode){0};
    uint32_t reported = 0;
    for (pc_input_event *e = c->res->src.invisible; e && reported < 32; e = e->next) {
        if (c->tree && e->offset < c->len && c->text[e->offset] == '\f' && !starts_statement(root, e)) {
            continue; /* a form feed before a continuation line: indentation means nothing there */
        } else if (c->tree) {
            TSNode n = ts_node_descendant_for_byte_range(root, e->offset, e->offset + e->length);
            const char *t = ts_node_is_null(n) ? "" : ts_node_type(n);
            if (!strcmp(t, "string_content") || !strcmp(t, "string") || !strcmp(t, "escape_sequence") ||
                !strcmp(t, "string_start") || !strcmp(t, "string_end"))
                continue; /* text inside a literal: shown, not hidden code */
        }
        reported++;
        if (match_input(c, PC_INPUT_INVISIBLE, e->offset, e->offset + e->length, e->detail) < 0)
            return -1;
    }
    return 0;
}

/* Bytes bracket_depth() stops at; everything else is skipped in a tight loop. */
static const uint8_t bracket_stop[256] = {
    ['#'] = 1, ['\''] = 1, ['"'] = 1, ['('] = 1, ['['] = 1, ['{'] = 1, [')'] = 1, [']'] = 1, ['}'] = 1,
};

/* The deepest bracket nesting outside strings and comments. tree-sitter
 * 0.20 corrupts its heap on tens of thousands of unclosed brackets, and
 * Python refuses more than 200 levels anyway, so such input is not parsed. */
static uint32_t bracket_depth(const char *t, uint32_t n, uint32_t limit)
{
    uint32_t depth = 0, max = 0;
    for (uint32_t i = 0; i < n; i++) {
        while (i < n && !bracket_stop[(uint8_t)t[i]])
            i++;
        if (i == n)
            break;
        char ch = t[i];
        if (ch == '#') {
            while (i < n && t[i] != '\n' && t[i] != '\r')
                i++;
        } else if (ch == '\'' || ch == '"') {
            bool triple = i + 2 < n && t[i + 1] == ch && t[i + 2] == ch;
            i += triple ? 3 : 1;
            while (i < n) {
                if (t[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (!triple && (t[i] == '\n' || t[i] == ch))
                    break;
                if (triple && t[i] == ch && i + 2 < n && t[i + 1] == ch && t[i + 2] == ch) {
                    i += 2;
                    break;
                }
                i++;
            }
        } else if (ch == '(' || ch == '[' || ch == '{') {
            if (++depth > max && (max = depth) > limit)
                return max;
        } else if ((ch == ')' || ch == ']' || ch == '}') && depth) {
            depth--;
        }
    }
    return max;
}

/* Does the program act: does a rule of another kind than `string` (a call,
 * an import, dynamic access ...) report at medium or above? A program that
 * does not holds its strings as data (unless_data). */
static bool file_acts(const ctx *c)
{
    for (size_t i = 0; i < c->nfindings; i++) {
        const pc_rule *r = c->findings[i].rule;
        if (r->kind != PC_MATCH_STRING && r->kind != PC_MATCH_INPUT && r->severity >= PC_SEV_MEDIUM)
            return true;
    }
    return false;
}

/* A rule with `requires` reports only where one of the rules it names
 * reports in the same file, and a string rule with unless_data only where
 * the program acts; dropping one finding can leave another rule's unmet,
 * so repeat until nothing changes. */
static int drop_unmet_requires(ctx *c)
{
    bool *keep = c->nfindings ? pc_arena_array(c->a, c->nfindings, sizeof *keep) : NULL;
    if (c->nfindings && !keep)
        return -1;
    for (bool changed = true; changed;) {
        changed = false;
        memset(c->req_memo, 0, sizeof c->req_memo); /* the findings are about to change */
        int acts = -1;                              /* file_acts, asked once and only when needed */
        for (size_t i = 0; i < c->nfindings; i++) {
            const pc_rule *r = c->findings[i].rule;
            keep[i] = requires_met(c, r);
            if (keep[i] && r->unless_data && acts < 0)
                acts = file_acts(c);
            if (r->unless_data && !acts)
                keep[i] = false;
        }
        size_t k = 0;
        for (size_t i = 0; i < c->nfindings; i++)
            if (keep[i])
                c->findings[k++] = c->findings[i];
        changed = k < c->nfindings;
        c->nfindings = k;
    }
    memset(c->req_memo, 0, sizeof c->req_memo);
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void init_fields(ctx *c)
{
    const TSLanguage *l = pc_python_language();
#define F(var, name) c->var = ts_language_field_id_for_name(l, name, (uint32_t)strlen(name))
    F(f_name, "name");
    F(f_alias, "alias");
    F(f_value, "value");
    F(f_left, "left");
    F(f_right, "right");
    F(f_object, "object");
    F(f_attribute, "attribute");
    F(f_function, "function");
    F(f_arguments, "arguments");
    F(f_module_name, "module_name");
    F(f_subscript, "subscript");
    F(f_body, "body");
    F(f_parameters, "parameters");
    F(f_type, "type");
    F(f_key, "key");
    F(f_superclasses, "superclasses");
#undef F
}

/* A file decoded and parsed, its analysis still to come: what the parse
 * needs no rules for. */
struct pc_prepared {
    pc_result res;
    TSTree *tree;
    bool parsed;          /* the parser ran (and, with no tree, gave up) */
    bool too_deep;        /* refused before parsing: too many nested brackets */
    pc_tsarena *outer_ts; /* the tree-sitter arena active before (a nested analysis runs inside another) */
    ctx *c;               /* with a tree: the analysis begun, its scopes built (in the result's arena) */
    field_memo *memos;    /* the tree's field memo, for the thread that finishes */
    uint32_t memo_mask;
    bool detached; /* the parse's arena is active on no thread: the finishing thread takes it */
    double t0;
};

/* The context of p's analysis, the engine still to come. */
static void begin_ctx(ctx *c, pc_worker *w, pc_prepared *p)
{
    c->w = w;
    c->a = &p->res.arena;
    c->res = &p->res;
    init_fields(c);
    c->text = p->res.src.text;
    c->len = p->res.src.len;
    c->tree = p->tree;
    c->nloops = -1; /* gathered when asked */
    c->ncode_comments = -1;
}

/* What needs no rules, done while they may still load: the scopes and what
 * each name is bound to. */
static int begin(pc_worker *w, pc_prepared *p)
{
    ctx *c = pc_arena_alloc(&p->res.arena, sizeof *c);
    if (!c)
        return -1;
    begin_ctx(c, w, p);
    c->tree_has_error = ts_node_has_error(ts_tree_root_node(c->tree));
    p->c = c;
    field_memo *outer_memos = field_memos; /* a nested analysis: the outer one's */
    uint32_t outer_mask = field_mask;
    field_memo_start(c);
    p->memos = field_memos;
    p->memo_mask = field_mask;
    int rc = scopes_build(c);
    field_memos = outer_memos;
    field_mask = outer_mask;
    return rc;
}

static void unprepare(pc_worker *w, pc_prepared *p);

static int prepare(pc_worker *w, const char *path, const unsigned char *data, size_t len, pc_prepared *p)
{
    memset(p, 0, sizeof *p);
    p->t0 = now_ms();
    p->outer_ts = pc_tsarena_active();
    pc_result *out = &p->res;
    pc_arena_init(&out->arena);
    out->path = pc_arena_strdup(&out->arena, path);
    out->bytes = len;
    if (!out->path || pc_source_decode(&out->arena, data, len, &out->src) < 0) {
        pc_result_release(out);
        return -1;
    }
    if (out->src.parseable && bracket_depth(out->src.text, out->src.len, 1000) > 1000) {
        out->src.parseable = false;
        p->too_deep = true;
    }
    if (out->src.parseable) {
        ts_span_begin(w);
        p->tree = ts_parser_parse_string(w->parser, NULL, out->src.text, out->src.len);
        p->parsed = true;
        if (p->tree && begin(w, p) < 0) {
            field_memo *outer_memos = field_memos; /* which ts_span_end would drop */
            uint32_t outer_mask = field_mask;
            unprepare(w, p);
            field_memos = outer_memos;
            field_mask = outer_mask;
            return -1;
        }
    }
    return 0;
}

/* The finishing thread's turn: the worker's arena becomes active here, and
 * what was active here comes back after. */
static void adopt(pc_worker *w, pc_prepared *p)
{
    if (!p->detached)
        return;
    p->detached = false;
    p->outer_ts = pc_tsarena_active();
    if (p->parsed)
        pc_tsarena_begin(w->ts);
}

/* Undo prepare() for a file that will not be analyzed. */
static void unprepare(pc_worker *w, pc_prepared *p)
{
    adopt(w, p);
    if (p->c)
        free(p->c->tape);
    if (p->parsed)
        ts_span_end(w);
    pc_tsarena_begin(p->outer_ts);
    pc_result_release(&p->res);
}

/* The analysis of a prepared file, with the worker's engine; p is used up. */
static int finish(pc_worker *w, pc_prepared *p, pc_result *out, pc_error *err)
{
    /* a nested analysis (embedded.c) runs inside another: put back what the
     * outer one had on this thread when done */
    field_memo *outer_memos = field_memos;
    uint32_t outer_mask = field_mask;
    pc_result *res = &p->res; /* moved to out when done: the scopes' maps hold its arena */
    ctx none = {0};
    ctx *c = p->c;
    if (!c) { /* no tree: only what is said about the input */
        c = &none;
        begin_ctx(c, w, p);
    }
    c->eng = w->eng;
    c->w = w;
    if (p->too_deep &&
        match_input(c, PC_INPUT_PARSE_ERROR, 0, 1, "too many nested brackets (Python allows 200)") < 0)
        goto oom;
    if (p->parsed && !c->tree &&
        match_input(c, PC_INPUT_PARSE_ERROR, 0, 1, "the parser gave up on this input (too complex)") < 0)
        goto oom;
    if (c->tree) {
        field_memos = p->memos;
        field_mask = p->memo_mask;
        if (walk_tree(c) < 0)
            goto oom;
        /* CPython's compiler gives up far earlier; the query engine is slow on such trees */
        if (c->max_depth > 4000) {
            if (match_input(c, PC_INPUT_PARSE_ERROR, 0, 1,
                            "expression nested too deeply for Python to compile") < 0)
                goto oom;
        } else if (run_queries(c) < 0) {
            goto oom;
        }
        if (run_deferred(c) < 0)
            goto oom;
    }
    if (c->text_work_spent &&
        match_input(c, PC_INPUT_PARSE_ERROR, 0, 1,
                    "too complex to analyze: its values are followed more often than the analyzer allows a "
                    "file (a name bound or passed thousands of times)") < 0)
        goto oom;
    if (input_events(c) < 0 || res->arena.failed)
        goto oom;
    if (drop_unmet_requires(c) < 0)
        goto oom;
    if (c->nfindings)
        qsort(c->findings, c->nfindings, sizeof *c->findings, cmp_finding);
    size_t k = 0;
    bool honour = w->eng->policy->suppressions;
    if (build_lines(c) < 0)
        goto oom;
    res->line_starts = c->line_starts;
    res->nline_starts = c->nlines;
    for (size_t i = 0; i < c->nfindings; i++) {
        pc_finding *f = &c->findings[i];
        if (k && c->findings[k - 1].rule == f->rule &&
            c->findings[k - 1].span.start_byte == f->span.start_byte &&
            c->findings[k - 1].span.end_byte == f->span.end_byte)
            continue;
        if (honour && f->rule->kind != PC_MATCH_INPUT && suppressed(c, f))
            continue;
        c->findings[k++] = *f;
        res->denied |= f->denies;
    }
    res->findings = c->findings;
    res->nfindings = k;
    res->lines = c->len ? c->nlines - (c->text[c->len - 1] == '\n' || c->text[c->len - 1] == '\r') : 0;
    if (p->parsed)
        ts_span_end(w);
    free(c->tape);
    field_memos = outer_memos;
    field_mask = outer_mask;
    pc_tsarena_begin(p->outer_ts);
    res->ms = now_ms() - p->t0;
    *out = *res;
    memset(res, 0, sizeof *res);
    return 0;
oom:
    if (p->parsed)
        ts_span_end(w);
    free(c->tape);
    field_memos = outer_memos;
    field_mask = outer_mask;
    pc_tsarena_begin(p->outer_ts);
    char path[256];
    snprintf(path, sizeof path, "%s", res->path ? res->path : "<input>");
    pc_result_release(res);
    return pc_fail(err, "%s: out of memory while analyzing", path);
}

int pc_analyze(pc_worker *w, const char *path, const unsigned char *data, size_t len, pc_result *out,
               pc_error *err)
{
    pc_prepared p;
    memset(out, 0, sizeof *out);
    if (prepare(w, path, data, len, &p) < 0)
        return pc_fail(err, "%s: out of memory while analyzing", path);
    return finish(w, &p, out, err);
}

pc_prepared *pc_analyze_prepare(pc_worker *w, const char *path, const unsigned char *data, size_t len)
{
    pc_prepared *p = malloc(sizeof *p);
    if (p && prepare(w, path, data, len, p) < 0) {
        free(p);
        p = NULL;
    }
    return p;
}

void pc_prepared_detach(pc_prepared *p)
{
    if (p && !p->detached) {
        pc_tsarena_begin(p->outer_ts);
        p->detached = true;
    }
}

int pc_analyze_prepared(pc_worker *w, pc_prepared *p, pc_result *out, pc_error *err)
{
    adopt(w, p);
    memset(out, 0, sizeof *out);
    int rc = finish(w, p, out, err);
    free(p);
    return rc;
}

void pc_prepared_free(pc_worker *w, pc_prepared *p)
{
    if (!p)
        return;
    unprepare(w, p);
    free(p);
}

void pc_worker_set_engine(pc_worker *w, const pc_engine *e)
{
    w->eng = e;
    if (w->nested)
        pc_worker_set_engine(w->nested, e);
}
