/* A cache of loaded rule sets: parsing ~100 KB of YAML is most of what a
 * one-snippet check costs, so root keeps each loaded set in binary form,
 * keyed by the files' identities (device, inode, size, mtime and ctime:
 * any write changes ctime) and this build. Rule sets with `query` rules are
 * not cached (tree-sitter queries cannot be serialized). */
#include "cache.h"
#include "rules_cache.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAGIC "PCRULESC"
#define MAX_ENTRY (64u << 20)
#define NIL UINT32_MAX

/* ---- writing ---- */

typedef struct wbuf {
    unsigned char *p;
    size_t len, cap;
    bool failed;
    pcre2_code **codes; /* every compiled regex, in the order written */
    size_t ncodes, codes_cap;
    pcre2_match_data *md; /* for working out text conditions' first bytes */
} wbuf;

static void put(wbuf *w, const void *data, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 65536;
        while (cap < w->len + n)
            cap *= 2;
        unsigned char *p = realloc(w->p, cap);
        if (!p) {
            w->failed = true;
            return;
        }
        w->p = p;
        w->cap = cap;
    }
    memcpy(w->p + w->len, data, n);
    w->len += n;
}

static void put_u32(wbuf *w, uint32_t v)
{
    put(w, &v, sizeof v);
}

static void put_str(wbuf *w, const char *s, size_t n)
{
    if (!s) {
        put_u32(w, NIL);
        return;
    }
    put_u32(w, (uint32_t)n);
    put(w, s, n);
    put(w, "", 1); /* terminated, so that a reader can use it in place */
}

static void put_cstr(wbuf *w, const char *s)
{
    put_str(w, s, s ? strlen(s) : 0);
}

static void put_strs(wbuf *w, const char **v, size_t n)
{
    put_u32(w, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        put_cstr(w, v[i]);
}

static void put_code(wbuf *w, pcre2_code *c)
{
    if (!c) {
        put_u32(w, NIL);
        return;
    }
    if (w->ncodes == w->codes_cap) {
        size_t cap = w->codes_cap ? w->codes_cap * 2 : 64;
        pcre2_code **v = realloc(w->codes, cap * sizeof *v);
        if (!v) {
            w->failed = true;
            return;
        }
        w->codes = v;
        w->codes_cap = cap;
    }
    put_u32(w, (uint32_t)w->ncodes);
    w->codes[w->ncodes++] = c;
}

static void put_needles(wbuf *w, const pc_needles *nd)
{
    put_u32(w, nd ? nd->n : 0);
    if (nd)
        put(w, nd, pc_needles_size(nd->n));
}

static void put_argcond(wbuf *w, const pc_argcond *a)
{
    put_u32(w, (uint32_t)a->position);
    put_cstr(w, a->keyword);
    put_u32(w, (uint32_t)a->is);
    put_u32(w, a->has_equals);
    put_u32(w, (uint32_t)a->equals.type);
    put_u32(w, a->equals.b);
    put(w, &a->equals.i, sizeof a->equals.i);
    put(w, &a->equals.f, sizeof a->equals.f);
    put_str(w, a->equals.s, a->equals.slen);
    put_code(w, a->regex);
    put_code(w, a->text);
    put_code(w, a->unless_text);
    put_code(w, a->all_text);
    put_u32(w, a->all_negate);
    put_u32(w, a->follow);
    put_u32(w, (uint32_t)a->nwriters);
    for (size_t i = 0; i < a->nwriters; i++) {
        put_cstr(w, a->writers[i].callee);
        put_u32(w, (uint32_t)a->writers[i].position);
        put_cstr(w, a->writers[i].keyword);
    }
    put_u32(w, a->unless_written);
    /* worked out now, once, for every later run that loads this entry */
    pc_argcond x = *a;
    pc_argcond_first_bytes(&x, w->md);
    put_u32(w, x.text_first_known);
    put(w, x.text_first, sizeof x.text_first);
    put_needles(w, a->text_needles);
}

static void put_rule(wbuf *w, const pc_rule *r)
{
    put_cstr(w, r->id);
    put_cstr(w, r->message);
    put_cstr(w, r->cwe);
    put_strs(w, r->tags, r->ntags);
    put_strs(w, r->bandit, r->nbandit);
    put_strs(w, r->requires, r->nrequires);
    uint32_t small[] = {r->severity,
                        r->confidence,
                        r->kind,
                        r->except,
                        r->bytes | r->unless_parsed << 1 | r->docstrings << 2 | r->unless_key_use << 3 |
                            r->in_home_walk << 4 | r->unless_data << 5,
                        (uint32_t)r->capture,
                        r->dynamic_kinds,
                        r->target_module | r->target_other << 1,
                        r->input_kinds,
                        r->syntax_kinds,
                        r->line,
                        r->value != NULL,
                        r->references_only | r->references_also << 1 | (uint32_t)r->result << 2 |
                            (uint32_t)r->callee_form << 5};
    put(w, small, sizeof small);
    put_strs(w, r->patterns, r->npatterns);
    put_strs(w, r->excepts, r->nexcepts);
    put_u32(w, (uint32_t)r->nargs);
    for (size_t i = 0; i < r->nargs; i++)
        put_argcond(w, &r->args[i]);
    put_code(w, r->regex);
    put_u32(w, (uint32_t)r->nmore);
    for (size_t i = 0; i < r->nmore; i++)
        put_code(w, r->more[i]);
    put_u32(w, r->needles != NULL);
    for (size_t i = 0; r->needles && i <= r->nmore; i++)
        put_needles(w, r->needles[i]);
    put_code(w, r->target);
    if (r->value)
        put_argcond(w, r->value);
    put_cstr(w, r->file);
}

/* ---- reading: every length checked against what is left ---- */

typedef struct rbuf {
    const unsigned char *p;
    size_t len, pos;
    bool failed;
    pc_arena *a;
    pcre2_code **codes;
    uint32_t ncodes;
    bool *used; /* each code belongs to one place only */
} rbuf;

static bool get(rbuf *r, void *out, size_t n)
{
    if (r->failed || r->len - r->pos < n) {
        r->failed = true;
        memset(out, 0, n);
        return false;
    }
    memcpy(out, r->p + r->pos, n);
    r->pos += n;
    return true;
}

static uint32_t get_u32(rbuf *r)
{
    uint32_t v = 0;
    get(r, &v, sizeof v);
    return v;
}

static const char *get_str(rbuf *r, size_t *len)
{
    uint32_t n = get_u32(r);
    if (len)
        *len = 0;
    if (r->failed || n == NIL)
        return NULL;
    if (r->len - r->pos <= n || r->p[r->pos + n] != '\0') {
        r->failed = true;
        return NULL;
    }
    const char *s = (const char *)r->p + r->pos; /* in the mapped entry, which the rule set keeps */
    r->pos += (size_t)n + 1;
    if (len)
        *len = n;
    return s;
}

static const char **get_strs(rbuf *r, size_t *count)
{
    uint32_t n = get_u32(r);
    *count = 0;
    if (r->failed || n > (r->len - r->pos) / 4)
        return r->failed = true, NULL;
    const char **v = pc_arena_array(r->a, n ? n : 1, sizeof *v);
    if (!v)
        return r->failed = true, NULL;
    for (uint32_t i = 0; i < n; i++)
        if (!(v[i] = get_str(r, NULL)))
            r->failed = true;
    *count = n;
    return v;
}

static pcre2_code *get_code(rbuf *r)
{
    uint32_t i = get_u32(r);
    if (r->failed || i == NIL)
        return NULL;
    if (i >= r->ncodes || r->used[i]) {
        r->failed = true;
        return NULL;
    }
    r->used[i] = true;
    return r->codes[i];
}

static const pc_needles *get_needles(rbuf *r)
{
    uint32_t n = get_u32(r);
    if (!n || r->failed)
        return NULL;
    pc_needles *nd = n <= PC_NEEDLES_MAX ? pc_arena_raw(r->a, pc_needles_size(n)) : NULL;
    if (!nd || !get(r, nd, pc_needles_size(n)) || nd->n != n) {
        r->failed = true;
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!nd->v[i].len || nd->v[i].len > PC_NEEDLE_LEN)
            r->failed = true;
    return nd;
}

static void get_argcond(rbuf *r, pc_argcond *a)
{
    a->position = (int)get_u32(r);
    a->keyword = get_str(r, NULL);
    a->is = (pc_arg_is)get_u32(r);
    a->has_equals = get_u32(r) != 0;
    a->equals.type = (pc_value_type)get_u32(r);
    a->equals.b = get_u32(r) != 0;
    get(r, &a->equals.i, sizeof a->equals.i);
    get(r, &a->equals.f, sizeof a->equals.f);
    a->equals.s = get_str(r, &a->equals.slen);
    a->regex = get_code(r);
    a->text = get_code(r);
    a->unless_text = get_code(r);
    a->all_text = get_code(r);
    a->all_negate = get_u32(r) != 0;
    a->follow = (unsigned char)(get_u32(r) & 3);
    uint32_t nw = get_u32(r);
    pc_file_writer *wv = nw && nw <= 64 ? pc_arena_array(r->a, nw, sizeof *wv) : NULL;
    if (nw && !wv)
        r->failed = true;
    for (uint32_t i = 0; wv && i < nw && !r->failed; i++) {
        wv[i].callee = get_str(r, NULL);
        wv[i].position = (int)get_u32(r);
        wv[i].keyword = get_str(r, NULL);
        if (!wv[i].callee ||
            (wv[i].position < -1 && wv[i].position != PC_ARG_RECEIVER && wv[i].position != PC_ARG_RESULT) ||
            wv[i].position > 255)
            r->failed = true;
    }
    a->writers = wv;
    a->nwriters = r->failed ? 0 : nw;
    a->unless_written = get_u32(r) != 0;
    a->text_first_known = get_u32(r) != 0 && a->text;
    get(r, a->text_first, sizeof a->text_first);
    a->text_needles = get_needles(r);
    if (a->text_needles && !a->text)
        r->failed = true;
    if (a->is > PC_ARG_TRUTHY || a->equals.type > PC_VAL_STR)
        r->failed = true;
}

static pc_rule *get_rule(rbuf *r)
{
    pc_rule *x = pc_arena_alloc(r->a, sizeof *x);
    if (!x)
        return r->failed = true, NULL;
    x->id = get_str(r, NULL);
    x->message = get_str(r, NULL);
    x->cwe = get_str(r, NULL);
    x->tags = get_strs(r, &x->ntags);
    x->bandit = get_strs(r, &x->nbandit);
    x->requires = get_strs(r, &x->nrequires);
    uint32_t s[13];
    get(r, s, sizeof s);
    if (s[0] > PC_SEV_CRITICAL || s[1] > PC_CONF_HIGH || s[2] > PC_MATCH_DEFINE || s[2] == PC_MATCH_QUERY)
        return r->failed = true, NULL;
    x->severity = (pc_severity)s[0];
    x->confidence = (pc_confidence)s[1];
    x->kind = (pc_match_kind)s[2];
    x->except = s[3];
    x->bytes = s[4] & 1;
    x->unless_parsed = s[4] >> 1 & 1;
    x->docstrings = s[4] >> 2 & 1;
    x->unless_key_use = s[4] >> 3 & 1;
    x->in_home_walk = s[4] >> 4 & 1;
    x->unless_data = s[4] >> 5 & 1;
    x->capture = (int)s[5];
    x->dynamic_kinds = s[6];
    x->target_module = s[7] & 1;
    x->target_other = s[7] >> 1 & 1;
    x->input_kinds = s[8];
    x->syntax_kinds = s[9];
    x->line = s[10];
    x->references_only = s[12] & 1;
    x->references_also = s[12] >> 1 & 1;
    x->result = (unsigned char)(s[12] >> 2 & 7);
    x->callee_form = (unsigned char)(s[12] >> 5 & 3);
    if (x->result > PC_RESULT_NOT_STORED_INTO || x->callee_form > PC_CALLEE_HIDDEN)
        return r->failed = true, NULL;
    x->patterns = get_strs(r, &x->npatterns);
    x->excepts = get_strs(r, &x->nexcepts);
    uint32_t nargs = get_u32(r);
    if (r->failed || nargs > 1024)
        return r->failed = true, NULL;
    x->nargs = nargs;
    x->args = nargs ? pc_arena_array(r->a, nargs, sizeof *x->args) : NULL;
    if (nargs && !x->args)
        return r->failed = true, NULL;
    for (uint32_t i = 0; i < nargs; i++)
        get_argcond(r, &x->args[i]);
    x->regex = get_code(r);
    uint32_t nmore = get_u32(r);
    if (r->failed || nmore > r->ncodes)
        return r->failed = true, NULL;
    x->more = nmore ? pc_arena_array(r->a, nmore, sizeof *x->more) : NULL;
    if (nmore && !x->more)
        return r->failed = true, NULL;
    for (uint32_t i = 0; i < nmore; i++)
        if (!(x->more[i] = get_code(r)))
            r->failed = true;
    x->nmore = nmore;
    if (get_u32(r)) {
        const pc_needles **nd = pc_arena_array(r->a, (size_t)nmore + 1, sizeof *nd);
        if (!nd)
            return r->failed = true, NULL;
        for (uint32_t i = 0; i <= nmore; i++)
            nd[i] = get_needles(r);
        x->needles = nd;
    }
    x->target = get_code(r);
    if (s[11]) {
        if (!(x->value = pc_arena_alloc(r->a, sizeof *x->value)))
            return r->failed = true, NULL;
        get_argcond(r, x->value);
    }
    x->file = get_str(r, NULL);
    if (!x->id || !x->message || !x->file)
        r->failed = true;
    return r->failed ? NULL : x;
}

/* ---- the key and the entry ---- */

int pc_rules_cache_path(const char *const *paths, size_t n, char *out, size_t cap, bool *may_store)
{
    *may_store = true;
    char dir[512];
    if (pc_cache_dir(dir, sizeof dir) < 0)
        return -1;
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    /* the layout of pc_rule, what the loader makes of YAML and this file's
     * format all belong to this build: the executable's identity keys it */
    unsigned long long exe[7];
    if (pc_cache_build_id(exe) < 0)
        return -1;
    sha256_update(&ctx, sizeof MAGIC, (const uint8_t *)MAGIC);
    sha256_update(&ctx, sizeof exe, (const uint8_t *)exe);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre); /* serialized regexes need the same PCRE2 */
    sha256_update(&ctx, sizeof pcre, (const uint8_t *)pcre);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) < 0 || !S_ISREG(st.st_mode))
            return -1;
        /* changed within the last two seconds: a rewrite in the same clock
         * tick could keep this identity with other content ("racy git") */
        if (now.tv_sec - st.st_ctim.tv_sec < 2 || now.tv_sec - st.st_mtim.tv_sec < 2)
            *may_store = false;
        uint64_t id[] = {(uint64_t)st.st_dev,          (uint64_t)st.st_ino,
                         (uint64_t)st.st_size,         (uint64_t)st.st_mtim.tv_sec,
                         (uint64_t)st.st_mtim.tv_nsec, (uint64_t)st.st_ctim.tv_sec,
                         (uint64_t)st.st_ctim.tv_nsec};
        sha256_update(&ctx, strlen(paths[i]) + 1, (const uint8_t *)paths[i]);
        sha256_update(&ctx, sizeof id, (const uint8_t *)id);
    }
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof d, d);
    int w = snprintf(out, cap, "%s/rules-", dir);
    if (w < 0 || (size_t)w + 2 * 16 + 1 > cap)
        return -1;
    for (int i = 0; i < 16; i++)
        snprintf(out + w + 2 * i, 3, "%02x", d[i]);
    return 0;
}

#define SUM_SIZE 32

/* The payload's checksum, against damage, not forgery: the entry's name is
 * already a SHA-256 of everything it depends on, and only root writes the
 * directory. Four lanes of h = (h ^ word) * odd, each step a bijection of
 * h for a given word, so any change confined to one 8-byte word always
 * shows. Over a 210 KB entry it takes 0.02 ms where SHA-256 took 0.13 ms,
 * the largest single cost of a one-snippet check. */
static void checksum(const unsigned char *p, size_t n, uint8_t out[SUM_SIZE])
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h[4] = {k, k ^ 1, k ^ 2, k ^ 3}, w[4];
    size_t i = 0;
    for (; i + sizeof w <= n; i += sizeof w) {
        memcpy(w, p + i, sizeof w);
        for (int j = 0; j < 4; j++)
            h[j] = (h[j] ^ w[j]) * k;
    }
    memset(w, 0, sizeof w);
    memcpy(w, p + i, n - i);
    for (int j = 0; j < 4; j++)
        h[j] = (h[j] ^ w[j] ^ n) * k;
    memcpy(out, h, SUM_SIZE);
}

void pc_rules_cache_store(const pc_ruleset *rs, const char *path)
{
    /* the rules first, into their own buffer: writing them collects the regexes */
    wbuf body = {.md = pcre2_match_data_create(16, NULL)}, w = {0};
    if (!body.md)
        return; /* not stored: the next run loads the YAML again */
    put_u32(&body, (uint32_t)rs->count);
    for (size_t i = 0; i < rs->count && !body.failed; i++) {
        if (rs->rules[i]->kind == PC_MATCH_QUERY)
            body.failed = true;
        else
            put_rule(&body, rs->rules[i]);
    }
    put(&w, MAGIC, 8);
    uint8_t zero[SUM_SIZE] = {0};
    put(&w, zero, sizeof zero); /* the payload's checksum, filled in below */
    size_t start = w.len;
    put_strs(&w, rs->files, rs->nfiles);
    put_u32(&w, (uint32_t)body.ncodes);
    if (!body.failed && body.ncodes) {
        uint8_t *codes = NULL;
        PCRE2_SIZE codes_len = 0;
        if (pcre2_serialize_encode((const pcre2_code **)body.codes, (int32_t)body.ncodes, &codes, &codes_len,
                                   NULL) < 0) {
            body.failed = true;
        } else {
            uint64_t n = codes_len;
            put(&w, &n, sizeof n);
            put(&w, codes, codes_len);
            pcre2_serialize_free(codes);
        }
    }
    put(&w, body.p, body.len);
    if (!w.failed && !body.failed) {
        checksum(w.p + start, w.len - start, w.p + 8);
        pc_cache_write(path, w.p, w.len);
    }
    pcre2_match_data_free(body.md);
    free(body.codes);
    free(body.p);
    free(w.p);
}

#define HEAD (8 + SUM_SIZE) /* the magic and the checksum */

static int decode_codes(rbuf *r)
{
    r->ncodes = get_u32(r);
    if (r->failed)
        return -1;
    if (!r->ncodes)
        return 0;
    uint64_t n = 0;
    get(r, &n, sizeof n);
    if (r->failed || n > r->len - r->pos || r->ncodes > 1u << 20)
        return -1;
    r->codes = calloc(r->ncodes, sizeof *r->codes);
    r->used = calloc(r->ncodes, sizeof *r->used);
    if (!r->codes || !r->used)
        return -1;
    /* PCRE2's decoder trusts the sizes inside the blob: what keeps a damaged
     * blob out is the entry's checksum (checked before this) and that only
     * root can write the cache at all. Check what can be checked here: the
     * header and character tables (16 + 1088 bytes) are there, and the
     * codes fill the rest exactly. */
    const uint8_t *bytes = r->p + r->pos;
    if (n < 16 + 1088)
        return -1;
    if (pcre2_serialize_get_number_of_codes(bytes) != (int32_t)r->ncodes ||
        pcre2_serialize_decode(r->codes, (int32_t)r->ncodes, bytes, NULL) != (int32_t)r->ncodes)
        return -1;
    size_t total = 16 + 1088;
    for (uint32_t i = 0; i < r->ncodes; i++) {
        size_t size = 0;
        if (pcre2_pattern_info(r->codes[i], PCRE2_INFO_SIZE, &size) != 0)
            return -1;
        total += size;
    }
    if (total != n)
        return -1;
    r->pos += n;
    return 0;
}

bool pc_rules_cache_load(pc_ruleset *rs, const char *path)
{
    size_t len = 0;
    unsigned char *data = pc_cache_map(path, MAX_ENTRY, &len);
    if (!data)
        return false;
    bool ok = len >= HEAD && !memcmp(data, MAGIC, 8);
    if (ok) {
        uint8_t d[SUM_SIZE];
        checksum(data + HEAD, len - HEAD, d);
        ok = !memcmp(d, data + 8, sizeof d);
    }
    rbuf r = {.p = data, .len = len, .pos = HEAD, .a = &rs->arena};
    pc_rule **rules = NULL;
    uint32_t count = 0;
    if (ok) {
        rs->files = get_strs(&r, &rs->nfiles);
        ok = decode_codes(&r) == 0;
        count = get_u32(&r);
        ok = ok && !r.failed && count < 1u << 20 && (rules = calloc(count ? count : 1, sizeof *rules));
    }
    for (uint32_t i = 0; ok && i < count; i++)
        ok = (rules[i] = get_rule(&r)) != NULL;
    ok = ok && r.pos == r.len;
    if (ok) {
        rs->rules = rules;
        rs->count = rs->cap = count;
        rs->map = data;
        rs->maplen = len;
        for (uint32_t i = 0; r.codes && i < r.ncodes; i++)
            if (!r.used[i])
                pcre2_code_free(r.codes[i]); /* only a hand-made entry leaves one over */
    } else {
        /* the rules' memory is in the arena; their codes are all in r.codes */
        for (uint32_t i = 0; r.codes && i < r.ncodes; i++)
            if (r.codes[i])
                pcre2_code_free(r.codes[i]);
        free(rules);
        rs->files = NULL;
        rs->nfiles = 0;
    }
    free(r.codes);
    free(r.used);
    if (!ok)
        pc_cache_unmap(data, len);
    return ok;
}
