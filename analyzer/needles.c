#include "needles.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A set of strings. For a part of a pattern two sets are worked out:
 * `exact`, the strings it can match (when they are few and short), and
 * `req`, strings one of which every match of it contains. */
typedef struct sset {
    int n;
    unsigned char len[PC_NEEDLES_MAX];
    char s[PC_NEEDLES_MAX][PC_NEEDLE_LEN];
} sset;

typedef struct info {
    bool has_exact, has_req;
    sset exact, req;
} info;

typedef struct parser {
    const unsigned char *p, *end;
    bool caseless, fail;
    int depth;
} parser;

enum { DEPTH_MAX = 24, SMALL_CLASS = 4 };

static bool at(const parser *ps, char ch)
{
    return ps->p < ps->end && *ps->p == (unsigned char)ch;
}

static void set_one(sset *s, const char *str, size_t len)
{
    s->n = 1;
    s->len[0] = (unsigned char)len;
    memcpy(s->s[0], str, len);
}

static bool set_has(const sset *s, const char *str, size_t len)
{
    for (int i = 0; i < s->n; i++)
        if (s->len[i] == len && !memcmp(s->s[i], str, len))
            return true;
    return false;
}

static bool set_add(sset *s, const char *str, size_t len)
{
    if (set_has(s, str, len))
        return true;
    if (s->n == PC_NEEDLES_MAX || len > PC_NEEDLE_LEN)
        return false;
    s->len[s->n] = (unsigned char)len;
    memcpy(s->s[s->n], str, len);
    s->n++;
    return true;
}

/* a matches exactly one string of its set, b likewise: a then b */
static bool set_product(sset *out, const sset *a, const sset *b)
{
    sset r = {0};
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            char buf[2 * PC_NEEDLE_LEN];
            memcpy(buf, a->s[i], a->len[i]);
            memcpy(buf + a->len[i], b->s[j], b->len[j]);
            if (!set_add(&r, buf, (size_t)a->len[i] + b->len[j]))
                return false;
        }
    *out = r;
    return true;
}

static int shortest(const sset *s)
{
    int m = PC_NEEDLE_LEN + 1;
    for (int i = 0; i < s->n; i++)
        if (s->len[i] < m)
            m = s->len[i];
    return m;
}

/* The better of two `req` candidates: strings of four bytes or more are
 * rare enough, and then fewer of them keep an alternation's union small
 * ("/etc/" rather than each file under it); then longer. */
static bool better(const sset *a, const sset *b)
{
    int la = shortest(a) < 4 ? shortest(a) : 4, lb = shortest(b) < 4 ? shortest(b) : 4;
    if (la != lb)
        return la > lb;
    if (a->n != b->n)
        return a->n < b->n;
    return shortest(a) > shortest(b);
}

static void keep_better(info *best, const sset *cand)
{
    if (!cand->n || shortest(cand) == 0)
        return;
    if (!best->has_req || better(cand, &best->req)) {
        best->req = *cand;
        best->has_req = true;
    }
}

static void zero_width(info *out)
{
    memset(out, 0, sizeof *out);
    out->has_exact = true;
    out->exact.n = 1; /* the empty string */
}

static void unknown(info *out)
{
    memset(out, 0, sizeof *out);
}

static void literal(info *out, const char *s, size_t len)
{
    memset(out, 0, sizeof *out);
    out->has_exact = out->has_req = true;
    set_one(&out->exact, s, len);
    set_one(&out->req, s, len);
}

static int hexval(unsigned char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static bool is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* \x.. after the x: a code point, or -1 */
static long hex_escape(parser *ps)
{
    long cp = 0;
    if (at(ps, '{')) {
        ps->p++;
        int digits = 0;
        while (ps->p < ps->end && *ps->p != '}' && digits < 6) {
            int v = hexval(*ps->p++);
            if (v < 0)
                return -1;
            cp = cp * 16 + v;
            digits++;
        }
        if (!digits || !at(ps, '}'))
            return -1;
        ps->p++;
    } else {
        for (int i = 0; i < 2 && ps->p < ps->end && hexval(*ps->p) >= 0; i++)
            cp = cp * 16 + hexval(*ps->p++);
    }
    return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? -1 : cp;
}

/* After \p or \P: the property's name, one letter or {...} (false: unclosed). */
static bool skip_property(parser *ps)
{
    if (at(ps, '{'))
        while (ps->p < ps->end && *ps->p != '}')
            ps->p++;
    if (ps->p >= ps->end)
        return false;
    ps->p++;
    return true;
}

/* One escape after the backslash, outside a class. */
static void parse_escape(parser *ps, info *out)
{
    if (ps->p >= ps->end) {
        ps->fail = true;
        return;
    }
    unsigned char c = *ps->p++;
    char buf[4];
    switch (c) {
    case 'b':
    case 'B':
    case 'A':
    case 'z':
    case 'Z':
    case 'G':
    case 'K': zero_width(out); return;
    case 'd':
    case 'D':
    case 'w':
    case 'W':
    case 's':
    case 'S':
    case 'h':
    case 'H':
    case 'v':
    case 'V':
    case 'R':
    case 'N':
    case 'X':
    case 'C': unknown(out); return;
    case 'p':
    case 'P':
        if (!skip_property(ps))
            ps->fail = true;
        unknown(out);
        return;
    case 'n': literal(out, "\n", 1); return;
    case 't': literal(out, "\t", 1); return;
    case 'r': literal(out, "\r", 1); return;
    case 'f': literal(out, "\f", 1); return;
    case 'e': literal(out, "\x1b", 1); return;
    case 'a': literal(out, "\a", 1); return;
    case 'x': {
        long cp = hex_escape(ps);
        if (cp <= 0) { /* a NUL or a bad escape: not followed */
            ps->fail = true;
            return;
        }
        literal(out, buf, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)buf));
        return;
    }
    default:
        if (c >= '1' && c <= '9') { /* a backreference matches what its group did */
            while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
                ps->p++;
            unknown(out);
            return;
        }
        if (is_alnum(c) || c >= 0x80) { /* \Q, \c, \o, \g, \k, octal and the rest */
            ps->fail = true;
            return;
        }
        buf[0] = (char)c; /* an escaped punctuation character is itself */
        literal(out, buf, 1);
    }
}

/* A class; only a few plain ASCII characters give strings. */
static void parse_class(parser *ps, info *out)
{
    char chars[SMALL_CLASS];
    int n = 0;
    bool plain = true;
    if (at(ps, '^')) {
        plain = false;
        ps->p++;
    }
    bool first = true;
    while (ps->p < ps->end && (first || *ps->p != ']')) {
        first = false;
        unsigned char c = *ps->p++;
        if (c == '[' && at(ps, ':')) { /* [:alpha:] */
            const unsigned char *q = ps->p;
            while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
                q++;
            if (q + 1 >= ps->end) {
                ps->fail = true;
                return;
            }
            ps->p = q + 2;
            plain = false;
            continue;
        }
        if (c == '\\') {
            if (ps->p >= ps->end) {
                ps->fail = true;
                return;
            }
            c = *ps->p++;
            if (c == 'p' || c == 'P') {
                if (!skip_property(ps)) {
                    ps->fail = true;
                    return;
                }
                plain = false;
                continue;
            }
            if (c == 'x') {
                long cp = hex_escape(ps);
                if (cp < 0) {
                    ps->fail = true;
                    return;
                }
                plain = false;
                continue;
            }
            if (is_alnum(c)) { /* \d \w \s \n ... */
                if (c == 'Q' || c == 'E' || c == 'c' || c == 'o' || (c >= '0' && c <= '9')) {
                    ps->fail = true;
                    return;
                }
                plain = false;
                continue;
            }
        }
        if (at(ps, '-') && ps->p + 1 < ps->end && ps->p[1] != ']') { /* a range */
            ps->p++;
            unsigned char hi = *ps->p++;
            if (hi == '\\' || hi == '[') { /* escaped or odd ends: not followed */
                ps->fail = true;
                return;
            }
            plain = false;
            continue;
        }
        if (c >= 0x80 || n == SMALL_CLASS)
            plain = false;
        else if (!memchr(chars, c, (size_t)n))
            chars[n++] = (char)c;
    }
    if (!at(ps, ']')) {
        ps->fail = true;
        return;
    }
    ps->p++;
    unknown(out);
    if (!plain || !n)
        return;
    out->has_exact = out->has_req = true;
    for (int i = 0; i < n; i++) {
        set_add(&out->exact, &chars[i], 1);
        set_add(&out->req, &chars[i], 1);
    }
}

static void parse_alt(parser *ps, info *out);

/* After "(?": flags, a kind of group, or what this reading does not follow. */
static void parse_group_head(parser *ps, info *out, bool *zero, bool *done)
{
    *zero = *done = false;
    unsigned char c = ps->p < ps->end ? *ps->p : 0;
    if (c == ':' || c == '>' || c == '|') {
        ps->p++;
        return;
    }
    if (c == '=' || c == '!') {
        ps->p++;
        *zero = true;
        return;
    }
    if (c == '<' && ps->p + 1 < ps->end && (ps->p[1] == '=' || ps->p[1] == '!')) {
        ps->p += 2;
        *zero = true;
        return;
    }
    if (c == '#') { /* a comment */
        while (ps->p < ps->end && *ps->p != ')')
            ps->p++;
        if (!at(ps, ')')) {
            ps->fail = true;
            return;
        }
        ps->p++;
        zero_width(out);
        *done = true;
        return;
    }
    if (c == '<' || c == '\'' || (c == 'P' && ps->p + 1 < ps->end && ps->p[1] == '<')) { /* a named group */
        unsigned char close = c == '\'' ? '\'' : '>';
        ps->p += c == 'P' ? 2 : 1;
        while (ps->p < ps->end && *ps->p != close)
            ps->p++;
        if (!at(ps, (char)close)) {
            ps->fail = true;
            return;
        }
        ps->p++;
        return;
    }
    /* inline options: i (case) is followed, s m n J U change nothing here */
    const unsigned char *q = ps->p;
    bool caseless = false;
    while (q < ps->end && (*q == 'i' || *q == 's' || *q == 'm' || *q == 'n' || *q == 'J' || *q == 'U')) {
        caseless |= *q == 'i';
        q++;
    }
    if (q == ps->p || q >= ps->end || (*q != ')' && *q != ':')) { /* -, x, ^, verbs, recursion, conditions */
        ps->fail = true;
        return;
    }
    ps->caseless |= caseless; /* for the whole pattern: a superset, so still sound */
    ps->p = q + 1;
    if (*q == ')') {
        zero_width(out);
        *done = true;
    }
}

static void parse_group(parser *ps, info *out)
{
    bool zero = false, done = false;
    if (at(ps, '*')) { /* (*VERB) */
        ps->fail = true;
        return;
    }
    if (at(ps, '?')) {
        ps->p++;
        parse_group_head(ps, out, &zero, &done);
        if (ps->fail || done)
            return;
    }
    if (++ps->depth > DEPTH_MAX) {
        ps->fail = true;
        return;
    }
    parse_alt(ps, out);
    ps->depth--;
    if (ps->fail || !at(ps, ')')) {
        ps->fail = true;
        return;
    }
    ps->p++;
    if (zero) /* a lookaround matches no characters */
        zero_width(out);
}

/* A quantifier after an atom, if any (false: one this reading does not
 * follow). No quantifier: once, min = max = 1; max -1: no upper bound. */
static bool parse_quantifier(parser *ps, long *min, long *max)
{
    *min = *max = 1;
    if (at(ps, '*') || at(ps, '?')) {
        *min = 0;
        *max = at(ps, '*') ? -1 : 1;
        ps->p++;
    } else if (at(ps, '+')) {
        *max = -1;
        ps->p++;
    } else if (at(ps, '{')) {
        const unsigned char *q = ps->p + 1;
        long lo = 0, hi = 0;
        int digits = 0, hdigits = 0;
        while (q < ps->end && *q >= '0' && *q <= '9' && digits < 6) {
            lo = lo * 10 + (*q++ - '0');
            digits++;
        }
        hi = lo;
        if (q < ps->end && *q == ',') {
            q++;
            hi = 0;
            while (q < ps->end && *q >= '0' && *q <= '9' && hdigits < 6) {
                hi = hi * 10 + (*q++ - '0');
                hdigits++;
            }
            if (!hdigits)
                hi = -1;
        }
        if (!digits || q >= ps->end || *q != '}') /* a literal brace, or {,n}: not followed */
            return false;
        ps->p = q + 1;
        *min = lo;
        *max = hi;
    } else {
        return true;
    }
    if (at(ps, '?') || at(ps, '+')) /* lazy or possessive */
        ps->p++;
    return true;
}

/* One atom and its quantifier. */
static void parse_atom(parser *ps, info *out)
{
    unknown(out);
    unsigned char c = *ps->p++;
    const unsigned char *start = ps->p - 1;
    switch (c) {
    case '(': parse_group(ps, out); break;
    case '[': parse_class(ps, out); break;
    case '\\': parse_escape(ps, out); break;
    case '.': unknown(out); break;
    case '^':
    case '$': zero_width(out); break;
    case '*':
    case '+':
    case '?':
    case '{': ps->fail = true; return;
    default: {
        size_t len = 1;
        if (c >= 0xC0) /* a whole UTF-8 character */
            while (ps->p < ps->end && (*ps->p & 0xC0) == 0x80 && len < 4) {
                ps->p++;
                len++;
            }
        literal(out, (const char *)start, len);
    }
    }
    if (ps->fail)
        return;
    long min, max;
    if (!parse_quantifier(ps, &min, &max))
        ps->fail = true;
    else if (min == 0)
        unknown(out); /* may be absent */
    else if (!(min == 1 && max == 1))
        out->has_exact = false; /* repeated: each match still holds what one repetition does */
}

/* A sequence, up to | or ) or the end. Runs of atoms that match few exact
 * strings are joined into longer strings: from the start (while the whole
 * sequence is such a run, that is its exact set), and from the first few
 * atoms of each stretch, so that [~/"]\.(bashrc|profile) also offers .bashrc and
 * .profile, not only their six spellings with the first character. */
static void parse_seq(parser *ps, info *out)
{
    enum { RUNS = 4 };
    info best = {0};
    *out = best;
    sset runs[RUNS];
    int nruns = 1;
    runs[0] = (sset){.n = 1}; /* from the start: the empty string so far */
    bool whole = true;        /* runs[0] is the run from the start */
    while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')' && !ps->fail) {
        info a;
        parse_atom(ps, &a);
        if (ps->fail)
            return;
        if (a.has_req)
            keep_better(&best, &a.req);
        int k = 0;
        for (int i = 0; i < nruns; i++) {
            sset next;
            keep_better(&best, &runs[i]);
            if (a.has_exact && set_product(&next, &runs[i], &a.exact))
                runs[k++] = next;
            else if (i == 0 && whole)
                whole = false;
        }
        nruns = k;
        bool empty_only = a.has_exact && a.exact.n == 1 && a.exact.len[0] == 0;
        if (a.has_exact && !empty_only && nruns < RUNS) /* a run from this atom (older runs are longer) */
            runs[nruns++] = a.exact;
    }
    for (int i = 0; i < nruns; i++)
        keep_better(&best, &runs[i]);
    *out = best;
    if (whole && nruns > 0) {
        out->has_exact = true;
        out->exact = runs[0];
    }
}

/* Branches, up to ) or the end. */
static void parse_alt(parser *ps, info *out)
{
    unknown(out);
    info all;
    parse_seq(ps, &all);
    if (ps->fail)
        return;
    while (!ps->fail && at(ps, '|')) {
        ps->p++;
        info b;
        parse_seq(ps, &b);
        if (ps->fail)
            return;
        if (all.has_exact && b.has_exact)
            for (int i = 0; i < b.exact.n && all.has_exact; i++)
                all.has_exact = set_add(&all.exact, b.exact.s[i], b.exact.len[i]);
        else
            all.has_exact = false;
        if (all.has_req && b.has_req)
            for (int i = 0; i < b.req.n && all.has_req; i++)
                all.has_req = set_add(&all.req, b.req.s[i], b.req.len[i]);
        else
            all.has_req = false;
    }
    if (all.has_req && shortest(&all.req) == 0)
        all.has_req = false;
    /* an alternation's exact strings are also what it needs */
    if (all.has_exact && shortest(&all.exact) > 0 && (!all.has_req || better(&all.exact, &all.req))) {
        all.req = all.exact;
        all.has_req = true;
    }
    *out = all;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static unsigned char upper(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
}

static void mark(unsigned char bits[32], unsigned char b)
{
    bits[b >> 3] |= (unsigned char)(1u << (b & 7));
}

static bool marked(const unsigned char bits[32], unsigned char b)
{
    return bits[b >> 3] & (1u << (b & 7));
}

bool pc_needles_of(const char *pattern, pc_needles *out)
{
    parser ps = {.p = (const unsigned char *)pattern,
                 .end = (const unsigned char *)pattern + strlen(pattern)};
    info top;
    parse_alt(&ps, &top);
    if (ps.fail || ps.p != ps.end || !top.has_req || !top.req.n || shortest(&top.req) == 0)
        return false;
    memset(out, 0, sizeof *out);
    out->n = (unsigned)top.req.n;
    out->caseless = ps.caseless;
    for (int i = 0; i < top.req.n; i++) {
        out->v[i].len = top.req.len[i];
        for (int k = 0; k < top.req.len[i]; k++)
            out->v[i].s[k] = ps.caseless ? (char)lower((unsigned char)top.req.s[i][k]) : top.req.s[i][k];
        unsigned char b = (unsigned char)out->v[i].s[0];
        mark(out->first, b);
        if (ps.caseless)
            mark(out->first, upper(b));
    }
    return true;
}

size_t pc_needles_size(unsigned n)
{
    return offsetof(pc_needles, v) + n * sizeof(pc_needle);
}

/* Does needle v start at s? */
static bool needle_at(const unsigned char *s, const pc_needle *v, bool caseless)
{
    if (!caseless)
        return !memcmp(s, v->s, v->len);
    for (size_t i = 0; i < v->len; i++)
        if (lower(s[i]) != (unsigned char)v->s[i])
            return false;
    return true;
}

bool pc_needles_absent(const pc_needles *nd, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (nd->caseless) /* beyond ASCII, caseless matching folds more than ASCII case (K and the Kelvin sign) */
        for (size_t i = 0; i < len; i++)
            if (u[i] >= 0x80)
                return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = u[i];
        if (!marked(nd->first, b))
            continue;
        unsigned char lb = nd->caseless ? lower(b) : b;
        for (unsigned k = 0; k < nd->n; k++) {
            const pc_needle *v = &nd->v[k];
            if ((unsigned char)v->s[0] == lb && v->len <= len - i && needle_at(u + i, v, nd->caseless))
                return false;
        }
    }
    return true;
}

/* ---- an index of many sets ---- */

typedef struct entry {
    const pc_needle *v;
    uint32_t set;
    bool caseless;
} entry;

struct pc_needle_index {
    size_t n, words;
    uint64_t *always;   /* sets with no needles */
    uint64_t *caseless; /* caseless sets: any byte beyond ASCII makes them may-match */
    unsigned char first[32];
    uint32_t start[257]; /* the entries whose needle starts with byte b: start[b] to start[b + 1] */
    entry *e;
};

void pc_needle_index_free(pc_needle_index *ix)
{
    if (!ix)
        return;
    free(ix->always);
    free(ix->caseless);
    free(ix->e);
    free(ix);
}

/* The first bytes needle k of set s is filed under: one, or both cases of
 * it for a caseless set. */
static int keys_of(const pc_needles *s, unsigned k, unsigned char key[2])
{
    key[0] = (unsigned char)s->v[k].s[0];
    key[1] = upper(key[0]);
    return s->caseless && key[1] != key[0] ? 2 : 1;
}

pc_needle_index *pc_needle_index_new(const pc_needles *const *sets, size_t n)
{
    pc_needle_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->n = n;
    ix->words = (n + 63) / 64;
    ix->always = calloc(ix->words ? ix->words : 1, sizeof *ix->always);
    ix->caseless = calloc(ix->words ? ix->words : 1, sizeof *ix->caseless);
    size_t count[257] = {0}, total = 0;
    unsigned char key[2];
    for (size_t i = 0; i < n; i++)
        for (unsigned k = 0; sets[i] && k < sets[i]->n; k++)
            for (int j = keys_of(sets[i], k, key); j-- > 0; total++)
                count[key[j]]++;
    ix->e = malloc((total ? total : 1) * sizeof *ix->e);
    if (!ix->always || !ix->caseless || !ix->e || total > UINT32_MAX) {
        pc_needle_index_free(ix);
        return NULL;
    }
    for (int b = 0; b < 256; b++)
        ix->start[b + 1] = ix->start[b] + (uint32_t)count[b];
    uint32_t fill[256];
    memcpy(fill, ix->start, sizeof fill);
    for (size_t i = 0; i < n; i++) {
        if (!sets[i]) {
            ix->always[i / 64] |= 1ull << (i % 64);
            continue;
        }
        if (sets[i]->caseless)
            ix->caseless[i / 64] |= 1ull << (i % 64);
        for (unsigned k = 0; k < sets[i]->n; k++)
            for (int j = keys_of(sets[i], k, key); j-- > 0;) {
                ix->e[fill[key[j]]++] = (entry){&sets[i]->v[k], (uint32_t)i, sets[i]->caseless};
                mark(ix->first, key[j]);
            }
    }
    return ix;
}

size_t pc_needle_index_words(const pc_needle_index *ix)
{
    return ix->words;
}

void pc_needle_index_scan(const pc_needle_index *ix, const char *s, size_t len, uint64_t *may)
{
    const unsigned char *u = (const unsigned char *)s;
    memcpy(may, ix->always, ix->words * sizeof *may);
    bool beyond_ascii = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = u[i];
        beyond_ascii |= b >= 0x80;
        if (!marked(ix->first, b))
            continue;
        for (uint32_t k = ix->start[b]; k < ix->start[b + 1]; k++) {
            const entry *e = &ix->e[k];
            uint64_t bit = 1ull << (e->set % 64);
            if (!(may[e->set / 64] & bit) && e->v->len <= len - i && needle_at(u + i, e->v, e->caseless))
                may[e->set / 64] |= bit;
        }
    }
    if (beyond_ascii) /* see pc_needles_absent */
        for (size_t w = 0; w < ix->words; w++)
            may[w] |= ix->caseless[w];
}
