#include "rules.h"
#include "cache.h"
#include "rules_cache.h"
#include "source.h"
#include "yamlutil.h"

#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include "strmap.h"
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const TSLanguage *tree_sitter_python(void);
const TSLanguage *pc_python_language(void)
{
    return tree_sitter_python();
}

static const char *const sev_names[] = {"info", "low", "medium", "high", "critical"};
static const char *const conf_names[] = {"low", "medium", "high"};
static const char *const kind_names[] = {"import",  "call",  "attribute", "name",   "string", "query",
                                         "dynamic", "input", "assign",    "syntax", "define"};
#define NKINDS 11
static const char *const syntax_names[] = {
    "assert",          "except-pass",         "except-continue", "star-import", "global",
    "annotation-call", "secret-foreign-host", "tree-wipe",       "written-code"};
#define NSYNTAX 9
static const char *const dyn_names[] = {"getattr", "setattr", "import", "namespace", "depth", "handoff"};
#define NDYN 6

const char *pc_severity_name(pc_severity s)
{
    return sev_names[s];
}
const char *pc_confidence_name(pc_confidence c)
{
    return conf_names[c];
}
const char *pc_match_kind_name(pc_match_kind k)
{
    return kind_names[k];
}

int pc_severity_parse(const char *s)
{
    for (int i = 0; i < 5; i++)
        if (strcmp(s, sev_names[i]) == 0)
            return i;
    return -1;
}

int pc_confidence_parse(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, conf_names[i]) == 0)
            return i;
    return -1;
}

const char *pc_dynamic_kind_name(unsigned bit)
{
    for (unsigned i = 0; i < NDYN; i++)
        if (bit == 1u << i)
            return dyn_names[i];
    return "dynamic";
}

bool pc_glob_match(const char *pattern, const char *name)
{
    if (pattern[0] == '*' && pattern[1] == '\0')
        return true;
    return fnmatch(pattern, name, 0) == 0;
}

bool pc_module_match(const char *pattern, const char *module)
{
    if (strpbrk(pattern, "*?["))
        return fnmatch(pattern, module, 0) == 0;
    size_t n = strlen(pattern);
    return strncmp(pattern, module, n) == 0 && (module[n] == '\0' || module[n] == '.');
}

pc_ruleset *pc_ruleset_new(void)
{
    pc_ruleset *rs = calloc(1, sizeof *rs);
    if (rs)
        pc_arena_init(&rs->arena);
    return rs;
}

static void free_preds(pc_query_pred *p)
{
    for (; p; p = p->next)
        if (p->regex)
            pcre2_code_free(p->regex);
}

/* Free what a rule compiled (its memory itself lives in the arena). */
static void rule_release(pc_rule *r)
{
    for (size_t j = 0; r->args && j < r->nargs; j++) {
        if (r->args[j].regex)
            pcre2_code_free(r->args[j].regex);
        if (r->args[j].text)
            pcre2_code_free(r->args[j].text);
        if (r->args[j].unless_text)
            pcre2_code_free(r->args[j].unless_text);
        if (r->args[j].all_text)
            pcre2_code_free(r->args[j].all_text);
    }
    if (r->value && r->value->regex)
        pcre2_code_free(r->value->regex);
    if (r->value && r->value->text)
        pcre2_code_free(r->value->text);
    if (r->target)
        pcre2_code_free(r->target);
    r->target = NULL;
    r->value = NULL;
    if (r->regex)
        pcre2_code_free(r->regex);
    for (size_t j = 0; j < r->nmore; j++)
        pcre2_code_free(r->more[j]);
    r->nmore = 0;
    if (r->query) {
        uint32_t n = ts_query_pattern_count(r->query);
        for (uint32_t j = 0; r->preds && j < n; j++)
            free_preds(r->preds[j]);
        ts_query_delete(r->query);
    }
    r->regex = NULL;
    r->query = NULL;
    r->nargs = 0;
}

void pc_ruleset_free(pc_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->count; i++)
        rule_release(rs->rules[i]);
    for (size_t i = 0; i < rs->nparts; i++)
        pc_ruleset_free(rs->parts[i]); /* their rules were released above */
    free(rs->parts);
    free(rs->rules);
    pc_arena_release(&rs->arena);
    pc_cache_unmap(rs->map, rs->maplen);
    free(rs);
}

const pc_rule *pc_ruleset_find(const pc_ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->count; i++)
        if (strcmp(rs->rules[i]->id, id) == 0)
            return rs->rules[i];
    return NULL;
}

/* ---- loading ---- */

typedef struct loader {
    pc_yaml y;
    pc_ruleset *rs;
    pc_arena *a;
    pc_error *err;
} loader;

/* The needles of pattern re, kept in the rule set's arena (NULL: none). */
static const pc_needles *needles_for(loader *L, const char *re)
{
    pc_needles nd;
    if (!pc_needles_of(re, &nd))
        return NULL;
    pc_needles *kept = pc_arena_raw(L->a, pc_needles_size(nd.n));
    if (kept)
        memcpy(kept, &nd, pc_needles_size(nd.n));
    return kept;
}

static int compile_regex(loader *L, yaml_node_t *n, const char *re, pcre2_code **out)
{
    int code;
    PCRE2_SIZE off;
    *out = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    if (!*out) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(code, buf, sizeof buf);
        return pc_yaml_fail(&L->y, n, L->err, "bad regex at offset %zu: %s", (size_t)off, (char *)buf);
    }
    /* no JIT: compiling it costs more at start-up than it saves on string literals */
    return 0;
}

static int parse_scalar_value(loader *L, yaml_node_t *n, pc_value *v)
{
    const char *s = pc_yaml_scalar(n);
    if (!s)
        return pc_yaml_fail(&L->y, n, L->err, "'equals' must be a scalar");
    memset(v, 0, sizeof *v);
    if (pc_yaml_plain(n)) {
        int b = pc_yaml_bool_value(n);
        if (b >= 0) {
            v->type = PC_VAL_BOOL;
            v->b = b;
            return 0;
        }
        if (!strcmp(s, "null") || !strcmp(s, "~") || !strcmp(s, "None")) {
            v->type = PC_VAL_NONE;
            return 0;
        }
        char *end;
        errno = 0;
        long long i = strtoll(s, &end, 0);
        if (*s && !*end && !errno) {
            v->type = PC_VAL_INT;
            v->i = i;
            return 0;
        }
        double d = strtod(s, &end);
        if (*s && !*end) {
            v->type = PC_VAL_FLOAT;
            v->f = d;
            return 0;
        }
    }
    v->type = PC_VAL_STR;
    v->s = pc_arena_strdup(L->a, s);
    v->slen = strlen(s);
    return v->s ? 0 : pc_fail(L->err, "out of memory");
}

/* written_by / unless_written_by: a list of {callee, position, keyword}. */
static int parse_writers(loader *L, yaml_node_t *n, const char *key, pc_argcond *ac)
{
    static const char *const keys[] = {"callee", "position", "keyword", NULL};
    if (n->type != YAML_SEQUENCE_NODE || n->data.sequence.items.top == n->data.sequence.items.start)
        return pc_yaml_fail(&L->y, n, L->err, "'%s' must be a non-empty list of {callee, position, keyword}",
                            key);
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (len > 64)
        return pc_yaml_fail(&L->y, n, L->err, "'%s' lists more than 64 calls", key);
    pc_file_writer *v = pc_arena_array(L->a, len, sizeof *v);
    if (!v)
        return pc_fail(L->err, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *w = yaml_document_get_node(&L->y.doc, n->data.sequence.items.start[i]);
        if (!w || w->type != YAML_MAPPING_NODE)
            return pc_yaml_fail(&L->y, w ? w : n, L->err, "each '%s' item must be a mapping", key);
        if (pc_yaml_check_keys(&L->y, w, keys, L->err) < 0 ||
            pc_yaml_string(&L->y, w, "callee", true, L->a, &v[i].callee, L->err) < 0 ||
            pc_yaml_string(&L->y, w, "keyword", false, L->a, &v[i].keyword, L->err) < 0)
            return -1;
        v[i].position = -1;
        yaml_node_t *pos = pc_yaml_get(&L->y, w, "position");
        if (pos) {
            const char *ps = pc_yaml_scalar(pos);
            char *end;
            long p = ps ? strtol(ps, &end, 10) : -1;
            if (ps && !strcmp(ps, "receiver")) /* fh.write(...), Path(P).write_bytes(...) */
                p = PC_ARG_RECEIVER;
            else if (ps && !strcmp(ps, "result")) /* data = pickle.dumps(obj) */
                p = PC_ARG_RESULT;
            else if (!ps || !*ps || *end || p < 0 || p > 255)
                return pc_yaml_fail(&L->y, pos, L->err,
                                    "'position' must be an integer from 0 to 255, 'receiver' or 'result'");
            v[i].position = (int)p;
        }
        if (v[i].position == -1 && !v[i].keyword)
            return pc_yaml_fail(&L->y, w, L->err, "a '%s' item needs 'position', 'keyword' or both", key);
    }
    ac->writers = v;
    ac->nwriters = len;
    ac->unless_written = !strcmp(key, "unless_written_by");
    return 0;
}

static int parse_cond(loader *L, yaml_node_t *c, pc_argcond *ac, bool positional)
{
    static const char *const keys[] = {
        "position",   "keyword",           "is",       "equals",          "regex",
        "text",       "unless_text",       "all_text", "unless_all_text", "follow",
        "written_by", "unless_written_by", NULL};
    static const char *const vkeys[] = {"is",       "equals",          "regex",  "text", "unless_text",
                                        "all_text", "unless_all_text", "follow", NULL};
    ac->position = -1;
    if (pc_yaml_check_keys(&L->y, c, positional ? keys : vkeys, L->err) < 0)
        return -1;
    yaml_node_t *pos = pc_yaml_get(&L->y, c, "position");
    if (pos && pc_yaml_scalar(pos) && !strcmp(pc_yaml_scalar(pos), "any")) {
        ac->position = PC_ARG_ANYWHERE;
    } else if (pos && pc_yaml_scalar(pos) && !strcmp(pc_yaml_scalar(pos), "receiver")) {
        ac->position = PC_ARG_RECEIVER;
    } else if (pos) {
        const char *s = pc_yaml_scalar(pos);
        char *end;
        long v = s ? strtol(s, &end, 10) : -1;
        if (!s || !*s || *end || v < 0 || v > 255)
            return pc_yaml_fail(&L->y, pos, L->err,
                                "'position' must be an integer from 0 to 255, any or receiver");
        ac->position = (int)v;
    }
    if (pc_yaml_string(&L->y, c, "keyword", false, L->a, &ac->keyword, L->err) < 0)
        return -1;
    if (ac->position == PC_ARG_ANYWHERE && ac->keyword)
        return pc_yaml_fail(&L->y, pos, L->err, "'position: any' already covers every keyword");
    if (ac->position == PC_ARG_RECEIVER && ac->keyword)
        return pc_yaml_fail(&L->y, pos, L->err, "'position: receiver' is not an argument: no 'keyword'");
    if (positional && ac->position == -1 && !ac->keyword)
        return pc_yaml_fail(&L->y, c, L->err, "a condition needs 'position', 'keyword' or both");
    yaml_node_t *is = pc_yaml_get(&L->y, c, "is");
    if (is) {
        static const char *const names[] = {"any", "literal", "computed", "present", "absent", "truthy"};
        const char *s = pc_yaml_scalar(is);
        int found = -1;
        for (int k = 0; s && k < 6; k++)
            if (!strcmp(s, names[k]))
                found = k;
        if (found < 0)
            return pc_yaml_fail(&L->y, is, L->err,
                                "'is' must be one of: literal, computed, present, absent, truthy");
        ac->is = (pc_arg_is)found;
    }
    yaml_node_t *eq = pc_yaml_get(&L->y, c, "equals");
    if (eq) {
        if (parse_scalar_value(L, eq, &ac->equals) < 0)
            return -1;
        ac->has_equals = true;
    }
    static const char *const rx[] = {"regex", "text", "unless_text"};
    pcre2_code **rxc[] = {&ac->regex, &ac->text, &ac->unless_text};
    for (int k = 0; k < 3; k++) {
        yaml_node_t *re = pc_yaml_get(&L->y, c, rx[k]);
        if (!re)
            continue;
        const char *s = pc_yaml_scalar(re);
        if (!s)
            return pc_yaml_fail(&L->y, re, L->err, "'%s' must be a string", rx[k]);
        if (compile_regex(L, re, s, rxc[k]) < 0)
            return -1;
        if (rxc[k] == &ac->text)
            ac->text_needles = needles_for(L, s);
    }
    yaml_node_t *all = pc_yaml_get(&L->y, c, "all_text"),
                *unless_all = pc_yaml_get(&L->y, c, "unless_all_text");
    if (all && unless_all)
        return pc_yaml_fail(&L->y, unless_all, L->err, "'all_text' and 'unless_all_text' exclude each other");
    if (all || unless_all) {
        yaml_node_t *re = all ? all : unless_all;
        const char *s = pc_yaml_scalar(re);
        if (!s)
            return pc_yaml_fail(&L->y, re, L->err, "'%s' must be a string",
                                all ? "all_text" : "unless_all_text");
        if (compile_regex(L, re, s, &ac->all_text) < 0)
            return -1;
        ac->all_negate = unless_all != NULL;
    }
    yaml_node_t *fl = pc_yaml_get(&L->y, c, "follow");
    if (fl) {
        const char *fs = pc_yaml_scalar(fl);
        int b = fs && !strcmp(fs, "name") ? 2 : pc_yaml_bool_value(fl);
        if (b < 0)
            return pc_yaml_fail(&L->y, fl, L->err, "'follow' must be true, false or name");
        if (b && !ac->text)
            return pc_yaml_fail(&L->y, fl, L->err, "'follow' goes with 'text'");
        ac->follow = b;
    }
    static const char *const wk[] = {"written_by", "unless_written_by"};
    for (int k = 0; k < 2; k++) {
        yaml_node_t *wn = pc_yaml_get(&L->y, c, wk[k]);
        if (!wn)
            continue;
        if (ac->nwriters)
            return pc_yaml_fail(&L->y, wn, L->err, "'written_by' and 'unless_written_by' exclude each other");
        if (!positional || ac->position < 0)
            return pc_yaml_fail(&L->y, wn, L->err, "'%s' goes with an argument given by 'position'", wk[k]);
        if (parse_writers(L, wn, wk[k], ac) < 0)
            return -1;
    }
    if (!is && !eq && !ac->regex && !ac->text && !ac->unless_text && !ac->all_text && !ac->nwriters)
        return pc_yaml_fail(&L->y, c, L->err,
                            "a condition needs 'is', 'equals', 'regex', 'text', 'unless_text', 'all_text', "
                            "'unless_all_text', 'written_by' or 'unless_written_by'");
    return 0;
}

static int parse_args(loader *L, pc_rule *r, yaml_node_t *n)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return pc_yaml_fail(&L->y, n, L->err, "'args' must be a list of conditions");
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (!len)
        return pc_yaml_fail(&L->y, n, L->err, "'args' must not be empty");
    r->args = pc_arena_array(L->a, len, sizeof *r->args);
    if (!r->args)
        return pc_fail(L->err, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *c = yaml_document_get_node(&L->y.doc, n->data.sequence.items.start[i]);
        r->nargs = i + 1; /* so that a failure frees what was compiled */
        if (parse_cond(L, c, &r->args[i], true) < 0)
            return -1;
    }
    return 0;
}

static int parse_assign(loader *L, pc_rule *r, yaml_node_t *n)
{
    static const char *const keys[] = {"target", "value", NULL};
    if (pc_yaml_check_keys(&L->y, n, keys, L->err) < 0)
        return -1;
    yaml_node_t *t = pc_yaml_get(&L->y, n, "target");
    const char *re = t ? pc_yaml_scalar(t) : NULL;
    if (!re)
        return pc_yaml_fail(&L->y, t ? t : n, L->err, "'assign' needs a 'target' regex");
    if (compile_regex(L, t, re, &r->target) < 0)
        return -1;
    yaml_node_t *v = pc_yaml_get(&L->y, n, "value");
    if (!v)
        return 0;
    if (!(r->value = pc_arena_alloc(L->a, sizeof *r->value)))
        return pc_fail(L->err, "out of memory");
    return parse_cond(L, v, r->value, false);
}

static int check_patterns(loader *L, yaml_node_t *n, const char **p, size_t np)
{
    if (!np)
        return pc_yaml_fail(&L->y, n, L->err, "the list of names must not be empty");
    for (size_t i = 0; i < np; i++)
        for (const char *c = p[i]; *c; c++)
            if (*c == ' ' || *c == '\t' || *c == '/' || *c == '(')
                return pc_yaml_fail(&L->y, n, L->err, "'%s' is not a Python name or glob", p[i]);
    return 0;
}

static int parse_import(loader *L, pc_rule *r, yaml_node_t *n)
{
    if (n->type == YAML_MAPPING_NODE) {
        static const char *const keys[] = {"modules", "except", NULL};
        if (pc_yaml_check_keys(&L->y, n, keys, L->err) < 0)
            return -1;
        yaml_node_t *m = pc_yaml_get(&L->y, n, "modules"), *e = pc_yaml_get(&L->y, n, "except");
        if (!!m == !!e)
            return pc_yaml_fail(&L->y, n, L->err, "'import' takes either 'modules' or 'except'");
        r->except = e != NULL;
        n = m ? m : e;
    }
    if (pc_yaml_strings(&L->y, n, L->a, &r->patterns, &r->npatterns, L->err) < 0)
        return -1;
    return check_patterns(L, n, r->patterns, r->npatterns);
}

static int parse_call(loader *L, pc_rule *r, yaml_node_t *n)
{
    static const char *const keys[] = {"callee", "except",      "args", "references",
                                       "result", "callee_form", NULL};
    if (n->type != YAML_MAPPING_NODE) /* shorthand: a list of callees */
        return pc_yaml_strings(&L->y, n, L->a, &r->patterns, &r->npatterns, L->err) < 0
                   ? -1
                   : check_patterns(L, n, r->patterns, r->npatterns);
    if (pc_yaml_check_keys(&L->y, n, keys, L->err) < 0)
        return -1;
    yaml_node_t *c = pc_yaml_get(&L->y, n, "callee");
    if (!c)
        return pc_yaml_fail(&L->y, n, L->err, "'call' needs 'callee'");
    if (pc_yaml_strings(&L->y, c, L->a, &r->patterns, &r->npatterns, L->err) < 0 ||
        check_patterns(L, c, r->patterns, r->npatterns) < 0)
        return -1;
    yaml_node_t *ex = pc_yaml_get(&L->y, n, "except");
    if (ex && (pc_yaml_strings(&L->y, ex, L->a, &r->excepts, &r->nexcepts, L->err) < 0 ||
               check_patterns(L, ex, r->excepts, r->nexcepts) < 0))
        return -1;
    yaml_node_t *args = pc_yaml_get(&L->y, n, "args");
    yaml_node_t *refs = pc_yaml_get(&L->y, n, "references");
    if (refs) {
        const char *v = pc_yaml_scalar(refs);
        if (!v || (strcmp(v, "only") && strcmp(v, "also")))
            return pc_yaml_fail(&L->y, refs, L->err, "'references' must be 'only' or 'also'");
        if (args && !strcmp(v, "only"))
            return pc_yaml_fail(&L->y, refs, L->err, "'references: only' takes no 'args'");
        r->references_only = !strcmp(v, "only");
        r->references_also = !strcmp(v, "also");
    }
    yaml_node_t *res = pc_yaml_get(&L->y, n, "result");
    if (res) {
        const char *v = pc_yaml_scalar(res);
        static const char *const names[] = {"used", "discarded", "stored_into", "not_stored_into"};
        int k = 0;
        while (v && k < 4 && strcmp(v, names[k]))
            k++;
        if (!v || k == 4)
            return pc_yaml_fail(&L->y, res, L->err,
                                "'result' must be 'used', 'discarded', 'stored_into' or 'not_stored_into'");
        if (r->references_only)
            return pc_yaml_fail(&L->y, res, L->err, "'references: only' has no result");
        r->result = (unsigned char)(k + 1);
    }
    yaml_node_t *form = pc_yaml_get(&L->y, n, "callee_form");
    if (form) {
        const char *v = pc_yaml_scalar(form);
        if (!v || (strcmp(v, "plain") && strcmp(v, "hidden")))
            return pc_yaml_fail(&L->y, form, L->err, "'callee_form' must be 'plain' or 'hidden'");
        if (r->references_only)
            return pc_yaml_fail(&L->y, form, L->err, "'references: only' has no callee form");
        r->callee_form = !strcmp(v, "plain") ? PC_CALLEE_PLAIN : PC_CALLEE_HIDDEN;
    }
    return args ? parse_args(L, r, args) : 0;
}

/* A list of regexes: any may match. Each is compiled on its own, because
 * PCRE2 skips ahead to where a pattern can start (a literal first character,
 * a required one) only when every branch of it agrees: one regex of many
 * alternatives tries every position of every string. */
static int parse_regex_list(loader *L, pc_rule *r, yaml_node_t *n)
{
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (!len)
        return pc_yaml_fail(&L->y, n, L->err, "'regex' must not be an empty list");
    if (len > 1 && !(r->more = pc_arena_array(L->a, len - 1, sizeof *r->more)))
        return pc_fail(L->err, "out of memory");
    const pc_needles **nd = pc_arena_array(L->a, len, sizeof *nd);
    if (!nd)
        return pc_fail(L->err, "out of memory");
    r->needles = nd;
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *item = yaml_document_get_node(&L->y.doc, n->data.sequence.items.start[i]);
        const char *re = item ? pc_yaml_scalar(item) : NULL;
        if (!re)
            return pc_yaml_fail(&L->y, item ? item : n, L->err, "each item of 'regex' must be a string");
        if (compile_regex(L, item, re, i ? &r->more[i - 1] : &r->regex) < 0)
            return -1;
        nd[i] = needles_for(L, re);
        r->nmore = i;
    }
    return 0;
}

/* An optional true/false key of mapping n, into *out (left as it is when
 * the key is absent). */
static int parse_flag(loader *L, yaml_node_t *n, const char *key, bool *out)
{
    yaml_node_t *v = pc_yaml_get(&L->y, n, key);
    if (!v)
        return 0;
    int b = pc_yaml_bool_value(v);
    if (b < 0)
        return pc_yaml_fail(&L->y, v, L->err, "'%s' must be true or false", key);
    *out = b;
    return 0;
}

static int parse_string(loader *L, pc_rule *r, yaml_node_t *n)
{
    static const char *const keys[] = {"regex",        "bytes",       "unless_parsed", "unless_key_use",
                                       "in_home_walk", "unless_data", "docstrings",    NULL};
    r->bytes = true;
    r->docstrings = true;
    const char *re = pc_yaml_scalar(n);
    yaml_node_t *at = n;
    if (!re) {
        if (pc_yaml_check_keys(&L->y, n, keys, L->err) < 0)
            return -1;
        at = pc_yaml_get(&L->y, n, "regex");
        bool list = at && at->type == YAML_SEQUENCE_NODE;
        if (!list && (!at || !(re = pc_yaml_scalar(at))))
            return pc_yaml_fail(&L->y, n, L->err, "'string' needs a 'regex': a string or a list of strings");
        if (parse_flag(L, n, "bytes", &r->bytes) < 0 ||
            parse_flag(L, n, "unless_parsed", &r->unless_parsed) < 0 ||
            parse_flag(L, n, "unless_key_use", &r->unless_key_use) < 0 ||
            parse_flag(L, n, "in_home_walk", &r->in_home_walk) < 0 ||
            parse_flag(L, n, "unless_data", &r->unless_data) < 0 ||
            parse_flag(L, n, "docstrings", &r->docstrings) < 0)
            return -1;
        if (list)
            return parse_regex_list(L, r, at);
    }
    const pc_needles **nd = pc_arena_array(L->a, 1, sizeof *nd);
    if (!nd)
        return pc_fail(L->err, "out of memory");
    nd[0] = needles_for(L, re);
    r->needles = nd;
    return compile_regex(L, at, re, &r->regex);
}

static int parse_predicates(loader *L, pc_rule *r, yaml_node_t *n)
{
    uint32_t np = ts_query_pattern_count(r->query);
    r->preds = pc_arena_array(L->a, np ? np : 1, sizeof *r->preds);
    if (!r->preds)
        return pc_fail(L->err, "out of memory");
    for (uint32_t p = 0; p < np; p++) {
        uint32_t nsteps;
        const TSQueryPredicateStep *s = ts_query_predicates_for_pattern(r->query, p, &nsteps);
        uint32_t i = 0;
        while (i < nsteps) {
            uint32_t j = i;
            while (j < nsteps && s[j].type != TSQueryPredicateStepTypeDone)
                j++;
            if (j - i != 3 || s[i].type != TSQueryPredicateStepTypeString ||
                s[i + 1].type != TSQueryPredicateStepTypeCapture)
                return pc_yaml_fail(&L->y, n, L->err,
                                    "query predicates must have the form (#op? @capture \"text\")");
            uint32_t len;
            const char *op = ts_query_string_value_for_id(r->query, s[i].value_id, &len);
            pc_query_pred *pr = pc_arena_alloc(L->a, sizeof *pr);
            if (!pr)
                return pc_fail(L->err, "out of memory");
            if (!strcmp(op, "eq?"))
                pr->op = PC_PRED_EQ;
            else if (!strcmp(op, "not-eq?"))
                pr->op = PC_PRED_NOT_EQ;
            else if (!strcmp(op, "match?"))
                pr->op = PC_PRED_MATCH;
            else if (!strcmp(op, "not-match?"))
                pr->op = PC_PRED_NOT_MATCH;
            else
                return pc_yaml_fail(
                    &L->y, n, L->err,
                    "unsupported query predicate '#%s' (use #eq?, #not-eq?, #match?, #not-match?)", op);
            pr->capture = s[i + 1].value_id;
            pr->other_capture = -1;
            if (s[i + 2].type == TSQueryPredicateStepTypeCapture) {
                if (pr->op == PC_PRED_MATCH || pr->op == PC_PRED_NOT_MATCH)
                    return pc_yaml_fail(&L->y, n, L->err, "#%s needs a regex string, not a capture", op);
                pr->other_capture = (int)s[i + 2].value_id;
            } else {
                const char *t = ts_query_string_value_for_id(r->query, s[i + 2].value_id, &len);
                pr->text = pc_arena_strndup(L->a, t, len);
                if (!pr->text)
                    return pc_fail(L->err, "out of memory");
                if ((pr->op == PC_PRED_MATCH || pr->op == PC_PRED_NOT_MATCH) &&
                    compile_regex(L, n, pr->text, &pr->regex) < 0)
                    return -1;
            }
            pr->next = r->preds[p];
            r->preds[p] = pr;
            i = j + 1;
        }
    }
    return 0;
}

static int parse_query(loader *L, pc_rule *r, yaml_node_t *n, yaml_node_t *capture)
{
    const char *src = pc_yaml_scalar(n);
    if (!src || !*src)
        return pc_yaml_fail(&L->y, n, L->err, "'query' must be a non-empty string");
    uint32_t off;
    TSQueryError qe;
    r->query = ts_query_new(pc_python_language(), src, (uint32_t)strlen(src), &off, &qe);
    r->query_src = pc_arena_strdup(L->a, src);
    if (!r->query_src)
        return pc_fail(L->err, "out of memory");
    if (!r->query) {
        static const char *const what[] = {"none",
                                           "syntax error",
                                           "unknown node type",
                                           "unknown field",
                                           "unknown capture",
                                           "invalid structure",
                                           "invalid language"};
        /* Point at the offending line inside a block scalar. */
        uint32_t line = 0, col = 0;
        for (uint32_t i = 0; i < off && src[i]; i++) {
            if (src[i] == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        size_t yl = n->start_mark.line + 1 + line +
                    (n->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
                     n->data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
        return pc_fail(L->err, "%s:%zu:%u: bad query: %s at offset %u", L->y.path, yl, col + 1,
                       qe < 7 ? what[qe] : "error", off);
    }
    if (parse_predicates(L, r, n) < 0)
        return -1;
    r->capture = -1;
    if (capture) {
        const char *c = pc_yaml_scalar(capture);
        if (!c)
            return pc_yaml_fail(&L->y, capture, L->err, "'capture' must be a capture name");
        uint32_t nc = ts_query_capture_count(r->query);
        for (uint32_t i = 0; i < nc; i++) {
            uint32_t len;
            const char *name = ts_query_capture_name_for_id(r->query, i, &len);
            if (strlen(c) == len && !memcmp(name, c, len))
                r->capture = (int)i;
        }
        if (r->capture < 0)
            return pc_yaml_fail(&L->y, capture, L->err, "the query has no capture named '%s'", c);
    }
    return 0;
}

static int parse_kinds(loader *L, yaml_node_t *n, const char *what, unsigned *out)
{
    const char **names;
    size_t count;
    if (pc_yaml_strings(&L->y, n, L->a, &names, &count, L->err) < 0)
        return -1;
    for (size_t i = 0; i < count; i++) {
        int k = -1;
        if (!strcmp(what, "dynamic")) {
            for (int j = 0; j < NDYN; j++)
                if (!strcmp(names[i], dyn_names[j]))
                    k = j;
        } else if (!strcmp(what, "syntax")) {
            for (int j = 0; j < NSYNTAX; j++)
                if (!strcmp(names[i], syntax_names[j]))
                    k = j;
        } else {
            k = pc_input_kind_parse(names[i]);
        }
        if (k < 0)
            return pc_yaml_fail(&L->y, n, L->err, "unknown %s kind '%s'", what, names[i]);
        *out |= 1u << k;
    }
    return 0;
}

static int parse_match(loader *L, pc_rule *r, yaml_node_t *m)
{
    static const char *const keys[] = {"import",  "call",    "attribute",      "name",   "string", "query",
                                       "dynamic", "input",   "assign",         "syntax", "define", "capture",
                                       "target",  "modules", "except_modules", NULL};
    if (pc_yaml_check_keys(&L->y, m, keys, L->err) < 0)
        return -1;
    int found = -1;
    yaml_node_t *v = NULL;
    for (int k = 0; k < NKINDS; k++) {
        yaml_node_t *x = pc_yaml_get(&L->y, m, kind_names[k]);
        if (!x)
            continue;
        if (found >= 0)
            return pc_yaml_fail(&L->y, m, L->err, "'match' must hold exactly one kind, found '%s' and '%s'",
                                kind_names[found], kind_names[k]);
        found = k;
        v = x;
    }
    if (found < 0)
        return pc_yaml_fail(
            &L->y, m, L->err,
            "'match' needs one of: import, call, attribute, name, string, query, dynamic, input, "
            "assign, syntax, define");
    r->kind = (pc_match_kind)found;
    yaml_node_t *capture = pc_yaml_get(&L->y, m, "capture"), *target = pc_yaml_get(&L->y, m, "target");
    if (capture && r->kind != PC_MATCH_QUERY)
        return pc_yaml_fail(&L->y, capture, L->err, "'capture' only goes with 'query'");
    yaml_node_t *mods = pc_yaml_get(&L->y, m, "modules"), *emods = pc_yaml_get(&L->y, m, "except_modules");
    if (target && r->kind != PC_MATCH_DYNAMIC)
        return pc_yaml_fail(&L->y, target, L->err, "'target' only goes with 'dynamic'");
    if ((mods || emods) && r->kind != PC_MATCH_DYNAMIC)
        return pc_yaml_fail(&L->y, mods ? mods : emods, L->err, "'%s' only goes with 'dynamic'",
                            mods ? "modules" : "except_modules");
    if ((mods || emods) && target)
        return pc_yaml_fail(&L->y, target, L->err, "'%s' implies 'target: module'",
                            mods ? "modules" : "except_modules");
    if (mods && emods)
        return pc_yaml_fail(&L->y, emods, L->err, "'modules' and 'except_modules' exclude each other");
    switch (r->kind) {
    case PC_MATCH_IMPORT: return parse_import(L, r, v);
    case PC_MATCH_CALL: return parse_call(L, r, v);
    case PC_MATCH_ASSIGN: return parse_assign(L, r, v);
    case PC_MATCH_SYNTAX: return parse_kinds(L, v, "syntax", &r->syntax_kinds);
    case PC_MATCH_ATTRIBUTE:
    case PC_MATCH_NAME:
    case PC_MATCH_DEFINE:
        if (pc_yaml_strings(&L->y, v, L->a, &r->patterns, &r->npatterns, L->err) < 0)
            return -1;
        return check_patterns(L, v, r->patterns, r->npatterns);
    case PC_MATCH_STRING: return parse_string(L, r, v);
    case PC_MATCH_QUERY: return parse_query(L, r, v, capture);
    case PC_MATCH_DYNAMIC:
        if (target) {
            const char *t = pc_yaml_scalar(target);
            if (!t || (strcmp(t, "module") && strcmp(t, "any") && strcmp(t, "other")))
                return pc_yaml_fail(&L->y, target, L->err, "'target' must be 'module', 'other' or 'any'");
            r->target_module = !strcmp(t, "module");
            r->target_other = !strcmp(t, "other");
        }
        if (mods || emods) { /* the module (or module.attribute) reached: see match_dynamic */
            yaml_node_t *l = mods ? mods : emods;
            if (pc_yaml_strings(&L->y, l, L->a, &r->patterns, &r->npatterns, L->err) < 0 ||
                check_patterns(L, l, r->patterns, r->npatterns) < 0)
                return -1;
            r->except = emods != NULL;
            r->target_module = true;
        }
        return parse_kinds(L, v, "dynamic", &r->dynamic_kinds);
    case PC_MATCH_INPUT: return parse_kinds(L, v, "input", &r->input_kinds);
    }
    return 0;
}

static bool valid_id(const char *id)
{
    if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
        return false;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '.' || *c == '_'))
            return false;
    return true;
}

static int add_rule(pc_ruleset *rs, pc_rule *r)
{
    if (rs->count == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 64;
        pc_rule **v = realloc(rs->rules, cap * sizeof *v);
        if (!v)
            return -1;
        rs->rules = v;
        rs->cap = cap;
    }
    rs->rules[rs->count++] = r;
    return 0;
}

static int parse_rule(loader *L, yaml_node_t *n, const char *file)
{
    static const char *const keys[] = {"id",   "message", "severity", "confidence", "cwe",
                                       "tags", "bandit",  "match",    "requires",   NULL};
    if (pc_yaml_check_keys(&L->y, n, keys, L->err) < 0)
        return -1;
    pc_rule *r = pc_arena_alloc(L->a, sizeof *r);
    if (!r)
        return pc_fail(L->err, "out of memory");
    r->file = file;
    r->line = (unsigned)n->start_mark.line + 1;
    r->capture = -1;
    if (pc_yaml_string(&L->y, n, "id", true, L->a, &r->id, L->err) < 0 ||
        pc_yaml_string(&L->y, n, "message", true, L->a, &r->message, L->err) < 0)
        return -1;
    if (!valid_id(r->id))
        return pc_yaml_fail(&L->y, pc_yaml_get(&L->y, n, "id"), L->err,
                            "rule id '%s' must be lower case letters, digits, '-', '.' or '_'", r->id);
    const pc_rule *dup = pc_ruleset_find(L->rs, r->id);
    if (dup)
        return pc_yaml_fail(&L->y, pc_yaml_get(&L->y, n, "id"), L->err,
                            "duplicate rule id '%s' (first defined at %s:%u)", r->id, dup->file, dup->line);
    const char *s;
    if (pc_yaml_string(&L->y, n, "severity", true, L->a, &s, L->err) < 0)
        return -1;
    int sev = pc_severity_parse(s);
    if (sev < 0)
        return pc_yaml_fail(&L->y, pc_yaml_get(&L->y, n, "severity"), L->err,
                            "severity must be one of: info, low, medium, high, critical");
    r->severity = (pc_severity)sev;
    if (pc_yaml_string(&L->y, n, "confidence", true, L->a, &s, L->err) < 0)
        return -1;
    int conf = pc_confidence_parse(s);
    if (conf < 0)
        return pc_yaml_fail(&L->y, pc_yaml_get(&L->y, n, "confidence"), L->err,
                            "confidence must be one of: low, medium, high");
    r->confidence = (pc_confidence)conf;
    yaml_node_t *cwe = pc_yaml_get(&L->y, n, "cwe");
    if (!cwe)
        return pc_yaml_fail(&L->y, n, L->err, "missing required key 'cwe'");
    const char **cwes;
    size_t ncwe;
    if (pc_yaml_strings(&L->y, cwe, L->a, &cwes, &ncwe, L->err) < 0)
        return -1;
    size_t total = 1;
    for (size_t i = 0; i < ncwe; i++) {
        const char *c = cwes[i];
        char *end;
        if (strncmp(c, "CWE-", 4) || strtol(c + 4, &end, 10) <= 0 || *end)
            return pc_yaml_fail(&L->y, cwe, L->err, "'%s' is not a CWE id like CWE-78", c);
        total += strlen(c) + 2;
    }
    char *joined = pc_arena_alloc(L->a, total);
    if (!joined)
        return pc_fail(L->err, "out of memory");
    for (size_t i = 0; i < ncwe; i++) {
        if (i)
            strcat(joined, ", ");
        strcat(joined, cwes[i]);
    }
    r->cwe = joined;
    yaml_node_t *tags = pc_yaml_get(&L->y, n, "tags"), *bandit = pc_yaml_get(&L->y, n, "bandit");
    if (tags && pc_yaml_strings(&L->y, tags, L->a, &r->tags, &r->ntags, L->err) < 0)
        return -1;
    if (bandit && pc_yaml_strings(&L->y, bandit, L->a, &r->bandit, &r->nbandit, L->err) < 0)
        return -1;
    yaml_node_t *req = pc_yaml_get(&L->y, n, "requires");
    if (req && pc_yaml_strings(&L->y, req, L->a, &r->requires, &r->nrequires, L->err) < 0)
        return -1;
    for (size_t i = 0; i < r->nrequires; i++)
        if (!valid_id(r->requires[i]) || !strcmp(r->requires[i], r -> id))
            return pc_yaml_fail(&L->y, req, L->err, "'requires' must name other rules by id ('%s')",
                                r->requires[i]);
    yaml_node_t *m = pc_yaml_get(&L->y, n, "match");
    if (!m)
        return pc_yaml_fail(&L->y, n, L->err, "missing required key 'match'");
    if (parse_match(L, r, m) < 0 || add_rule(L->rs, r) < 0) {
        rule_release(r); /* not in the set: free what was compiled for it here */
        return L->err->msg[0] ? -1 : pc_fail(L->err, "out of memory");
    }
    return 0;
}

int pc_ruleset_load_file(pc_ruleset *rs, const char *path, pc_error *err)
{
    loader L = {.rs = rs, .a = &rs->arena, .err = err};
    const char *file = pc_arena_strdup(&rs->arena, path);
    const char **files = pc_arena_array(&rs->arena, rs->nfiles + 1, sizeof *files);
    if (!file || !files)
        return pc_fail(err, "out of memory");
    if (rs->nfiles)
        memcpy(files, rs->files, rs->nfiles * sizeof *files);
    files[rs->nfiles] = file;
    if (pc_yaml_load(&L.y, file, err) < 0) {
        pc_yaml_free(&L.y);
        return -1;
    }
    int rc = 0;
    yaml_node_t *root = pc_yaml_root(&L.y);
    static const char *const keys[] = {"rules", NULL};
    yaml_node_t *list;
    if (pc_yaml_check_keys(&L.y, root, keys, err) < 0) {
        rc = -1;
    } else if (!(list = pc_yaml_get(&L.y, root, "rules")) || list->type != YAML_SEQUENCE_NODE) {
        rc = pc_yaml_fail(&L.y, list ? list : root, err, "'rules' must be a list of rules");
    } else {
        size_t before = rs->count;
        for (yaml_node_item_t *i = list->data.sequence.items.start; i < list->data.sequence.items.top; i++) {
            if (parse_rule(&L, yaml_document_get_node(&L.y.doc, *i), file) < 0) {
                rc = -1;
                break;
            }
        }
        if (rc < 0) { /* drop the half-loaded file's rules */
            for (size_t k = before; k < rs->count; k++)
                rule_release(rs->rules[k]);
            rs->count = before;
        }
    }
    pc_yaml_free(&L.y);
    if (rc == 0) {
        rs->files = files;
        rs->nfiles++;
    }
    return rc;
}

typedef struct load_job {
    const char *const *paths;
    pc_ruleset **sets;
    pc_error *errs;
    int *rcs;
    size_t n;
    size_t next; /* atomically claimed */
} load_job;

static void *load_worker(void *p)
{
    load_job *j = p;
    for (;;) {
        size_t i = __atomic_fetch_add(&j->next, 1, __ATOMIC_RELAXED);
        if (i >= j->n)
            break;
        j->rcs[i] = j->sets[i] ? pc_ruleset_load_file(j->sets[i], j->paths[i], &j->errs[i]) : -1;
    }
    return NULL;
}

static int load_files(pc_ruleset *rs, const char *const *paths, size_t n, pc_error *err)
{
    if (n < 4) { /* not worth a thread */
        for (size_t i = 0; i < n; i++)
            if (pc_ruleset_load_file(rs, paths[i], err) < 0)
                return -1;
        return 0;
    }
    load_job j = {.paths = paths, .n = n};
    j.sets = calloc(n, sizeof *j.sets);
    j.errs = calloc(n, sizeof *j.errs);
    j.rcs = calloc(n, sizeof *j.rcs);
    pc_ruleset **parts = realloc(rs->parts, (rs->nparts + n) * sizeof *parts);
    if (!j.sets || !j.errs || !j.rcs || !parts) {
        free(j.sets);
        free(j.errs);
        free(j.rcs);
        free(parts);
        return pc_fail(err, "out of memory");
    }
    rs->parts = parts;
    for (size_t i = 0; i < n; i++)
        j.sets[i] = pc_ruleset_new();
    pthread_t t;
    bool threaded = pthread_create(&t, NULL, load_worker, &j) == 0;
    load_worker(&j);
    if (threaded)
        pthread_join(t, NULL);
    int rc = 0;
    pc_strmap seen;
    pc_strmap_init(&seen, &rs->arena);
    for (size_t i = 0; i < rs->count; i++)
        if (pc_strmap_put(&seen, rs->rules[i]->id, rs->rules[i]) < 0)
            rc = pc_fail(err, "out of memory");
    for (size_t i = 0; i < n && rc == 0; i++) {
        pc_ruleset *sub = j.sets[i];
        if (!sub || j.rcs[i] < 0) {
            rc = sub ? -1 : pc_fail(err, "out of memory");
            if (sub)
                *err = j.errs[i];
            break;
        }
        for (size_t k = 0; k < sub->count && rc == 0; k++) {
            pc_rule *r = sub->rules[k];
            const pc_rule *dup = pc_strmap_get(&seen, r->id);
            if (dup)
                rc = pc_fail(err, "%s:%u: duplicate rule id '%s' (first defined at %s:%u)", r->file, r->line,
                             r->id, dup->file, dup->line);
            else if (pc_strmap_put(&seen, r->id, r) < 0 || add_rule(rs, r) < 0)
                rc = pc_fail(err, "out of memory");
            else
                sub->rules[k] = NULL; /* now rs's */
        }
        const char **files = pc_arena_array(&rs->arena, rs->nfiles + 1, sizeof *files);
        if (!files) {
            rc = pc_fail(err, "out of memory");
            break;
        }
        if (rs->nfiles)
            memcpy(files, rs->files, rs->nfiles * sizeof *files);
        files[rs->nfiles++] = sub->files[0];
        rs->files = files;
    }
    /* every part stays owned by rs: its arena holds the merged rules */
    for (size_t i = 0; i < n; i++) {
        if (!j.sets[i])
            continue;
        size_t kept = 0;
        for (size_t k = 0; k < j.sets[i]->count; k++)
            if (j.sets[i]->rules[k])
                j.sets[i]->rules[kept++] = j.sets[i]->rules[k]; /* not merged: freed with the part */
        j.sets[i]->count = kept;
        rs->parts[rs->nparts++] = j.sets[i];
    }
    free(j.sets);
    free(j.errs);
    free(j.rcs);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(const char *root, const char *rel, int depth, char ***names, size_t *n, size_t *cap)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0) {
        if (e->d_name[0] == '.')
            continue;
        char relp[PATH_MAX], full[PATH_MAX];
        if (snprintf(relp, sizeof relp, "%s%s%s", rel, *rel ? "/" : "", e->d_name) >= (int)sizeof relp ||
            snprintf(full, sizeof full, "%s/%s", root, relp) >= (int)sizeof full)
            continue;
        size_t len = strlen(relp);
        bool yaml = len > 5 && !strcmp(relp + len - 5, ".yaml"), is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_REG && !yaml)
            continue;                                     /* test files and the like: no stat needed */
        if (e->d_type != DT_DIR && e->d_type != DT_REG) { /* a link, or a file system without d_type */
            struct stat st;
            if (stat(full, &st) < 0)
                continue;
            is_dir = S_ISDIR(st.st_mode);
        }
        if (is_dir) {
            if (depth < 8 && strcmp(relp, "policies") != 0 && strcmp(relp, "sandbox") != 0)
                rc = collect(root, relp, depth + 1, names, n, cap);
        } else if (yaml) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 32;
                char **v = realloc(*names, *cap * sizeof *v);
                if (!v) {
                    rc = -1;
                    break;
                }
                *names = v;
            }
            relp[len - 5] = '\0';
            if (!((*names)[*n] = strdup(relp)))
                rc = -1;
            else
                (*n)++;
        }
    }
    closedir(d);
    return rc;
}

int pc_rules_collect(const char *dir, char ***names, size_t *n)
{
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    if (collect(dir, "", 0, names, n, &cap) < 0) {
        for (size_t i = 0; i < *n; i++)
            free((*names)[i]);
        free(*names);
        *names = NULL;
        *n = 0;
        return -1;
    }
    if (*n > 1)
        qsort(*names, *n, sizeof **names, cmp_str);
    return 0;
}

int pc_ruleset_load_dir(pc_ruleset *rs, const char *dir, pc_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return pc_fail(err, "%s: cannot open directory: %s", dir, strerror(errno));
    closedir(d);
    char **names, **paths = NULL;
    size_t n;
    int rc = pc_rules_collect(dir, &names, &n) < 0 || !(paths = calloc(n ? n : 1, sizeof *paths))
                 ? pc_fail(err, "out of memory")
                 : 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (asprintf(&paths[i], "%s/%s.yaml", dir, names[i]) < 0) {
            paths[i] = NULL;
            rc = pc_fail(err, "out of memory");
        }
    if (rc == 0)
        rc = pc_ruleset_load_files(rs, (const char *const *)paths, n, err);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        if (paths)
            free(paths[i]);
    }
    free(names);
    free(paths);
    return rc;
}

int pc_ruleset_load_path(pc_ruleset *rs, const char *path, pc_error *err)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return pc_fail(err, "%s: %s", path, strerror(errno));
    return S_ISDIR(st.st_mode) ? pc_ruleset_load_dir(rs, path, err) : pc_ruleset_load_file(rs, path, err);
}

int pc_ruleset_load_files(pc_ruleset *rs, const char *const *paths, size_t n, pc_error *err)
{
    char cache[4096];
    bool may_store = false;
    bool cached =
        !rs->count && !rs->nfiles && n && pc_rules_cache_path(paths, n, cache, sizeof cache, &may_store) == 0;
    if (cached && pc_rules_cache_load(rs, cache))
        return 0;
    int rc = load_files(rs, paths, n, err);
    if (rc == 0 && cached && may_store)
        pc_rules_cache_store(rs, cache);
    return rc;
}

/* A byte is possible unless even a partial match of that byte alone fails.
 * Most arguments are then turned away without running the regex
 * (argument-list rules all start with ^[\[(]). */
void pc_argcond_first_bytes(pc_argcond *ac, pcre2_match_data *md)
{
    uint32_t opts = 0;
    ac->text_first_known = false;
    if (!ac->text || !md || pcre2_pattern_info(ac->text, PCRE2_INFO_ALLOPTIONS, &opts) != 0 ||
        !(opts & PCRE2_ANCHORED))
        return;
    memset(ac->text_first, 0, sizeof ac->text_first);
    for (unsigned b = 0; b < 256; b++) {
        unsigned char ch = (unsigned char)b;
        int rc = pcre2_match(ac->text, &ch, 1, 0, PCRE2_PARTIAL_HARD | PCRE2_NO_JIT, md, NULL);
        if (rc != PCRE2_ERROR_NOMATCH)
            ac->text_first[b >> 3] |= (unsigned char)(1u << (b & 7));
    }
    ac->text_first_known = true;
}
