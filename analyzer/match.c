/* Rule indexes and matching analyzer events against rules. */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <utf8proc.h>
#include <string.h>

/* ---- engine ---- */

static const char *last_part(const char *s)
{
    const char *dot = strrchr(s, '.');
    return dot ? dot + 1 : s;
}

static int index_add(pc_engine *e, pc_name_index *ix, const pc_rule *r, const char *pat)
{
    pc_rule_ref *ref = pc_arena_alloc(&e->arena, sizeof *ref);
    if (!ref)
        return -1;
    ref->rule = r;
    ref->pattern = pat;
    if (pat[0] == '*' && pat[1] && !strpbrk(pat + 1, "*?[")) {
        /* "*.exec_command": an ends-with test, found by the last dotted part */
        const char *key = last_part(pat + 1);
        if (!*key)
            key = pat + 1;
        void **head = pc_strmap_slot_of(&ix->suffixes, key);
        if (!head)
            return -1;
        ref->next = *head;
        *head = ref;
        return 0;
    }
    if (strpbrk(pat, "*?[")) {
        const char *t = pat;
        for (const char *q = pat; *q; q++)
            if (*q == '*' || *q == '?' || *q == ']')
                t = q + 1;
        ref->tail = t;
        ref->next = ix->globs;
        ix->globs = ref;
        return 0;
    }
    void **head = pc_strmap_slot_of(&ix->exact, pat);
    if (!head)
        return -1;
    ref->next = *head;
    *head = ref;
    return 0;
}

/* Size the exact-name indexes once for every pattern the rules list (most
 * are exact names), instead of growing them a dozen times. */
static int reserve_indexes(pc_engine *e, const pc_ruleset *rules)
{
    size_t n[PC_MATCH_DEFINE + 1] = {0};
    for (size_t i = 0; i < rules->count; i++)
        if (rules->rules[i]->kind <= PC_MATCH_DEFINE)
            n[rules->rules[i]->kind] += rules->rules[i]->npatterns;
    return pc_strmap_reserve(&e->calls.exact, n[PC_MATCH_CALL]) |
           pc_strmap_reserve(&e->attributes.exact, n[PC_MATCH_ATTRIBUTE]) |
           pc_strmap_reserve(&e->names.exact, n[PC_MATCH_NAME]) |
           pc_strmap_reserve(&e->defines.exact, n[PC_MATCH_DEFINE]);
}

/* Does s (of length a) end with suffix? */
static bool ends_with(const char *s, size_t a, const char *suffix)
{
    size_t b = strlen(suffix);
    return a >= b && !memcmp(s + a - b, suffix, b);
}

/* Does name start with the literal head of glob pat (its characters before
 * any * ? [ or \)? Only then can the glob match. */
static bool head_matches(const char *pat, const char *name)
{
    for (; *pat && *pat != '*' && *pat != '?' && *pat != '[' && *pat != '\\'; pat++, name++)
        if (*pat != *name)
            return false;
    return true;
}

static int push(pc_engine *e, const pc_rule ***v, size_t *n, const pc_rule *r)
{
    const pc_rule **nv = pc_arena_array(&e->arena, *n + 1, sizeof *nv);
    if (!nv)
        return -1;
    if (*n)
        memcpy(nv, *v, *n * sizeof *nv);
    nv[(*n)++] = r;
    *v = nv;
    return 0;
}

/* Built-in input rules, so that a policy that loads no `input` rule still
 * fails closed on bad input. */
static const pc_rule *builtin_input_rule(pc_engine *e, pc_input_kind k)
{
    pc_rule *r = pc_arena_alloc(&e->arena, sizeof *r);
    if (!r)
        return NULL;
    r->id = pc_arena_printf(&e->arena, "input-%s", pc_input_kind_name(k));
    r->message = "The input is not plain, cleanly parseable Python source; it is refused so that "
                 "the code analyzed is the code that runs.";
    r->severity = PC_SEV_HIGH;
    r->confidence = PC_CONF_HIGH;
    r->cwe = "CWE-20";
    r->kind = PC_MATCH_INPUT;
    r->input_kinds = 1u << k;
    r->file = "<builtin>";
    r->capture = -1;
    return r;
}

/* String rules' regexes in the needle index at most (match_string's bitset). */
enum { STRING_SLOTS = 16 * 64 };

/* One pass over a string then says which string rules' regexes may match
 * it (needles.h); without the index each regex is tried. */
static int index_string_needles(pc_engine *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->nstrings; i++)
        n += e->strings[i]->nmore + 1;
    if (!n || n > STRING_SLOTS)
        return 0;
    const pc_needles **sets = pc_arena_array(&e->arena, n, sizeof *sets);
    e->string_slot = pc_arena_array(&e->arena, e->nstrings, sizeof *e->string_slot);
    if (!sets || !e->string_slot)
        return -1;
    for (size_t i = 0, k = 0; i < e->nstrings; i++) {
        const pc_rule *r = e->strings[i];
        e->string_slot[i] = k;
        for (size_t j = 0; j <= r->nmore; j++)
            sets[k++] = r->needles ? r->needles[j] : NULL;
    }
    e->string_needles = pc_needle_index_new(sets, n);
    return e->string_needles ? 0 : -1;
}

pc_engine *pc_engine_new(const pc_policy *policy, const pc_ruleset *rules, pc_error *err)
{
    pc_engine *e = calloc(1, sizeof *e);
    if (!e) {
        pc_fail(err, "out of memory");
        return NULL;
    }
    pc_arena_init(&e->arena);
    e->policy = policy;
    e->rules = rules;
    pc_strmap_init(&e->calls.exact, &e->arena);
    pc_strmap_init(&e->attributes.exact, &e->arena);
    pc_strmap_init(&e->names.exact, &e->arena);
    pc_strmap_init(&e->defines.exact, &e->arena);
    pc_strmap_init(&e->calls.suffixes, &e->arena);
    pc_strmap_init(&e->attributes.suffixes, &e->arena);
    pc_strmap_init(&e->names.suffixes, &e->arena);
    pc_strmap_init(&e->defines.suffixes, &e->arena);
    int rc = reserve_indexes(e, rules);
    unsigned input_seen = 0;
    for (size_t i = 0; i < rules->count && rc == 0; i++) {
        const pc_rule *r = rules->rules[i];
        if (pc_policy_disabled(policy, r->id))
            continue;
        for (size_t j = 0; j < r->nrequires; j++) {
            if (pc_ruleset_find(rules, r->requires[j]))
                continue;
            pc_fail(err, "%s:%u: rule '%s' requires rule '%s', which is not loaded",
                    r->file ? r->file : "<rules>", r->line, r->id, r->requires[j]);
            pc_engine_free(e);
            return NULL;
        }
        switch (r->kind) {
        case PC_MATCH_CALL:
            for (size_t j = 0; j < r->npatterns && rc == 0; j++)
                rc = index_add(e, &e->calls, r, r->patterns[j]);
            break;
        case PC_MATCH_ATTRIBUTE:
            for (size_t j = 0; j < r->npatterns && rc == 0; j++)
                rc = index_add(e, &e->attributes, r, r->patterns[j]);
            break;
        case PC_MATCH_NAME:
            for (size_t j = 0; j < r->npatterns && rc == 0; j++)
                rc = index_add(e, &e->names, r, r->patterns[j]);
            break;
        case PC_MATCH_DEFINE:
            for (size_t j = 0; j < r->npatterns && rc == 0; j++)
                rc = index_add(e, &e->defines, r, r->patterns[j]);
            break;
        case PC_MATCH_ASSIGN: rc = push(e, &e->assigns, &e->nassigns, r); break;
        case PC_MATCH_SYNTAX:
            e->syntax_kinds |= r->syntax_kinds;
            rc = push(e, &e->syntax, &e->nsyntax, r);
            break;
        case PC_MATCH_IMPORT: rc = push(e, &e->imports, &e->nimports, r); break;
        case PC_MATCH_STRING: rc = push(e, &e->strings, &e->nstrings, r); break;
        case PC_MATCH_QUERY: rc = push(e, &e->queries, &e->nqueries, r); break;
        case PC_MATCH_DYNAMIC:
            e->handoff |= (r->dynamic_kinds & PC_DYN_HANDOFF) != 0;
            rc = push(e, &e->dynamics, &e->ndynamics, r);
            break;
        case PC_MATCH_INPUT:
            input_seen |= r->input_kinds;
            rc = push(e, &e->inputs, &e->ninputs, r);
            break;
        }
    }
    for (int k = 0; k < PC_INPUT_KIND_COUNT && rc == 0; k++) {
        if (input_seen & (1u << k))
            continue;
        const pc_rule *r = builtin_input_rule(e, (pc_input_kind)k);
        rc = r ? push(e, &e->inputs, &e->ninputs, r) : -1;
    }
    if (rc == 0)
        rc = combine_queries(e);
    if (rc == 0)
        rc = index_string_needles(e);
    if (rc < 0) {
        pc_fail(err, "out of memory");
        pc_engine_free(e);
        return NULL;
    }
    return e;
}

void pc_engine_free(pc_engine *e)
{
    if (!e)
        return;
    free_combined(e);
    pc_needle_index_free(e->string_needles);
    pc_arena_release(&e->arena);
    free(e);
}

/* For many files: regexes JIT-compiled (best effort) and text conditions'
 * first bytes worked out, before any worker starts. Rules the policy turns
 * off are skipped: at most a rule another one requires, and interpreted
 * matching gives the same answers. */
void pc_engine_jit(const pc_engine *e)
{
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    for (size_t i = 0; i < e->rules->count; i++) {
        const pc_rule *r = e->rules->rules[i];
        if (pc_policy_disabled(e->policy, r->id))
            continue;
        if (r->regex)
            pcre2_jit_compile(r->regex, PCRE2_JIT_COMPLETE);
        for (size_t j = 0; j < r->nmore; j++)
            pcre2_jit_compile(r->more[j], PCRE2_JIT_COMPLETE);
        if (r->target)
            pcre2_jit_compile(r->target, PCRE2_JIT_COMPLETE);
        for (size_t j = 0; j < r->nargs; j++) {
            pc_argcond *ac = (pc_argcond *)&r->args[j]; /* the engine's own rules */
            if (ac->regex)
                pcre2_jit_compile(ac->regex, PCRE2_JIT_COMPLETE);
            if (ac->text) {
                if (!ac->text_first_known)
                    pc_argcond_first_bytes(ac, md);
                pcre2_jit_compile(ac->text, PCRE2_JIT_COMPLETE);
            }
            if (ac->unless_text)
                pcre2_jit_compile(ac->unless_text, PCRE2_JIT_COMPLETE);
            if (ac->all_text)
                pcre2_jit_compile(ac->all_text, PCRE2_JIT_COMPLETE);
        }
    }
    pcre2_match_data_free(md);
}

const pc_policy *pc_engine_policy(const pc_engine *e)
{
    return e->policy;
}
const pc_ruleset *pc_engine_rules(const pc_engine *e)
{
    return e->rules;
}

/* ---- findings ---- */

int emit_span(ctx *c, const pc_rule *r, uint32_t start, uint32_t end, const char *detail)
{
    pc_finding *v = pc_arena_grow(c->a, c->findings, c->nfindings, &c->capfindings, sizeof *v, 32);
    if (!v)
        return -1;
    c->findings = v;
    if (c->nfindings >= 100000)
        return 0; /* enough to deny and to read; bounds the report */
    pc_finding *f = &c->findings[c->nfindings++];
    f->rule = r;
    f->severity = pc_policy_severity(c->eng->policy, r);
    f->denies = pc_policy_denies(c->eng->policy, r, f->severity);
    f->span = span_of(c, start, end);
    f->detail = detail;
    return 0;
}

int emit(ctx *c, const pc_rule *r, TSNode n, const char *detail)
{
    return emit_span(c, r, ts_node_start_byte(n), ts_node_end_byte(n), detail);
}

typedef int (*ref_fn)(ctx *c, const pc_rule *r, void *ud);

static int each_named(const pc_name_index *ix, const char *name, ctx *c, ref_fn fn, void *ud)
{
    for (pc_rule_ref *ref = pc_strmap_get(&ix->exact, name); ref; ref = ref->next)
        if (fn(c, ref->rule, ud) < 0)
            return -1;
    size_t len = strlen(name);
    if (ix->suffixes.count) {
        const char *key = last_part(name);
        for (pc_rule_ref *ref = pc_strmap_get(&ix->suffixes, *key ? key : name); ref; ref = ref->next)
            if (ends_with(name, len, ref->pattern + 1) && fn(c, ref->rule, ud) < 0)
                return -1;
    }
    for (pc_rule_ref *ref = ix->globs; ref; ref = ref->next) {
        if (!head_matches(ref->pattern, name)) /* rules most names out cheaply */
            continue;
        if (ref->tail && *ref->tail && !ends_with(name, len, ref->tail))
            continue;
        if (pc_glob_match(ref->pattern, name) && fn(c, ref->rule, ud) < 0)
            return -1;
    }
    return 0;
}

/* ---- imports ---- */

int match_import(ctx *c, TSNode at, const char *module, const char *name)
{
    const char *full = name ? pc_arena_printf(c->a, "%s.%s", module, name) : module;
    if (!full)
        return -1;
    for (size_t i = 0; i < c->eng->nimports; i++) {
        const pc_rule *r = c->eng->imports[i];
        bool hit = false;
        for (size_t j = 0; j < r->npatterns && !hit; j++)
            hit = pc_module_match(r->patterns[j], module) || (name && pc_module_match(r->patterns[j], full));
        if (hit != r->except && emit(c, r, at, full) < 0)
            return -1;
    }
    return 0;
}

/* ---- calls ---- */

#define SCAN_POS 8

/* How many assignments, parameters and returns a text condition follows
 * from the argument (a parameter is followed only before the last step). */
#define FOLLOW_MAX 4

/* A call's arguments, scanned once for all the rules tried on the call. */
typedef struct arg_scan {
    bool done;
    bool preset;          /* args (and skip) set by the caller: a deferred call */
    uint32_t skip;        /* leading positional arguments that are not the callee's */
    TSNode args;          /* the arguments field, or null */
    bool is_list;         /* an argument_list, not a bare generator */
    bool keywords;        /* some keyword argument */
    bool splat, dsplat;   /* some *x, some **x */
    TSNode first_splat;   /* the first *x */
    TSNode pos[SCAN_POS]; /* the first positional arguments before any *x */
    uint32_t npos;        /* positional arguments before any *x */
    TSNode more_keywords; /* a partial's later call: keyword arguments given there (match_partial_call) */
} arg_scan;

/* What **v in a call can hide. 'd': a dict display (or a name bound only
 * to one), whose keys are read like keyword arguments (*disp set); 'p': a
 * function's own parameter (def f(cmd, **kw): run(cmd, **kw)), whose
 * keywords are the callers', written and checked at their calls; 'u':
 * anything else, which may hold any keyword. */
static void gather_returns(ctx *c, binding *b);

static char dsplat_kind(ctx *c, TSNode v, scope *sc, TSNode *disp)
{
    v = unparen(v);
    if (is_sym(v, syms.dictionary)) {
        *disp = v;
        return 'd';
    }
    if (sc && is_sym(v, syms.call)) { /* **load_opts(): a def returning one dict display */
        binding *b = sole_def(c, node_field(v, c->f_function), sc);
        if (!b || ts_node_named_child_count(node_field(v, c->f_arguments)) != 0)
            return 'u';
        if (!b->ret_values_done)
            gather_returns(c, b);
        if (b->nret_values != 1 || !is_sym(unparen(b->ret_values[0]), syms.dictionary))
            return 'u';
        *disp = unparen(b->ret_values[0]);
        return 'd';
    }
    if (!sc || !is_sym(v, syms.identifier))
        return 'u';
    const char *name = ident_name(c, v);
    for (scope *s = sc; name && s; s = s->parent) {
        if (s->kind == SCOPE_CLASS && s != sc)
            continue;
        namebind *nb = pc_strmap_get(&s->names, name);
        if (!nb)
            continue;
        if (nb->has_del || nb->has_part)
            return 'u';
        if (nb->has_plain_local && !nb->list)
            return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA ? 'p' : 'u';
        if (nb->has_local || !nb->list || nb->list->next || nb->list->kind != BIND_ALIAS ||
            !is_sym(unparen(nb->list->value), syms.dictionary))
            return 'u';
        *disp = unparen(nb->list->value);
        return 'd';
    }
    return 'u';
}

/* Is every key of dict display d a constant string, with no **x in it? */
static bool dict_keys_known(ctx *c, TSNode d, scope *sc)
{
    kids k;
    kids_init(&k, d, true);
    TSNode it;
    bool ok = true;
    while (ok && kids_next(&k, &it)) {
        strval s;
        TSSymbol t = ts_node_symbol(it);
        ok = t == syms.comment || (t == syms.pair && fold_string(c, node_field(it, c->f_key), sc, 0, &s));
    }
    kids_done(&k);
    return ok;
}

static void scan_args(ctx *c, TSNode call, arg_scan *s, scope *sc)
{
    s->done = true;
    if (!s->preset)
        s->args = node_field(call, c->f_arguments);
    s->is_list = is_sym(s->args, syms.argument_list) || (s->preset && !ts_node_is_null(s->args));
    if (!s->is_list)
        return;
    kids k;
    kids_init(&k, s->args, true);
    TSNode a;
    uint32_t skip = s->skip;
    while (kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        if (t == syms.keyword_argument) {
            s->keywords = true;
        } else if (t == syms.dictionary_splat) {
            TSNode d = {0};
            char kind = dsplat_kind(c, ts_node_named_child(a, 0), sc, &d);
            if (kind == 'd' && dict_keys_known(c, d, sc))
                s->keywords = true; /* read by find_arg_walk */
            else if (kind != 'p')
                s->dsplat = true;
        } else if (t == syms.list_splat) {
            if (!s->splat)
                s->first_splat = a;
            s->splat = true;
        } else if (skip) {
            skip--;
        } else if (!s->splat && s->npos++ < SCAN_POS) {
            s->pos[s->npos - 1] = a;
        }
    }
    kids_done(&k);
    if (!ts_node_is_null(s->more_keywords))
        s->keywords = true;
}

typedef struct call_ud {
    TSNode call;
    scope *sc;
    const char *qual;
    bool reference; /* a non-call reference: only rules without args */
    TSNode at;
    arg_scan *scan; /* shared by the callee's values; filled at first use */
    TSNode fn;      /* a deferred call's callee expression (its receiver), else null */
} call_ud;

/* Does keyword argument a's name match ac->keyword? Plain ASCII names are
 * compared in place (ident_name would copy them). */
static bool keyword_matches(ctx *c, TSNode a, const pc_argcond *ac)
{
    TSNode k = node_field(a, c->f_name);
    if (ts_node_is_null(k))
        return false;
    uint32_t s = ts_node_start_byte(k), e = ts_node_end_byte(k);
    bool glob = strpbrk(ac->keyword, "*?[") != NULL;
    char buf[128];
    const char *kn = NULL;
    if (e <= c->len && s <= e && e - s < sizeof buf) {
        bool ascii = true;
        for (uint32_t i = s; i < e && ascii; i++)
            ascii = (unsigned char)c->text[i] < 0x80;
        if (ascii && !glob)
            return strlen(ac->keyword) == e - s && !memcmp(c->text + s, ac->keyword, e - s);
        if (ascii) {
            memcpy(buf, c->text + s, e - s);
            buf[e - s] = '\0';
            kn = buf;
        }
    }
    if (!kn && !(kn = ident_name(c, k)))
        return false;
    return glob ? pc_glob_match(ac->keyword, kn) : !strcmp(kn, ac->keyword);
}

/* Locate an argument by position and/or keyword, walking the list in order.
 * *unknown when a splat hides it. */
/* The value dict display d gives key `keyword` (a name or glob), or null. */
static TSNode dict_keyword(ctx *c, TSNode d, scope *sc, const pc_argcond *ac)
{
    kids k;
    kids_init(&k, d, true);
    TSNode it, found = {0};
    while (ts_node_is_null(found) && kids_next(&k, &it)) {
        strval s;
        if (!is_sym(it, syms.pair) || !fold_string(c, node_field(it, c->f_key), sc, 0, &s))
            continue;
        const char *kn = pc_arena_strndup(c->a, s.s, s.len);
        if (kn && (strpbrk(ac->keyword, "*?[") ? pc_glob_match(ac->keyword, kn) : !strcmp(kn, ac->keyword)))
            found = node_field(it, c->f_value);
    }
    kids_done(&k);
    return found;
}

static TSNode find_arg_walk(ctx *c, TSNode args, uint32_t skip, const pc_argcond *ac, bool *unknown,
                            scope *sc)
{
    int pos = -(int)skip;
    bool splat = false, dsplat = false, hit = false;
    TSNode a, found = {0};
    kids k;
    kids_init(&k, args, true);
    while (!hit && kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        if (t == syms.keyword_argument) {
            if (ac->keyword && keyword_matches(c, a, ac)) {
                found = node_field(a, c->f_value);
                hit = true;
            }
            continue;
        }
        if (t == syms.dictionary_splat) {
            TSNode d = {0};
            char kind = dsplat_kind(c, ts_node_named_child(a, 0), sc, &d);
            if (kind == 'd' && dict_keys_known(c, d, sc)) {
                if (ac->keyword) { /* **{"shell": True}, opts = {...}; f(**opts) */
                    found = dict_keyword(c, d, sc, ac);
                    hit = !ts_node_is_null(found);
                }
            } else if (kind != 'p') {
                dsplat = true;
            }
            continue;
        }
        if (t == syms.list_splat) {
            splat = true;
            continue;
        }
        if (!splat && ac->position >= 0 && pos == ac->position) {
            found = a;
            hit = true;
        }
        pos++;
    }
    kids_done(&k);
    if (!hit && ((ac->position >= 0 && splat) || (ac->keyword && dsplat)))
        *unknown = true;
    return found;
}

/* find_arg_walk, answered from the scan when the condition is by position
 * only, or by keyword only on a call without keyword arguments. */
static TSNode find_arg(ctx *c, const arg_scan *s, const pc_argcond *ac, bool *unknown, scope *sc)
{
    *unknown = false;
    if (!ac->keyword && ac->position >= 0) {
        if ((uint32_t)ac->position < s->npos && ac->position < SCAN_POS)
            return s->pos[ac->position];
        if ((uint32_t)ac->position >= s->npos) {
            *unknown = s->splat;
            return (TSNode){0};
        }
    } else if (ac->keyword && ac->position < 0 && !s->keywords) {
        *unknown = s->dsplat;
        return (TSNode){0};
    }
    TSNode found = find_arg_walk(c, s->args, s->skip, ac, unknown, sc);
    if (ts_node_is_null(found) && ac->keyword && !ts_node_is_null(s->more_keywords)) {
        bool unk = false; /* the later call's keywords (it passes nothing else) */
        found = find_arg_walk(c, s->more_keywords, 0, ac, &unk, sc);
        if (!ts_node_is_null(found))
            *unknown = false;
    }
    return found;
}

static bool values_equal(const pc_value *a, const pc_value *b)
{
    if (a->type == PC_VAL_STR || b->type == PC_VAL_STR)
        return a->type == b->type && a->slen == b->slen && !memcmp(a->s, b->s, a->slen);
    if (a->type == PC_VAL_NONE || b->type == PC_VAL_NONE)
        return a->type == b->type;
    double x = a->type == PC_VAL_BOOL ? a->b : a->type == PC_VAL_INT ? (double)a->i : a->f;
    double y = b->type == PC_VAL_BOOL ? b->b : b->type == PC_VAL_INT ? (double)b->i : b->f;
    return x == y;
}

/* A list or tuple display as its items joined by spaces ("?" for an item
 * that is not a constant string), so a regex can read an argv list. */
static bool joined_items(ctx *c, TSNode a, scope *sc, strval *out)
{
    if (!node_is(a, "list") && !node_is(a, "tuple"))
        return false;
    size_t cap = 256, len = 0;
    char *buf = pc_arena_alloc(c->a, cap);
    uint32_t n = ts_node_named_child_count(a);
    for (uint32_t i = 0; buf && i < n && i < 64; i++) {
        TSNode item = ts_node_named_child(a, i);
        if (node_is(item, "comment"))
            continue;
        strval s;
        if (!fold_string(c, item, sc, 0, &s) || memchr(s.s, 0, s.len))
            s = (strval){"?", 1};
        if (len + s.len + 2 > cap) {
            size_t ncap = (len + s.len + 2) * 2;
            char *nb = pc_arena_alloc(c->a, ncap);
            if (!nb)
                return false;
            memcpy(nb, buf, len);
            buf = nb;
            cap = ncap;
        }
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, s.s, s.len);
        len += s.len;
    }
    if (!buf)
        return false;
    buf[len] = '\0';
    out->s = buf;
    out->len = len;
    return true;
}

#define TEXT_BUDGET 2048      /* nodes looked at and regexes run, per argument */
#define TEXT_WORK_MAX 8000000 /* texts recorded and looked up, per file */

struct text_seen {
    const pc_argcond *re;
    const char *s; /* kept in the file's arena, or its source */
    uint64_t h;    /* of the text's bytes */
    uint32_t n;
    bool hit;
};

/* One unit of a file's text work (a text followed, recorded or looked
 * up). Every file's work is bounded: past TEXT_WORK_MAX (some ten times what
 * any file of the standard library or dist-packages needs) no text matches
 * any more, and the file is denied as too complex (analyze.c). */
static bool text_work(ctx *c)
{
    if (++c->text_work <= TEXT_WORK_MAX)
        return true;
    c->text_work_spent = true;
    return false;
}

/* What text_matches reads for one argument, in order: each text and the
 * budget spent when it was reached. */
typedef struct text_memo {
    TSNode node;
    scope *sc;
    bool deep, ok;
    const char **s;
    uint32_t *len;
    int *cost;
    int n, cap;
    int spent; /* the whole walk's */
} text_memo;

static void record_text(ctx *c, const char *s, size_t n)
{
    text_memo *m = c->recording;
    if (!m->ok)
        return;
    if (m->n == m->cap) {
        int cap = m->cap ? m->cap * 2 : 16;
        const char **vs = pc_arena_array(c->a, (size_t)cap, sizeof *vs);
        uint32_t *vl = pc_arena_array(c->a, (size_t)cap, sizeof *vl);
        int *vc = pc_arena_array(c->a, (size_t)cap, sizeof *vc);
        if (!vs || !vl || !vc) {
            m->ok = false;
            return;
        }
        if (m->n) {
            memcpy(vs, m->s, (size_t)m->n * sizeof *vs);
            memcpy(vl, m->len, (size_t)m->n * sizeof *vl);
            memcpy(vc, m->cost, (size_t)m->n * sizeof *vc);
        }
        m->s = vs, m->len = vl, m->cost = vc, m->cap = cap;
    }
    m->s[m->n] = s;
    m->len[m->n] = (uint32_t)n;
    m->cost[m->n] = TEXT_BUDGET - *c->recording_budget;
    m->n++;
}

/* A `text` condition's regex on s, after the cheap look at its first byte;
 * while texts are recorded, s is only noted (and does not match). */
/* The file's comments, gathered from the tape once. */
static void gather_comments(ctx *c)
{
    int n = 0;
    for (size_t i = 0; i < c->ntape; i++)
        n += c->tape[i].sym == syms.comment;
    c->ncode_comments = 0;
    if (!n || !(c->code_comments = pc_arena_array(c->a, (size_t)n, sizeof *c->code_comments)))
        return;
    for (size_t i = 0; i < c->ntape; i++)
        if (c->tape[i].sym == syms.comment) {
            c->code_comments[c->ncode_comments][0] = ts_node_start_byte(c->tape[i].node);
            c->code_comments[c->ncode_comments++][1] = ts_node_end_byte(c->tape[i].node);
        }
}

/* Source text s[0..n) of the file as text conditions read it: with its
 * comments blanked (a def's body read whole must not match on
 * "# credentials come from ~/.pgpass"), in a copy when it has any. */
static const char *code_only(ctx *c, const char *s, size_t n)
{
    if (s < c->text || s + n > c->text + c->len || !n)
        return s; /* a folded value, not the file's text */
    if (c->ncode_comments < 0)
        gather_comments(c);
    uint32_t st = (uint32_t)(s - c->text), en = st + (uint32_t)n;
    int lo = 0, hi = c->ncode_comments; /* the first comment that ends after st */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (c->code_comments[mid][1] <= st)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == c->ncode_comments || c->code_comments[lo][0] >= en)
        return s;
    if (c->code_copy && c->code_copy_at == st && c->code_copy_len == n) /* rules read the same text in turn */
        return c->code_copy;
    char *copy = pc_arena_alloc(c->a, n + 1);
    if (!copy)
        return s;
    memcpy(copy, s, n);
    for (int k = lo; k < c->ncode_comments && c->code_comments[k][0] < en; k++) {
        uint32_t a = c->code_comments[k][0] > st ? c->code_comments[k][0] : st;
        uint32_t b = c->code_comments[k][1] < en ? c->code_comments[k][1] : en;
        memset(copy + (a - st), ' ', b - a);
    }
    c->code_copy = copy;
    c->code_copy_at = st;
    c->code_copy_len = (uint32_t)n;
    return copy;
}

static bool text_re_matches(ctx *c, const pc_argcond *ac, const char *s, size_t n)
{
    if (!text_work(c))
        return false;
    if (c->recording) {
        record_text(c, s, n);
        return false;
    }
    unsigned char b = n ? (unsigned char)s[0] : 0;
    if (n && ac->text_first_known && !(ac->text_first[b >> 3] & (1u << (b & 7))))
        return false;
    if (ac->text_needles && pc_needles_absent(ac->text_needles, s, n))
        return false;
    s = code_only(c, s, n); /* after the quick checks: blanking only takes matches away */
    /* the same texts come back through other arguments that follow the
     * same names: each pair is run once. The table starts small and grows
     * (up to 64K pairs) when it keeps missing: a name bound a thousand times
     * and passed a thousand times would otherwise run a million regexes */
    enum { SEEN = 512, SEEN_MAX = 65536 };
    if (!c->seen || (c->seen_misses > 4 * c->nseen && c->nseen < SEEN_MAX)) {
        uint32_t want = c->seen ? c->nseen * 8 : SEEN;
        if (want > SEEN_MAX)
            want = SEEN_MAX;
        struct text_seen *t = pc_arena_array(c->a, want, sizeof *c->seen);
        if (t) {
            memset(t, 0, want * sizeof *t);
            c->seen = t; /* the old table's answers are dropped: they are run again */
            c->nseen = want;
        }
        c->seen_misses = 0;
        if (!c->seen)
            return pcre2_match(ac->text, (PCRE2_SPTR)s, n, 0, 0, c->w->md, c->w->mctx) >= 0;
    }
    /* by the text's bytes, not where they are: a folded value comes back
     * as a new copy each time it is folded again */
    uint64_t th = 1469598103934665603ULL ^ n;
    for (size_t i = 0; i < n; i++)
        th = (th ^ (unsigned char)s[i]) * 1099511628211ULL;
    uint64_t h = ((uintptr_t)ac >> 3) * 0x9E3779B97F4A7C15ULL ^ th;
    struct text_seen *e = &c->seen[(h ^ (h >> 29)) % c->nseen];
    if (e->re == ac && e->n == n && e->h == th && (e->s == s || !memcmp(e->s, s, n)))
        return e->hit;
    c->seen_misses++;
    bool hit = pcre2_match(ac->text, (PCRE2_SPTR)s, n, 0, 0, c->w->md, c->w->mctx) >= 0;
    *e = (struct text_seen){ac, s, th, (uint32_t)n, hit};
    return hit;
}

/* Does one condition hold for value node a (null when absent; unknown when
 * a splat may hide it)? Shared by call arguments and assigned values. */
/* A `text` condition: the argument's source text, or (with follow: true,
 * when sc is given) the text of the expressions assigned to the names in it (followed through up to three
 * assignments, at most 2048 nodes looked at in all), so that
 * `body = json.dumps({"env": dict(os.environ)}); send(body)` is seen. */
static bool text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re, int depth, int *budget,
                         bool deep);

/* with X as name: kept with the with statement's span. up[] holds the
 * tape's nodes above the as_pattern (with_item, with_clause,
 * with_statement), taken from the tape rather than ts_node_parent, which
 * walks down from the root each time. */
static void add_with(ctx *c, TSNode as, const TSNode up[3], scope *sc)
{
    TSNode alias = node_field(as, c->f_alias), value = ts_node_named_child(as, 0);
    TSNode id = node_is(alias, "as_pattern_target") ? ts_node_named_child(alias, 0) : alias;
    const char *name = is_sym(id, syms.identifier) ? ident_name(c, id) : NULL;
    TSNode item = up[0], stmt = up[2];
    if (!name || ts_node_is_null(value) || !node_is(item, "with_item") || !node_is(stmt, "with_statement"))
        return;
    c->withs[c->nwiths++] = (with_bind){name, value, ts_node_start_byte(stmt), ts_node_end_byte(stmt), sc};
}

/* x.append(v) and the like: calls that put their arguments into x */
static bool fills_receiver(const char *m)
{
    /* also what is written into a buffer or an e-mail message */
    static const char *const names[] = {"add",         "append",      "appendleft",     "extend",
                                        "extendleft",  "insert",      "setdefault",     "update",
                                        "__setitem__", "write",       "writelines",     "attach",
                                        "set_content", "set_payload", "add_attachment", "writestr",
                                        "addfile",     "writerow",    "writerows"};
    return str_listed(m, names, sizeof names / sizeof *names);
}

/* img.save(buf, "PNG"), fig.savefig(buf), json.dump(obj, buf): calls that
 * write into a buffer or file they are handed */
static bool fills_argument(const char *m)
{
    static const char *const names[] = {"save",     "savefig",    "dump",   "to_csv", "to_json",
                                        "to_excel", "to_parquet", "tofile", "export", "write_to"};
    return str_listed(m, names, sizeof names / sizeof *names);
}

/* tarfile.open(fileobj=buf, mode="w:gz"), zipfile.ZipFile(buf, "w"),
 * csv.writer(buf): objects that write what they are given into a buffer
 * they wrap (named by fileobj= or the first argument) */
static bool wraps_buffer(const char *m)
{
    static const char *const names[] = {"open",       "ZipFile",        "TarFile",       "GzipFile",
                                        "BZ2File",    "LZMAFile",       "TextIOWrapper", "writer",
                                        "DictWriter", "BufferedWriter", "StreamWriter"};
    return str_listed(m, names, sizeof names / sizeof *names);
}

/* "self.x" for self.x, as the name its fills are kept under */
static const char *self_attr_key(ctx *c, TSNode a)
{
    TSNode o = is_sym(a, syms.attribute) ? node_field(a, c->f_object) : (TSNode){0};
    const char *on = is_sym(o, syms.identifier) ? ident_name(c, o) : NULL;
    const char *an = on && !strcmp(on, "self") ? ident_name(c, node_field(a, c->f_attribute)) : NULL;
    return an ? pc_arena_printf(c->a, "self.%s", an) : NULL;
}

/* The first entry of name's chain in a map of chains (1 + its index is
 * what the map holds), or -1; m may be NULL. */
static int32_t chain_head(pc_strmap *m, const char *name)
{
    void *h = m ? pc_strmap_get(m, name) : NULL;
    return h ? (int32_t)((uintptr_t)h - 1) : -1;
}

static void add_fill_attr(ctx *c, TSNode target, TSNode what, scope *sc, const char *attr);
static void build_sites(ctx *c);

int32_t call_sites_named(ctx *c, const char *last)
{
    build_sites(c);
    return c->tape_off ? -1 : chain_head(c->sites_by_name, last);
}

static void add_fill(ctx *c, TSNode target, TSNode what, scope *sc)
{
    add_fill_attr(c, target, what, sc, NULL);
}

static void add_fill_attr(ctx *c, TSNode target, TSNode what, scope *sc, const char *attr)
{
    const char *name = ts_node_is_null(what)             ? NULL
                       : is_sym(target, syms.identifier) ? ident_name(c, target)
                                                         : self_attr_key(c, target);
    if (!name || c->nfills >= c->fills_cap)
        return;
    call_site *f = &c->fills[c->nfills];
    f->call = what;
    f->sc = sc;
    f->writer = false;
    f->attr = attr;
    f->next = chain_head(c->fills_by_name, name);
    if (pc_strmap_put(c->fills_by_name, name, (void *)(uintptr_t)(c->nfills + 1)) < 0)
        return;
    c->nfills++;
}

static TSNode wrapper_buffer(ctx *c, TSNode call, scope *sc);

/* x.append(v), tar.add(path, filter=f): x is filled with what the call
 * puts in it, the whole argument list, or where the call has keywords
 * (options such as filter=, arcname=) its positional arguments alone;
 * update(k=v) and setdefault put their keywords' values in too */
static void add_receiver_fill(ctx *c, TSNode obj, TSNode call, const char *m, scope *sc)
{
    TSNode args = node_field(call, c->f_arguments);
    bool keywords = false;
    if (is_sym(args, syms.argument_list) && strcmp(m, "update") && strcmp(m, "setdefault")) {
        kids k;
        kids_init(&k, args, true);
        TSNode a;
        while (!keywords && kids_next(&k, &a))
            keywords = is_sym(a, syms.keyword_argument);
        kids_done(&k);
    }
    /* ZipFile(buf, "w").write(path): into the buffer the wrapper writes */
    TSNode w = unparen(obj);
    if (is_sym(w, syms.call)) {
        const char *wn = callee_last_name(c, w, NULL);
        TSNode buf = wn && wraps_buffer(wn) ? wrapper_buffer(c, w, sc) : (TSNode){0};
        if (!ts_node_is_null(buf))
            obj = buf;
    }
    /* session.headers.update(h): session is filled (for a read of it, or
     * of session.headers), as by session.headers = h */
    const char *attr = NULL;
    TSNode o = is_sym(obj, syms.attribute) ? node_field(obj, c->f_object) : (TSNode){0};
    const char *on = is_sym(o, syms.identifier) ? ident_name(c, o) : NULL;
    if (on && strcmp(on, "self") && strcmp(on, "cls")) {
        attr = ident_name(c, node_field(obj, c->f_attribute));
        if (attr)
            obj = o;
    }
    if (!keywords) {
        add_fill_attr(c, obj, args, sc, attr);
        return;
    }
    kids k;
    kids_init(&k, args, true);
    TSNode a;
    for (int n = 0; n < 3 && kids_next(&k, &a);)
        if (!is_sym(a, syms.keyword_argument) && !is_sym(a, syms.comment) &&
            !is_sym(a, syms.dictionary_splat)) {
            add_fill_attr(c, obj, a, sc, attr);
            n++;
        }
    kids_done(&k);
}

/* Each name handed to a call that writes into it (a keyword's value too) is
 * filled with the whole call: its receiver and its other arguments. */
static void add_writer_fills(ctx *c, TSNode call, scope *sc)
{
    kids k;
    kids_init(&k, node_field(call, c->f_arguments), true);
    TSNode a;
    while (kids_next(&k, &a)) {
        if (is_sym(a, syms.keyword_argument))
            a = node_field(a, c->f_value);
        if (!is_sym(a, syms.identifier))
            continue;
        size_t before = c->nfills;
        add_fill(c, a, call, sc);
        if (c->nfills > before)
            c->fills[before].writer = true;
    }
    kids_done(&k);
}

/* Is name x bound once to a buffer in memory (io.BytesIO(), StringIO())? */
static bool memory_buffer(ctx *c, TSNode x, scope *sc)
{
    binding *b = sole_binding(ident_name(c, x), sc, BIND_ALIAS);
    TSNode v = b ? unparen(b->value) : (TSNode){0};
    const char *n = is_sym(v, syms.call) ? callee_last_name(c, v, NULL) : NULL;
    static const char *const bufs[] = {"BytesIO", "StringIO", "SpooledTemporaryFile", "TemporaryFile",
                                       "NamedTemporaryFile"};
    return n && str_listed(n, bufs, sizeof bufs / sizeof *bufs);
}

/* The buffer a wrapper call writes into: its fileobj= or file= keyword,
 * or a first argument that is a buffer in memory (ZipFile(path) writes a
 * file, and the path does not hold what goes into it); or a null node. */
static TSNode wrapper_buffer(ctx *c, TSNode call, scope *sc)
{
    TSNode buf = {0}, first = {0};
    kids k;
    kids_init(&k, node_field(call, c->f_arguments), true);
    TSNode a;
    for (int i = 0; kids_next(&k, &a); i++) {
        if (is_sym(a, syms.keyword_argument)) {
            const char *kw = ident_name(c, node_field(a, c->f_name));
            if (kw && (!strcmp(kw, "fileobj") || !strcmp(kw, "file")))
                buf = node_field(a, c->f_value);
        } else if (i == 0) {
            first = a;
        }
    }
    kids_done(&k);
    if (ts_node_is_null(buf) && is_sym(first, syms.identifier) && memory_buffer(c, first, sc))
        buf = first;
    return is_sym(buf, syms.identifier) ? buf : (TSNode){0};
}

/* A wrapper bound to a name (tar = tarfile.open(fileobj=buf), with
 * ZipFile(buf, "w") as z): the buffer is filled with that name, so what is
 * put into the wrapper (tar.add(path), z.write(path)) is in the buffer.
 * parent is the call's parent on the tape. */
static void add_wrapper_fill(ctx *c, TSNode call, TSNode parent, scope *sc)
{
    TSNode target = {0};
    if (is_sym(parent, syms.assignment) && ts_node_eq(node_field(parent, c->f_right), call)) {
        target = node_field(parent, c->f_left);
    } else if (node_is(parent, "as_pattern") && ts_node_eq(ts_node_named_child(parent, 0), call)) {
        TSNode alias = node_field(parent, c->f_alias);
        target = node_is(alias, "as_pattern_target") ? ts_node_named_child(alias, 0) : alias;
    }
    TSNode buf = is_sym(target, syms.identifier) ? wrapper_buffer(c, call, sc) : (TSNode){0};
    if (!ts_node_is_null(buf))
        add_fill(c, buf, target, sc);
}

/* Does x.a = v fill x? Only for a name the program binds to a value of
 * its own (not a method's self or cls, whose attributes the class scope
 * keeps, and not a module, class or function: sys.stdin = f says nothing
 * of sys.path). */
static bool attr_fills(ctx *c, TSNode x, scope *sc)
{
    const char *name = is_sym(x, syms.identifier) ? ident_name(c, x) : NULL;
    if (!name)
        return false;
    /* a method's first parameter: its attributes are the class's (self.NAME) */
    if (sc && sc->kind == SCOPE_FUNCTION && sc->parent && sc->parent->kind == SCOPE_CLASS) {
        scope_params(c, sc);
        if (sc->nparams > 0 && !strcmp(sc->params[0], name))
            return false;
    }
    namebind *nb = NULL;
    for (scope *s = sc; s && !nb; s = s->parent)
        if (s->kind != SCOPE_CLASS || s == sc)
            nb = pc_strmap_get(&s->names, name);
    if (!nb)
        return false;
    for (binding *b = nb->list; b; b = b->next)
        if (b->kind == BIND_IMPORT || b->kind == BIND_DEF || b->kind == BIND_CLASS)
            return false;
    return true;
}

typedef struct alias_site {
    int32_t site; /* index in c->sites */
    int32_t next; /* the next alias site of the same function name, or -1 */
} alias_site;

/* The display behind x when x is T[k], T.get(k), T.values() or T (T
 * bound once to a display): T's display, and *items set when x picks items
 * of it (a dict's values). */
static TSNode picked_display(ctx *c, TSNode x, scope *sc, bool *items)
{
    x = unparen(x);
    *items = false;
    if (is_sym(x, syms.subscript)) {
        x = unparen(node_field(x, c->f_value));
        *items = true;
    } else if (is_sym(x, syms.call) && is_sym(node_field(x, c->f_function), syms.attribute)) {
        TSNode f = node_field(x, c->f_function);
        const char *m = ident_name(c, node_field(f, c->f_attribute));
        if (!m || (strcmp(m, "get") && strcmp(m, "values")))
            return (TSNode){0};
        x = unparen(node_field(f, c->f_object));
        *items = true;
    }
    if (!is_sym(x, syms.identifier))
        return (TSNode){0};
    binding *d = sole_binding(ident_name(c, x), sc, BIND_ALIAS);
    return d ? unparen(d->value) : (TSNode){0};
}

/* The display a name holding functions is bound to: the value of its one
 * assignment or loop (for f in (a, b)), or of the one assignment of the
 * name that value is (for f in HANDLERS), or picked from one (fn = T[k],
 * for f in T.values()); *items as for picked_display. */
static TSNode funcs_display(ctx *c, const char *name, scope *sc, bool *items)
{
    *items = false;
    binding *b = sole_binding(name, sc, BIND_ALIAS);
    if (!b)
        b = sole_binding(name, sc, BIND_PART);
    TSNode v = b ? unparen(b->value) : (TSNode){0};
    scope *vs = b && b->value_scope ? b->value_scope : sc;
    if (ts_node_is_null(v))
        return v;
    if (b->kind == BIND_PART) { /* a loop: each item of what it walks */
        return is_sym(v, syms.identifier) || is_sym(v, syms.call) ? picked_display(c, v, vs, items) : v;
    }
    if (is_sym(v, syms.subscript) || is_sym(v, syms.call)) { /* fn = T[k], fn = T.get(k) */
        TSNode d = picked_display(c, v, vs, items);
        return *items ? d : (TSNode){0};
    }
    return v;
}

static void add_alias(ctx *c, const char *fname, int32_t site)
{
    if (!fname)
        return;
    /* one call may add 16: grow, keeping every site */
    alias_site *v = pc_arena_grow(c->a, c->alias_sites, c->nalias, &c->alias_cap, sizeof *v, 64);
    if (!v)
        return;
    c->alias_sites = v;
    alias_site *a = &c->alias_sites[c->nalias];
    a->site = site;
    a->next = chain_head(c->alias_by_name, fname);
    if (pc_strmap_put(c->alias_by_name, fname, (void *)(uintptr_t)(c->nalias + 1)) == 0)
        c->nalias++;
}

/* A call through a name (f(x), or T[k](x)) that holds functions named in a
 * display: an alias site of each function named there (at most 16). */
static void add_alias_sites(ctx *c, TSNode fn, scope *sc, int32_t site)
{
    if (!c->alias_by_name)
        return;
    bool sub = false;
    TSNode v = {0};
    if (is_sym(fn, syms.identifier)) {
        v = funcs_display(c, ident_name(c, fn), sc, &sub);
    } else { /* T[k](x), T.get(k)(x) */
        v = picked_display(c, fn, sc, &sub);
        if (!sub)
            return;
    }
    if (ts_node_is_null(v))
        return;
    if (is_sym(v, syms.identifier)) {
        if (!sub)
            add_alias(c, ident_name(c, v), site);
        return;
    }
    bool dict = is_sym(v, syms.dictionary);
    if (!dict && !is_sym(v, syms.list) && !is_sym(v, syms.tuple) && !is_sym(v, syms.set))
        return;
    if (dict && !sub) /* a loop over a dict gets its keys */
        return;
    uint32_t n = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < n && i < 16; i++) {
        TSNode it = ts_node_named_child(v, i);
        if (dict)
            it = is_sym(it, syms.pair) ? node_field(it, c->f_value) : (TSNode){0};
        if (!ts_node_is_null(it) && is_sym(unparen(it), syms.identifier))
            add_alias(c, ident_name(c, unparen(it)), site);
    }
}

/* setattr(x, "a", v) fills x as x.a = v does (the builtin, not a def of
 * the program's own). */
static void add_setattr_fill(ctx *c, TSNode call, scope *sc)
{
    TSNode args = node_field(call, c->f_arguments);
    if (!is_sym(args, syms.argument_list) || ts_node_named_child_count(args) != 3 ||
        pc_strmap_get(&c->module->names, "setattr"))
        return;
    TSNode x = ts_node_named_child(args, 0), k = ts_node_named_child(args, 1),
           v = ts_node_named_child(args, 2);
    strval key;
    if (!attr_fills(c, x, sc) || !fold_string(c, k, sc, 0, &key) || !key.len || key.len > 128)
        return;
    add_fill_attr(c, x, v, sc, pc_arena_printf(c->a, "%.*s", (int)key.len, key.s));
}

/* Thread(target=f, args=(x,)), Process(...), pool.apply_async(f, args=(x,)),
 * pool.submit(f, x), loop.run_in_executor(ex, f, x), atexit.register(f, x),
 * loop.call_soon(f, x), loop.call_later(t, f, x), Timer(t, f, args=[x]),
 * _thread.start_new_thread(f, (x,)), asyncio.to_thread(f, x), map(f, xs), pool.imap(f, xs),
 * filter(f, xs), functools.partial(f, x): a call of the program's function
 * f with x (for a map, the iterable stands for its items), added as a site
 * of f's name (its parameters follow to x). m is the callee's last name. */
static void add_handoff_site(ctx *c, pc_strmap *by, TSNode call, const char *m, scope *sc)
{
    static const struct {
        const char *m;
        int fpos, apos; /* f's position (-1: target=), the tuple's (-1: args=, -2: f's own list) */
    } forms[] = {{"Thread", -1, -1},
                 {"Process", -1, -1},
                 {"Timer", 1, -1},
                 {"apply_async", 0, -1},
                 {"apply", 0, -1},
                 {"submit", 0, -2},
                 {"run_in_executor", 1, -2},
                 {"register", 0, -2},
                 {"call_soon", 0, -2},
                 {"call_soon_threadsafe", 0, -2},
                 {"call_later", 1, -2},
                 {"start_new_thread", 0, 1},
                 {"map", 0, -2},
                 {"imap", 0, -2},
                 {"imap_unordered", 0, -2},
                 {"starmap", 0, -2},
                 {"filter", 0, -2},
                 {"to_thread", 0, -2},
                 {"partial", 0, -2}};
    int k = -1;
    for (size_t i = 0; i < sizeof forms / sizeof *forms && k < 0; i++)
        if (!strcmp(m, forms[i].m))
            k = (int)i;
    TSNode args = node_field(call, c->f_arguments);
    if (k < 0 || !is_sym(args, syms.argument_list) || c->nsites >= 2 * c->ncalls_cap)
        return;
    TSNode f = forms[k].fpos < 0 ? kwarg(c, args, "target") : call_arg(args, (uint32_t)forms[k].fpos);
    if (ts_node_is_null(f) && forms[k].fpos >= 0 && strcmp(m, "apply_async") && strcmp(m, "apply"))
        f = kwarg(c, args, forms[k].m[0] == 'T' ? "function" : "fn");
    f = unparen(f);
    const char *fname = is_sym(f, syms.identifier) ? ident_name(c, f) : NULL;
    if (!fname)
        return;
    TSNode hargs = {0};
    uint32_t skip = 0;
    if (forms[k].apos == -2) {
        hargs = args;
        skip = (uint32_t)forms[k].fpos + 1;
    } else {
        hargs = forms[k].apos == -1 ? kwarg(c, args, "args") : call_arg(args, (uint32_t)forms[k].apos);
        hargs = unparen(hargs);
        if (!is_sym(hargs, syms.tuple) && !is_sym(hargs, syms.list))
            return; /* no arguments, or not known */
    }
    call_site *cs = &c->sites[c->nsites];
    *cs = (call_site){
        .call = call, .sc = sc, .next = chain_head(by, fname), .target = f, .hargs = hargs, .hskip = skip};
    if (pc_strmap_put(by, fname, (void *)(uintptr_t)(c->nsites + 1)) < 0)
        return;
    c->nsites++;
}

/* Every call on the tape with the scope it is in (the innermost def,
 * lambda, class or comprehension above it, kept on a stack by depth),
 * chained by the callee's last name; and what goes into containers that
 * names hold (fills). Worked out once per file. */
static void build_sites(ctx *c)
{
    if (c->sites_built)
        return;
    c->sites_built = true;
    size_t n = 0, nas = 0;
    for (size_t i = 0; i < c->ntape && !c->tape_off; i++) {
        n += c->tape[i].sym == syms.call || c->tape[i].sym == syms.assignment ||
             c->tape[i].sym == syms.augmented_assignment;
        nas += c->tape[i].type[0] == 'a' && !strcmp(c->tape[i].type, "as_pattern");
    }
    if (nas)
        c->withs = pc_arena_array(c->a, nas, sizeof *c->withs);
    pc_strmap *by = pc_arena_alloc(c->a, sizeof *by), *fills = pc_arena_alloc(c->a, sizeof *fills);
    if (!n || !by || !fills || !(c->sites = pc_arena_array(c->a, 2 * n, sizeof *c->sites)) ||
        !(c->fills = pc_arena_array(c->a, 3 * n, sizeof *c->fills)))
        return;
    c->fills_cap = 3 * n; /* one per call or assignment, and names handed to writers */
    c->ncalls_cap = n;    /* sites: one per call, and one per handoff call */
    pc_strmap_init(by, c->a);
    pc_strmap_init(fills, c->a);
    pc_strmap *aliases = pc_arena_alloc(c->a, sizeof *aliases);
    if (aliases && (c->alias_sites = pc_arena_array(c->a, n, sizeof *c->alias_sites))) {
        c->alias_cap = n; /* grown by add_alias when calls name more functions */
        pc_strmap_init(aliases, c->a);
        c->alias_by_name = aliases;
    }
    c->sites_by_name = by;
    c->fills_by_name = fills;
    enum { DEEP = 64, ANC = 256 };
    scope *scs[DEEP];
    uint32_t depths[DEEP];
    TSNode anc[ANC]; /* the last node seen at each depth: the ancestors of the current one */
    int top = 0;
    for (size_t i = 0; i < c->ntape && !c->tape_off; i++) {
        const tape_entry *e = &c->tape[i];
        while (top && e->depth <= depths[top - 1])
            top--;
        scope *own = scope_of_node(c, e->node);
        if (own && top < DEEP && (!top || scs[top - 1] != own)) {
            scs[top] = own;
            depths[top++] = e->depth;
        }
        scope *sc = top ? scs[top - 1] : c->module;
        if (e->depth < ANC)
            anc[e->depth] = e->node;
        if (c->withs && e->depth >= 3 && e->depth < ANC && e->type[0] == 'a' &&
            !strcmp(e->type, "as_pattern")) {
            /* the tape holds named nodes only: with_item, with_clause and
             * with_statement are each one level up */
            TSNode up[3] = {anc[e->depth - 1], anc[e->depth - 2], anc[e->depth - 3]};
            add_with(c, e->node, up, sc);
        }
        if (e->sym == syms.assignment || e->sym == syms.augmented_assignment) {
            /* x[k] = v, x.a = v and x += v fill x; x = v binds it (scope.c) */
            TSNode left = node_field(e->node, c->f_left);
            if (is_sym(left, syms.subscript))
                add_fill(c, node_field(left, c->f_value), node_field(e->node, c->f_right), sc);
            else if (is_sym(left, syms.attribute) && attr_fills(c, node_field(left, c->f_object), sc))
                add_fill_attr(c, node_field(left, c->f_object), node_field(e->node, c->f_right), sc,
                              ident_name(c, node_field(left, c->f_attribute)));
            else if (e->sym == syms.augmented_assignment)
                add_fill(c, left, node_field(e->node, c->f_right), sc);
            continue;
        }
        if (e->sym != syms.call)
            continue;
        call_site *cs = &c->sites[c->nsites];
        cs->call = e->node;
        cs->sc = sc;
        cs->next = -1;
        cs->callee = NULL;
        TSNode f = node_field(e->node, c->f_function), obj = {0};
        if (is_sym(f, syms.attribute)) {
            obj = node_field(f, c->f_object);
            f = node_field(f, c->f_attribute);
        }
        const char *name = is_sym(f, syms.identifier) ? ident_name(c, f) : NULL;
        if (ts_node_is_null(obj)) /* f(x), T[k](x), T.get(k)(x) */
            add_alias_sites(c, f, sc, (int32_t)c->nsites);
        if (ts_node_is_null(obj) && name && !strcmp(name, "setattr"))
            add_setattr_fill(c, e->node, sc);
        if (name) {
            cs->next = chain_head(by, name);
            if (pc_strmap_put(by, name, (void *)(uintptr_t)(c->nsites + 1)) < 0)
                cs->next = -1;
            if (!ts_node_is_null(obj) && fills_receiver(name))
                add_receiver_fill(c, obj, e->node, name, sc);
            else if (fills_argument(name))
                add_writer_fills(c, e->node, sc);
            if (wraps_buffer(name) && e->depth >= 1 && e->depth <= ANC)
                add_wrapper_fill(c, e->node, anc[e->depth - 1], sc);
        }
        c->nsites++;
        if (name)
            add_handoff_site(c, by, e->node, name, sc);
    }
}

/* The fills of the container `name` bound in scope s, one at a time, from
 * *i = fills_head(c, name); each fill of the name looked at costs one of
 * *budget (when given), and none is looked at once it is spent. */
static int32_t fills_head(ctx *c, const char *name)
{
    build_sites(c);
    return chain_head(c->fills_by_name, name);
}

static const call_site *fills_next(ctx *c, scope *s, const char *name, int32_t *i, int *budget)
{
    while (*i >= 0 && (!budget || --*budget > 0)) {
        const call_site *f = &c->fills[*i];
        *i = f->next;
        scope *at = f->sc;
        while (at && !pc_strmap_get(&at->names, name))
            at = at->parent;
        if (at == s)
            return f;
    }
    return NULL;
}

/* The parameters of the def that makes scope s, once (at most 64). */
static void gather_params(ctx *c, scope *s)
{
    s->params_done = true;
    TSNode fname = node_field(s->node, c->f_name);
    if (s->kind == SCOPE_LAMBDA) { /* name = lambda ...: called by that name */
        TSNode up = ts_node_parent(s->node);
        while (is_sym(up, syms.parenthesized_expression))
            up = ts_node_parent(up);
        fname = is_sym(up, syms.assignment) ? node_field(up, c->f_left) : (TSNode){0};
    }
    s->fname = is_sym(fname, syms.identifier) ? ident_name(c, fname) : NULL;
    TSNode params = node_field(s->node, c->f_parameters);
    if (ts_node_is_null(params) || !(s->params = pc_arena_array(c->a, 64, sizeof *s->params)))
        return;
    s->kwonly_from = 64;
    kids k;
    kids_init(&k, params, true);
    TSNode p;
    while (s->nparams < 64 && kids_next(&k, &p)) {
        TSNode id = p;
        if (node_is(p, "typed_parameter"))
            id = ts_node_named_child(p, 0);
        else if (node_is(p, "default_parameter") || node_is(p, "typed_default_parameter"))
            id = node_field(p, c->f_name);
        if (node_is(id, "list_splat_pattern") || node_is(id, "keyword_separator")) {
            if (s->kwonly_from > s->nparams)
                s->kwonly_from = s->nparams;
            TSNode v = node_is(id, "list_splat_pattern") ? ts_node_named_child(id, 0) : (TSNode){0};
            if (is_sym(v, syms.identifier))
                s->varargs = ident_name(c, v);
            continue;
        }
        const char *n = !ts_node_is_null(id) && is_sym(id, syms.identifier) ? ident_name(c, id) : NULL;
        if (n)
            s->params[s->nparams++] = n;
    }
    kids_done(&k);
}

void scope_params(ctx *c, scope *s)
{
    if (!s->params_done)
        gather_params(c, s);
}

int param_index(ctx *c, scope *s, const char *name)
{
    if (!s->params_done)
        gather_params(c, s);
    for (int i = 0; i < s->nparams; i++)
        if (!strcmp(s->params[i], name))
            return i;
    return -1;
}

/* Does `name`, looked up from sc, name def (or class) fn? */
static bool names_def(const char *name, scope *sc, TSNode fn)
{
    for (scope *s = sc; s; s = s->parent) {
        namebind *nb = pc_strmap_get(&s->names, name);
        if (!nb)
            continue;
        for (binding *b = nb->list; b; b = b->next)
            if ((b->kind == BIND_DEF || b->kind == BIND_CLASS || b->kind == BIND_ALIAS) &&
                !ts_node_is_null(b->value) && ts_node_eq(unparen(b->value), fn))
                return true;
        return false;
    }
    return false;
}

static bool binds_text_match(ctx *c, namebind *nb, scope *s, const pc_argcond *re, int depth, int *budget,
                             bool deep, bool attrs);
static void gather_returns(ctx *c, binding *b);

/* The class a parameter of def scope s is annotated with (x: C), as a name. */
static const char *param_annotation(ctx *c, scope *s, const char *name)
{
    TSNode params = s->kind == SCOPE_FUNCTION ? node_field(s->node, c->f_parameters) : (TSNode){0};
    uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    for (uint32_t i = 0; i < n && i < 64; i++) {
        TSNode p = ts_node_named_child(params, i);
        if (!node_is(p, "typed_parameter") && !node_is(p, "typed_default_parameter"))
            continue;
        TSNode id = node_is(p, "typed_parameter") ? ts_node_named_child(p, 0) : node_field(p, c->f_name);
        const char *pn = is_sym(id, syms.identifier) ? ident_name(c, id) : NULL;
        TSNode t = node_field(p, c->f_type);
        t = ts_node_named_child_count(t) == 1 ? ts_node_named_child(t, 0) : (TSNode){0};
        if (pn && !strcmp(pn, name))
            return is_sym(t, syms.identifier) ? ident_name(c, t) : NULL;
    }
    return NULL;
}

/* The class of the program whose instance recv is: C() or a name bound
 * once to C(), or a parameter annotated C, C bound once to a class (scope)
 * of the program; or NULL. */
scope *instance_class(ctx *c, TSNode recv, scope *sc)
{
    recv = unparen(recv);
    const char *cname = NULL;
    if (is_sym(recv, syms.identifier)) {
        const char *name = ident_name(c, recv);
        namebind *nb = NULL;
        scope *s = sc;
        for (; name && s && !(nb = pc_strmap_get(&s->names, name)); s = s->parent)
            ;
        binding *b = nb ? nb->list : NULL;
        if (nb && !b && !nb->has_del && s->kind == SCOPE_FUNCTION && (cname = param_annotation(c, s, name))) {
            sc = s->parent; /* report: Report, a parameter: the class it is annotated with */
        } else {
            if (!b || b->next || nb->has_del || b->kind != BIND_ALIAS || ts_node_is_null(b->value))
                return NULL;
            recv = unparen(b->value);
            sc = b->value_scope ? b->value_scope : s;
        }
    }
    TSNode f = !cname && is_sym(recv, syms.call) ? node_field(recv, c->f_function) : (TSNode){0};
    const char *name = cname ? cname : is_sym(f, syms.identifier) ? ident_name(c, f) : NULL;
    for (scope *s = sc; name && s; s = s->parent) {
        namebind *nb = pc_strmap_get(&s->names, name);
        if (nb)
            return nb->list && !nb->list->next && nb->list->kind == BIND_CLASS ? nb->list->value_scope : NULL;
    }
    return NULL;
}

/* Is recv, looked at from sc, an instance of the class whose body is scope
 * cls? self or cls in one of its methods, C(), or a name bound once to C(). */
static bool is_instance(ctx *c, TSNode recv, scope *sc, scope *cls)
{
    recv = unparen(recv);
    const char *name = is_sym(recv, syms.identifier) ? ident_name(c, recv) : NULL;
    if (name && (!strcmp(name, "self") || !strcmp(name, "cls")) && method_class(sc) == cls)
        return true;
    return instance_class(c, recv, sc) == cls;
}

/* The calls of the def that makes scope s, one at a time: f(...) where f
 * names this def, or for a method obj.f(...) where obj is self, C() or a
 * name bound to C(), or for __init__ C(...) (self not counted in want's
 * position). */
typedef struct def_calls {
    scope *s;
    bool method;
    const char *cls; /* __init__: calls of its class by name, C(...) */
    int32_t next;    /* the next site of the def's name, or -1 */
    int32_t alias;   /* then the next alias site of it, or -1 */
    pc_argcond want; /* where the parameter's argument is */
} def_calls;

/* Where the def's calls start: the sites of its name, then (a function,
 * not a method) the calls through names that hold it. */
static void def_calls_chains(ctx *c, def_calls *it)
{
    build_sites(c);
    it->next = chain_head(c->sites_by_name, it->cls ? it->cls : it->s->fname);
    it->alias = it->method ? -1 : chain_head(c->alias_by_name, it->s->fname);
}

/* False when no call can pass the parameter (a def without a name, a
 * method's self). ctor: for __init__, the class's calls (where a value is
 * folded, not where every site's text is followed: that costs 13%). */
static bool def_calls_start(ctx *c, scope *s, int idx, def_calls *it, bool ctor)
{
    int pos = idx < s->kwonly_from ? idx : -1;
    it->s = s;
    it->method = s->parent && s->parent->kind == SCOPE_CLASS;
    it->cls = NULL;
    if (!s->fname || (it->method && pos == 0))
        return false;
    if (ctor && it->method && !strcmp(s->fname, "__init__") && !ts_node_is_null(s->parent->node)) {
        TSNode cn = node_field(s->parent->node, c->f_name);
        it->cls = is_sym(cn, syms.identifier) ? ident_name(c, cn) : NULL;
    }
    if (it->method && pos > 0)
        pos--;
    def_calls_chains(c, it);
    it->want = (pc_argcond){.position = pos, .keyword = s->params[idx]};
    return true;
}

/* The next call, or NULL; each site of the name looked at costs one of
 * *budget (when given), and none is looked at once it is spent. */
static const call_site *def_calls_next(ctx *c, def_calls *it, int *budget)
{
    while (it->next >= 0 && (!budget || --*budget > 0)) {
        const call_site *cs = &c->sites[it->next];
        it->next = cs->next;
        TSNode callee = ts_node_is_null(cs->target) ? node_field(cs->call, c->f_function) : cs->target;
        if (it->cls) { /* Profile("~/.x") for Profile.__init__ */
            if (is_sym(callee, syms.identifier) && names_def(it->cls, cs->sc, it->s->parent->node))
                return cs;
            continue;
        }
        if (it->method != is_sym(callee, syms.attribute))
            continue;
        if (it->method ? is_instance(c, node_field(callee, c->f_object), cs->sc, it->s->parent)
                       : names_def(it->s->fname, cs->sc, it->s->node))
            return cs;
    }
    /* calls through a name that holds the def among others */
    while (it->alias >= 0 && (!budget || --*budget > 0)) {
        const alias_site *a = &c->alias_sites[it->alias];
        it->alias = a->next;
        const call_site *cs = &c->sites[a->site];
        if (names_def(it->s->fname, cs->sc, it->s->node))
            return cs;
    }
    return NULL;
}

/* What call site cs passes for the parameter: null when the call has no
 * argument list or does not pass it (*unknown: a splat may hide it). */
static TSNode def_call_arg(ctx *c, def_calls *it, const call_site *cs, bool *unknown)
{
    *unknown = false;
    if (!ts_node_is_null(cs->target)) /* a handoff: the tuple's items, or the call's after f */
        return find_arg_walk(c, cs->hargs, cs->hskip, &it->want, unknown, cs->sc);
    TSNode args = node_field(cs->call, c->f_arguments);
    if (ts_node_is_null(args) || !is_sym(args, syms.argument_list))
        return (TSNode){0};
    TSNode a = find_arg_walk(c, args, 0, &it->want, unknown, cs->sc);
    if (!ts_node_is_null(a) || !*unknown || it->want.position < 0)
        return a;
    /* f(*parts()), f(*ARGS): behind the spread; what it spreads stands for
     * each of its items (still unknown which) */
    kids k;
    kids_init(&k, args, true);
    while (kids_next(&k, &a) && !is_sym(a, syms.list_splat))
        ;
    kids_done(&k);
    return is_sym(a, syms.list_splat) ? unparen(ts_node_named_child(a, 0)) : (TSNode){0};
}

/* The argument that the one call of the def making scope s passes for
 * its parameter `name` (false when the file calls it more than once, or not
 * at all, or the argument is not there), and in *asc the scope of the call. */
bool param_single_arg(ctx *c, scope *s, const char *name, TSNode *arg, scope **asc)
{
    int idx = s->kind == SCOPE_FUNCTION ? param_index(c, s, name) : -1;
    def_calls it;
    if (idx < 0 || !def_calls_start(c, s, idx, &it, true))
        return false;
    int found = 0, budget = 257; /* at most 256 sites of the name */
    const call_site *cs;
    while (found < 2 && (cs = def_calls_next(c, &it, &budget))) {
        TSNode args = node_field(cs->call, c->f_arguments);
        if (ts_node_is_null(cs->target) && (ts_node_is_null(args) || !is_sym(args, syms.argument_list)))
            continue;
        bool unknown;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (ts_node_is_null(a) || unknown)
            return false;
        *arg = a;
        *asc = cs->sc;
        found++;
    }
    return found == 1 && budget > 0; /* every call looked at */
}

static bool only_called(ctx *c, const char *fname);

/* The default of parameter `name` of the def making scope s, when the
 * def is only ever called (never handed on) and none of the file's calls,
 * of which there is at least one, passes that parameter; else null. */
TSNode param_default_if_omitted(ctx *c, scope *s, const char *name)
{
    int idx = s->kind == SCOPE_FUNCTION ? param_index(c, s, name) : -1;
    def_calls it;
    if (idx < 0 || !def_calls_start(c, s, idx, &it, false) || !only_called(c, s->fname))
        return (TSNode){0};
    TSNode params = node_field(s->node, c->f_parameters), dflt = {0};
    uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params);
    for (uint32_t i = 0; i < n && ts_node_is_null(dflt); i++) {
        TSNode p = ts_node_named_child(params, i);
        if (!node_is(p, "default_parameter") && !node_is(p, "typed_default_parameter"))
            continue;
        const char *pn = ident_name(c, node_field(p, c->f_name));
        if (pn && !strcmp(pn, name))
            dflt = node_field(p, c->f_value);
    }
    if (ts_node_is_null(dflt))
        return dflt;
    int calls = 0, budget = 257;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, &budget))) {
        bool unknown;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (!ts_node_is_null(a) || unknown || ++calls > 64)
            return (TSNode){0};
    }
    return calls > 0 && budget > 0 ? dflt : (TSNode){0};
}

bool param_any_arg(ctx *c, scope *s, const char *name, bool (*fn)(void *ud, TSNode arg, scope *asc), void *ud,
                   int *budget)
{
    int idx = s->kind == SCOPE_FUNCTION ? param_index(c, s, name) : -1;
    def_calls it;
    if (idx < 0 || !def_calls_start(c, s, idx, &it, true))
        return false;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, budget))) {
        bool unknown;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (!ts_node_is_null(a) && fn(ud, a, cs->sc))
            return true;
    }
    return false;
}

/* def f(*args): what the file's calls of f pass from args' place on (each
 * positional argument, and what a *x of theirs spreads). */
/* The calls of the def or lambda making scope s, for its *args: *from is
 * where that starts among the positional arguments (self not counted). */
static bool varargs_calls_start(ctx *c, scope *s, def_calls *it, int *from)
{
    *it = (def_calls){.s = s, .method = s->parent && s->parent->kind == SCOPE_CLASS};
    *from = s->kwonly_from - (it->method ? 1 : 0);
    if (!s->fname || *from < 0)
        return false;
    def_calls_chains(c, it);
    return true;
}

/* argv_of_varargs for call site cs, worked out once per site (every rule
 * that follows the parameter asks again) and charged to the file's text
 * work by its length */
static bool whole_args(ctx *c, const call_site *cs, TSNode args, int from, strval *out)
{
    size_t i = (size_t)(cs - c->sites);
    if (!c->whole_args && !(c->whole_args = pc_arena_array(c->a, c->nsites, sizeof *c->whole_args)))
        return false;
    strval *w = &c->whole_args[i];
    if (!w->s && !w->len) {
        if (!argv_of_varargs(c, args, from, cs->sc, w)) {
            *w = (strval){NULL, 1}; /* worked out: none */
        } else {
            c->text_work += w->len / 32;
            if (!text_work(c))
                return false;
        }
    }
    *out = *w;
    return w->s != NULL;
}

static bool varargs_sites_match(ctx *c, scope *s, const pc_argcond *re, int depth, int *budget, bool deep)
{
    def_calls it;
    int from;
    if (!varargs_calls_start(c, s, &it, &from))
        return false;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, budget))) {
        TSNode args = node_field(cs->call, c->f_arguments);
        if (!is_sym(args, syms.argument_list) || !ts_node_is_null(cs->target))
            continue;
        /* the parameter as a whole: the argument list the call passes (not
         * for a loop over it: an item is not the list) */
        strval whole;
        if (!c->items && whole_args(c, cs, args, from, &whole) &&
            (--*budget, text_re_matches(c, re, whole.s, whole.len)))
            return true;
        int pos = 0;
        bool found = false;
        kids k;
        kids_init(&k, args, true);
        TSNode a;
        while (!found && *budget > 0 && kids_next(&k, &a)) {
            TSSymbol t = ts_node_symbol(a);
            if (t == syms.comment || t == syms.keyword_argument || t == syms.dictionary_splat)
                continue;
            if (t == syms.list_splat || pos++ >= from)
                found = text_matches(c, a, cs->sc, re, depth + 1, budget, deep);
        }
        kids_done(&k);
        if (found)
            return true;
    }
    return false;
}

/* The def (or lambda) whose body scope sc is in, its parameters gathered;
 * NULL at a module's or class's top. */
static scope *def_around(ctx *c, scope *sc)
{
    scope *s = sc;
    while (s && s->kind != SCOPE_FUNCTION && s->kind != SCOPE_LAMBDA)
        s = s->parent;
    if (s && !s->params_done)
        gather_params(c, s);
    return s;
}

/* ["security", *a] where a is the *args of the def or lambda the display
 * is in: each of the file's calls of it, read with what it passes from a's
 * place on in the splat's place. */
static bool splat_sites_match(ctx *c, TSNode list, scope *sc, const pc_argcond *re, int *budget)
{
    if (!is_sym(list, syms.list) && !is_sym(list, syms.tuple))
        return false;
    TSNode splat = {0};
    uint32_t n = ts_node_named_child_count(list);
    for (uint32_t i = 0; i < n && i < 64; i++) {
        TSNode it = ts_node_named_child(list, i);
        if (!is_sym(it, syms.list_splat))
            continue;
        if (!ts_node_is_null(splat))
            return false; /* one splat only */
        splat = it;
    }
    TSNode id = ts_node_is_null(splat) ? splat : unparen(ts_node_named_child(splat, 0));
    const char *name = is_sym(id, syms.identifier) ? ident_name(c, id) : NULL;
    scope *s = name ? def_around(c, sc) : NULL;
    if (!s)
        return false;
    def_calls it;
    int from;
    if (!s->varargs || strcmp(s->varargs, name) || !varargs_calls_start(c, s, &it, &from))
        return false;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, budget))) {
        TSNode args = node_field(cs->call, c->f_arguments);
        strval v;
        if (ts_node_is_null(cs->target) && is_sym(args, syms.argument_list) &&
            argv_spliced(c, list, splat, sc, args, from, cs->sc, &v) &&
            (--*budget, text_re_matches(c, re, v.s, v.len)))
            return true;
    }
    return false;
}

/* KUBECTL + list(args), ["git"] + args: a sum one of whose operands is
 * the *args of the def it is in (bare, or in list() or tuple()); each of
 * the file's calls of the def read with what it passes there, the other
 * operands as they fold (at most 8 operands). */
static bool sum_sites_match(ctx *c, TSNode sum, scope *sc, const pc_argcond *re, int *budget)
{
    enum { N = 8 };
    TSNode parts[N];
    int n = plus_operands(c, sum, parts, N);
    scope *s = n ? def_around(c, sc) : NULL;
    if (!s)
        return false;
    int at = -1;
    for (int i = 0; i < n && s->varargs; i++) {
        TSNode p = parts[i], f = is_sym(p, syms.call) ? node_field(p, c->f_function) : (TSNode){0};
        TSNode a = is_sym(p, syms.call) ? node_field(p, c->f_arguments) : (TSNode){0};
        const char *w = is_sym(f, syms.identifier) ? ident_name(c, f) : NULL;
        if (w && (!strcmp(w, "list") || !strcmp(w, "tuple")) && is_sym(a, syms.argument_list) &&
            ts_node_named_child_count(a) == 1)
            p = unparen(ts_node_named_child(a, 0));
        const char *nm = is_sym(p, syms.identifier) ? ident_name(c, p) : NULL;
        if (nm && !strcmp(nm, s->varargs)) {
            if (at >= 0)
                return false;
            at = i;
        }
    }
    def_calls it;
    int from;
    if (at < 0 || !varargs_calls_start(c, s, &it, &from))
        return false;
    strval folded[N];
    c->text_folds = true;
    for (int i = n; i-- > 0;)
        if (i != at && !argv_source(c, parts[i], sc, &folded[i]))
            folded[i] = (strval){"[?]", 3};
    c->text_folds = false;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, budget))) {
        TSNode args = node_field(cs->call, c->f_arguments);
        strval mid, acc;
        if (!is_sym(args, syms.argument_list) || !ts_node_is_null(cs->target) ||
            !whole_args(c, cs, args, from, &mid))
            continue;
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            strval piece = i == at ? mid : folded[i], joined;
            if (i == 0)
                acc = piece;
            else if ((ok = argv_concat(c, &acc, &piece, &joined)))
                acc = joined;
        }
        if (ok && (--*budget, text_re_matches(c, re, acc.s, acc.len)))
            return true;
    }
    return false;
}

/* Is a the process environment as a whole (os.environ, dict(os.environ),
 * os.environ.copy()), or a name bound once to it? */
static bool env_source(ctx *c, TSNode a, scope *sc)
{
    static const char *const forms[] = {
        "os.environ",        "environ",        "dict(os.environ)", "dict(environ)",
        "os.environ.copy()", "environ.copy()", "{**os.environ}",   NULL};
    for (int hop = 0; hop < 2; hop++) {
        a = unparen(a);
        uint32_t st = ts_node_start_byte(a), en = ts_node_end_byte(a);
        char t[40];
        size_t k = 0;
        for (uint32_t i = st; i < en && i < c->len && k + 1 < sizeof t; i++)
            if (!isspace((unsigned char)c->text[i]))
                t[k++] = c->text[i];
        t[k] = '\0';
        for (const char *const *f = forms; *f && en - st < sizeof t; f++)
            if (!strcmp(t, *f))
                return true;
        binding *b = sole_binding(is_sym(a, syms.identifier) ? ident_name(c, a) : NULL, sc, BIND_ALIAS);
        if (!b)
            return false;
        a = b->value;
        sc = b->value_scope ? b->value_scope : sc;
    }
    return false;
}

/* name is a parameter of the def that makes scope s: does what the file's
 * calls of that def pass for it match? f(x) where f names this def;
 * obj.f(x) for a method (self not counted). Each step through a parameter
 * counts as one assignment followed. keys_only: the def reads only keys of
 * the parameter, none of them a credential's, so what a call passes as the
 * whole environment is not read (a few named values of it reach the def's
 * results); anything else is. */
static bool param_sites_match(ctx *c, scope *s, int idx, const pc_argcond *re, int depth, int *budget,
                              bool deep, bool keys_only)
{
    def_calls it;
    if (!def_calls_start(c, s, idx, &it, false))
        return false;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, budget))) {
        bool unknown;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (!ts_node_is_null(a) && !(keys_only && env_source(c, a, cs->sc)) &&
            text_matches(c, a, cs->sc, re, depth + 1, budget, deep))
            return true;
    }
    return false;
}

/* name is a parameter of the def that makes scope s: does what the file's
 * calls of that def pass for it match? f(x) where f names this def;
 * obj.f(x) for a method, where obj is self, C() or a name bound to C()
 * (self not counted). Each step through a parameter counts as one
 * assignment followed. Remembered: the rules that follow names ask again
 * for each call that passes the parameter on. */
static uint64_t key_only_params(ctx *c, scope *s);

static bool param_text_matches(ctx *c, scope *s, const char *name, const pc_argcond *re, int depth,
                               int *budget, bool deep)
{
    int idx;
    if (depth >= FOLLOW_MAX - 1 || s->kind != SCOPE_FUNCTION)
        return false;
    if ((idx = param_index(c, s, name)) < 0)
        return s->varargs && !strcmp(s->varargs, name) && varargs_sites_match(c, s, re, depth, budget, deep);
    /* a parameter the def only reads keys of (env.get("HOME")): what is
     * read is the value at that key, not all that the calls pass, except
     * where they pass a dict display, whose values are all read here */
    if (idx < 64 && (key_only_params(c, s) & ((uint64_t)1 << idx)))
        return param_sites_match(c, s, idx, re, depth, budget, deep, true);
    /* recording texts, nothing matches: no answer to keep or to take */
    if (c->recording ||
        (!c->param_memo && !(c->param_memo = pc_arena_array(c->a, PARAM_MEMO_SIZE, sizeof *c->param_memo))))
        return param_sites_match(c, s, idx, re, depth, budget, deep, false);
    uintptr_t h = ((uintptr_t)s >> 4) ^ ((uintptr_t)re >> 5) ^ (uintptr_t)(idx * 31 + depth);
    param_memo *m = &c->param_memo[(h ^ (h >> 11)) % PARAM_MEMO_SIZE];
    /* found with less depth left, or not found with more: the same here */
    if (m->sc == s && m->idx == idx && m->cond == re && m->deep == deep &&
        (m->result ? m->depth >= depth : m->depth <= depth))
        return m->result;
    bool r = param_sites_match(c, s, idx, re, depth, budget, deep, false);
    *m = (param_memo){s, idx, re, depth, deep, r};
    return r;
}

/* ---- the program's own class hierarchy ---- */

/* Is every reference to `fname` in the file a call of it, or its def? (A
 * function handed on, map(walk, [object]), may get anything.) */
static bool only_called(ctx *c, const char *fname)
{
    enum { ANC = 256 };
    TSNode anc[ANC];
    for (size_t i = 0; i < c->ntape; i++) {
        const tape_entry *e = &c->tape[i];
        if (e->depth < ANC)
            anc[e->depth] = e->node;
        if (e->sym != syms.identifier || !e->depth || e->depth >= ANC)
            continue;
        const char *n = ident_name(c, e->node);
        if (!n || strcmp(n, fname))
            continue;
        TSNode p = anc[e->depth - 1];
        bool callee = is_sym(p, syms.call) && e->field == c->f_function;
        bool def = node_is(p, "function_definition") && e->field == c->f_name;
        bool attr = is_sym(p, syms.attribute) && e->field == c->f_attribute; /* obj.fname: another name */
        if (!callee && !def && !attr)
            return false;
    }
    return !c->tape_off;
}

typedef struct own_walk {
    const namebind *seen[16]; /* names being checked: a cycle adds nothing */
    int nseen;
} own_walk;

static bool own_value(ctx *c, TSNode e, scope *sc, own_walk *w, int depth);

/* Every call of the def making scope s passes one of the program's own
 * classes (or a container of them) for its parameter `name`. */
static bool own_param(ctx *c, scope *s, const char *name, own_walk *w, int depth)
{
    int idx = s->kind == SCOPE_FUNCTION ? param_index(c, s, name) : -1;
    bool method = s->parent && s->parent->kind == SCOPE_CLASS;
    def_calls it;
    if (idx < 0 || method || !s->fname || !only_called(c, s->fname) ||
        !def_calls_start(c, s, idx, &it, false))
        return false;
    int calls = 0;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, NULL))) {
        bool unknown = false;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (++calls > 64 || ts_node_is_null(a) || unknown || !own_value(c, a, cs->sc, w, depth + 1))
            return false;
    }
    return calls > 0;
}

/* What the program puts into the container `name` (bound in scope s) is all
 * its own classes. */
static bool own_fills(ctx *c, scope *s, const char *name, own_walk *w, int depth)
{
    int32_t i = fills_head(c, name);
    const call_site *f;
    while ((f = fills_next(c, s, name, &i, NULL))) {
        if (f->writer) /* bytes written into a buffer, not objects put in it */
            continue;
        if (!is_sym(f->call, syms.argument_list)) {
            if (!own_value(c, f->call, f->sc, w, depth + 1))
                return false;
            continue;
        }
        uint32_t n = ts_node_named_child_count(f->call);
        for (uint32_t j = 0; j < n; j++) {
            TSNode a = ts_node_named_child(f->call, j);
            if (!is_sym(a, syms.comment) && !own_value(c, a, f->sc, w, depth + 1))
                return false;
        }
    }
    return true;
}

/* A name that holds only the program's own classes: one of them, or bound
 * only to such values (stack.pop(), a loop over cls.__subclasses__()), filled
 * only with them, or a parameter every call passes them for. */
static bool own_name(ctx *c, TSNode id, scope *sc, own_walk *w, int depth)
{
    if (names_own_class(c, id, sc))
        return true;
    const char *name = ident_name(c, id);
    namebind *nb = NULL;
    scope *s = sc;
    for (; name && s && !nb; s = nb ? s : s->parent)
        if (s->kind != SCOPE_CLASS || s == sc)
            nb = pc_strmap_get(&s->names, name);
    if (!nb || nb->has_del || depth > 8)
        return false;
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i] == nb)
            return true;
    if (w->nseen == 16)
        return false;
    w->seen[w->nseen++] = nb;
    bool ok = nb->list || nb->has_plain_local;
    for (binding *b = nb->list; b && ok; b = b->next)
        ok = (b->kind == BIND_ALIAS || b->kind == BIND_PART) && !ts_node_is_null(b->value) &&
             own_value(c, b->value, b->value_scope ? b->value_scope : s, w, depth + 1);
    if (ok && nb->has_plain_local)
        ok = own_param(c, s, name, w, depth);
    if (ok)
        ok = own_fills(c, s, name, w, depth);
    w->nseen--;
    return ok;
}

static bool own_value(ctx *c, TSNode e, scope *sc, own_walk *w, int depth)
{
    e = unparen(e);
    if (ts_node_is_null(e) || depth > 8)
        return false;
    TSSymbol t = ts_node_symbol(e);
    if (t == syms.identifier)
        return own_name(c, e, sc, w, depth);
    if (t == syms.subscript)
        return own_value(c, node_field(e, c->f_value), sc, w, depth + 1);
    if (t == syms.list || t == syms.tuple || t == syms.set) {
        uint32_t n = ts_node_named_child_count(e);
        for (uint32_t i = 0; i < n; i++) {
            TSNode it = ts_node_named_child(e, i);
            if (!is_sym(it, syms.comment) && !own_value(c, it, sc, w, depth + 1))
                return false;
        }
        return true;
    }
    if (t != syms.call)
        return false;
    TSNode fn = node_field(e, c->f_function), args = node_field(e, c->f_arguments);
    uint32_t nargs = is_sym(args, syms.argument_list) ? ts_node_named_child_count(args) : 99;
    if (is_sym(fn, syms.attribute)) {
        const char *m = ident_name(c, node_field(fn, c->f_attribute));
        TSNode recv = node_field(fn, c->f_object);
        if (m && !strcmp(m, "__subclasses__") && nargs == 0) /* C.__subclasses__(): its own subclasses */
            return own_value(c, recv, sc, w, depth + 1);
        if (m && (!strcmp(m, "pop") || !strcmp(m, "popleft") || !strcmp(m, "copy")))
            return own_value(c, recv, sc, w, depth + 1);
        return false;
    }
    const char *f = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
    static const char *const wraps[] = {"list", "set", "tuple", "sorted", "frozenset", "reversed", "iter"};
    for (size_t i = 0; f && nargs == 1 && i < sizeof wraps / sizeof *wraps; i++)
        if (!strcmp(f, wraps[i]) && !pc_strmap_get(&c->module->names, f))
            return own_value(c, ts_node_named_child(args, 0), sc, w, depth + 1);
    return false;
}

bool names_own_subclasses(ctx *c, TSNode o, scope *sc)
{
    own_walk w = {{0}, 0};
    return !c->tape_off && own_value(c, o, sc, &w, 0);
}

/* Does class scope sub name a class called base among its bases? */
static bool names_base(ctx *c, const scope *sub, const char *base)
{
    TSNode bases = sub->kind == SCOPE_CLASS ? node_field(sub->node, c->f_superclasses) : (TSNode){0};
    uint32_t n = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
    for (uint32_t j = 0; j < n && j < 16; j++) {
        TSNode b = ts_node_named_child(bases, j);
        const char *bn = is_sym(b, syms.identifier) ? ident_name(c, b) : NULL;
        if (bn && !strcmp(bn, base))
            return true;
    }
    return false;
}

int subclasses(ctx *c, scope *cls, scope ***out)
{
    enum { SCOPES = 4096 }; /* looked through once per class, however often asked */
    if (!cls->subs_done) {
        cls->subs_done = true;
        TSNode cname = node_field(cls->node, c->f_name);
        const char *base = is_sym(cname, syms.identifier) ? ident_name(c, cname) : NULL;
        size_t n = 0, end = c->nscopes < SCOPES ? c->nscopes : SCOPES;
        for (size_t i = 0; base && i < end; i++)
            n += names_base(c, c->scopes[i], base);
        if (n && (cls->subs = pc_arena_array(c->a, n, sizeof *cls->subs)))
            for (size_t i = 0; i < end; i++)
                if (names_base(c, c->scopes[i], base))
                    cls->subs[cls->nsubs++] = c->scopes[i];
    }
    *out = cls->subs;
    return cls->nsubs;
}

/* self.NAME and cls.NAME in a method: what the class body or its methods
 * assign to NAME, or a subclass's body. */
static bool self_attr_text_matches(ctx *c, TSNode attr, scope *sc, const pc_argcond *re, int depth,
                                   int *budget, bool deep)
{
    TSNode o = node_field(attr, c->f_object), a = node_field(attr, c->f_attribute);
    const char *self = is_sym(o, syms.identifier) ? ident_name(c, o) : NULL;
    const char *name = is_sym(a, syms.identifier) ? ident_name(c, a) : NULL;
    scope *cls = method_class(sc);
    if (name && deep && (!self || (strcmp(self, "self") && strcmp(self, "cls")))) {
        /* ctx.identity() with ctx = Context(): the method's text; r.env with
         * r = Report(): the class attribute (a dataclass field and its
         * default_factory) or what its methods give self.env */
        scope *ic = instance_class(c, o, sc);
        if (!ic || ic->kind != SCOPE_CLASS)
            return false;
        namebind *nb = pc_strmap_get(&ic->names, name);
        if (nb && nb->list && binds_text_match(c, nb, ic, re, depth, budget, deep, false))
            return true;
        nb = pc_strmap_get(&ic->attrs, name);
        return nb && nb->list && binds_text_match(c, nb, ic, re, depth, budget, deep, true);
    }
    if (!self || !name || !cls || (strcmp(self, "self") && strcmp(self, "cls")))
        return false;
    namebind *nb = pc_strmap_get(&cls->attrs, name);
    if (nb && binds_text_match(c, nb, cls, re, depth, budget, deep, true))
        return true;
    nb = pc_strmap_get(&cls->names, name);
    if (nb && binds_text_match(c, nb, cls, re, depth, budget, deep, false))
        return true;
    /* ... or what a subclass in the file binds it to (class Tune(Step):
     * command = [...], run by Step.run as self.command) */
    scope **subs;
    int nsubs = subclasses(c, cls, &subs);
    for (int i = 0; *budget > 0 && i < nsubs && i < 16; i++) {
        nb = pc_strmap_get(&subs[i]->names, name);
        if (nb && binds_text_match(c, nb, subs[i], re, depth, budget, deep, false))
            return true;
    }
    return false;
}

/* What the program puts into the container that name (bound in scope s)
 * holds: x[k] = v, x += v, x.append(v), x.update(k=v). Each counts as
 * one assignment followed. */
static bool fills_text_match(ctx *c, scope *s, const char *name, const pc_argcond *re, int depth, int *budget,
                             bool deep)
{
    if (depth >= FOLLOW_MAX)
        return false;
    int32_t i = fills_head(c, name);
    const call_site *f;
    /* read as x.a: not what other attributes were given */
    const char *only = c->fill_obj && !strcmp(c->fill_obj, name) ? c->fill_attr : NULL;
    while ((f = fills_next(c, s, name, &i, budget))) {
        if (only && f->attr && strcmp(f->attr, only))
            continue;
        if (!is_sym(f->call, syms.argument_list)) {
            if (text_matches(c, f->call, f->sc, re, depth + 1, budget, deep))
                return true;
            continue;
        }
        kids k;
        kids_init(&k, f->call, true);
        TSNode a;
        bool m = false;
        while (!m && *budget > 0 && kids_next(&k, &a)) {
            if (is_sym(a, syms.keyword_argument))
                a = node_field(a, c->f_value);
            m = !ts_node_is_null(a) && !is_sym(a, syms.comment) &&
                text_matches(c, a, f->sc, re, depth + 1, budget, deep);
        }
        kids_done(&k);
        if (m)
            return true;
    }
    return false;
}

/* The bindings of one name in scope s: does the text of a value one of
 * them gives match? */
static bool folded_text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re);

/* Each item of display d (a list, tuple or set that a loop goes over):
 * does its text, or (not deep) what it folds to, match? */
static bool items_text_match(ctx *c, TSNode d, scope *ds, const pc_argcond *re, int depth, int *budget,
                             bool deep)
{
    bool m = false;
    kids k;
    kids_init(&k, d, true);
    TSNode it;
    while (!m && *budget > 0 && kids_next(&k, &it))
        m = !is_sym(it, syms.comment) && (text_matches(c, it, ds, re, depth + 1, budget, deep) ||
                                          (!deep && folded_text_matches(c, it, ds, re)));
    kids_done(&k);
    return m;
}

/* A class of the program, named where data goes (asdict(Ctx()),
 * json=Event(...).__dict__): its body's own statements, not its methods:
 * the fields an instance carries and their defaults (env: dict =
 * field(default_factory=lambda: dict(os.environ))). */
static bool class_fields_text_match(ctx *c, binding *b, const pc_argcond *re, int depth, int *budget)
{
    TSNode body = node_field(b->value, c->f_body);
    uint32_t n = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n && i < 256 && *budget > 0; i++) {
        TSNode st = ts_node_named_child(body, i);
        if (node_is(st, "expression_statement") &&
            text_matches(c, st, b->value_scope, re, depth + 1, budget, true))
            return true;
    }
    return false;
}

static bool binds_text_match(ctx *c, namebind *nb, scope *s, const pc_argcond *re, int depth, int *budget,
                             bool deep, bool attrs)
{
    for (binding *b = nb->list; b && *budget > 0; b = b->next) {
        if (b->kind == BIND_CLASS && deep && !b->busy && !ts_node_is_null(b->value)) {
            b->busy = true;
            bool m = class_fields_text_match(c, b, re, depth, budget);
            b->busy = false;
            if (m)
                return true;
            continue;
        }
        if ((b->kind != BIND_ALIAS && b->kind != BIND_PART && b->kind != BIND_DEF) ||
            ts_node_is_null(b->value) || b->busy)
            continue;
        scope *vs = b->value_scope ? b->value_scope : s;
        b->busy = true; /* a = b; b = a */
        bool m = false;
        TSNode v = unparen(b->value);
        scope *ds = vs;
        /* for cmd in (["sh", "-c", x], ...), or over a name bound once to
         * such a display (for v in victims): each item is what the name may be */
        TSNode d = b->kind == BIND_PART ? display_behind(c, v, &ds) : (TSNode){0};
        if (!ts_node_is_null(d) && !is_sym(d, syms.dictionary))
            m = items_text_match(c, d, ds, re, depth, budget, deep);
        /* a function the program defines: the text of its body (what a
         * call of it builds: json=_payload() with return {"env": dict(os.environ)}) */
        /* (the whole def: its parameters' defaults are part of what it does,
         * def load_env(path=".env")) */
        TSNode t = b->value;
        /* a function's body: its text only, not the names in it (that
         * would walk every function an argument names) */
        if (!m && !ts_node_is_null(t)) {
            c->items += b->kind == BIND_PART; /* for x in xs: x is one of xs */
            m = text_matches(c, t, vs, re, b->kind == BIND_DEF ? FOLLOW_MAX : depth + 1, budget, deep);
            c->items -= b->kind == BIND_PART;
        }
        /* follow: name, and an attribute of self: also what a value assigned
         * folds to (tool = "cron" + "tab" read as "crontab", self.dst =
         * (".".join(parts), 443)); with follow: true too when the value
         * joins a path of pieces (Path.home() / ".kube" / "config", read
         * by kubeconfig.read_bytes()) */
        if (!m && (!deep || attrs || is_sym(v, syms.binary_operator) || is_sym(v, syms.call)) &&
            b->kind == BIND_ALIAS && *budget > 0)
            m = folded_text_matches(c, v, vs, re);
        /* ... and the names in what it returns, one step further
         * (return {"context": _runtime_context()}) */
        if (!m && b->kind == BIND_DEF && deep && depth + 1 < FOLLOW_MAX) {
            if (!b->ret_values_done)
                gather_returns(c, b);
            for (int i = 0; i < b->nret_values && !m && *budget > 0; i++)
                m = text_matches(c, b->ret_values[i], b->value_scope, re, depth + 1, budget, deep);
        }
        b->busy = false;
        if (m)
            return true;
    }
    return false;
}

static bool name_text_matches(ctx *c, const char *name, scope *sc, const pc_argcond *re, int depth,
                              int *budget, bool deep)
{
    for (scope *s = sc; s; s = s->parent) {
        namebind *nb = pc_strmap_get(&s->names, name);
        if (!nb)
            continue;
        /* the innermost scope that binds the name decides; a parameter
         * also reads what the calls of its function pass, a container
         * what the program puts in it */
        return binds_text_match(c, nb, s, re, depth, budget, deep, false) ||
               param_text_matches(c, s, name, re, depth, budget, deep) ||
               fills_text_match(c, s, name, re, depth, budget, deep);
    }
    return false;
}

/* return X if cond else Y: either may be what the call gives, each kept
 * as a value of its own (nested ones too, while there is room) */
static bool keep_return(void *p, TSNode v)
{
    binding *b = p;
    TSNode todo[16];
    int n = 0;
    todo[n++] = unparen(v);
    while (n && b->nret_values < 16) {
        TSNode x = todo[--n];
        if (is_sym(x, syms.conditional_expression) && n + 2 <= 16) {
            TSNode part[3]; /* value, condition, alternative: comments aside */
            int k = 0;
            for (uint32_t i = 0, m = ts_node_named_child_count(x); i < m && k < 3; i++)
                if (!is_sym(part[k] = ts_node_named_child(x, i), syms.comment))
                    k++;
            if (k == 3) {
                todo[n++] = unparen(part[2]);
                todo[n++] = unparen(part[0]);
                continue;
            }
        }
        if (!ts_node_is_null(x))
            b->ret_values[b->nret_values++] = x;
    }
    return b->nret_values < 16;
}

/* The values of the return statements of def binding b, and for a
 * generator what it yields (at most 16, in the first 512 nodes of its
 * body; nested definitions not entered), gathered once. */
static void gather_returns(ctx *c, binding *b)
{
    b->ret_values_done = true;
    TSNode body = node_field(b->value, c->f_body);
    if (ts_node_is_null(body) || !(b->ret_values = pc_arena_array(c->a, 16, sizeof *b->ret_values)))
        return;
    each_result(body, 512, keep_return, b);
}

/* obj.m where obj is an instance of one of the program's classes (C(), a
 * name bound to C(), a parameter annotated C, self or cls in its methods):
 * the def of m, when the class binds m once. */
static binding *method_def(ctx *c, TSNode fn, scope *sc)
{
    if (!is_sym(fn, syms.attribute))
        return NULL;
    TSNode o = unparen(node_field(fn, c->f_object));
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    const char *self = is_sym(o, syms.identifier) ? ident_name(c, o) : NULL;
    scope *cls =
        self && (!strcmp(self, "self") || !strcmp(self, "cls")) ? method_class(sc) : instance_class(c, o, sc);
    namebind *nb = m && cls && cls->kind == SCOPE_CLASS ? pc_strmap_get(&cls->names, m) : NULL;
    binding *b = nb ? nb->list : NULL;
    return b && !b->next && b->kind == BIND_DEF ? b : NULL;
}

/* fn names a function the program defines (def, bound once) or a method of
 * one of its classes: does the text of a value one of its return
 * statements gives match? */
static bool returns_text_matches(ctx *c, TSNode fn, scope *sc, const pc_argcond *re, int depth, int *budget)
{
    binding *b = sole_def(c, fn, sc);
    if (!b) /* build_argv(), or job.argv() */
        b = method_def(c, fn, sc);
    if (!b || b->busy)
        return false;
    if (!b->ret_values_done)
        gather_returns(c, b);
    b->busy = true;
    bool found = false;
    /* each return value's text, or what it folds to (pip_conf() returning
     * Path(xdg) / "pip" / "pip.conf" with xdg = ... or "~/.config") */
    for (int i = 0; i < b->nret_values && !found && *budget > 0; i++) {
        found = text_matches(c, b->ret_values[i], b->value_scope, re, depth + 1, budget, false) ||
                folded_text_matches(c, b->ret_values[i], b->value_scope, re);
        /* for d in dirs(): d is each item of the list dirs returns */
        scope *ds = b->value_scope;
        TSNode d = !found && c->items ? display_behind(c, b->ret_values[i], &ds) : (TSNode){0};
        if (!ts_node_is_null(d) && !is_sym(d, syms.dictionary))
            found = items_text_match(c, d, ds, re, depth, budget, false);
    }
    b->busy = false;
    return found;
}

typedef struct follow_ud {
    ctx *c;
    scope *sc;
    const pc_argcond *re;
    int depth;
    int *budget;
    bool deep;
} follow_ud;

static const with_bind *with_at(ctx *c, const char *name, uint32_t at);

/* A name bound by `with X as name` where it is read: the text of X
 * (with open(P, "rb") as fh: post(url, files={"f": fh})). */
static bool with_text_matches(ctx *c, TSNode id, const char *name, const pc_argcond *re, int depth,
                              int *budget, bool deep)
{
    if (depth + 1 >= FOLLOW_MAX)
        return false;
    build_sites(c);
    const with_bind *w = with_at(c, name, ts_node_start_byte(id));
    return w && !ts_node_is_null(w->value) && text_matches(c, w->value, w->sc, re, depth + 1, budget, deep);
}

/* cfg["KEY"] or cfg.get("KEY") where cfg = dotenv_values(...): one value
 * of the .env file, read as os.environ["KEY"] is, not the file itself. up
 * is id's parent. */
static bool dotenv_key_read(ctx *c, TSNode id, TSNode up, scope *sc)
{
    bool sub = is_sym(up, syms.subscript);
    if (!sub && !is_sym(up, syms.attribute))
        return false;
    /* what the name holds first (rarely a call of dotenv_values), then the key */
    binding *b = sole_binding(ident_name(c, id), sc, BIND_ALIAS);
    TSNode v = b ? unparen(b->value) : (TSNode){0};
    if (!is_sym(v, syms.call))
        return false;
    vals q = {0};
    resolve_expr(c, node_field(v, c->f_function), b->value_scope ? b->value_scope : sc, 0, &q);
    bool dotenv = false;
    for (int i = 0; i < q.n && !dotenv; i++)
        dotenv =
            !strcmp(q.v[i].qual, "dotenv.dotenv_values") || !strcmp(q.v[i].qual, "dotenv.main.dotenv_values");
    if (!dotenv)
        return false;
    TSNode key = {0};
    if (sub && ts_node_eq(node_field(up, c->f_value), id)) {
        key = node_field(up, c->f_subscript);
    } else if (!sub && ts_node_eq(node_field(up, c->f_object), id)) {
        const char *m = ident_name(c, node_field(up, c->f_attribute));
        TSNode call = m && !strcmp(m, "get") ? ts_node_parent(up) : (TSNode){0};
        if (is_sym(call, syms.call))
            key = call_arg(node_field(call, c->f_arguments), 0);
    }
    strval k;
    return !ts_node_is_null(key) && fold_string(c, key, sc, 0, &k);
}

static bool follow_name(void *p, TSNode id)
{
    follow_ud *u = p;
    if (is_sym(id, syms.attribute))
        return self_attr_text_matches(u->c, id, u->sc, u->re, u->depth, u->budget, u->deep);
    const char *name = ident_name(u->c, id);
    /* x in x.a: x's fills, but not those of its other attributes */
    TSNode up = ts_node_parent(id);
    if (name && dotenv_key_read(u->c, id, up, u->sc))
        return false;
    const char *obj = u->c->fill_obj, *attr = u->c->fill_attr;
    /* (x.m(...), a method of x: all of x, as session.get sends its headers;
     * told by the "(" after x.m, which costs less than asking for x.m's parent) */
    bool method = false;
    if (is_sym(up, syms.attribute)) {
        uint32_t e = ts_node_end_byte(up);
        while (e < u->c->len && (u->c->text[e] == ' ' || u->c->text[e] == '\t'))
            e++;
        method = e < u->c->len && u->c->text[e] == '(';
    }
    if (name && !method && is_sym(up, syms.attribute) && ts_node_eq(node_field(up, u->c->f_object), id)) {
        u->c->fill_obj = name;
        u->c->fill_attr = ident_name(u->c, node_field(up, u->c->f_attribute));
    }
    bool m = name && (name_text_matches(u->c, name, u->sc, u->re, u->depth, u->budget, u->deep) ||
                      with_text_matches(u->c, id, name, u->re, u->depth, u->budget, u->deep));
    u->c->fill_obj = obj;
    u->c->fill_attr = attr;
    return m;
}

/* Is n a string literal without interpolation ("HOME", not f"{x}")? */
static bool plain_string(ctx *c, TSNode n)
{
    n = unparen(n);
    return is_sym(n, syms.string) && !string_has_code(c, n);
}

/* A plain string key that names no credential: "CI_BRANCH", "CI_COMMIT_AUTHOR",
 * not "AWS_SECRET_ACCESS_KEY" or "DATABASE_URL". Read word by word. */
static bool plain_key(ctx *c, TSNode n)
{
    n = unparen(n);
    if (!plain_string(c, n))
        return false;
    static const char *const words[] = {
        "KEY",   "TOKEN",      "SECRET",      "PASSWORD", "PASSWD",        "PASS",    "PWD",     "CRED",
        "CREDS", "CREDENTIAL", "CREDENTIALS", "AUTH",     "AUTHORIZATION", "PRIVATE", "SESSION", "COOKIE",
        "DSN",   "CERT",       "PEM",         "SIGNING",  "WEBHOOK",       NULL};
    static const char *const ends[] = {"KEY", "TOKEN", "SECRET", "PASSWORD", NULL};
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    if (en > c->len || en - st > 120)
        return false; /* too long to read whole: no claim */
    char up[128];
    size_t k = 0;
    for (uint32_t i = st; i < en; i++)
        up[k++] = (char)toupper((unsigned char)c->text[i]);
    up[k] = '\0';
    if (strstr(up, "DATABASE_URL") || strstr(up, "CONNECTION_STRING"))
        return false;
    char *save = NULL;
    for (char *w = strtok_r(up, "_-. \"'", &save); w; w = strtok_r(NULL, "_-. \"'", &save)) {
        size_t wl = strlen(w);
        for (const char *const *x = words; *x; x++)
            if (!strcmp(w, *x))
                return false;
        for (const char *const *x = ends; *x; x++) /* APIKEY, ACCESSTOKEN */
            if (wl > strlen(*x) && !strcmp(w + wl - strlen(*x), *x))
                return false;
    }
    return true;
}

/* Does identifier occurrence e (a tape entry, its parent p and grandparent
 * g) only read one key of what it names: env["HOME"], env.get("HOME", d),
 * "HOME" in env? */
static bool reads_one_key(ctx *c, const tape_entry *e, TSNode p, TSNode g)
{
    if (is_sym(p, syms.subscript) && e->field == c->f_value)
        return plain_key(c, node_field(p, c->f_subscript));
    if (is_sym(p, syms.attribute) && e->field == c->f_object) {
        TSNode an = node_field(p, c->f_attribute);
        const char *m = is_sym(an, syms.identifier) ? ident_name(c, an) : NULL;
        TSNode args = is_sym(g, syms.call) ? node_field(g, c->f_arguments) : (TSNode){0};
        return m && !strcmp(m, "get") && is_sym(args, syms.argument_list) &&
               plain_key(c, ts_node_named_child(args, 0));
    }
    if (node_is(p, "comparison_operator") && ts_node_named_child_count(p) == 2 &&
        ts_node_eq(ts_node_named_child(p, 1), e->node)) {
        TSNode op = ts_node_child(p, 1);
        return node_is(op, "in") || node_is(op, "not in");
    }
    return false;
}

/* The parameters of the def making scope s whose body only reads keys of
 * them (a bit per parameter, worked out once): def payload(env) with
 * env.get("CI_BRANCH") and env["SHA"] only. What such an argument holds
 * reaches the def's results only as the values at those keys. */
static uint64_t key_only_params(ctx *c, scope *s)
{
    if (s->keyonly_done)
        return s->keyonly;
    s->keyonly_done = true;
    if (!s->params_done)
        gather_params(c, s);
    TSNode body = node_field(s->node, c->f_body);
    if (s->kind != SCOPE_FUNCTION || !s->nparams || s->nparams >= 64 || ts_node_is_null(body))
        return 0;
    uint64_t cand = ((uint64_t)1 << s->nparams) - 1, seen = 0;
    uint32_t st = ts_node_start_byte(body), en = ts_node_end_byte(body);
    size_t lo = tape_from(c, st); /* the body's first entry */
    enum { ANC = 256 };
    TSNode anc[ANC];
    uint32_t base = lo < c->ntape ? c->tape[lo].depth : 0;
    for (size_t i = lo; i < c->ntape && cand; i++) {
        const tape_entry *e = &c->tape[i];
        if (ts_node_start_byte(e->node) >= en)
            break;
        if (e->depth < base || e->depth - base >= ANC)
            return 0; /* too deep to know the parents: no claim */
        anc[e->depth - base] = e->node;
        if (e->sym != syms.identifier)
            continue;
        const char *n = ident_name(c, e->node);
        for (int k = 0; n && k < s->nparams; k++) {
            if (!(cand & ((uint64_t)1 << k)) || strcmp(s->params[k], n))
                continue;
            uint32_t d = e->depth - base;
            TSNode p = d >= 1 ? anc[d - 1] : (TSNode){0}, g = d >= 2 ? anc[d - 2] : (TSNode){0};
            if (reads_one_key(c, e, p, g))
                seen |= (uint64_t)1 << k;
            else
                cand &= ~((uint64_t)1 << k);
        }
    }
    return s->keyonly = cand & seen;
}

/* The arguments of call (a bit per argument, in order) that go to
 * parameters of the program's own def which it only reads keys of; 0 when
 * none, or when which argument goes where is unsure (a splat). */
static uint32_t key_only_args(ctx *c, TSNode call, scope *sc)
{
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    binding *d = is_sym(fn, syms.identifier) && is_sym(args, syms.argument_list) ? sole_def(c, fn, sc) : NULL;
    scope *ds = d ? d->value_scope : NULL;
    uint64_t params = ds && ds->kind == SCOPE_FUNCTION ? key_only_params(c, ds) : 0;
    if (!params)
        return 0;
    uint32_t mask = 0, n = ts_node_named_child_count(args);
    int pos = 0;
    for (uint32_t i = 0; i < n && i < 32; i++) {
        TSNode a = ts_node_named_child(args, i);
        int k = -1;
        if (is_sym(a, syms.list_splat) || is_sym(a, syms.dictionary_splat))
            return 0;
        if (is_sym(a, syms.keyword_argument)) {
            TSNode kn = node_field(a, c->f_name);
            const char *name = is_sym(kn, syms.identifier) ? ident_name(c, kn) : NULL;
            for (int j = 0; name && j < ds->nparams; j++)
                if (!strcmp(ds->params[j], name))
                    k = j;
        } else if (!is_sym(a, syms.comment)) {
            k = pos < ds->kwonly_from && pos < ds->nparams ? pos : -1;
            pos++;
        }
        TSNode v = is_sym(a, syms.keyword_argument) ? node_field(a, c->f_value) : a;
        if (k >= 0 && (params & ((uint64_t)1 << k)) && env_source(c, v, sc))
            mask |= 1u << i;
    }
    return mask;
}

static bool text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re, int depth, int *budget,
                         bool deep);

/* A call of the program's own def read in parts, leaving out the arguments
 * that def only reads keys of: payload(dict(os.environ)) with def
 * payload(env) reading env.get("CI_BRANCH") sends a branch name, not the
 * environment. */
static bool call_parts_match(ctx *c, TSNode call, scope *sc, const pc_argcond *re, int depth, int *budget,
                             uint32_t skip)
{
    if (text_matches(c, node_field(call, c->f_function), sc, re, depth + 1, budget, true))
        return true;
    TSNode args = node_field(call, c->f_arguments);
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i<n && * budget> 0; i++) {
        TSNode a = ts_node_named_child(args, i);
        if (is_sym(a, syms.comment))
            continue;
        if (i < 32 && (skip & (1u << i)))
            continue;
        if (text_matches(c, a, sc, re, depth + 1, budget, true))
            return true;
    }
    return false;
}

/* Is a a name whose only binding is a loop over a display (for name in
 * (".bashrc", ".zshrc"))? */
static bool loop_name(ctx *c, TSNode a, scope *sc)
{
    a = unparen(a);
    binding *b = sole_binding(is_sym(a, syms.identifier) ? ident_name(c, a) : NULL, sc, BIND_PART);
    scope *ds = sc;
    TSNode d = b ? display_behind(c, b->value, &ds) : (TSNode){0};
    return !ts_node_is_null(d) && (is_sym(d, syms.list) || is_sym(d, syms.tuple) || is_sym(d, syms.set));
}

/* The name an identifier is bound to by an import that renames it (o for
 * import os as o, E for from os import environ as E): what it imports, or
 * NULL. */
static const char *renamed_import(ctx *c, TSNode id, scope *sc)
{
    const char *name = ident_name(c, id);
    namebind *nb = NULL;
    for (scope *x = sc; name && x && !nb; x = x->parent)
        nb = pc_strmap_get(&x->names, name);
    binding *b = nb ? nb->list : NULL;
    if (!b || b->next || b->kind != BIND_IMPORT)
        return NULL;
    const char *last = strrchr(b->qual, '.');
    return strcmp(name, last ? last + 1 : b->qual) ? b->qual : NULL;
}

/* Does text t hold, as a word, a name that a renaming import binds? */
static bool names_renamed_in(const ctx *c, const char *t, size_t n)
{
    if (c->nrenames < 0)
        return true;
    for (int i = 0; i < c->nrenames; i++) {
        size_t len = strlen(c->renames[i]);
        for (const char *p = t, *end = t + n; (p = memmem(p, (size_t)(end - p), c->renames[i], len));
             p += len) {
            bool before = p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.');
            bool after = p + len < end && (isalnum((unsigned char)p[len]) || p[len] == '_');
            if (!before && !after)
                return true;
        }
    }
    return false;
}

/* The text of a with each name a renaming import binds written as what it
 * imports, as rules' regexes are written: dict(o.environ) reads as
 * dict(os.environ). False when a holds no such name. */
static bool canonical_text(ctx *c, TSNode a, scope *sc, strval *out)
{
    enum { N = sizeof c->canon / sizeof *c->canon };
    for (unsigned i = 0; i < N; i++)
        if (c->canon[i].text != NULL && ts_node_eq(c->canon[i].node, a)) {
            *out = (strval){c->canon[i].text, c->canon[i].len};
            return c->canon[i].ok;
        }
    uint32_t at = ts_node_start_byte(a), en = ts_node_end_byte(a);
    if (!names_renamed_in(c, c->text + at, en - at)) { /* the common case: read no further */
        unsigned slot = c->canon_next++ % N;
        c->canon[slot].node = a;
        c->canon[slot].ok = false;
        c->canon[slot].text = "";
        c->canon[slot].len = 0;
        return false;
    }
    char buf[4096];
    size_t len = 0;
    bool any = false, fits = true;
    TSTreeCursor cur = ts_tree_cursor_new(a);
    for (bool down = true; fits;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        TSFieldId f = ts_tree_cursor_current_field_id(&cur);
        const char *q = down && ts_node_symbol(n) == syms.identifier && f != c->f_attribute && f != c->f_name
                            ? renamed_import(c, n, sc)
                            : NULL;
        bool comment = down && ts_node_symbol(n) == syms.comment; /* read as blanks, as code_only does */
        if (q || comment) {
            size_t gap = ts_node_start_byte(n) - at,
                   ql = q ? strlen(q) : ts_node_end_byte(n) - ts_node_start_byte(n);
            if ((fits = len + gap + ql <= sizeof buf)) {
                memcpy(buf + len, c->text + at, gap);
                if (q)
                    memcpy(buf + len + gap, q, ql);
                else
                    memset(buf + len + gap, ' ', ql);
                len += gap + ql;
            }
            at = ts_node_end_byte(n);
            any |= q != NULL;
            q = q ? q : "";
        }
        if (down && !q && ts_tree_cursor_goto_first_child(&cur))
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
    if (fits && (fits = len + (en - at) <= sizeof buf)) {
        memcpy(buf + len, c->text + at, en - at);
        len += en - at;
    }
    const char *text = any && fits ? pc_arena_strndup(c->a, buf, len) : NULL;
    bool ok = text != NULL;
    unsigned slot = c->canon_next++ % N;
    c->canon[slot].node = a;
    c->canon[slot].ok = ok;
    c->canon[slot].text = ok ? text : "";
    c->canon[slot].len = ok ? len : 0;
    *out = (strval){c->canon[slot].text, c->canon[slot].len};
    return ok;
}

/* vars(os)["envi" + "ron"], getattr(os, "env" + "iron"), os.__dict__[k]:
 * a subscript or getattr() call that resolves to a module attribute reads
 * as the name it resolves to ("os.environ"), as its text does not. */
static bool dynamic_name_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re)
{
    a = unparen(a);
    if (is_sym(a, syms.call)) {
        TSNode fn = node_field(a, c->f_function);
        const char *f = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
        if (!f || strcmp(f, "getattr"))
            return false;
    } else if (is_sym(a, syms.subscript)) { /* of a namespace: vars(m)[k], m.__dict__[k] */
        TSNode x = unparen(node_field(a, c->f_value));
        TSNode an = is_sym(x, syms.attribute) ? node_field(x, c->f_attribute) : (TSNode){0};
        const char *attr = is_sym(an, syms.identifier) ? ident_name(c, an) : NULL;
        if (!is_sym(x, syms.call) && !(attr && !strcmp(attr, "__dict__")))
            return false;
    } else {
        return false;
    }
    vals v = {0};
    resolve_expr(c, a, sc, 0, &v);
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && strchr(v.v[i].qual, '.') &&
            text_re_matches(c, re, v.v[i].qual, strlen(v.v[i].qual)))
            return true;
    return false;
}

static bool text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re, int depth, int *budget, bool deep)
{
    if (--*budget < 0) /* every regex run counts, not only the nodes walked */
        return false;
    if (!text_work(c)) /* and the file's bound */
        return false;
    if (deep && sc) {
        TSNode u = unparen(a);
        uint32_t skip = is_sym(u, syms.call) ? key_only_args(c, u, sc) : 0;
        if (skip)
            return call_parts_match(c, u, sc, re, depth, budget, skip);
    }
    uint32_t st = ts_node_start_byte(a), en = ts_node_end_byte(a);
    if (en <= c->len && en - st <= 4096 && text_re_matches(c, re, c->text + st, en - st))
        return true;
    strval canon;
    if (c->import_renames && sc && en <= c->len && en - st <= 4096 && canonical_text(c, a, sc, &canon) &&
        text_re_matches(c, re, canon.s, canon.len))
        return true;
    if (sc && dynamic_name_matches(c, a, sc, re))
        return true;
    if (depth >= FOLLOW_MAX || !sc) /* no scope: the rule does not follow names */
        return false;
    if (splat_sites_match(c, unparen(a), sc, re, budget) ||
        (is_sym(unparen(a), syms.binary_operator) && sum_sites_match(c, unparen(a), sc, re, budget)))
        return true;
    if (!deep) { /* follow: name: only an argument that is a name, or a call of one */
        a = unparen(a);
        if (is_sym(a, syms.list_splat)) /* f(*argv): what argv holds */
            a = unparen(ts_node_named_child(a, 0));
        if (is_sym(a, syms.call)) {
            TSNode fn = node_field(a, c->f_function);
            /* rc_files().items(), TABLE.values(): what the container holds */
            static const char *const views[] = {"items", "values", "keys", "copy", "get"};
            const char *m = is_sym(fn, syms.attribute) ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
            if (m && str_listed(m, views, sizeof views / sizeof *views))
                return text_matches(c, node_field(fn, c->f_object), sc, re, depth + 1, budget, deep);
            /* build_argv(): what the program's function returns */
            return returns_text_matches(c, fn, sc, re, depth, budget);
        }
        if (is_sym(a, syms.binary_operator)) { /* site_dir() / name: the directory it joins */
            TSNode op = node_field(a, syms.operator_);
            strval whole;
            /* ["sh"] + ["-c", x] is one argument list, read whole where it folds */
            if (node_is(op, "+") && argv_source(c, a, sc, &whole))
                return false;
            if (node_is(op, "/") || node_is(op, "+"))
                return text_matches(c, node_field(a, c->f_left), sc, re, depth + 1, budget, deep) ||
                       /* home / name, for name in (".bashrc", ".zshrc"): each file a loop joins;
                        * text + badge(): what a call on the right gives too */
                       (((node_is(op, "/") && loop_name(c, node_field(a, c->f_right), sc)) ||
                         (node_is(op, "+") && is_sym(unparen(node_field(a, c->f_right)), syms.call))) &&
                        text_matches(c, node_field(a, c->f_right), sc, re, depth + 1, budget, deep));
            return false;
        }
        if (is_sym(a, syms.attribute))
            return self_attr_text_matches(c, a, sc, re, depth, budget, deep);
        const char *name = is_sym(a, syms.identifier) ? ident_name(c, a) : NULL;
        return name && (name_text_matches(c, name, sc, re, depth, budget, deep) ||
                        with_text_matches(c, a, name, re, depth, budget, deep));
    }
    /* every node visited counts: a huge literal must not make this slow */
    follow_ud u = {c, sc, re, depth, budget, deep};
    return find_identifier(a, syms.attribute, budget, follow_name, &u);
}

/* A `text` condition also reads what the argument folds to, written as a
 * string literal: os.path.join("/etc", "shadow"), f"{base}/shadow" and
 * Path("/etc") / "shadow" read as "/etc/shadow" (argv_source for argument
 * lists); not for a literal, whose own text was read already. Worked out
 * once for all the rules that ask. */
typedef struct loop_items {
    strval *v;
    int n;
} loop_items;

/* s written as a double-quoted literal; false when s holds a quote itself */
static bool quote_text(ctx *c, const strval *s, strval *out)
{
    /* as Python would write it: '...' when it holds a double quote; one
     * holding both is not known */
    bool dq = memchr(s->s, '"', s->len) != NULL;
    char *q = dq && memchr(s->s, '\'', s->len) ? NULL : pc_arena_alloc(c->a, s->len + 3);
    if (!q)
        return false;
    q[0] = dq ? '\'' : '"';
    memcpy(q + 1, s->s, s->len);
    q[s->len + 1] = q[0];
    q[s->len + 2] = '\0';
    *out = (strval){q, s->len + 2};
    return true;
}

/* fold_loop_argvs' callback: each argument list's text as it is */
static bool keep_plain(ctx *c, const strval *s, void *ud)
{
    loop_items *li = ud;
    if (!li->v && !(li->v = pc_arena_array(c->a, 16, sizeof *li->v)))
        return false;
    if (li->n < 16)
        li->v[li->n++] = *s;
    return li->n < 16;
}

/* fold_loop_items' callback: each item's text, quoted as a literal is */
static bool keep_quoted(ctx *c, const strval *s, void *ud)
{
    loop_items *li = ud;
    if (!li->v && !(li->v = pc_arena_array(c->a, 16, sizeof *li->v)))
        return false;
    if (li->n < 16 && quote_text(c, s, &li->v[li->n]))
        li->n++;
    return li->n < 16;
}

/* The entry of c->folded for a, worked out when not there yet; -1 when out
 * of memory. */
static int folded_text(ctx *c, TSNode a, scope *sc)
{
    enum { N = sizeof c->folded / sizeof *c->folded };
    for (unsigned i = 0; i < N; i++)
        if (c->folded[i].set && ts_node_eq(c->folded[i].node, a))
            return (int)i;
    unsigned slot = c->folded_next++ % N;
    c->folded[slot].set = false; /* until worked out: folding may ask for others */
    TSSymbol t = ts_node_symbol(a);
    strval s, text = {0}, line = {0};
    bool ok = false, partial = false, shell = !ts_node_is_null(c->shell_line) && ts_node_eq(a, c->shell_line);
    if ((t == syms.string && !string_has_code(c, a)) || t == syms.concatenated_string) {
        /* a literal's own text was read already */
        if (shell && !string_value(c, a, &line))
            line.len = 0;
    } else {
        c->text_folds = true;
        bool argv = argv_source(c, a, sc, &s), folded = !argv && fold_string(c, a, sc, 0, &s);
        c->text_folds = false;
        if (argv) {
            text = s;
            ok = true;
        } else if (folded) {
            line = s;
            ok = quote_text(c, &s, &text);
            partial = ok && memchr(s.s, '?', s.len); /* a part not known ("~/?") */
        }
    }
    /* a shell's command line: also the argument lists it runs */
    strval *argvs = NULL;
    int nargvs = 0;
    if (shell && line.len && (argvs = pc_arena_array(c->a, 8, sizeof *argvs)))
        nargvs = shell_argvs(c, &line, argvs, 8);
    loop_items li = {0};
    const char *var;
    binding *b;
    /* a loop's items: when nothing folds, or a part of what did is not
     * known (os.path.join(home, n), for n in NAMES, is "~/?" by itself) */
    if ((!ok || (partial && !shell)) && sc && loop_var_in(c, a, sc, &var, &b)) {
        c->text_folds = true;
        fold_loop_items(c, a, sc, var, b, false, keep_quoted, &li);
        c->text_folds = false;
    }
    /* an argument list with items not known that a loop's names fill (for
     * k, v in S.items(): run(["git", "config", k, v])): each list it is */
    bool open_items = ok && text.len > 2 && text.s[0] == '[' &&
                      (memmem(text.s, text.len, ", ?", 3) || !memcmp(text.s, "[?", 2));
    if (open_items && !li.n && sc && loop_var_in(c, a, sc, &var, &b)) {
        c->text_folds = true;
        fold_loop_argvs(c, a, sc, var, b, keep_plain, &li);
        c->text_folds = false;
    }
    /* ... and each line it may be that the plain-line test (all_text) reads:
     * a loop's, each call's of a helper, an f-string's with each value of
     * its interpolations (for spec in TOOLS: os.system(f"pip install {spec}")) */
    if (shell && !ok && !nargvs) {
        strval lines[16];
        int nlines = li.n ? 0 : shell_line_values(c, a, sc, lines, 16);
        if (nlines && (li.v = pc_arena_array(c->a, nlines, sizeof *li.v)))
            for (int k = 0; k < nlines; k++)
                li.n += quote_text(c, &lines[k], &li.v[li.n]);
        if (li.n && (argvs = pc_arena_array(c->a, 16, sizeof *argvs)))
            for (int k = 0; k < li.n && nargvs < 16; k++) {
                strval inner = {li.v[k].s + 1, li.v[k].len - 2}; /* without the quotes */
                nargvs += shell_argvs(c, &inner, argvs + nargvs, 16 - nargvs);
            }
    }
    if (!ok && !li.n && t == syms.string && string_has_code(c, a)) {
        /* f"{VERB} {name}": its known parts, "{?}" where a value is not */
        c->text_folds = c->fold_holes = true;
        if (fold_string(c, a, sc, 0, &s))
            ok = quote_text(c, &s, &text);
        c->text_folds = c->fold_holes = false;
    }
    c->folded[slot].node = a;
    c->folded[slot].ok = ok;
    c->folded[slot].text = ok ? text.s : NULL;
    c->folded[slot].len = ok ? text.len : 0;
    c->folded[slot].items = li.v;
    c->folded[slot].nitems = li.n;
    c->folded[slot].argvs = argvs;
    c->folded[slot].nargvs = nargvs;
    c->folded[slot].set = true;
    return (int)slot;
}

static bool folded_text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *re)
{
    int i = folded_text(c, a, sc);
    if (i < 0)
        return false;
    for (int k = 0; k < c->folded[i].nargvs; k++)
        if (text_re_matches(c, re, c->folded[i].argvs[k].s, c->folded[i].argvs[k].len))
            return true;
    if (c->folded[i].ok && text_re_matches(c, re, c->folded[i].text, c->folded[i].len))
        return true;
    for (int k = 0; k < c->folded[i].nitems; k++)
        if (text_re_matches(c, re, c->folded[i].items[k].s, c->folded[i].items[k].len))
            return true;
    return false;
}

/* A value's literal reading, computed at most once and only when asked. */
typedef struct lazy_lit {
    bool done, ok, container;
    pc_value v;
} lazy_lit;

static bool is_literal(ctx *c, TSNode a, lazy_lit *l)
{
    if (!l->done) {
        l->done = true;
        l->ok = !ts_node_is_null(a) && literal_value(c, a, &l->v, &l->container);
    }
    return l->ok;
}

/* A `regex` condition on value a: its string (a list's items joined), or
 * for x if c else y either branch's; a literal that is not a string cannot
 * match, and a computed value might (fail closed). */
static bool regex_holds(ctx *c, TSNode a, scope *sc, const pcre2_code *re, lazy_lit *l, int depth)
{
    TSNode u = unparen(a);
    if (depth < 8 && is_sym(u, syms.conditional_expression)) {
        lazy_lit l1 = {0}, l2 = {0};
        return regex_holds(c, ts_node_named_child(u, 0), sc, re, &l1, depth + 1) ||
               regex_holds(c, ts_node_named_child(u, 2), sc, re, &l2, depth + 1);
    }
    strval s;
    if (joined_items(c, a, sc, &s) || fold_string(c, a, sc, 0, &s))
        return pcre2_match(re, (PCRE2_SPTR)s.s, s.len, 0, 0, c->w->md, c->w->mctx) >= 0;
    return !is_literal(c, a, l);
}

/* ---- all_text: every value a string literal of the program ---- */

/* A literal each_literal reaches (a string, f-strings included, or an
 * integer): false stops the walk, and each_literal fails. */
typedef bool (*literal_fn)(ctx *c, TSNode lit, scope *sc, void *ud, int depth, int *budget);

static bool each_literal(ctx *c, TSNode a, scope *sc, literal_fn fn, void *ud, int depth, int *budget);

/* Is the binding one of the parameters of the def making scope s? They
 * are bound where the def starts (scope.c), before its parameter list. */
static bool param_binding(ctx *c, scope *s, const binding *b)
{
    TSNode params = s->kind == SCOPE_FUNCTION && !ts_node_is_null(s->node)
                        ? node_field(s->node, c->f_parameters)
                        : (TSNode){0};
    return !ts_node_is_null(params) && b->offset >= ts_node_start_byte(s->node) &&
           b->offset < ts_node_end_byte(params);
}

/* for a, b in v (v the node iterated): where name is among the loop's
 * targets, or -1 when the target is name alone (or not a loop's). */
static int loop_target_place(ctx *c, TSNode v, const char *name)
{
    TSNode loop = ts_node_parent(v);
    TSNode left = ts_node_is_null(loop) ? loop : unparen(node_field(loop, c->f_left));
    if (ts_node_is_null(left) || (!node_is(left, "pattern_list") && !node_is(left, "tuple_pattern")))
        return -1;
    uint32_t n = ts_node_named_child_count(left);
    for (uint32_t i = 0; i < n; i++) {
        TSNode t = ts_node_named_child(left, i);
        const char *tn = node_is(t, "identifier") ? ident_name(c, t) : NULL;
        if (tn && !strcmp(tn, name))
            return (int)i;
    }
    return -1;
}

/* Parameter `name` of the def making scope s: does every call of the def,
 * which the program only ever calls (at least once), pass an argument
 * whose every literal fn accepts? */
static bool param_literals_each(ctx *c, scope *s, const char *name, literal_fn fn, void *ud, int depth,
                                int *budget)
{
    int idx = param_index(c, s, name);
    def_calls it;
    if (idx < 0 || !def_calls_start(c, s, idx, &it, false) || !only_called(c, s->fname))
        return false;
    int calls = 0, sites = 65;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, &sites))) {
        bool unknown;
        TSNode a = def_call_arg(c, &it, cs, &unknown);
        if (ts_node_is_null(a) || unknown || !each_literal(c, a, cs->sc, fn, ud, depth + 1, budget))
            return false;
        calls++;
    }
    return calls > 0 && sites > 0;
}

/* for k, v in D.items() or for v in D.values() (v the node iterated, name
 * the loop's variable), D a dict display or a name bound only to one:
 * the display, and which half of each pair name takes (0 the key, 1 the
 * value); -1 when it is neither. */
static int dict_view_half(ctx *c, TSNode v, const char *name, scope **vs, TSNode *d)
{
    TSNode fn = is_sym(v, syms.call) ? node_field(v, c->f_function) : (TSNode){0};
    const char *m = is_sym(fn, syms.attribute) ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    if (!m || ts_node_named_child_count(node_field(v, c->f_arguments)))
        return -1;
    int place = loop_target_place(c, v, name);
    int half = !strcmp(m, "items") ? place : !strcmp(m, "values") && place < 0 ? 1 : -1;
    if (half < 0 || half > 1)
        return -1;
    *d = display_behind(c, node_field(fn, c->f_object), vs);
    return is_sym(*d, syms.dictionary) ? half : -1;
}

/* Each item of display d that a loop's variable name (v the node
 * iterated) takes: the item, its place in a tuple item (for label, cmd
 * in (("fmt", "black ."), ...)), or a half of each pair of a dict's
 * items() or values(). */
static bool each_loop_literal(ctx *c, TSNode v, TSNode d, int half, const char *name, scope *vs,
                              literal_fn fn, void *ud, int depth, int *budget)
{
    uint32_t n = ts_node_named_child_count(d);
    int place = half < 0 ? loop_target_place(c, v, name) : -1;
    if (!n || n > 64)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        TSNode item = unparen(ts_node_named_child(d, i));
        if (half >= 0) {
            if (!is_sym(item, syms.pair))
                return false; /* **other: not known */
            item = node_field(item, half ? c->f_value : c->f_key);
        } else if (place >= 0) {
            if (!is_sym(item, syms.tuple) && !node_is(item, "list"))
                return false;
            item = ts_node_named_child(item, (uint32_t)place);
        }
        if (!each_literal(c, item, vs, fn, ud, depth + 1, budget))
            return false;
    }
    return true;
}

/* Is every value that expression a may have a literal that fn accepts: a
 * literal, or a name bound only to such values, looping only over
 * displays of them, or a parameter every call passes one for? */
static bool each_literal(ctx *c, TSNode a, scope *sc, literal_fn fn, void *ud, int depth, int *budget)
{
    a = unparen(a);
    if (ts_node_is_null(a) || depth > 4 || --*budget < 0)
        return false;
    if (is_sym(a, syms.string) || is_sym(a, syms.concatenated_string) || is_sym(a, syms.integer))
        return fn(c, a, sc, ud, depth, budget);
    const char *name = is_sym(a, syms.identifier) ? ident_name(c, a) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        if (x->kind == SCOPE_CLASS && x != sc)
            continue;
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        /* a parameter (without a default it is a plain local: no binding
         * kept, only the flag) */
        bool param = x->kind == SCOPE_FUNCTION && param_index(c, x, name) >= 0;
        if (nb->has_del || (nb->has_plain_local && !param) || (!nb->list && !param))
            return false;
        for (binding *b = nb->list; b; b = b->next) {
            if (param && param_binding(c, x, b)) { /* its default must match too */
                if (b->kind == BIND_ALIAS && !each_literal(c, b->value, b->value_scope ? b->value_scope : x,
                                                           fn, ud, depth + 1, budget))
                    return false;
                continue;
            }
            scope *vs = b->value_scope ? b->value_scope : x;
            TSNode v = unparen(b->value), d = {0};
            int half = b->kind == BIND_PART ? dict_view_half(c, v, name, &vs, &d) : -1;
            if (b->kind == BIND_PART && half < 0)
                d = display_behind(c, v, &vs);
            if (b->kind == BIND_ALIAS) {
                if (!each_literal(c, b->value, vs, fn, ud, depth + 1, budget))
                    return false;
            } else if (ts_node_is_null(d) ||
                       (half < 0 && is_sym(d, syms.dictionary)) || /* for cmd in ("ls", ...) */
                       !each_loop_literal(c, v, d, half, name, vs, fn, ud, depth, budget)) {
                return false;
            }
        }
        return !param || param_literals_each(c, x, name, fn, ud, depth, budget);
    }
    return false;
}

/* ---- all_text: every value a literal whose text matches ---- */

/* Text of at most 4,096 bytes that re matches? */
static bool text_matches_re(ctx *c, const pcre2_code *re, const char *s, size_t len)
{
    return len <= 4096 && pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, c->w->md, c->w->mctx) >= 0;
}

enum { HOLE_VALUES = 64, HOLES = 8 };

typedef struct hole_values {
    unsigned n;
    strval v[HOLE_VALUES]; /* the values' source text, without the quotes */
} hole_values;

/* literal_fn: a value an f-string's interpolation may have, whose source
 * text is its value (no escapes, quotes, braces or line breaks) */
static bool hole_value(ctx *c, TSNode lit, scope *sc, void *ud, int depth, int *budget)
{
    (void)sc, (void)depth, (void)budget;
    hole_values *h = ud;
    uint32_t st = ts_node_start_byte(lit), en = ts_node_end_byte(lit);
    if (is_sym(lit, syms.string) && !string_has_code(c, lit) && ts_node_named_child_count(lit) >= 2) {
        st = ts_node_end_byte(ts_node_named_child(lit, 0)); /* after string_start */
        en = ts_node_start_byte(ts_node_named_child(lit, ts_node_named_child_count(lit) - 1));
        for (uint32_t i = ts_node_start_byte(lit); i < st; i++)
            if (c->text[i] == 'b' || c->text[i] == 'B')
                return false; /* f"{b'x'}" is "b'x'" */
    } else if (!is_sym(lit, syms.integer)) {
        return false;
    }
    if (en < st || en > c->len || en - st > 256 || h->n >= HOLE_VALUES)
        return false;
    for (uint32_t i = st; i < en; i++)
        if (strchr("\\'\"{}\n\r", c->text[i]))
            return false;
    h->v[h->n++] = (strval){c->text + st, en - st};
    return true;
}

/* A string literal's parts as written: prefix letters (f left out), the
 * quote and the span between the quotes; false for a triple-quoted one. */
typedef struct lit_part {
    char prefix[4];
    unsigned nprefix;
    char quote;
    uint32_t from, to;
} lit_part;

static bool lit_part_of(ctx *c, TSNode str, lit_part *p)
{
    uint32_t count = is_sym(str, syms.string) ? ts_node_named_child_count(str) : 0;
    if (count < 2)
        return false;
    uint32_t at = ts_node_start_byte(str);
    p->from = ts_node_end_byte(ts_node_named_child(str, 0)); /* after string_start */
    p->to = ts_node_start_byte(ts_node_named_child(str, count - 1));
    p->nprefix = 0;
    for (; at < p->from && c->text[at] != '"' && c->text[at] != '\''; at++)
        if (c->text[at] != 'f' && c->text[at] != 'F') {
            if (p->nprefix == sizeof p->prefix)
                return false;
            p->prefix[p->nprefix++] = c->text[at];
        }
    p->quote = at < p->from ? c->text[at] : 0;
    return p->quote && at + 1 == p->from && p->to >= p->from && p->to <= c->len; /* one quote: not triple */
}

/* Does interpolation i end right after its expression ({x}, not {x=})? */
static bool closes_at_value(ctx *c, TSNode i)
{
    uint32_t at = ts_node_end_byte(ts_node_named_child(i, 0)), end = ts_node_end_byte(i);
    while (at < end && (c->text[at] == ' ' || c->text[at] == '\t'))
        at++;
    return at + 1 == end && c->text[at] == '}';
}

/* shlex.quote(x) (or pipes.quote): a single shell word, whatever x is */
static bool shell_quoted(ctx *c, TSNode e, scope *sc)
{
    e = unparen(e);
    if (!is_sym(e, syms.call))
        return false;
    vals v = {0};
    resolve_expr(c, node_field(e, c->f_function), sc, 0, &v);
    bool q = v.n > 0 && !v.unknown;
    for (int i = 0; i < v.n; i++)
        q &= !strcmp(v.v[i].qual, "shlex.quote") || !strcmp(v.v[i].qual, "pipes.quote");
    return q;
}

/* The shell's quoting after the literal text from..to, from *q (0, '\''
 * or '"'); a backslash, which Python's escapes make unclear, leaves it
 * unknown ('?'). */
static void shell_quote_state(ctx *c, uint32_t from, uint32_t to, char *q)
{
    for (uint32_t i = from; i < to && i < c->len && *q != '?'; i++) {
        char ch = c->text[i];
        if (ch == '\\')
            *q = '?';
        else if (!*q && (ch == '\'' || ch == '"'))
            *q = ch;
        else if (*q && ch == *q)
            *q = 0;
    }
}

/* A line literal_lines makes; false stops them. */
typedef bool (*line_fn)(ctx *c, const char *line, size_t len, void *ud);

/* The text of a string literal, or of an implicit concatenation of them
 * ("nvidia-smi " "--format=csv") written as one literal, each of whose
 * f-string interpolations has literal values only: fn is handed each line
 * that a combination of those values makes (64 at most). f"pip install
 * -q {name}", for module, name in REQUIRED.items(), is each "pip install
 * -q ..." it runs. False when lit is not such a literal or fn said stop. */
static bool literal_lines(ctx *c, TSNode lit, scope *sc, int depth, int *budget, line_fn fn, void *ud)
{
    enum { PARTS = 16 };
    uint32_t st = ts_node_start_byte(lit), en = ts_node_end_byte(lit);
    if (is_sym(lit, syms.string) && !string_has_code(c, lit)) /* as written */
        return en <= c->len && fn(c, c->text + st, en - st, ud);
    lit_part part[PARTS];
    TSNode holes[HOLES];
    hole_values *hv = pc_arena_array(c->a, HOLES, sizeof *hv);
    bool concat = is_sym(lit, syms.concatenated_string);
    uint32_t np = concat ? ts_node_named_child_count(lit) : 1;
    unsigned nh = 0, lines = 1;
    char quoting = 0; /* the shell's quote open where the text so far ends */
    if (!hv || !np || np > PARTS)
        return false;
    for (uint32_t i = 0; i < np; i++) {
        TSNode str = concat ? ts_node_named_child(lit, i) : lit;
        if (!lit_part_of(c, str, &part[i]) || part[i].quote != part[0].quote ||
            part[i].nprefix != part[0].nprefix || memcmp(part[i].prefix, part[0].prefix, part[0].nprefix))
            return false;
        uint32_t count = ts_node_named_child_count(str), seen = part[i].from;
        for (uint32_t k = 0; k < count; k++) {
            TSNode ch = ts_node_named_child(str, k);
            if (ts_node_symbol(ch) != syms.interpolation)
                continue;
            shell_quote_state(c, seen, ts_node_start_byte(ch), &quoting);
            seen = ts_node_end_byte(ch);
            if (nh == HOLES || ts_node_named_child_count(ch) != 1 || !closes_at_value(c, ch))
                return false; /* no !r, format spec or f"{x=}" */
            hv[nh].n = 0;
            TSNode e = ts_node_named_child(ch, 0);
            /* shlex.quote(x) outside the shell's quotes: one word, whatever
             * x holds (inside quotes its own quotes would close them) */
            if (!quoting && shell_quoted(c, e, sc))
                hv[nh].v[hv[nh].n++] = (strval){"q", 1};
            else if (!each_literal(c, e, sc, hole_value, &hv[nh], depth + 1, budget))
                return false;
            if (!hv[nh].n || (lines *= hv[nh].n) > HOLE_VALUES)
                return false; /* no value known: no line */
            holes[nh++] = ch;
        }
        shell_quote_state(c, seen, part[i].to, &quoting); /* the rest of the part */
    }
    unsigned pick[HOLES] = {0};
    char line[4096];
    for (unsigned l = 0; l < lines; l++) {
        size_t len = part[0].nprefix;
        memcpy(line, part[0].prefix, len);
        line[len++] = part[0].quote;
        unsigned h = 0;
        for (uint32_t i = 0; i < np; i++) {
            uint32_t at = part[i].from;
            for (;;) { /* the part's text up to each of its holes, then the value */
                bool in = h < nh && ts_node_start_byte(holes[h]) < part[i].to;
                uint32_t to = in ? ts_node_start_byte(holes[h]) : part[i].to;
                const strval *v = in ? &hv[h].v[pick[h]] : NULL;
                if (to < at || len + (to - at) + (v ? v->len : 0) + 1 > sizeof line)
                    return false;
                memcpy(line + len, c->text + at, to - at);
                len += to - at;
                if (!v)
                    break;
                memcpy(line + len, v->s, v->len);
                len += v->len;
                at = ts_node_end_byte(holes[h++]);
            }
        }
        line[len++] = part[0].quote;
        if (!fn(c, line, len, ud))
            return false;
        for (h = 0; h < nh && ++pick[h] == hv[h].n; h++) /* the next combination */
            pick[h] = 0;
    }
    return true;
}

static bool line_matches(ctx *c, const char *line, size_t len, void *ud)
{
    return text_matches_re(c, ud, line, len);
}

/* literal_fn: a literal each of whose lines, quotes included, re matches */
static bool literal_text_matches(ctx *c, TSNode lit, scope *sc, void *ud, int depth, int *budget)
{
    return !is_sym(lit, syms.integer) && literal_lines(c, lit, sc, depth, budget, line_matches, ud);
}

/* The values of the lines of a shell's command line, gathered. */
typedef struct line_values {
    strval *v;
    int n, max;
} line_values;

static bool value_of_line(ctx *c, const char *line, size_t len, void *ud)
{
    line_values *g = ud;
    size_t q = 0;
    while (q < len && line[q] != '"' && line[q] != '\'') /* the prefix */
        q++;
    if (q + 2 > len || memchr(line, '\\', len))
        return true; /* escapes: its value is not its text */
    char *copy = pc_arena_alloc(c->a, len - q - 1);
    if (!copy)
        return false;
    memcpy(copy, line + q + 1, len - q - 2);
    copy[len - q - 2] = '\0';
    g->v[g->n++] = (strval){copy, len - q - 2};
    return g->n < g->max;
}

static bool literal_values(ctx *c, TSNode lit, scope *sc, void *ud, int depth, int *budget)
{
    return !is_sym(lit, syms.integer) && literal_lines(c, lit, sc, depth, budget, value_of_line, ud);
}

int shell_line_values(ctx *c, TSNode a, scope *sc, strval *out, int max)
{
    if (c->shell_values.v && ts_node_eq(c->shell_values.node, a) && c->shell_values.n <= max) {
        memcpy(out, c->shell_values.v, (size_t)c->shell_values.n * sizeof *out);
        return c->shell_values.n; /* asked again by the string rules */
    }
    line_values g = {out, 0, max};
    int work = 256;
    each_literal(c, a, sc, literal_values, &g, 0, &work);
    strval *keep = g.n ? pc_arena_array(c->a, (size_t)g.n, sizeof *keep) : NULL;
    if (keep) {
        memcpy(keep, out, (size_t)g.n * sizeof *out);
        c->shell_values.node = a;
        c->shell_values.v = keep;
        c->shell_values.n = g.n;
    }
    return g.n;
}

/* Is every value that expression a may have a string literal whose text,
 * as written, matches re (an f-string: with each value its interpolations
 * may have written in)? */
static bool all_literals_match(ctx *c, TSNode a, scope *sc, const pcre2_code *re, int depth, int *budget)
{
    return each_literal(c, a, sc, literal_text_matches, (void *)re, depth, budget);
}

/* ---- written_by: a file the same program writes ---- */

static const char *written_name(ctx *c, TSNode fn);

/* fd in `fd, tmp = tempfile.mkstemp(...)` (or mkstemp imported by name):
 * the name tmp, which holds the path of the file fd is open on. */
static TSNode mkstemp_path(ctx *c, TSNode fd, scope *sc)
{
    const char *name = is_sym(unparen(fd), syms.identifier) ? ident_name(c, unparen(fd)) : NULL;
    namebind *nb = NULL;
    for (scope *x = sc; name && x && !(nb = pc_strmap_get(&x->names, name)); x = x->parent)
        ;
    binding *b = nb && nb->list && !nb->list->next ? nb->list : NULL;
    TSNode v = b && b->kind == BIND_PART ? unparen(b->value) : (TSNode){0};
    const char *m = is_sym(v, syms.call) ? callee_last_name(c, v, NULL) : NULL;
    TSNode up = m && !strcmp(m, "mkstemp") ? ts_node_parent(v) : (TSNode){0};
    TSNode left = node_is(up, "assignment") ? node_field(up, c->f_left) : (TSNode){0};
    if (!node_is(left, "pattern_list") && !node_is(left, "tuple_pattern"))
        return (TSNode){0};
    TSNode first = ts_node_named_child(left, 0), second = ts_node_named_child(left, 1);
    const char *fn = is_sym(first, syms.identifier) ? ident_name(c, first) : NULL;
    return fn && !strcmp(fn, name) && is_sym(second, syms.identifier) ? second : (TSNode){0};
}

/* The innermost with statement around `at` that binds name: the withs
 * are in file order, so the nearest one that starts before `at` and still
 * spans it, looking back a bounded way (build_sites first). */
static const with_bind *with_at(ctx *c, const char *name, uint32_t at)
{
    size_t lo = 0, hi = c->nwiths;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->withs[mid].start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo, seen = 0; i-- > 0 && seen < 4096; seen++) /* open withs, among those before */
        if (at < c->withs[i].end && !strcmp(c->withs[i].name, name))
            return &c->withs[i];
    return NULL;
}

/* The call that made the file object a name holds where `at` reads it
 * (with X as f, or f = X bound once): "open", "fdopen",
 * "NamedTemporaryFile", ...; NULL when it is not one of those. */
static const char *file_maker(ctx *c, TSNode name, scope *sc, uint32_t at)
{
    const char *n = ident_name(c, name);
    if (!n)
        return NULL;
    build_sites(c);
    const with_bind *w = with_at(c, n, at);
    TSNode v = w ? w->value : (TSNode){0};
    for (scope *x = sc; ts_node_is_null(v) && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, n);
        if (!nb)
            continue;
        if (nb->list && !nb->list->next && !nb->has_del && nb->list->kind == BIND_ALIAS)
            v = nb->list->value;
        break;
    }
    v = unparen(v);
    TSNode fn = is_sym(v, syms.call) ? node_field(v, c->f_function) : (TSNode){0};
    if (is_sym(fn, syms.attribute))
        fn = node_field(fn, c->f_attribute);
    const char *m = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
    static const char *const makers[] = {"open", "fdopen", "NamedTemporaryFile", "TemporaryFile",
                                         "SpooledTemporaryFile"};
    return m && str_listed(m, makers, sizeof makers / sizeof *makers) ? m : NULL;
}

/* The path of the file that e reads or is: open(P), Path(P), what
 * p.read_bytes(), f.read() or Path(P).open() read, a name bound once to one
 * of those, or the name a with statement around `at` binds to one (with
 * open(P, "rb") as f: pickle.load(f)). *psc: the scope to fold it in. */
TSNode opened_path(ctx *c, TSNode e, scope *sc, uint32_t at, scope **psc, int depth)
{
    e = unparen(e);
    *psc = sc;
    if (ts_node_is_null(e) || depth > 3)
        return (TSNode){0};
    TSSymbol t = ts_node_symbol(e);
    if (t == syms.call) {
        TSNode fn = node_field(e, c->f_function), recv = {0};
        if (is_sym(fn, syms.attribute)) {
            recv = node_field(fn, c->f_object);
            fn = node_field(fn, c->f_attribute);
        }
        const char *m = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
        if (!m)
            return (TSNode){0};
        bool reads = !strcmp(m, "read") || !strcmp(m, "read_bytes") || !strcmp(m, "read_text") ||
                     !strcmp(m, "readlines") || !strcmp(m, "getvalue");
        if (reads && !ts_node_is_null(recv))
            return opened_path(c, recv, sc, at, psc, depth + 1);
        if (!strcmp(m, "fdopen")) /* fd, tmp = tempfile.mkstemp(); os.fdopen(fd, "wb"): the file tmp names */
            return mkstemp_path(c, call_arg(node_field(e, c->f_arguments), 0), sc);
        if (!strcmp(m, "open")) { /* open(P, "rb"), gzip.open(P), Path(P).open("rb") */
            TSNode args = node_field(e, c->f_arguments);
            bool module = ts_node_is_null(recv);
            if (is_sym(recv, syms.identifier)) { /* gzip.open(P), not p.open("rb") */
                const char *rn = ident_name(c, recv);
                for (scope *x = sc; rn && x && !module; x = x->parent) {
                    namebind *nb = pc_strmap_get(&x->names, rn);
                    if (nb) {
                        module = nb->list && nb->list->kind == BIND_IMPORT;
                        break;
                    }
                }
            }
            if (!module || ts_node_is_null(args))
                return recv;
            TSNode a0 = call_arg(args, 0);
            if (ts_node_is_null(a0)) {
                pc_argcond want = {.position = -1, .keyword = "file"};
                bool unknown = false;
                a0 = find_arg_walk(c, args, 0, &want, &unknown, sc);
            }
            return a0;
        }
        return !strcmp(m, "Path") || !strcmp(m, "PurePath") || !strcmp(m, "PosixPath") ? e : (TSNode){0};
    }
    if (t == syms.attribute) { /* f.name: the file f is open on; a NamedTemporaryFile's own name: f itself */
        TSNode obj = unparen(node_field(e, c->f_object)), attr = node_field(e, c->f_attribute);
        uint32_t as = ts_node_start_byte(attr);
        if (!is_sym(obj, syms.identifier) || ts_node_end_byte(attr) - as != 4 ||
            memcmp(c->text + as, "name", 4))
            return (TSNode){0};
        /* only a file object has the path as its name; a Path's .name is
         * its last part */
        uint32_t oat = ts_node_start_byte(obj); /* where f is read, inside its with */
        const char *m = file_maker(c, obj, sc, oat);
        if (!m)
            return (TSNode){0};
        if (strstr(m, "TemporaryFile")) {
            *psc = sc;
            return obj;
        }
        return opened_path(c, obj, sc, oat, psc, depth + 1);
    }
    if (t != syms.identifier)
        return (TSNode){0};
    const char *name = ident_name(c, e);
    if (!name)
        return (TSNode){0};
    build_sites(c);
    const with_bind *w = with_at(c, name, at);
    if (w)
        return opened_path(c, w->value, w->sc, at, psc, depth + 1);
    for (scope *x = sc; x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        binding *b = nb->list && !nb->list->next && !nb->has_del && !nb->has_local &&
                             nb->list->kind == BIND_ALIAS && !nb->list->busy
                         ? nb->list
                         : NULL;
        if (!b)
            break;
        b->busy = true;
        TSNode p = opened_path(c, b->value, b->value_scope ? b->value_scope : x, at, psc, depth + 1);
        b->busy = false;
        return p;
    }
    return (TSNode){0};
}

/* A variable bound once to a path built the same way in several functions
 * (path = CACHE_DIR / f"{name}.pkl" in save() and in load()): the
 * expression as written, spaces left out, stands for the file. */
static bool template_key(ctx *c, const namebind *nb, strval *out)
{
    const binding *b = nb->list;
    if (!b || b->next || nb->has_del || nb->has_part || b->kind != BIND_ALIAS || ts_node_is_null(b->value))
        return false;
    TSNode v = unparen(b->value);
    uint32_t s = ts_node_start_byte(v), e = ts_node_end_byte(v);
    TSSymbol t = ts_node_symbol(v);
    if (e > c->len || e - s > 200 || (t != syms.binary_operator && t != syms.call && t != syms.string))
        return false;
    if (t == syms.call) { /* each call makes a new file: tempfile.NamedTemporaryFile(), mkstemp() */
        TSNode fn = node_field(v, c->f_function);
        if (is_sym(fn, syms.attribute))
            fn = node_field(fn, c->f_attribute);
        const char *m = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
        static const char *const fresh[] = {
            "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "mkstemp", "mkdtemp", "mktemp"};
        if (m && str_listed(m, fresh, sizeof fresh / sizeof *fresh))
            return false;
    }
    char *k = pc_arena_alloc(c->a, e - s + 2);
    if (!k)
        return false;
    size_t n = 0;
    k[n++] = '\2';
    for (uint32_t i = s; i < e; i++)
        if (c->text[i] != ' ' && c->text[i] != '\t' && c->text[i] != '\n' && c->text[i] != '\r')
            k[n++] = c->text[i];
    *out = (strval){k, n};
    return true;
}

static binding *method_def(ctx *c, TSNode fn, scope *sc);

/* Is name r, returned by the def whose scope is ds, bound there once to a
 * value that mentions none of the def's parameters (a method's self
 * aside)? */
static bool returned_fixed(ctx *c, scope *ds, TSNode r)
{
    const char *name = ident_name(c, r);
    namebind *nb = name ? pc_strmap_get(&ds->names, name) : NULL;
    binding *b = nb && !nb->has_del && !nb->has_plain_local ? nb->list : NULL;
    if (!b || b->next || b->kind != BIND_ALIAS || ts_node_is_null(b->value))
        return false;
    bool method = ds->parent && ds->parent->kind == SCOPE_CLASS;
    for (int i = method ? 1 : 0; i < ds->nparams; i++)
        if (ds->params[i] && names_word(c, b->value, ds->params[i]))
            return false;
    return true;
}

/* A variable that holds a path which does not fold (dst =
 * os.path.join(tempfile.gettempdir(), name)): the binding itself, as
 * "\1" + the scope that binds it + its name, so that urlretrieve(url, dst)
 * and Popen([sys.executable, dst]) in that scope name the same file; a
 * name bound to a call of the program's function or method whose one
 * return is a name, that name. */
static bool variable_key(ctx *c, TSNode a, scope *sc, int hops, strval *out)
{
    const char *name = is_sym(a, syms.identifier) ? ident_name(c, a) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        /* exe = ensure_tool(), whose one return is a name (return binary):
         * that name, in the def's scope, is the variable (hops bounded) */
        binding *b = nb->list;
        TSNode v = b && !b->next && !nb->has_del && b->kind == BIND_ALIAS ? unparen(b->value) : (TSNode){0};
        scope *vs = b && b->value_scope ? b->value_scope : x;
        binding *d = is_sym(v, syms.call) && hops < 3 ? sole_def(c, node_field(v, c->f_function), vs) : NULL;
        if (!d && is_sym(v, syms.call) && hops < 3) /* helper = self._fetch_helper() */
            d = method_def(c, node_field(v, c->f_function), vs);
        if (d && !d->busy) {
            if (!d->ret_values_done)
                gather_returns(c, d);
            TSNode r = d->nret_values == 1 ? unparen(d->ret_values[0]) : (TSNode){0};
            scope *ds = is_sym(r, syms.identifier) ? scope_of_node(c, d->value) : NULL;
            if (ds && !ds->params_done)
                gather_params(c, ds);
            /* one file for every call only when no argument can choose it:
             * the name is bound once, to a value that reads no parameter
             * (but a method's self) */
            if (ds && (!returned_fixed(c, ds, r) || ds->varargs))
                ds = NULL;
            if (ds) {
                d->busy = true;
                bool ok = variable_key(c, r, ds, hops + 1, out);
                d->busy = false;
                if (ok)
                    return true;
            }
        }
        if (template_key(c, nb, out))
            return true;
        char *k = pc_arena_printf(c->a, "\1%p:%s", (void *)x, name);
        if (!k)
            return false;
        *out = (strval){k, strlen(k)};
        return true;
    }
    return false;
}

/* str(p) or os.fspath(p), one argument: p */
static TSNode path_unwrapped(ctx *c, TSNode a, scope *sc)
{
    a = unparen(a);
    TSNode args = is_sym(a, syms.call) ? node_field(a, c->f_arguments) : (TSNode){0};
    TSNode p = is_sym(args, syms.argument_list) && ts_node_named_child_count(args) == 1
                   ? unparen(ts_node_named_child(args, 0))
                   : (TSNode){0};
    if (ts_node_is_null(p) || is_sym(p, syms.keyword_argument) || is_sym(p, syms.list_splat))
        return a;
    vals v = {0};
    resolve_expr(c, node_field(a, c->f_function), sc, 0, &v);
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && (!strcmp(v.v[i].qual, "builtins.str") || !strcmp(v.v[i].qual, "os.fspath")))
            return p;
    return a;
}

/* What a path argument names, when it folds to one string; for a file
 * object or the bytes read from one, the path it was opened with; for a
 * variable whose path does not fold, the variable. */
static bool path_key(ctx *c, TSNode a, scope *sc, strval *out)
{
    if (ts_node_is_null(a))
        return false;
    if (fold_string(c, a, sc, 0, out) && out->len > 0)
        return true;
    a = path_unwrapped(c, a, sc);
    /* fh.name, or a name bound once to it (script = fh.name): the file fh
     * is open on (a NamedTemporaryFile written, then run) */
    TSNode u = unparen(a);
    binding *nb = is_sym(u, syms.identifier) ? sole_binding(ident_name(c, u), sc, BIND_ALIAS) : NULL;
    if (nb && !ts_node_is_null(nb->value) && is_sym(unparen(nb->value), syms.attribute))
        u = unparen(nb->value);
    if (is_sym(u, syms.attribute)) {
        const char *attr = ident_name(c, node_field(u, c->f_attribute));
        TSNode obj = unparen(node_field(u, c->f_object));
        if (attr && !strcmp(attr, "name") && is_sym(obj, syms.identifier))
            return variable_key(c, obj, nb && nb->value_scope ? nb->value_scope : sc, 0, out);
    }
    scope *psc = sc;
    TSNode p = opened_path(c, a, sc, ts_node_start_byte(a), &psc, 0);
    if (!ts_node_is_null(p) && !ts_node_eq(p, a))
        return (fold_string(c, p, psc, 0, out) && out->len > 0) || variable_key(c, unparen(p), psc, 0, out);
    return variable_key(c, unparen(a), sc, 0, out);
}

/* site: the call's entry among the file's sites, whose resolved callee is
 * kept there for the next writer asked about, or null */
static bool callee_matches(ctx *c, TSNode call, scope *sc, const char *glob, call_site *site)
{
    TSNode fn = node_field(call, c->f_function);
    if (ts_node_is_null(fn))
        return false;
    vals local = {0}, *vp = site ? site->callee : NULL;
    if (!vp) {
        vp = site ? pc_arena_alloc(c->a, sizeof *vp) : NULL;
        if (!vp)
            vp = &local;
        *vp = (vals){0};
        resolve_expr(c, fn, sc, 0, vp);
        if (site && vp != &local)
            site->callee = vp;
    }
    /* a method or function the program defines writes nothing we know of;
     * a method of a local object (fh.write) is the library's unless the
     * program defines one by that name */
    const char *attr = is_sym(fn, syms.attribute) ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    if (vp->local && (!attr || vp->n || program_defines(c, attr)))
        return false;
    for (int i = 0; i < vp->n; i++)
        if (vp->v[i].kind != VAL_NS && vp->v[i].qual && pc_glob_match(glob, vp->v[i].qual))
            return true;
    if (vp->n || glob[0] != '*') /* an unresolved callee: only '*' patterns see its written name */
        return false;
    const char *w = written_name(c, fn);
    return w && pc_glob_match(glob, w);
}

static bool paths_have(const writer_paths *w, const strval *key)
{
    for (size_t i = 0; w && i < w->n; i++)
        if (w->keys[i].len == key->len && !memcmp(w->keys[i].s, key->s, key->len))
            return true;
    return false;
}

static bool paths_add(ctx *c, writer_paths *w, const strval *key)
{
    strval *v = pc_arena_grow(c->a, w->keys, w->n, &w->cap, sizeof *v, 8);
    if (!v)
        return false;
    w->keys = v;
    w->keys[w->n++] = *key;
    return true;
}

/* A call that moves a file: os.replace(src, dst), os.rename, shutil.move,
 * or a path's own tmp.replace(dst) / tmp.rename(dst) (one argument: the
 * string method takes two). */
static bool moves_file(ctx *c, TSNode call, scope *sc, TSNode *src, TSNode *dst)
{
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    if (ts_node_is_null(fn) || !is_sym(args, syms.argument_list))
        return false;
    vals v = {0};
    resolve_expr(c, fn, sc, 0, &v);
    static const char *const movers[] = {"os.replace", "os.rename", "shutil.move", "posix.replace",
                                         "posix.rename"};
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && str_listed(v.v[i].qual, movers, sizeof movers / sizeof *movers)) {
            *src = call_arg(args, 0);
            *dst = call_arg(args, 1);
            return !ts_node_is_null(*src) && !ts_node_is_null(*dst);
        }
    if ((v.n && !v.local) || !is_sym(fn, syms.attribute) || ts_node_named_child_count(args) != 1)
        return false;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    if (!m || (strcmp(m, "replace") && strcmp(m, "rename")))
        return false;
    *src = node_field(fn, c->f_object);
    *dst = call_arg(args, 0);
    return !ts_node_is_null(*src) && !ts_node_is_null(*dst);
}

/* A file written and then moved into place (written to tmp, then
 * tmp.replace(path)) is written at its new path too; a move of a move
 * is followed as well. */
static void paths_moved(ctx *c, writer_paths *w)
{
    for (int pass = 0; pass < 2 && w->n; pass++) {
        size_t before = w->n;
        for (size_t i = 0; i < c->nsites; i++) {
            TSNode src, dst;
            scope *sc = c->sites[i].sc;
            strval ks, kd;
            if (!ts_node_is_null(c->sites[i].target) || !moves_file(c, c->sites[i].call, sc, &src, &dst) ||
                !path_key(c, src, sc, &ks) || !paths_have(w, &ks) || !path_key(c, dst, sc, &kd) ||
                paths_have(w, &kd))
                continue;
            if (!paths_add(c, w, &kd))
                return;
        }
        if (w->n == before)
            break;
    }
}

/* A writer's path that is a parameter of the function it is in, and bound
 * nowhere else there (def download(url, dest): open(dest, "wb")): each path
 * the file's calls of that function pass for it. */
static void add_param_paths(ctx *c, writer_paths *w, TSNode a, scope *sc)
{
    scope *psc = sc;
    TSNode p = opened_path(c, a, sc, ts_node_start_byte(a), &psc, 0);
    if (ts_node_is_null(p)) {
        p = a;
        psc = sc;
    }
    p = unparen(p);
    const char *name = is_sym(p, syms.identifier) ? ident_name(c, p) : NULL;
    namebind *nb = name && psc && psc->kind == SCOPE_FUNCTION ? pc_strmap_get(&psc->names, name) : NULL;
    /* a parameter alone leaves no binding with a value: any other is an assignment */
    int idx = nb && !nb->list && !nb->has_del ? param_index(c, psc, name) : -1;
    def_calls it;
    if (idx < 0 || !def_calls_start(c, psc, idx, &it, false))
        return;
    int budget = 64;
    const call_site *cs;
    while ((cs = def_calls_next(c, &it, &budget))) {
        bool unknown;
        TSNode v = def_call_arg(c, &it, cs, &unknown);
        strval k;
        if (!ts_node_is_null(v) && path_key(c, v, cs->sc, &k) && !paths_add(c, w, &k))
            return;
    }
}

/* The paths that calls of one writer list get in this file, folded, worked
 * out once per file and list: one walk over the nodes of the first pass,
 * whatever number of loads ask (a file too large to keep them has none:
 * fail closed). */
static const writer_paths *paths_written(ctx *c, const pc_argcond *ac)
{
    for (writer_paths *w = c->written; w; w = w->next)
        if (w->list == ac->writers)
            return w;
    writer_paths *w = pc_arena_alloc(c->a, sizeof *w);
    if (!w)
        return NULL;
    w->list = ac->writers;
    w->next = c->written;
    c->written = w;
    build_sites(c);
    for (size_t i = 0; i < c->nsites; i++) {
        TSNode call = c->sites[i].call, args = node_field(call, c->f_arguments);
        if (ts_node_is_null(args) || !is_sym(args, syms.argument_list) ||
            !ts_node_is_null(c->sites[i].target))
            continue;
        scope *sc = c->sites[i].sc;
        for (size_t k = 0; k < ac->nwriters; k++) {
            const pc_file_writer *wr = &ac->writers[k];
            if (wr->position == PC_ARG_RESULT || !callee_matches(c, call, sc, wr->callee, &c->sites[i]))
                continue; /* a result is not a path */
            pc_argcond want = {.position = wr->position, .keyword = wr->keyword};
            bool unknown = false;
            strval s;
            TSNode fn = node_field(call, c->f_function);
            TSNode a = wr->position == PC_ARG_RECEIVER
                           ? (is_sym(fn, syms.attribute) ? node_field(fn, c->f_object) : (TSNode){0})
                           : find_arg_walk(c, args, 0, &want, &unknown, sc);
            if (path_key(c, a, sc, &s) && !paths_add(c, w, &s))
                return w;
            if (!ts_node_is_null(a))
                add_param_paths(c, w, a, sc);
            break;
        }
    }
    paths_moved(c, w);
    return w;
}

static bool written_here(ctx *c, const pc_argcond *ac, const strval *key)
{
    const writer_paths *w = paths_written(c, ac);
    if (paths_have(w, key))
        return true;
    /* a name without an extension may be a dbm file's base: shelve.open("cache")
     * reads cache.db (or cache.dat, .dir) */
    const char *slash = memrchr(key->s, '/', key->len);
    const char *base = slash ? slash + 1 : key->s;
    size_t blen = (size_t)(key->s + key->len - base);
    if (blen < 2 || memchr(base + 1, '.', blen - 1) || key->len > 1000) /* ".cache" is a name, not a suffix */
        return false;
    static const char *const sfx[] = {".db", ".dat", ".dir", ".pag", ".bak"};
    char buf[1008];
    memcpy(buf, key->s, key->len);
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
        size_t n = strlen(sfx[i]);
        memcpy(buf + key->len, sfx[i], n);
        strval k2 = {buf, key->len + n};
        if (paths_have(w, &k2))
            return true;
    }
    return false;
}

/* written_by holds when the argument names a file the program itself
 * writes with one of the writers; unless_written_by when it does not (a
 * path that does not fold counts as not written). */
/* Is argv[0] an interpreter that runs the script named after it
 * (sys.executable, python3, sh, bash, node, perl, ...)? */
static bool interpreter(ctx *c, TSNode a, scope *sc)
{
    uint32_t st = ts_node_start_byte(a), en = ts_node_end_byte(a);
    if (en - st == 14 && !memcmp(c->text + st, "sys.executable", 14))
        return true;
    strval s;
    if (!fold_string(c, a, sc, 0, &s) || !s.len)
        return false;
    const char *base = s.s;
    for (size_t i = 0; i < s.len; i++)
        if (s.s[i] == '/' || s.s[i] == '\\')
            base = s.s + i + 1;
    size_t bl = (size_t)(s.s + s.len - base);
    static const char *const names[] = {"python",  "sh",        "bash",  "dash", "zsh",  "ksh",
                                        "node",    "perl",      "ruby",  "php",  "pwsh", "powershell",
                                        "deno",    "bun",       "tclsh", "wish", "lua",  "luajit",
                                        "Rscript", "osascript", "fish",  "csh",  "tcsh", "expect"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t nl = strlen(names[i]);
        if (bl >= nl && !memcmp(base, names[i], nl) && strspn(base + nl, "0123456789.") == bl - nl)
            return true;
    }
    return false;
}

/* Is a an argument a launcher takes before the program it runs: the
 * launcher itself (nohup, setsid, env, nice, timeout, sudo, ...), a
 * VAR=value of env, or a number or duration (timeout 30, nice -n 10)? */
static bool launcher_word(ctx *c, TSNode a, scope *sc)
{
    strval s;
    if (!fold_string(c, a, sc, 0, &s) || !s.len || s.len > 64)
        return false;
    const char *base = s.s;
    for (size_t i = 0; i < s.len; i++)
        if (s.s[i] == '/')
            base = s.s + i + 1;
    size_t bl = (size_t)(s.s + s.len - base);
    static const char *const names[] = {"nohup",        "setsid",  "env",      "nice",     "ionice",
                                        "timeout",      "stdbuf",  "sudo",     "doas",     "time",
                                        "chrt",         "taskset", "unbuffer", "torsocks", "proxychains",
                                        "proxychains4", "exec",    "daemonize"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (bl == strlen(names[i]) && !memcmp(base, names[i], bl))
            return true;
    size_t digits = strspn(s.s, "0123456789.");
    if (digits && (digits == s.len || (digits + 1 == s.len && strchr("smhd", s.s[digits]))))
        return true;
    size_t name = strspn(s.s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
    return name && name < s.len && s.s[name] == '=';
}

/* Bytes a writer with position: result returned: a is that call, or a
 * name bound once to it (data = pickle.dumps(obj); pickle.loads(data)). */
static bool result_written(ctx *c, TSNode a, scope *sc, const pc_argcond *ac)
{
    bool any = false;
    for (size_t i = 0; i < ac->nwriters; i++)
        any |= ac->writers[i].position == PC_ARG_RESULT;
    for (int hop = 0; any && hop < 3; hop++) {
        a = unparen(a);
        if (is_sym(a, syms.call)) {
            for (size_t i = 0; i < ac->nwriters; i++)
                if (ac->writers[i].position == PC_ARG_RESULT &&
                    callee_matches(c, a, sc, ac->writers[i].callee, NULL))
                    return true;
            return false;
        }
        const char *name = is_sym(a, syms.identifier) ? ident_name(c, a) : NULL;
        namebind *nb = NULL;
        for (scope *x = sc; name && x && !nb; x = x->parent)
            nb = pc_strmap_get(&x->names, name);
        binding *b = nb && nb->list && !nb->list->next && !nb->has_del && !nb->has_local &&
                             nb->list->kind == BIND_ALIAS && !ts_node_is_null(nb->list->value)
                         ? nb->list
                         : NULL;
        if (!b)
            return false;
        a = b->value;
        sc = b->value_scope ? b->value_scope : sc;
    }
    return false;
}

static bool writers_hold(ctx *c, TSNode a, scope *sc, const pc_argcond *ac)
{
    strval key;
    bool written = result_written(c, a, sc, ac) || (path_key(c, a, sc, &key) && written_here(c, ac, &key));
    /* an argument list: the program it starts, or the script an interpreter
     * is given ([sys.executable, "-u", path]), also behind a launcher
     * (["nohup", path], ["timeout", "30", "bash", path]) */
    TSNode v = unparen(a);
    if (!written && (is_sym(v, syms.list) || is_sym(v, syms.tuple))) {
        uint32_t n = ts_node_named_child_count(v);
        for (uint32_t i = 0; i < n && i < 16 && !written; i++) {
            TSNode it = ts_node_named_child(v, i);
            if (is_sym(it, syms.comment))
                continue;
            written = path_key(c, it, sc, &key) && written_here(c, ac, &key);
            strval s;
            bool flag = i > 0 && fold_string(c, it, sc, 0, &s) && s.len > 1 && s.s[0] == '-';
            if (flag && s.len == 2 && (s.s[1] == 'c' || s.s[1] == 'm'))
                break; /* a command string or a module: no script file */
            if (!flag && !interpreter(c, it, sc) && !launcher_word(c, it, sc))
                break;
        }
    }
    return written != ac->unless_written;
}

/* text_matches for argument a, answered from what was recorded for it
 * (rules ask about the same few arguments in turn): the regex runs over the
 * texts the walk reached within the budget left, which it then charges as
 * the walk would have. */
static bool recorded_text_matches(ctx *c, TSNode a, scope *sc, const pc_argcond *ac, int *budget, bool deep)
{
    enum { N = sizeof c->texts / sizeof *c->texts };
    if (c->recording)
        return text_matches(c, a, sc, ac, 0, budget, deep);
    text_memo *m = NULL;
    for (unsigned i = 0; i < N && !m; i++)
        if (c->texts[i] && c->texts[i]->ok && ts_node_eq(c->texts[i]->node, a) && c->texts[i]->sc == sc &&
            c->texts[i]->deep == deep)
            m = c->texts[i];
    if (!m) {
        m = pc_arena_alloc(c->a, sizeof *m);
        if (!m)
            return text_matches(c, a, sc, ac, 0, budget, deep);
        *m = (text_memo){.node = a, .sc = sc, .deep = deep, .ok = true};
        int full = TEXT_BUDGET;
        c->recording = m;
        c->recording_budget = &full;
        text_matches(c, a, sc, ac, 0, &full, deep);
        c->recording = NULL;
        m->spent = TEXT_BUDGET - full;
        if (!m->ok)
            return text_matches(c, a, sc, ac, 0, budget, deep);
        c->texts[c->texts_next++ % N] = m;
    }
    int avail = *budget;
    for (int i = 0; i < m->n && m->cost[i] <= avail; i++)
        if (text_re_matches(c, ac, m->s[i], m->len[i])) {
            *budget = avail - m->cost[i];
            return true;
        }
    *budget = avail - m->spent;
    return false;
}

/* budget: the work a `text` condition may still do (shared by the
 * arguments of one call under position: any) */
static bool value_holds_within(ctx *c, TSNode a, bool unknown, scope *sc, const pc_argcond *ac, int *budget)
{
    bool present = !ts_node_is_null(a);
    /* hidden behind a splat: assume the worst; a file it names is not known
     * to be the program's own (written_by fails, unless_written_by holds) */
    if (!present && unknown)
        return ac->is != PC_ARG_ABSENT && ac->is != PC_ARG_LITERAL && (!ac->nwriters || ac->unless_written);
    lazy_lit l = {0};
    switch (ac->is) {
    case PC_ARG_ANY: break;
    case PC_ARG_LITERAL:
        if (!is_literal(c, a, &l))
            return false;
        break;
    case PC_ARG_COMPUTED:
        if (!present || is_literal(c, a, &l))
            return false;
        break;
    case PC_ARG_PRESENT:
        if (!present)
            return false;
        break;
    case PC_ARG_ABSENT:
        if (present)
            return false;
        break;
    case PC_ARG_TRUTHY:
        if (!present || (is_literal(c, a, &l) && !value_truthy(&l.v, l.container)))
            return false;
        break;
    }
    if (ac->has_equals) {
        if (!present)
            return false;
        if (is_literal(c, a, &l) && !l.container && !values_equal(&l.v, &ac->equals))
            return false;
        /* computed: it might equal; fail closed */
    }
    if (ac->regex && (!present || !regex_holds(c, a, sc, ac->regex, &l, 0)))
        return false;
    if (ac->nwriters && !writers_hold(c, a, sc, ac))
        return false;
    if (ac->all_text) { /* every value a matching literal (unless_all_text: not every one) */
        int work = 256;
        bool all = present && all_literals_match(c, a, sc, ac->all_text, 0, &work);
        if (all == ac->all_negate)
            return false;
    }
    if (ac->unless_text && present) { /* the argument as written, nothing followed */
        uint32_t st = ts_node_start_byte(a), en = ts_node_end_byte(a);
        if (en <= c->len &&
            text_matches_re(c, ac->unless_text, c->text + st, en - st)) /* too long: not exempt */
            return false;
    }
    if (ac->text &&
        (!present || !(recorded_text_matches(c, a, ac->follow ? sc : NULL, ac, budget, ac->follow != 2) ||
                       folded_text_matches(c, a, sc, ac))))
        return false;
    return true;
}

static bool value_holds(ctx *c, TSNode a, bool unknown, scope *sc, const pc_argcond *ac)
{
    int budget = TEXT_BUDGET;
    return value_holds_within(c, a, unknown, sc, ac, &budget);
}

/* position: any: does some argument (positional, keyword or splat) hold? */
static bool any_arg_holds(ctx *c, const arg_scan *s, scope *sc, const pc_argcond *ac)
{
    int budget = TEXT_BUDGET;
    TSNode args = s->args;
    if (!s->is_list) /* f(x for x in y) */
        return value_holds_within(c, args, false, sc, ac, &budget);
    bool held = false;
    TSNode a;
    kids k;
    kids_init(&k, args, true);
    uint32_t skip = s->skip;
    while (!held && kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        if (skip && t != syms.keyword_argument && t != syms.list_splat && t != syms.dictionary_splat) {
            skip--;
            continue;
        }
        if (t == syms.keyword_argument) {
            /* auth= hands credentials to the client to sign or log in with
             * (requests, httpx, aiohttp): not data the call sends */
            TSNode kn = node_field(a, c->f_name);
            uint32_t ks = ts_node_is_null(kn) ? 0 : ts_node_start_byte(kn);
            if (!ts_node_is_null(kn) && ts_node_end_byte(kn) - ks == 4 && !memcmp(c->text + ks, "auth", 4))
                continue;
            a = node_field(a, c->f_value);
        }
        held = !ts_node_is_null(a) && value_holds_within(c, a, false, sc, ac, &budget);
    }
    kids_done(&k);
    return held;
}

/* keyword: "std*" on a call passing several: the condition holds when it
 * holds for one of them (-1: the call passes none as a keyword). */
static int glob_keywords_hold(ctx *c, TSNode args, scope *sc, const pc_argcond *ac)
{
    kids k;
    kids_init(&k, args, true);
    TSNode a;
    int held = -1;
    while (held < 1 && kids_next(&k, &a))
        if (ts_node_symbol(a) == syms.keyword_argument && keyword_matches(c, a, ac))
            held = value_holds(c, node_field(a, c->f_value), false, sc, ac);
    kids_done(&k);
    return held;
}

static bool cond_holds(ctx *c, const arg_scan *s, scope *sc, const pc_argcond *ac)
{
    if (ac->position == PC_ARG_ANYWHERE)
        return !ts_node_is_null(s->args) && any_arg_holds(c, s, sc, ac);
    if (ac->keyword && ac->position < 0 && s->is_list && s->keywords && strpbrk(ac->keyword, "*?[")) {
        int held = glob_keywords_hold(c, s->args, sc, ac);
        if (held >= 0)
            return held;
    }
    bool unknown = false;
    TSNode a = {0};
    if (s->is_list)
        a = find_arg(c, s, ac, &unknown, sc);
    else if (!ts_node_is_null(s->args) && ac->position == 0) /* f(x for x in y) */
        a = s->args;
    /* A bare text condition on an argument behind *x: the splat's own text
     * (and what its name was assigned, with follow) is what can be read;
     * assuming the worst would make every f(*args) match. */
    if (unknown && ac->text && ac->is == PC_ARG_ANY && !ac->has_equals && !ac->regex && ac->position >= 0) {
        if (!ts_node_is_null(s->first_splat))
            return value_holds(c, s->first_splat, false, sc, ac);
    }
    return value_holds(c, a, unknown, sc, ac);
}

/* Does the call's value go nowhere (a statement of its own)? */
static bool result_discarded(TSNode call)
{
    TSNode p = parent_past_parens(&call);
    return !ts_node_is_null(p) && !strcmp(ts_node_type(p), "expression_statement");
}

/* Is the call's value bound to a name (x = call, with call as x, self.x =
 * call) that the program stores into by subscript (x[k] = v)? */
static bool result_stored_into(ctx *c, TSNode call)
{
    TSNode p = parent_past_parens(&call);
    TSNode target = {0};
    if (node_is(p, "assignment") && ts_node_eq(unparen(node_field(p, c->f_right)), call))
        target = node_field(p, c->f_left);
    else if (node_is(p, "as_pattern")) {
        target = node_field(p, c->f_alias);
        if (node_is(target, "as_pattern_target"))
            target = ts_node_named_child(target, 0);
    }
    const char *name = is_sym(target, syms.identifier) ? ident_name(c, target) : self_attr_key(c, target);
    if (!name)
        return false;
    build_sites(c);
    for (int32_t i = fills_head(c, name), n = 0; i >= 0 && n < 256; i = c->fills[i].next, n++)
        if (!c->fills[i].writer)
            return true;
    return false;
}

bool requires_met(ctx *c, const pc_rule *r)
{
    if (!r->nrequires)
        return true;
    enum { N = sizeof c->req_memo / sizeof *c->req_memo };
    unsigned k = 0;
    while (k < N && c->req_memo[k].r != r)
        k++;
    if (k == N) { /* not asked yet: from the first finding */
        k = c->req_next++ % N;
        c->req_memo[k].r = r;
        c->req_memo[k].upto = 0;
        c->req_memo[k].met = false;
    }
    for (size_t i = c->req_memo[k].upto; i < c->nfindings && !c->req_memo[k].met; i++)
        for (size_t j = 0; j < r->nrequires; j++)
            if (!strcmp(c->findings[i].rule->id, r->requires[j]))
                c->req_memo[k].met = true;
    c->req_memo[k].upto = c->nfindings;
    return c->req_memo[k].met;
}

/* A call a rule with `requires` is tried on after the walk, and only where
 * what it requires reported: following its arguments costs time (a rule on
 * every logging call), and most files never meet the requirement. */
typedef struct deferred_call {
    const pc_rule *r;
    call_ud ud;
    /* what the scan was given (a deferred or partial call's arguments); the
     * rest is worked out again from the call when the rule runs, so that a
     * file where every call waits (callee "*" with requires) keeps a small
     * record of each */
    bool preset;
    uint32_t skip;
    TSNode args, more_keywords;
    TSNode shell_line; /* c->shell_line when it was met */
    bool done;
} deferred_call;

static int defer_call(ctx *c, const pc_rule *r, const call_ud *ud)
{
    /* one call reached through two of a rule's patterns (logging.info, *.info) */
    for (size_t i = c->ndeferred, k = 0; i > 0 && k < 8; i--, k++)
        if (c->deferred[i - 1].r == r && ts_node_eq(c->deferred[i - 1].ud.call, ud->call))
            return 0;
    if (c->ndeferred == c->capdeferred) {
        size_t cap = c->capdeferred ? c->capdeferred * 2 : 16;
        deferred_call *d = pc_arena_array(c->a, cap, sizeof *d);
        if (!d)
            return -1;
        if (c->ndeferred)
            memcpy(d, c->deferred, c->ndeferred * sizeof *d);
        c->deferred = d;
        c->capdeferred = cap;
    }
    deferred_call *d = &c->deferred[c->ndeferred++];
    d->r = r;
    d->ud = *ud;
    d->ud.scan = NULL;
    d->preset = ud->scan->preset;
    d->skip = ud->scan->skip;
    d->args = ud->scan->args;
    d->more_keywords = ud->scan->more_keywords;
    d->shell_line = c->shell_line;
    d->done = false;
    return 0;
}

static int call_rule(ctx *c, const pc_rule *r, void *p);

int run_deferred(ctx *c)
{
    c->deferring_off = true;
    for (bool more = true; more;) { /* what one reports may meet another's requirement */
        more = false;
        for (size_t i = 0; i < c->ndeferred; i++) {
            deferred_call *d = &c->deferred[i];
            if (d->done || !requires_met(c, d->r))
                continue;
            d->done = true;
            size_t before = c->nfindings;
            call_ud ud = d->ud;
            arg_scan scan = {
                .preset = d->preset, .skip = d->skip, .args = d->args, .more_keywords = d->more_keywords};
            ud.scan = &scan;
            c->shell_line = d->shell_line; /* read as the argument lists it runs, as then */
            int rc = call_rule(c, d->r, &ud);
            c->shell_line = (TSNode){0};
            if (rc < 0)
                return -1;
            more |= c->nfindings > before;
        }
    }
    c->deferring_off = false;
    return 0;
}

/* Is the callee written as the name it is imported by (os.system,
 * o.system after import os as o, system after from os import system) or a
 * builtin's own name, so that what is written spells qual? Not
 * getattr(os, "system"), sys.modules["os"].system, random._os.system,
 * (lambda: os)().system, f = os.system; f(...). */
static bool callee_plain(ctx *c, TSNode fn, scope *sc, const char *qual)
{
    const char *parts[8];
    int n = 0;
    while (n < 8 && is_sym(fn, syms.attribute)) {
        if (!(parts[n++] = ident_name(c, node_field(fn, c->f_attribute))))
            return false;
        fn = node_field(fn, c->f_object);
    }
    const char *base = is_sym(fn, syms.identifier) ? ident_name(c, fn) : NULL;
    if (!base || !qual)
        return false;
    for (scope *x = sc; x; x = x->parent) { /* bound by imports only, or not at all (a builtin) */
        if (x->kind == SCOPE_CLASS && x != sc)
            continue;
        namebind *nb = pc_strmap_get(&x->names, base);
        if (!nb)
            continue;
        for (binding *b = nb->list; b; b = b->next)
            if (b->kind != BIND_IMPORT)
                return false;
        break;
    }
    vals v = {0};
    resolve_expr(c, fn, sc, 0, &v);
    for (int i = 0; i < v.n; i++) {
        const char *q = v.v[i].qual;
        size_t len = q ? strlen(q) : 0;
        if (!q || strncmp(qual, q, len))
            continue;
        const char *rest = qual + len;
        int k = n - 1;
        while (k >= 0 && *rest == '.' && !strncmp(rest + 1, parts[k], strlen(parts[k]))) {
            rest += 1 + strlen(parts[k]);
            k--;
        }
        if (k < 0 && !*rest)
            return true;
    }
    return false;
}

static int call_rule(ctx *c, const pc_rule *r, void *p)
{
    call_ud *ud = p;
    if (r->callee_form) {
        if (ud->reference || !ts_node_is_null(ud->fn))
            return 0;
        TSNode fn = node_field(ud->call, c->f_function);
        if (callee_plain(c, fn, ud->sc, ud->qual) != (r->callee_form == PC_CALLEE_PLAIN))
            return 0;
    }
    for (size_t i = 0; i < r->nexcepts; i++) /* callee: ["*.replace"], except: [dataclasses.replace] */
        if (ud->qual && pc_glob_match(r->excepts[i], ud->qual))
            return 0;
    if (ud->reference) /* a reference's value is a function: any result is still to come */
        return (r->nargs && !r->references_also) || r->result == PC_RESULT_DISCARDED
                   ? 0
                   : emit(c, r, ud->at, ud->qual);
    if (r->references_only)
        return 0;
    if ((r->result == PC_RESULT_USED || r->result == PC_RESULT_DISCARDED) &&
        (r->result == PC_RESULT_DISCARDED) != result_discarded(ud->call))
        return 0;
    if ((r->result == PC_RESULT_STORED_INTO || r->result == PC_RESULT_NOT_STORED_INTO) &&
        (r->result == PC_RESULT_STORED_INTO) != result_stored_into(c, ud->call))
        return 0;
    if (r->nrequires && r->nargs && !c->deferring_off && !requires_met(c, r))
        return defer_call(c, r, ud);
    if (r->nargs && !ud->scan->done)
        scan_args(c, ud->call, ud->scan, ud->sc);
    for (size_t i = 0; i < r->nargs; i++) {
        const pc_argcond *ac = &r->args[i];
        if (ac->position == PC_ARG_RECEIVER) { /* Path("/etc/x").write_text(...): the Path */
            TSNode fn = ts_node_is_null(ud->fn) ? node_field(ud->call, c->f_function) : unparen(ud->fn);
            TSNode o = !ts_node_is_null(fn) && is_sym(fn, syms.attribute) ? node_field(fn, c->f_object)
                                                                          : (TSNode){0};
            if (!value_holds(c, o, false, ud->sc, ac))
                return 0;
        } else if (!cond_holds(c, ud->scan, ud->sc, ac)) {
            return 0;
        }
    }
    return emit(c, r, ud->call, ud->qual);
}

/* A deferred call (atexit.register(f, x)): the rules that read arguments;
 * the others matched f as a reference already. */
static int deferred_rule(ctx *c, const pc_rule *r, void *p)
{
    return r->nargs && !r->references_only && r->result != PC_RESULT_DISCARDED ? call_rule(c, r, p) : 0;
}

/* A partial's later call: the rules that read a keyword (the others saw the
 * same arguments where the partial was made). */
static int partial_rule(ctx *c, const pc_rule *r, void *p)
{
    bool keyword = false;
    for (size_t i = 0; i < r->nargs && !keyword; i++)
        keyword = r->args[i].keyword != NULL;
    return keyword ? deferred_rule(c, r, p) : 0;
}

/* The written name of a callee: a.b.c, with "?" for a base that is not a
 * name (Path(p).write_text is ?.write_text). */
static const char *written_name(ctx *c, TSNode fn)
{
    const char *parts[16];
    int n = 0;
    TSNode x = fn;
    while (n < 16 && node_is(x, "attribute")) {
        parts[n++] = ident_name(c, node_field(x, c->f_attribute));
        x = node_field(x, c->f_object);
    }
    if (n == 16)
        return NULL;
    const char *base = node_is(x, "identifier") ? ident_name(c, x) : "?";
    size_t len = base ? strlen(base) : 0;
    for (int i = 0; i < n; i++) {
        if (!parts[i])
            return NULL;
        len += strlen(parts[i]) + 1;
    }
    char *out = base ? pc_arena_alloc(c->a, len + 1) : NULL;
    if (!out)
        return NULL;
    strcpy(out, base);
    for (int i = n - 1; i >= 0; i--) {
        strcat(out, ".");
        strcat(out, parts[i]);
    }
    return out;
}

/* The call rules of each of callee's values, tried by `rule` on a call whose
 * arguments scan describes. */
static int match_scanned(ctx *c, TSNode call, TSNode fn, const vals *callee, arg_scan *scan, scope *sc,
                         int (*rule)(ctx *, const pc_rule *, void *))
{
    for (int i = 0; i < callee->n; i++) {
        if (callee->v[i].kind == VAL_NS)
            continue;
        call_ud ud = {.call = call, .sc = sc, .qual = callee->v[i].qual, .at = call, .scan = scan, .fn = fn};
        if (each_named(&c->eng->calls, callee->v[i].qual, c, rule, &ud) < 0)
            return -1;
    }
    return 0;
}

/* getattr(client, "terminate_instances") with a name that folds: the
 * written name client.terminate_instances, as if it were written so (the
 * builtin getattr only; a base that is not a name is "?"). */
static const char *getattr_written_name(ctx *c, TSNode fn, scope *sc)
{
    fn = unparen(fn);
    TSNode g = is_sym(fn, syms.call) ? node_field(fn, c->f_function) : (TSNode){0};
    TSNode args = is_sym(fn, syms.call) ? node_field(fn, c->f_arguments) : (TSNode){0};
    if (!is_sym(g, syms.identifier) || !is_sym(args, syms.argument_list) ||
        ts_node_named_child_count(args) != 2)
        return NULL;
    vals v = {0};
    resolve_expr(c, g, sc, 0, &v);
    if (v.n != 1 || !v.v[0].qual || strcmp(v.v[0].qual, "builtins.getattr"))
        return NULL;
    strval name;
    TSNode obj = call_arg(args, 0), key = call_arg(args, 1);
    if (ts_node_is_null(obj) || ts_node_is_null(key) || !fold_string(c, key, sc, 0, &name) || !name.len ||
        name.len > 64)
        return NULL;
    for (size_t i = 0; i < name.len; i++)
        if (!(name.s[i] == '_' || (name.s[i] >= 'a' && name.s[i] <= 'z') ||
              (name.s[i] >= 'A' && name.s[i] <= 'Z') || (i && name.s[i] >= '0' && name.s[i] <= '9')))
            return NULL;
    const char *base = written_name(c, unparen(obj));
    return pc_arena_printf(c->a, "%s.%.*s", base ? base : "?", (int)name.len, name.s);
}

int match_call(ctx *c, TSNode call, const vals *callee, scope *sc)
{
    arg_scan scan = {0};
    if (!callee->n) {
        /* unresolved: patterns that start with '*' still see the written name */
        const pc_name_index *ix = &c->eng->calls;
        bool any = ix->suffixes.count > 0;
        for (pc_rule_ref *ref = ix->globs; ref && !any; ref = ref->next)
            any = ref->pattern[0] == '*';
        if (!any)
            return 0;
        TSNode fn = unparen(node_field(call, c->f_function));
        const char *w = getattr_written_name(c, fn, sc);
        /* rm = s3.delete_objects; rm(...): the attribute the name is bound
         * to once, as written (a bound method kept in a name) */
        binding *ab =
            !w && is_sym(fn, syms.identifier) ? sole_binding(ident_name(c, fn), sc, BIND_ALIAS) : NULL;
        if (ab && is_sym(unparen(ab->value), syms.attribute))
            w = written_name(c, unparen(ab->value));
        else if (ab && is_sym(unparen(ab->value), syms.call)) /* retire = getattr(iam, ACTIONS["retire"]) */
            w = getattr_written_name(c, unparen(ab->value), ab->value_scope ? ab->value_scope : sc);
        if (!w)
            w = written_name(c, fn);
        if (!w)
            return 0;
        call_ud ud = {.call = call, .sc = sc, .qual = w, .at = call, .scan = &scan};
        size_t wlen = strlen(w);
        if (ix->suffixes.count) {
            const char *key = last_part(w);
            for (pc_rule_ref *ref = pc_strmap_get(&ix->suffixes, *key ? key : w); ref; ref = ref->next)
                if (ends_with(w, wlen, ref->pattern + 1) && call_rule(c, ref->rule, &ud) < 0)
                    return -1;
        }
        for (pc_rule_ref *ref = ix->globs; ref; ref = ref->next)
            if (ref->pattern[0] == '*' && (!ref->tail || !*ref->tail || ends_with(w, wlen, ref->tail)) &&
                pc_glob_match(ref->pattern, w) && call_rule(c, ref->rule, &ud) < 0)
                return -1;
        return 0;
    }
    return match_scanned(c, call, (TSNode){0}, callee, &scan, sc, call_rule);
}

int match_deferred(ctx *c, TSNode call, TSNode fn, const vals *callee, TSNode args, uint32_t skip, scope *sc)
{
    arg_scan scan = {.preset = true, .skip = skip, .args = args};
    return match_scanned(c, call, fn, callee, &scan, sc, deferred_rule);
}

int match_partial_call(ctx *c, TSNode call, TSNode fn, const vals *callee, TSNode args, uint32_t skip,
                       TSNode keywords, scope *sc)
{
    arg_scan scan = {.preset = true, .skip = skip, .args = args, .more_keywords = keywords};
    return match_scanned(c, call, fn, callee, &scan, sc, partial_rule);
}

int match_reference(ctx *c, TSNode at, const vals *v)
{
    for (int i = 0; i < v->n; i++) {
        if (v->v[i].kind == VAL_NS)
            continue;
        call_ud ud = {.qual = v->v[i].qual, .reference = true, .at = at};
        if (each_named(&c->eng->calls, v->v[i].qual, c, call_rule, &ud) < 0)
            return -1;
    }
    return 0;
}

/* ---- attributes, names ---- */

typedef struct at_ud {
    TSNode at;
    const char *detail;
} at_ud;

static int at_rule(ctx *c, const pc_rule *r, void *p)
{
    at_ud *ud = p;
    return emit(c, r, ud->at, ud->detail);
}

int match_attribute(ctx *c, TSNode at, const char *attr)
{
    at_ud ud = {at, attr};
    return each_named(&c->eng->attributes, attr, c, at_rule, &ud);
}

int match_name(ctx *c, TSNode at, const char *name)
{
    at_ud ud = {at, name};
    return each_named(&c->eng->names, name, c, at_rule, &ud);
}

/* ---- strings ---- */

/* Valid UTF-8 as PCRE2 defines it (no surrogates, no overlongs)? */
static bool valid_utf8(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

/* Can the program read its docstrings as data (__doc__, inspect.getdoc,
 * ast.get_docstring, its own source by inspect.getsource or __file__) or
 * run them (doctest)? */
static bool docs_read(ctx *c)
{
    if (!c->docs_read) {
        static const char *const ways[] = {"__doc__",   "getdoc",   "get_docstring",
                                           "getsource", "__file__", "doctest"};
        c->docs_read = text_mentions(c, ways, sizeof ways / sizeof *ways) ? 1 : -1;
    }
    return c->docs_read > 0;
}

/* The first statement of a module, class or def, a string alone: its
 * docstring, which Python keeps as documentation and never runs. */
static bool is_docstring(TSNode str)
{
    TSNode stmt = ts_node_parent(str);
    if (!node_is(stmt, "expression_statement") || ts_node_named_child_count(stmt) != 1)
        return false;
    TSNode body = ts_node_parent(stmt);
    if (node_is(body, "block")) {
        TSNode def = ts_node_parent(body);
        if (!node_is(def, "function_definition") && !node_is(def, "class_definition"))
            return false;
    } else if (!node_is(body, "module")) {
        return false;
    }
    uint32_t n = ts_node_named_child_count(body);
    for (uint32_t i = 0; i < n; i++) {
        TSNode first = ts_node_named_child(body, i);
        if (!node_is(first, "comment"))
            return ts_node_eq(first, stmt);
    }
    return false;
}

/* Does string rule r still read a pytest parameter's value (a secret is
 * one wherever it is written)? */
static bool test_data_rule(const pc_rule *r)
{
    for (size_t i = 0; i < r->ntags; i++)
        if (!strcmp(r->tags[i], "secrets"))
            return true;
    return false;
}

int match_string(ctx *c, TSNode at, const strval *s, bool is_bytes)
{
    int parsed = -1;    /* string_only_parsed, asked once and only when needed */
    int key_use = -1;   /* string_only_key_use, the same */
    int home_walk = -1; /* string_in_home_walk, the same */
    int doc = -1;       /* is_docstring, the same */
    /* check the encoding once, not once per rule (pcre2_match would) */
    uint32_t opts = c->eng->nstrings > 1 && valid_utf8(s->s, s->len) ? PCRE2_NO_UTF_CHECK : 0;
    const pc_engine *e = c->eng;
    uint64_t may[STRING_SLOTS / 64]; /* the regexes whose needles are in s */
    if (e->string_needles)
        pc_needle_index_scan(e->string_needles, s->s, s->len, may);
    for (size_t i = 0; i < e->nstrings; i++) {
        const pc_rule *r = e->strings[i];
        if (is_bytes && !r->bytes)
            continue;
        if (c->test_data && !test_data_rule(r)) /* a test's parameter: only secrets */
            continue;
        int rc = -1;
        for (size_t k = 0; k <= r->nmore && rc < 0; k++) {
            const pcre2_code *re = k ? r->more[k - 1] : r->regex;
            size_t slot = e->string_slot ? e->string_slot[i] + k : 0;
            if (e->string_needles && !(may[slot / 64] & (1ull << (slot % 64))))
                continue;        /* none of its needles: it cannot match */
            uint32_t minlen = 0; /* in characters, so never more than the bytes */
            if (pcre2_pattern_info(re, PCRE2_INFO_MINLENGTH, &minlen) == 0 && s->len < minlen)
                continue; /* too short to match: skip the call */
            rc = pcre2_match(re, (PCRE2_SPTR)s->s, s->len, 0, opts, c->w->md, c->w->mctx);
        }
        if (rc < 0)
            continue;
        if (r->unless_parsed && parsed < 0)
            parsed = string_only_parsed(c, at);
        if (r->unless_parsed && parsed)
            continue;
        if (r->unless_key_use && key_use < 0)
            key_use = string_only_key_use(c, at);
        if (r->unless_key_use && key_use)
            continue;
        if (r->in_home_walk && home_walk < 0)
            home_walk = string_in_home_walk(c, at);
        if (r->in_home_walk && !home_walk)
            continue;
        if (!r->docstrings && doc < 0)
            doc = (is_sym(at, syms.string) || is_sym(at, syms.concatenated_string)) && is_docstring(at) &&
                  !docs_read(c);
        if (!r->docstrings && doc)
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->w->md);
        size_t mlen = ov[1] > ov[0] ? ov[1] - ov[0] : 0;
        const char *detail = NULL;
        if (mlen) { /* show a little of the match, never a whole secret */
            size_t show = mlen > 12 ? 12 : mlen;
            while (show < mlen && ((unsigned char)s->s[ov[0] + show] & 0xC0) == 0x80)
                show++;
            detail = pc_arena_printf(c->a, "%.*s%s", (int)show, s->s + ov[0], mlen > show ? "..." : "");
        }
        if (emit(c, r, at, detail) < 0)
            return -1;
    }
    return 0;
}

/* ---- assignments, syntax, definitions ---- */

int match_assign(ctx *c, TSNode at, const char *name, size_t len, TSNode value, scope *sc)
{
    for (size_t i = 0; i < c->eng->nassigns; i++) {
        const pc_rule *r = c->eng->assigns[i];
        if (pcre2_match(r->target, (PCRE2_SPTR)name, len, 0, 0, c->w->md, c->w->mctx) < 0)
            continue;
        if (r->value && !value_holds(c, value, false, sc, r->value))
            continue;
        if (emit(c, r, at, pc_arena_strndup(c->a, name, len)) < 0)
            return -1;
    }
    return 0;
}

int match_syntax(ctx *c, TSNode at, unsigned kind, const char *detail)
{
    for (size_t i = 0; i < c->eng->nsyntax; i++)
        if ((c->eng->syntax[i]->syntax_kinds & kind) && emit(c, c->eng->syntax[i], at, detail) < 0)
            return -1;
    return 0;
}

int match_define(ctx *c, TSNode at, const char *name)
{
    at_ud ud = {at, name};
    return each_named(&c->eng->defines, name, c, at_rule, &ud);
}

/* ---- dynamic access, input ---- */

/* Does pattern p name module m, or (attr known) m.attr? With the attribute
 * computed, a pattern for some attribute of m ("sys.meta_path" for sys) may
 * be the one reached, so it counts too. */
static bool module_pattern_hit(ctx *c, const char *p, const char *m, const char *attr)
{
    if (pc_module_match(p, m))
        return true;
    if (attr) {
        const char *full = pc_arena_printf(c->a, "%s.%s", m, attr);
        return !full || pc_module_match(p, full);
    }
    size_t n = strlen(m);
    return !strncmp(p, m, n) && p[n] == '.';
}

/* `modules` / `except_modules`: whether rule r applies to the modules in
 * `on` (attribute attr of them, NULL when computed). Not knowing which
 * module counts as one of the listed ones (fail closed). */
static bool modules_hold(ctx *c, const pc_rule *r, const vals *on, const char *attr)
{
    int seen = 0;
    bool listed = false, other = false;
    for (int i = 0; on && i < on->n; i++) {
        if (on->v[i].kind != VAL_MODULE && on->v[i].kind != VAL_QUAL)
            continue;
        seen++;
        bool hit = false;
        for (size_t j = 0; j < r->npatterns && !hit; j++)
            hit = module_pattern_hit(c, r->patterns[j], on->v[i].qual, attr);
        listed |= hit;
        other |= !hit;
    }
    if (!seen)
        return !r->except;
    return r->except ? other : listed;
}

int match_dynamic(ctx *c, TSNode at, unsigned kind, bool on_module, const vals *on, const char *attr,
                  const char *detail)
{
    for (size_t i = 0; i < c->eng->ndynamics; i++) {
        const pc_rule *r = c->eng->dynamics[i];
        if (!(r->dynamic_kinds & kind) || (r->target_module && !on_module) || (r->target_other && on_module))
            continue;
        if (r->npatterns && !modules_hold(c, r, on, attr))
            continue;
        if (emit(c, r, at, detail) < 0)
            return -1;
    }
    return 0;
}

int match_input(ctx *c, pc_input_kind kind, uint32_t start, uint32_t end, const char *detail)
{
    for (size_t i = 0; i < c->eng->ninputs; i++) {
        const pc_rule *r = c->eng->inputs[i];
        if ((r->input_kinds & (1u << kind)) && emit_span(c, r, start, end, detail) < 0)
            return -1;
    }
    return 0;
}
