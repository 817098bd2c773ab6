/* The model behind the Markdown and HTML reports: files, findings with their
 * excerpts, counts by rule, unreadable files. */
#include "report_review.h"

#include <stdlib.h>
#include <string.h>

static const char empty[] = "";

static bool starter(char c)
{
    return ((unsigned char)c & 0xC0) != 0x80;
}

size_t pc_review_cps(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += starter(s[i]);
    return n;
}

/* A cleaned copy of s[0..len) in the arena, cut (with an ellipsis) at
 * PC_RV_TEXT_BYTES; NULL when memory ran out. */
static const char *clean_dup(pc_review *rv, const char *s, size_t len, bool tabs)
{
    if (len == 0)
        return empty;
    bool cut = len > PC_RV_TEXT_BYTES;
    if (cut) {
        len = PC_RV_TEXT_BYTES;
        for (int k = 0; k < 3 && len > 0 && !starter(s[len]); k++)
            len--;
    }
    pc_report_clean(s, len, rv->scratch, sizeof rv->scratch - 4, tabs);
    if (cut)
        strcat(rv->scratch, "\xE2\x80\xA6");
    return pc_arena_strdup(&rv->arena, rv->scratch);
}

void *pc_review_begin(FILE *out, const pc_report_opts *o)
{
    pc_review *rv = calloc(1, sizeof *rv);
    if (!rv)
        return NULL;
    pc_arena_init(&rv->arena);
    pc_strmap_init(&rv->rule_map, &rv->arena);
    rv->out = out;
    rv->files_tail = &rv->files;
    rv->errors_tail = &rv->errors;
    const char *policy = o->policy ? o->policy : "";
    rv->policy = clean_dup(rv, policy, strlen(policy), false);
    if (!rv->policy) {
        pc_review_free(rv);
        return NULL;
    }
    return rv;
}

void pc_review_free(void *p)
{
    pc_review *rv = p;
    if (!rv)
        return;
    pc_arena_release(&rv->arena);
    free(rv->clean);
    free(rv);
}

/* Split a rule message, "Why it is dangerous. What to do instead.", after
 * its first sentence: a '.', '!' or '?' followed by a space and a capital
 * (so "os.system" or "e.g. os" do not end it). */
static int split_message(pc_review *rv, const char *msg, pc_rv_rule *r)
{
    size_t len = strlen(msg), cut = len;
    for (size_t i = 0; i + 2 < len; i++)
        if ((msg[i] == '.' || msg[i] == '!' || msg[i] == '?') && msg[i + 1] == ' ' &&
            ((msg[i + 2] >= 'A' && msg[i + 2] <= 'Z') || msg[i + 2] == '`' || msg[i + 2] == '(')) {
            cut = i + 1;
            break;
        }
    r->why = pc_arena_strndup(&rv->arena, msg, cut);
    size_t rest = cut;
    while (rest < len && msg[rest] == ' ')
        rest++;
    r->fix = rest < len ? pc_arena_strdup(&rv->arena, msg + rest) : empty;
    return r->why && r->fix ? 0 : -1;
}

static pc_rv_rule *rule_for(pc_review *rv, const pc_finding *f)
{
    pc_rv_rule *r = pc_strmap_get(&rv->rule_map, f->rule->id);
    if (r)
        return r;
    const pc_rule *src = f->rule;
    r = pc_arena_alloc(&rv->arena, sizeof *r);
    if (!r)
        return NULL;
    const char *cwe = src->cwe ? src->cwe : "";
    const char *msg = src->message ? src->message : "";
    r->id = clean_dup(rv, src->id, strlen(src->id), false);
    r->cwe = clean_dup(rv, cwe, strlen(cwe), false);
    const char *clean_msg = clean_dup(rv, msg, strlen(msg), false);
    if (!r->id || !r->cwe || !clean_msg || split_message(rv, clean_msg, r) < 0)
        return NULL;
    r->severity = f->severity;
    r->confidence = src->confidence;
    if (pc_strmap_put(&rv->rule_map, r->id, r) < 0)
        return NULL;
    r->next = rv->rules;
    rv->rules = r;
    rv->nrules++;
    return r;
}

/* ---- excerpts ---- */

/* Line no of res, or false past the end; the empty line after a final
 * newline only counts when a span is on it (an error at the end of file). */
static bool line_at(const pc_result *res, uint32_t no, bool on_span, const char **s, uint32_t *len)
{
    *s = pc_result_line(res, no, len);
    return *s && (on_span || !(no > 1 && no == res->nline_starts && *len == 0));
}

/* The end of a window from a of at most PC_RV_LINE_CPS code points and
 * PC_RV_LINE_BYTES bytes, never inside a character. */
static size_t window_end(const char *s, size_t len, size_t a)
{
    size_t max = len - a > PC_RV_LINE_BYTES ? a + PC_RV_LINE_BYTES : len;
    size_t i = a, cps = 0;
    for (; i < max; i++)
        if (starter(s[i]) && cps++ == PC_RV_LINE_CPS)
            break;
    for (int k = 0; k < 3 && i > a && i < len && !starter(s[i]); k++)
        i--;
    return i;
}

/* Back from a by n code points (a bounded walk: at most 4n bytes). */
static size_t back_cps(const char *s, size_t a, size_t n)
{
    size_t lim = a > 4 * n ? a - 4 * n : 0, i = a, cps = 0;
    while (i > lim && cps < n)
        cps += starter(s[--i]);
    while (i < a && !starter(s[i]))
        i++;
    return i;
}

/* Byte offset of 1-based code-point column col, as the analyzer counts. */
static size_t offset_of_col(const char *s, size_t len, uint32_t col)
{
    if (col <= 1)
        return 0;
    uint32_t c = 0;
    for (size_t i = 0; i < len; i++)
        if (starter(s[i]) && ++c == col)
            return i;
    return len;
}

/* Where the span's start or end falls in the line s: from its byte offset,
 * which is exact and needs no scan of a long line; the column otherwise. */
static size_t span_offset(const pc_result *res, const char *s, uint32_t len, uint32_t byte, uint32_t col)
{
    size_t base = (size_t)(s - res->src.text);
    if (byte >= base && byte - base <= len)
        return byte - base;
    return offset_of_col(s, len, col);
}

static size_t first_nonblank(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
        i++;
    return i; /* a blank line: nothing to mark */
}

static size_t clamp(size_t v, size_t lo, size_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Fill l with the window [a, window_end) of s, the span [ma, mb) marked. */
static int make_line(pc_review *rv, pc_rv_line *l, const char *s, size_t len, size_t a, size_t ma, size_t mb)
{
    size_t b = window_end(s, len, a);
    ma = clamp(ma, a, b);
    mb = clamp(mb, ma, b);
    l->pre = clean_dup(rv, s + a, ma - a, true);
    l->mark = clean_dup(rv, s + ma, mb - ma, true);
    l->post = clean_dup(rv, s + mb, b - mb, true);
    l->cut_before = a > 0;
    l->cut_after = b < len;
    return l->pre && l->mark && l->post ? 0 : -1;
}

/* The span's part of line no: [*ma, *mb) and where the window starts. */
static void span_part(const pc_result *res, const pc_finding *f, uint32_t no, const char *s, uint32_t len,
                      size_t *a, size_t *ma, size_t *mb)
{
    const pc_span *sp = &f->span;
    *a = 0;
    *ma = no == sp->line ? span_offset(res, s, len, sp->start_byte, sp->col) : first_nonblank(s, len);
    *mb = no == sp->end_line ? span_offset(res, s, len, sp->end_byte, sp->end_col) : len;
    if (*mb < *ma)
        *mb = *ma;
    if (*mb == *ma && no == sp->line && *ma < len) /* an empty span: mark one character */
        for (++*mb; *mb < len && !starter(s[*mb]); ++*mb)
            ;
    /* a span far to the right of a long line: start the window shortly before it */
    if (no == sp->line && (*ma > PC_RV_LINE_BYTES * 3 / 4 || pc_review_cps(s, *ma) > PC_RV_LINE_CPS * 3 / 4))
        *a = back_cps(s, *ma, 40);
}

static int make_excerpt(pc_review *rv, const pc_result *res, const pc_finding *f, pc_rv_finding *out)
{
    const pc_span *sp = &f->span;
    const char *s;
    uint32_t len;
    if (res->src.len == 0 || !line_at(res, sp->line, true, &s, &len))
        return 0; /* no text (empty, or too large to load): nothing to show */
    uint32_t span_last = sp->end_line > sp->line ? sp->end_line : sp->line;
    if (span_last > sp->line && sp->end_col <= 1) /* ends at the start of a line: not on it */
        span_last--;
    uint32_t shown_last =
        span_last - sp->line >= PC_RV_SPAN_LINES ? sp->line + PC_RV_SPAN_LINES - 1 : span_last;
    out->span_cut = shown_last < span_last;
    out->span_end_line = span_last;
    uint32_t first = sp->line > PC_RV_CONTEXT ? sp->line - PC_RV_CONTEXT : 1;
    uint32_t last = out->span_cut ? shown_last : shown_last + PC_RV_CONTEXT;
    out->lines = pc_arena_array(&rv->arena, last - first + 1, sizeof *out->lines);
    if (!out->lines)
        return -1;
    for (uint32_t no = first; no <= last && line_at(res, no, no >= sp->line && no <= shown_last, &s, &len);
         no++) {
        pc_rv_line *l = &out->lines[out->nlines++];
        size_t a = 0, ma = 0, mb = 0;
        l->no = no;
        l->in_span = no >= sp->line && no <= shown_last;
        if (l->in_span)
            span_part(res, f, no, s, len, &a, &ma, &mb);
        if (make_line(rv, l, s, len, a, ma, mb) < 0)
            return -1;
    }
    return 0;
}

/* ---- files ---- */

static int add_clean(pc_review *rv, const char *path)
{
    rv->nclean_total++;
    if (rv->nclean == PC_RV_CLEAN_FILES)
        return 0;
    if (rv->nclean == rv->clean_cap) {
        size_t cap = rv->clean_cap ? rv->clean_cap * 2 : 16;
        const char **v = realloc(rv->clean, cap * sizeof *v);
        if (!v)
            return -1;
        rv->clean = v;
        rv->clean_cap = cap;
    }
    if (!(rv->clean[rv->nclean] = clean_dup(rv, path, strlen(path), false)))
        return -1;
    rv->nclean++;
    return 0;
}

static int add_finding(pc_review *rv, pc_rv_file *file, const pc_result *res, size_t i)
{
    const pc_finding *f = &res->findings[i];
    pc_rv_rule *r = rule_for(rv, f);
    if (!r)
        return -1;
    r->count++;
    file->ndeny += f->denies;
    if (i >= file->nlisted)
        return 0;
    if (!r->first_file) {
        r->first_file = file->index;
        r->first_finding = i + 1;
    }
    pc_rv_finding *x = &file->findings[i];
    x->rule = r;
    x->severity = f->severity;
    x->denies = f->denies;
    x->line = f->span.line;
    x->col = f->span.col;
    if (f->detail && !(x->detail = clean_dup(rv, f->detail, strlen(f->detail), false)))
        return -1;
    if (i >= PC_RV_EXCERPTS_FILE || rv->nexcerpts >= PC_RV_EXCERPTS_TOTAL)
        return 0;
    file->nexcerpts = i + 1;
    r->explained = true;
    /* several rules on the same code: show it once */
    const pc_rv_finding *prev = i ? &file->findings[i - 1] : NULL;
    if (prev && (prev->lines || prev->same_as) &&
        f->span.start_byte == res->findings[i - 1].span.start_byte &&
        f->span.end_byte == res->findings[i - 1].span.end_byte) {
        x->same_as = prev->same_as ? prev->same_as : i;
        return 0;
    }
    rv->nexcerpts++;
    return make_excerpt(rv, res, f, x);
}

int pc_review_add(void *p, const pc_result *res)
{
    pc_review *rv = p;
    if (res->nfindings == 0 && !res->denied)
        return add_clean(rv, res->path);
    pc_rv_file *file = pc_arena_alloc(&rv->arena, sizeof *file);
    if (!file)
        return -1;
    file->index = ++rv->nfiles;
    file->path = clean_dup(rv, res->path, strlen(res->path), false);
    file->denied = res->denied;
    file->lines = res->lines;
    file->nfindings = res->nfindings;
    file->nlisted = res->nfindings < PC_RV_LISTED_FILE ? res->nfindings : PC_RV_LISTED_FILE;
    file->findings = pc_arena_array(&rv->arena, file->nlisted + 1, sizeof *file->findings);
    if (!file->path || !file->findings)
        return -1;
    for (size_t i = 0; i < res->nfindings; i++)
        if (add_finding(rv, file, res, i) < 0)
            return -1;
    *rv->files_tail = file;
    rv->files_tail = &file->next;
    return rv->arena.failed ? -1 : 0;
}

int pc_review_error(void *p, const char *path, const char *message)
{
    pc_review *rv = p;
    pc_rv_error *e = pc_arena_alloc(&rv->arena, sizeof *e);
    if (!e)
        return -1;
    size_t plen = strlen(path);
    if (!strncmp(message, path, plen) && !strncmp(message + plen, ": ", 2))
        message += plen + 2; /* "path: reason": the path is shown already */
    e->path = clean_dup(rv, path, plen, false);
    e->message = clean_dup(rv, message, strlen(message), false);
    if (!e->path || !e->message)
        return -1;
    *rv->errors_tail = e;
    rv->errors_tail = &e->next;
    rv->nerrors++;
    return 0;
}

/* ---- helpers for the writers ---- */

static int cmp_rule(const void *a, const void *b)
{
    const pc_rv_rule *x = *(const pc_rv_rule *const *)a, *y = *(const pc_rv_rule *const *)b;
    if (x->severity != y->severity)
        return x->severity > y->severity ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->id, y->id);
}

pc_rv_rule **pc_review_sorted_rules(const pc_review *rv)
{
    pc_rv_rule **v = malloc((rv->nrules + 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t n = 0;
    for (pc_rv_rule *r = rv->rules; r; r = r->next)
        v[n++] = r;
    qsort(v, n, sizeof *v, cmp_rule);
    return v;
}

size_t pc_review_total_deny(const pc_review *rv)
{
    size_t n = 0;
    for (const pc_rv_file *f = rv->files; f; f = f->next)
        n += f->ndeny;
    return n;
}

const char *pc_review_verdict(const pc_report_stats *st)
{
    return st->denied ? "deny" : st->errors ? "error" : "allow";
}

bool pc_review_next_cwe(const char **s, const char **tok, size_t *len, unsigned long *num)
{
    const char *p = *s;
    while (*p == ' ' || *p == ',' || *p == ';')
        p++;
    if (!*p)
        return false;
    const char *e = p;
    while (*e && *e != ' ' && *e != ',' && *e != ';')
        e++;
    *tok = p;
    *len = (size_t)(e - p);
    *s = e;
    *num = 0;
    if (*len > 4 && *len <= 4 + 9 && !strncmp(p, "CWE-", 4)) {
        unsigned long n = 0;
        for (const char *d = p + 4; d < e; d++) {
            if (*d < '0' || *d > '9')
                return true;
            n = n * 10 + (unsigned long)(*d - '0');
        }
        *num = n;
    }
    return true;
}
