/* What an expression refers to: modules, qualified names, namespaces. */
#include "internal.h"

#include <string.h>

#define RESOLVE_DEPTH 24
/* Hops (bindings and returns followed) after which a cut counts as a
 * callee the analyzer could not see, rather than a long expression. */
#define DEEP_HOPS 8

/* "a.b" in the arena (what pc_arena_printf("%s.%s") gives, without printf). */
static const char *dot_join(ctx *c, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = pc_arena_alloc(c->a, la + lb + 2);
    if (!p)
        return NULL;
    memcpy(p, a, la);
    p[la] = '.';
    memcpy(p + la + 1, b, lb + 1);
    return p;
}

void vals_add(ctx *c, vals *out, val_kind kind, const char *qual)
{
    (void)c;
    if (!qual) {
        out->unknown = true;
        return;
    }
    for (int i = 0; i < out->n; i++)
        if (out->v[i].kind == kind && !strcmp(out->v[i].qual, qual))
            return;
    if (out->n == VALS_MAX) {
        out->unknown = true;
        return;
    }
    out->v[out->n].kind = kind;
    out->v[out->n].qual = qual;
    out->n++;
}

static void merge(ctx *c, vals *out, const vals *in)
{
    for (int i = 0; i < in->n; i++)
        vals_add(c, out, in->v[i].kind, in->v[i].qual);
    out->unknown |= in->unknown;
    out->local |= in->local;
}

static bool strict_scope(const scope *s)
{
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

/* Modules that other modules import and so carry as attributes, often with
 * an underscore (shutil.os, random._os, subprocess.os, logging.sys,
 * tempfile._os): attribute attr of a module is that module. Only the ones
 * that reach the system or the interpreter; not `signal` or `io`, which
 * libraries have submodules of their own for (scipy.signal), nor `socket`
 * or `pickle`, which are also names of functions and classes
 * (ssl.socket, copyreg.pickle). */
static const char *reexported_module(const char *attr)
{
    static const char *const mods[] = {"os",        "sys", "subprocess",       "builtins", "__builtin__",
                                       "posix",     "nt",  "marshal",          "shutil",   "ctypes",
                                       "importlib", "pty", "_posixsubprocess", "runpy",    NULL};
    const char *a = attr[0] == '_' && attr[1] != '_' ? attr + 1 : attr;
    if (!strchr("osbpnmcir_", a[0]) || strlen(a) > 16) /* the first letters of those names */
        return NULL;
    for (int i = 0; mods[i]; i++)
        if (!strcmp(a, mods[i]) || !strcmp(attr, mods[i]))
            return mods[i];
    return NULL;
}

/* qual "a.b.os" is module os when its last part is one of those. */
static const char *reexport_of_qual(const char *qual)
{
    const char *dot = strrchr(qual, '.');
    return dot ? reexported_module(dot + 1) : NULL;
}

/* A part of a list, tuple or set display (for m in (os, sys), a loop or
 * comprehension over it, or unpacking it): any of its items. */
static void add_display_items(ctx *c, const binding *b, int depth, vals *out)
{
    TSNode d = unparen(b->value);
    TSSymbol t = ts_node_is_null(d) ? 0 : ts_node_symbol(d);
    if (t != syms.list && t != syms.tuple && t != syms.set && !(t && node_is(d, "expression_list"))) {
        out->local = true;
        return;
    }
    vals tmp = {0};
    c->hops++;
    kids ks;
    kids_init(&ks, d, true);
    TSNode it;
    for (int i = 0; kids_next(&ks, &it) && i < 64; i++) {
        TSSymbol ti = ts_node_symbol(it);
        if (ti != syms.comment && ti != syms.list_splat)
            resolve_expr(c, it, b->value_scope, depth + 1, &tmp);
    }
    kids_done(&ks);
    c->hops--;
    out->local = true; /* the other items: values of the program's own */
    tmp.unknown = false;
    merge(c, out, &tmp);
}

static void add_binding(ctx *c, const binding *b, int depth, vals *out)
{
    if (b->kind == BIND_PART) {
        add_display_items(c, b, depth, out);
        return;
    }
    if (b->kind == BIND_DEF || b->kind == BIND_CLASS) { /* defined here, value unknown */
        out->local = true;
        return;
    }
    if (b->kind == BIND_IMPORT) {
        /* `from a import b` may bind a submodule: callers treat QUAL as possibly a module */
        const char *m = reexport_of_qual(b->qual); /* from shutil import os */
        vals_add(c, out, b->is_module || m ? VAL_MODULE : VAL_QUAL, m ? m : b->qual);
        return;
    }
    vals tmp = {0};
    c->hops++;
    resolve_expr(c, b->value, b->value_scope, depth + 1, &tmp);
    c->hops--;
    if (!tmp.n)
        out->local = true;
    merge(c, out, &tmp);
}

typedef struct site_vals {
    ctx *c;
    vals *out;
    int depth;
} site_vals;

static bool merge_site_arg(void *p, TSNode arg, scope *asc)
{
    site_vals *u = p;
    vals tmp = {0};
    resolve_expr(u->c, arg, asc, u->depth + 1, &tmp);
    tmp.unknown = false; /* an argument not known leaves the parameter as it was */
    merge(u->c, u->out, &tmp);
    return false;
}

/* A parameter: also what the file's calls of its def pass for it
 * (def run(f): f(home) with run(shutil.rmtree)), for the first steps of a
 * chain; the parameter stays the program's own value as well. */
static void add_param_sites(ctx *c, namebind *nb, const char *name, scope *s, int depth, vals *out)
{
    if (s->kind != SCOPE_FUNCTION || nb->list || !nb->has_plain_local || nb->has_del || depth > 2 || nb->busy)
        return;
    if (!nb->sites) {
        vals *v = pc_arena_alloc(c->a, sizeof *v);
        if (!v)
            return;
        *v = (vals){0};
        int budget = 64;
        site_vals u = {c, v, depth};
        nb->busy = true;
        c->hops++;
        param_any_arg(c, s, name, merge_site_arg, &u, &budget);
        c->hops--;
        nb->busy = false;
        nb->sites = v;
    }
    merge(c, out, nb->sites);
}

/* The union of what a name may be bound to in one scope (computed once). */
static const vals *namebind_values(ctx *c, namebind *nb, int depth)
{
    static const vals cycle = {.unknown = true};
    /* a result the depth bound cut short is worked out again from a
     * shallower use (at most RESOLVE_DEPTH times: the work stays bounded) */
    if (nb->cache && !(nb->cache_cut && depth < nb->cache_depth)) {
        c->deep_cuts += nb->cache_deep; /* what was hidden then is still hidden */
        return nb->cache;
    }
    if (nb->busy) {
        c->depth_cuts++; /* what is above is not final: worked out again later */
        return &cycle;
    }
    vals *v = pc_arena_alloc(c->a, sizeof *v);
    if (!v)
        return &cycle;
    uint32_t cuts = c->depth_cuts, deep = c->deep_cuts;
    nb->busy = true;
    for (binding *b = nb->list; b; b = b->next)
        add_binding(c, b, depth, v);
    nb->busy = false;
    nb->cache_cut = c->depth_cuts != cuts;
    nb->cache_deep = c->deep_cuts != deep;
    nb->cache_depth = depth;
    v->local |= nb->has_local;
    nb->cache = v;
    return v;
}

/* Names that exist in every module without being bound. */
static void add_global_fallback(ctx *c, const char *name, vals *out)
{
    /* the builtin first: star imports past VALS_MAX must not push it out */
    if (!strcmp(name, "__builtins__"))
        vals_add(c, out, VAL_MODULE, "builtins");
    else if (is_builtin_name(name))
        vals_add(c, out, VAL_QUAL, dot_join(c, "builtins", name));
    else if (!c->module->nstars)
        out->unknown = true;
    for (size_t i = 0; i < c->module->nstars; i++)
        vals_add(c, out, VAL_QUAL, dot_join(c, c->module->stars[i], name));
}

static void resolve_ident(ctx *c, const char *name, scope *use, uint32_t offset, int depth, vals *out)
{
    if (!name) {
        out->unknown = true;
        return;
    }
    scope *s = use;
    if (pc_strmap_get(&s->globals, name))
        s = c->module;
    bool first = true;
    for (; s; s = s->parent) {
        if (s->kind == SCOPE_CLASS && !first)
            continue; /* class bodies are not visible from nested functions */
        first = false;
        namebind *nb = pc_strmap_get(&s->names, name);
        if (!nb)
            continue;
        merge(c, out, namebind_values(c, nb, depth));
        add_param_sites(c, nb, name, s, depth, out);
        bool dominates =
            !nb->has_del && nb->first_uncond != UINT32_MAX && (nb->first_uncond < offset || s != use);
        if (strict_scope(s) || dominates)
            return;
        /* module or class level, bound only conditionally or later: the
         * outer or builtin meaning may still be what runs */
    }
    add_global_fallback(c, name, out);
}

static bool qual_is(const val *v, const char *q)
{
    return !strcmp(v->qual, q);
}

/* The value of argument i (positional) of a call, or a null node. */
TSNode call_arg(TSNode args, uint32_t want)
{
    uint32_t n = ts_node_named_child_count(args), k = 0;
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.keyword_argument || t == syms.dictionary_splat || t == syms.comment)
            continue;
        if (t == syms.list_splat)
            break;
        if (k++ == want)
            return a;
    }
    return (TSNode){0};
}

/* The last name of a call's callee: walk in os.walk(...), rglob in
 * p.rglob(...); recv (if not NULL) gets the receiver, p, or a null node. */
const char *callee_last_name(ctx *c, TSNode call, TSNode *recv)
{
    TSNode fn = node_field(call, c->f_function), obj = {0};
    if (!ts_node_is_null(fn) && ts_node_symbol(fn) == syms.attribute) {
        obj = unparen(node_field(fn, c->f_object));
        fn = node_field(fn, c->f_attribute);
    }
    if (recv)
        *recv = obj;
    return !ts_node_is_null(fn) && ts_node_symbol(fn) == syms.identifier ? ident_name(c, fn) : NULL;
}

TSNode kwarg(ctx *c, TSNode args, const char *name)
{
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        if (!node_is(a, "keyword_argument"))
            continue;
        TSNode k = node_field(a, c->f_name);
        const char *kn = ts_node_is_null(k) ? NULL : ident_name(c, k);
        if (kn && !strcmp(kn, name))
            return node_field(a, c->f_value);
    }
    return (TSNode){0};
}

int import_call_modules(ctx *c, TSNode call, scope *sc, const vals *callee, bool *computed, const char **out,
                        int max)
{
    *computed = false;
    bool dunder = false, module_fn = false;
    for (int i = 0; i < callee->n; i++) {
        if (callee->v[i].kind == VAL_NS)
            continue;
        dunder |=
            qual_is(&callee->v[i], "builtins.__import__") || qual_is(&callee->v[i], "importlib.__import__");
        module_fn |= qual_is(&callee->v[i], "importlib.import_module");
    }
    if (!dunder && !module_fn)
        return 0;
    TSNode args = node_field(call, c->f_arguments);
    TSNode a0 = ts_node_is_null(args) ? args : call_arg(args, 0);
    if (ts_node_is_null(a0) && !ts_node_is_null(args))
        a0 = kwarg(c, args, "name");
    strval v[VALS_MAX];
    int n = ts_node_is_null(a0) ? 0 : fold_choices(c, a0, sc, v, max < VALS_MAX ? max : VALS_MAX);
    for (int i = 0; i < n; i++)
        if (!v[i].len)
            n = 0;
    if (!n) {
        *computed = true;
        return 0;
    }
    /* __import__("a.b") returns a unless a fromlist is given */
    TSNode from = call_arg(args, 3);
    if (ts_node_is_null(from))
        from = kwarg(c, args, "fromlist");
    bool top = dunder && !module_fn && ts_node_is_null(from);
    for (int i = 0; i < n; i++) {
        const char *dot = top ? memchr(v[i].s, '.', v[i].len) : NULL;
        if (!(out[i] = pc_arena_strndup(c->a, v[i].s, dot ? (size_t)(dot - v[i].s) : v[i].len)))
            return 0;
    }
    return n;
}

static void resolve_attr_of(ctx *c, const vals *obj, const char *attr, vals *out)
{
    for (int i = 0; i < obj->n; i++) {
        const val *v = &obj->v[i];
        if (v->kind == VAL_NS) {
            out->unknown = true; /* globals().get etc. */
            continue;
        }
        if (!strcmp(attr, "__dict__")) {
            vals_add(c, out, VAL_NS, v->qual);
            continue;
        }
        if (!strcmp(attr, "__call__")) { /* f.__call__(...) calls f */
            vals_add(c, out, v->kind, v->qual);
            continue;
        }
        const char *m = reexported_module(attr);
        if (m) { /* shutil.os is os */
            vals_add(c, out, VAL_MODULE, m);
            continue;
        }
        vals_add(c, out, VAL_QUAL, dot_join(c, v->qual, attr));
    }
    if (obj->unknown || obj->local)
        out->unknown = true;
}

static void resolve_key_of(ctx *c, const vals *obj, const char *key, scope *sc, int depth, vals *out)
{
    for (int i = 0; i < obj->n; i++) {
        const val *v = &obj->v[i];
        if (v->kind == VAL_NS && !strcmp(v->qual, "<globals>")) {
            resolve_ident(c, key, c->module, UINT32_MAX, depth + 1, out);
        } else if (v->kind == VAL_NS || (v->kind == VAL_MODULE && qual_is(v, "builtins"))) {
            vals_add(c, out, VAL_QUAL, dot_join(c, v->qual, key));
        } else if (qual_is(v, "sys.modules")) {
            vals_add(c, out, VAL_MODULE, pc_arena_strdup(c->a, key));
        } else {
            out->unknown = true;
        }
    }
    (void)sc;
}

bool vals_namespace(const vals *v)
{
    for (int i = 0; i < v->n; i++)
        if (v->v[i].kind == VAL_NS || (v->v[i].kind == VAL_MODULE && !strcmp(v->v[i].qual, "builtins")) ||
            !strcmp(v->v[i].qual, "sys.modules"))
            return true;
    return false;
}

const char *lookup_target(ctx *c, TSNode fn, TSNode args, TSNode *obj, TSNode *key)
{
    if (!node_is(fn, "attribute"))
        return NULL;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    if (!m)
        return NULL;
    static const char *const names[] = {"get",         "__getitem__", "pop", "setdefault", "__getattribute__",
                                        "__getattr__", NULL};
    const char *const *p = names;
    while (*p && strcmp(m, *p))
        p++;
    if (!*p)
        return NULL;
    *obj = node_field(fn, c->f_object);
    *key = call_arg(args, 0);
    /* type(X).__getattribute__(X, "k"): the object is the first argument */
    if (strstr(*p, "attr") && node_is(*obj, "call") && !ts_node_is_null(call_arg(args, 1))) {
        *obj = call_arg(args, 0);
        *key = call_arg(args, 1);
    }
    return *p;
}

static bool display_item(ctx *c, TSNode v, TSNode k, scope *sc, int depth, vals *out);

/* NS.get("k") and friends index a namespace; X.__getattribute__("k") reads
 * attribute k of X (with type(X).__getattribute__(X, "k") the same). */
static bool lookup_call(ctx *c, TSNode call, TSNode fn, TSNode args, scope *sc, int depth, vals *out)
{
    (void)call;
    TSNode obj, key;
    const char *m = lookup_target(c, fn, args, &obj, &key);
    if (!m)
        return false;
    bool getattribute = strstr(m, "attr") != NULL;
    strval s;
    if (ts_node_is_null(obj) || ts_node_is_null(key) || !fold_string(c, key, sc, 0, &s) ||
        memchr(s.s, 0, s.len))
        return false;
    if (!getattribute && display_item(c, obj, key, sc, depth, out))
        return out->n > 0; /* {"x": os}.get("x") */
    vals ov = {0};
    resolve_expr(c, obj, sc, depth + 1, &ov);
    const char *k = pc_arena_strndup(c->a, s.s, s.len);
    if (!k)
        return false;
    if (getattribute) {
        resolve_attr_of(c, &ov, k, out);
        return out->n > 0;
    }
    if (!vals_namespace(&ov))
        return false;
    resolve_key_of(c, &ov, k, sc, depth, out);
    return out->n > 0;
}

/* The lambda without parameters that n is (in parentheses or not), or a
 * null node. */
static TSNode lambda_node(ctx *c, TSNode n)
{
    n = unparen(n);
    TSNode none = {0};
    if (ts_node_is_null(n) || !node_is(n, "lambda") || !ts_node_is_null(node_field(n, c->f_parameters)))
        return none;
    return n;
}

/* What the body of lambda node l (from lambda_node) is, resolved in the
 * lambda's own scope: names there are read when it runs, so a binding
 * later in the module counts and a class body around it does not. */
static void resolve_lambda_body(ctx *c, TSNode l, scope *written_in, int depth, vals *out)
{
    scope *ls = scope_of_node(c, l);
    if (!ls || ls->kind != SCOPE_LAMBDA) { /* not expected: the scope it was written in, minus classes */
        ls = written_in;
        while (ls && ls->kind == SCOPE_CLASS && ls->parent)
            ls = ls->parent;
    }
    resolve_expr(c, node_field(l, c->f_body), ls, depth + 1, out);
}

/* Bound on the nodes looked at for one function's return statements. */
#define RETURNS_NODES 16384

static int each_value(TSNode body, int nodes, bool stop_at_yield, bool yields,
                      bool (*on_return)(void *ud, TSNode value), void *ud)
{
    TSTreeCursor cur = ts_tree_cursor_new(body);
    uint32_t level = 0;
    int rc = 0;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        const char *t = ts_node_type(n);
        bool descend = true;
        if (--nodes < 0) {
            rc = -1;
            break;
        }
        if (t[0] == 'y' && !strcmp(t, "yield")) {
            rc = 1;
            if (stop_at_yield)
                break;
            TSNode v = ts_node_named_child(n, 0);
            if (yields && !ts_node_is_null(v) && !on_return(ud, v))
                break;
        }
        if (level &&
            ((t[0] == 'f' && !strcmp(t, "function_definition")) ||
             (t[0] == 'c' && !strcmp(t, "class_definition")) || (t[0] == 'l' && !strcmp(t, "lambda")))) {
            descend = false;
        } else if (t[0] == 'r' && !strcmp(t, "return_statement")) {
            descend = false;
            TSNode v = ts_node_named_child(n, 0);
            if (!ts_node_is_null(v) && !on_return(ud, v))
                break;
        }
        if (descend && ts_tree_cursor_goto_first_child(&cur)) {
            level++;
            continue;
        }
        while (level && !ts_tree_cursor_goto_next_sibling(&cur)) {
            ts_tree_cursor_goto_parent(&cur);
            level--;
        }
        if (!level)
            break;
    }
    ts_tree_cursor_delete(&cur);
    return rc;
}

binding *sole_binding(const char *name, scope *sc, bind_kind kind)
{
    namebind *nb = NULL;
    for (scope *x = sc; name && x && !nb; x = x->parent)
        nb = pc_strmap_get(&x->names, name);
    binding *b = nb && nb->list && !nb->list->next && nb->list->kind == kind ? nb->list : NULL;
    return b && !ts_node_is_null(b->value) ? b : NULL;
}

binding *sole_def(ctx *c, TSNode fn, scope *sc)
{
    const char *name =
        !ts_node_is_null(fn) && ts_node_symbol(fn) == syms.identifier ? ident_name(c, fn) : NULL;
    namebind *nb = NULL;
    for (scope *s = sc; name && s && !nb; s = s->parent)
        nb = pc_strmap_get(&s->names, name);
    binding *b = nb ? nb->list : NULL;
    return b && !b->next && b->kind == BIND_DEF ? b : NULL;
}

int each_return(TSNode body, int nodes, bool stop_at_yield, bool (*on_return)(void *ud, TSNode value),
                void *ud)
{
    return each_value(body, nodes, stop_at_yield, false, on_return, ud);
}

int each_result(TSNode body, int nodes, bool (*on_value)(void *ud, TSNode value), void *ud)
{
    return each_value(body, nodes, false, true, on_value, ud);
}

typedef struct returns_ud {
    ctx *c;
    scope *fs;
    int depth;
    vals *out;
} returns_ud;

static bool resolve_return(void *p, TSNode v)
{
    returns_ud *u = p;
    resolve_expr(u->c, v, u->fs, u->depth + 1, u->out);
    return true;
}

/* What the return statements of def node fn give, resolved in its own scope
 * fs; unknown for a coroutine, a generator, a bare or implicit None only, or
 * a body too large to look through. Nested definitions are not entered. */
static void def_returns_walk(ctx *c, TSNode fn, scope *fs, int depth, vals *out)
{
    TSNode first = ts_node_child(fn, 0);
    if (ts_node_is_null(first) || !node_is(first, "def")) { /* async def: a coroutine */
        out->unknown = true;
        return;
    }
    TSNode body = node_field(fn, c->f_body);
    if (ts_node_is_null(body)) {
        out->unknown = true;
        return;
    }
    returns_ud u = {c, fs, depth, out};
    if (each_return(body, RETURNS_NODES, true, resolve_return, &u) != 0 || !out->n)
        out->unknown = true; /* a generator, too large, or None / nothing known */
}

/* What calling the def or lambda of binding b returns, worked out once. A
 * result the depth bound cut short is worked out again from a shallower
 * call (at most RESOLVE_DEPTH times per binding: the work stays bounded). */
static void call_returns(ctx *c, binding *b, int depth, vals *out)
{
    if (!b->returns || (b->returns_cut && depth < b->returns_depth)) {
        if (b->busy) { /* recursion: unknown here, and what is above is not final */
            c->depth_cuts++;
            out->unknown = true;
            return;
        }
        vals *v = pc_arena_alloc(c->a, sizeof *v);
        if (!v) {
            out->unknown = true;
            return;
        }
        uint32_t cuts = c->depth_cuts, deep = c->deep_cuts;
        b->busy = true;
        c->hops++;
        if (b->kind == BIND_DEF)
            def_returns_walk(c, b->value, b->value_scope, depth, v);
        else
            resolve_lambda_body(c, lambda_node(c, b->value), b->value_scope, depth, v);
        c->hops--;
        b->busy = false;
        b->returns = v;
        b->returns_cut = c->depth_cuts != cuts;
        b->returns_deep = c->deep_cuts != deep;
        b->returns_depth = depth;
    } else {
        c->deep_cuts += b->returns_deep; /* what was hidden then is still hidden */
    }
    merge(c, out, b->returns);
}

/* The bindings of name in the scope whose binding resolve_ident meets
 * first where sc reads it (a global declaration sends it to the module;
 * class bodies are not visible from inside them), and that scope in *where. */
static namebind *name_bindings(ctx *c, const char *name, scope *sc, scope **where)
{
    scope *s = pc_strmap_get(&sc->globals, name) ? c->module : sc;
    for (bool first = true; s; s = s->parent, first = false) {
        namebind *nb = s->kind != SCOPE_CLASS || first ? pc_strmap_get(&s->names, name) : NULL;
        if (nb) {
            if (where)
                *where = s;
            return nb;
        }
    }
    return NULL;
}

/* Is function scope fs a method decorated @classmethod whose first
 * parameter is cls? (A plain or static method may be handed object.) */
static bool classmethod_cls(ctx *c, scope *fs)
{
    TSNode root = ts_tree_root_node(c->tree);
    TSNode fn = ts_node_descendant_for_byte_range(root, fs->start, fs->start);
    while (!ts_node_is_null(fn) && ts_node_start_byte(fn) == fs->start && !node_is(fn, "function_definition"))
        fn = ts_node_parent(fn);
    if (ts_node_is_null(fn) || !node_is(fn, "function_definition"))
        return false;
    TSNode params = node_field(fn, c->f_parameters);
    TSNode first = ts_node_is_null(params) ? params : ts_node_named_child(params, 0);
    const char *pn = ts_node_is_null(first) || !node_is(first, "identifier") ? NULL : ident_name(c, first);
    TSNode deco = ts_node_parent(fn);
    if (!pn || strcmp(pn, "cls") || ts_node_is_null(deco) || !node_is(deco, "decorated_definition"))
        return false;
    uint32_t n = ts_node_named_child_count(deco);
    for (uint32_t i = 0; i < n; i++) {
        TSNode d = ts_node_named_child(deco, i);
        if (!node_is(d, "decorator"))
            continue;
        vals v = {0};
        resolve_expr(c, ts_node_named_child(d, 0), fs->parent, 0, &v);
        for (int j = 0; j < v.n; j++)
            if (!strcmp(v.v[j].qual, "builtins.classmethod"))
                return true;
    }
    return false;
}

bool names_own_class(ctx *c, TSNode o, scope *sc)
{
    o = unparen(o);
    if (ts_node_is_null(o) || ts_node_symbol(o) != syms.identifier)
        return false;
    const char *name = ident_name(c, o);
    if (!name)
        return false;
    if (!strcmp(name, "cls")) { /* a classmethod's cls: the class around it, or a subclass */
        scope *fs = sc;
        while (fs && fs->kind != SCOPE_FUNCTION)
            fs = fs->parent;
        namebind *p = fs ? pc_strmap_get(&fs->names, name) : NULL;
        /* bound only as the parameter (plain local definitions are not listed) */
        return p && fs->parent && fs->parent->kind == SCOPE_CLASS && !p->has_del && p->has_plain_local &&
               !p->list && classmethod_cls(c, fs);
    }
    namebind *nb = name_bindings(c, name, sc, NULL);
    if (!nb || !nb->list || nb->has_plain_local || nb->has_part || nb->has_del)
        return false;
    for (binding *b = nb->list; b; b = b->next)
        if (b->kind != BIND_CLASS)
            return false;
    return true;
}

/* A call returns what the function returns, for a lambda without
 * parameters (called in place, or through a name) and a function the
 * program defines with def: (lambda: __import__("os"))().system and, after
 * def m(): return __import__("os"), m().system are os.system. Only when the
 * name's bindings in the scope that has it are all such functions. False
 * when the call is still to be resolved the ordinary way as well: when they
 * do not decide the name there (as in resolve_ident: a local scope, or an
 * unconditional binding before the call), or it is not such a call. */
static bool function_call(ctx *c, TSNode fn, scope *sc, int depth, vals *out)
{
    TSNode l = lambda_node(c, fn);
    if (!ts_node_is_null(l)) {
        resolve_lambda_body(c, l, sc, depth, out);
        return true;
    }
    if (ts_node_symbol(fn) != syms.identifier)
        return false;
    const char *name = ident_name(c, fn);
    if (!name)
        return false;
    scope *s;
    namebind *nb = name_bindings(c, name, sc, &s);
    if (!nb || !nb->list || nb->has_del)
        return false;
    /* what the defs and lambdas among its bindings return; other bindings
     * (len, a parameter) are left to the ordinary resolution */
    bool all = !nb->has_plain_local && !nb->has_part;
    for (binding *b = nb->list; b; b = b->next) {
        if (b->kind == BIND_DEF || (b->kind == BIND_ALIAS && !ts_node_is_null(lambda_node(c, b->value))))
            call_returns(c, b, depth, out);
        else
            all = false;
    }
    if (!all)
        return false;
    /* bound only conditionally, or later, at module or class level: the
     * builtin or an outer meaning may be what runs too, so the ordinary
     * resolution adds to these */
    bool dominates = nb->first_uncond != UINT32_MAX && (nb->first_uncond < ts_node_start_byte(fn) || s != sc);
    return strict_scope(s) || dominates;
}

/* getter(obj) where getter is operator.attrgetter("a.b") (or, with
 * method, operator.methodcaller("name", ...)): obj.a.b, the attribute the
 * call reads (or the method it calls). False for any other call. */
static bool operator_getter(ctx *c, TSNode n, scope *sc, int depth, bool method, vals *out)
{
    TSNode fn = unparen(node_field(n, c->f_function));
    TSNode args = node_field(n, c->f_arguments);
    if (ts_node_is_null(fn) || ts_node_is_null(args))
        return false;
    scope *gs = sc;                              /* where the getter is made */
    if (ts_node_symbol(fn) == syms.identifier) { /* get = attrgetter("system"); get(os) */
        const char *name = ident_name(c, fn);
        namebind *nb = name ? name_bindings(c, name, sc, NULL) : NULL;
        if (!nb || !nb->list || nb->list->next || nb->has_local || nb->has_del ||
            nb->list->kind != BIND_ALIAS)
            return false;
        fn = unparen(nb->list->value);
        gs = nb->list->value_scope;
    }
    if (ts_node_is_null(fn) || ts_node_symbol(fn) != syms.call || !gs)
        return false;
    /* only operator.attrgetter(...)(x) by its written name, or through a name
     * (resolved once per name): resolving any other callee of a callee here
     * would resolve f()()()... once more per level, exponentially */
    TSNode gf = unparen(node_field(fn, c->f_function));
    TSSymbol gt = ts_node_is_null(gf) ? 0 : ts_node_symbol(gf);
    if (gt == syms.attribute) {
        const char *an = ident_name(c, node_field(gf, c->f_attribute));
        if (!an || strcmp(an, method ? "methodcaller" : "attrgetter"))
            return false;
    } else if (gt != syms.identifier) {
        return false;
    }
    vals g = {0};
    resolve_expr(c, node_field(fn, c->f_function), gs, depth + 1, &g);
    const char *want = method ? "operator.methodcaller" : "operator.attrgetter";
    bool is = false;
    for (int i = 0; i < g.n; i++)
        is |= g.v[i].kind != VAL_NS && !strcmp(g.v[i].qual, want);
    TSNode gargs = node_field(fn, c->f_arguments);
    TSNode name = is && !ts_node_is_null(gargs) ? call_arg(gargs, 0) : gargs;
    TSNode obj = call_arg(args, 0);
    strval s;
    if (!is || ts_node_is_null(name) || ts_node_is_null(obj) ||
        (!method && !ts_node_is_null(call_arg(gargs, 1))) || !fold_string(c, name, gs, 0, &s) || !s.len ||
        memchr(s.s, 0, s.len))
        return false;
    vals cur = {0};
    resolve_expr(c, obj, sc, depth + 1, &cur);
    /* attrgetter("a.b") reads a, then b; methodcaller's name is one attribute */
    const char *p = pc_arena_strndup(c->a, s.s, s.len);
    while (p) {
        const char *dot = method ? NULL : strchr(p, '.');
        const char *part = dot ? pc_arena_strndup(c->a, p, (size_t)(dot - p)) : p;
        vals next = {0};
        if (part)
            resolve_attr_of(c, &cur, part, &next);
        cur = next;
        p = dot ? dot + 1 : NULL;
    }
    merge(c, out, &cur);
    return true;
}

bool methodcaller_callee(ctx *c, TSNode call, scope *sc, vals *out)
{
    return operator_getter(c, call, sc, 0, true, out);
}

static void resolve_call(ctx *c, TSNode n, scope *sc, int depth, vals *out)
{
    TSNode fn = node_field(n, c->f_function);
    TSNode args = node_field(n, c->f_arguments);
    if (ts_node_is_null(fn) || ts_node_is_null(args) || !node_is(args, "argument_list")) {
        out->unknown = true;
        return;
    }
    if (lookup_call(c, n, fn, args, sc, depth, out) || function_call(c, fn, sc, depth, out))
        return;
    vals callee = {0};
    resolve_expr(c, fn, sc, depth + 1, &callee);
    /* an unknown callee may be a getter made by operator.attrgetter */
    if (!callee.n && operator_getter(c, n, sc, depth, false, out))
        return;
    bool computed;
    const char *mods[VALS_MAX];
    int nmods = import_call_modules(c, n, sc, &callee, &computed, mods, VALS_MAX);
    for (int i = 0; i < nmods; i++)
        vals_add(c, out, VAL_MODULE, mods[i]);
    if (nmods)
        return;
    for (int i = 0; i < callee.n; i++) {
        const val *v = &callee.v[i];
        if (v->kind == VAL_NS)
            continue;
        if (qual_is(v, "builtins.getattr") || qual_is(v, "object.__getattribute__") ||
            qual_is(v, "builtins.object.__getattribute__") || qual_is(v, "builtins.type.__getattribute__")) {
            TSNode o = call_arg(args, 0), k = call_arg(args, 1);
            strval names[VALS_MAX];
            int nn = ts_node_is_null(k) ? 0 : fold_choices(c, k, sc, names, VALS_MAX);
            if (ts_node_is_null(o) || !nn) {
                out->unknown = true;
                continue;
            }
            vals obj = {0};
            resolve_expr(c, o, sc, depth + 1, &obj);
            for (int j = 0; j < nn; j++)
                resolve_attr_of(c, &obj, pc_arena_strndup(c->a, names[j].s, names[j].len), out);
        } else if (qual_is(v, "builtins.vars")) {
            TSNode o = call_arg(args, 0);
            if (ts_node_is_null(o)) {
                vals_add(c, out, VAL_NS, "<globals>");
                continue;
            }
            vals obj = {0};
            resolve_expr(c, o, sc, depth + 1, &obj);
            for (int j = 0; j < obj.n; j++)
                if (obj.v[j].kind != VAL_NS)
                    vals_add(c, out, VAL_NS, obj.v[j].qual);
            out->unknown |= obj.unknown || obj.local;
        } else if (qual_is(v, "importlib.reload") || qual_is(v, "imp.reload") || qual_is(v, "typing.cast")) {
            /* these return their argument: the module reloaded, the value cast */
            TSNode a = call_arg(args, qual_is(v, "typing.cast") ? 1 : 0);
            if (ts_node_is_null(a))
                out->unknown = true;
            else
                resolve_expr(c, a, sc, depth + 1, out);
        } else if (qual_is(v, "builtins.globals") || qual_is(v, "builtins.locals")) {
            vals_add(c, out, VAL_NS, "<globals>");
        } else if (qual_is(v, "sys.modules.get") || qual_is(v, "sys.modules.__getitem__") ||
                   qual_is(v, "sys.modules.pop") || qual_is(v, "sys.modules.setdefault")) {
            TSNode k = call_arg(args, 0);
            strval s;
            if (!ts_node_is_null(k) && fold_string(c, k, sc, 0, &s))
                vals_add(c, out, VAL_MODULE, pc_arena_strndup(c->a, s.s, s.len));
            else
                out->unknown = true;
        } else if (v->kind == VAL_NS || strstr(v->qual, ".__dict__.get")) {
            out->unknown = true;
        } else {
            out->unknown = true;
        }
    }
    if (!callee.n)
        out->unknown = true;
}

/* What self.NAME = value assignments in methods put there: a module, or
 * a function (self.fn = shutil.rmtree, or a parameter of __init__ that its
 * class's calls fill), so that self.fn(home) is read with its arguments.
 * Instances may hold anything else too: unknown as well. */
static void merge_instance_values(ctx *c, vals *out, namebind *ia, int depth)
{
    const vals *v = namebind_values(c, ia, depth);
    for (int i = 0; i < v->n; i++)
        vals_add(c, out, v->v[i].kind, v->v[i].qual);
    out->unknown = true;
}

/* A.attr or A().attr where A is a class the program defines (every binding
 * of the name), or self.attr and cls.attr in a method: what the class body
 * binds to attr ("class A: m = os" makes A.m os). Instances and subclasses
 * may rebind it, so unknown as well. */
static bool class_attribute(ctx *c, TSNode o, TSNode a, scope *sc, int depth, vals *out)
{
    o = unparen(o);
    if (!ts_node_is_null(o) && ts_node_symbol(o) == syms.call) /* an instance */
        o = node_field(o, c->f_function);
    if (ts_node_is_null(o) || ts_node_symbol(o) != syms.identifier)
        return false;
    const char *name = ident_name(c, o), *attr = ident_name(c, a);
    if (!name || !attr)
        return false;
    if (!strcmp(name, "self") || !strcmp(name, "cls")) {
        /* in a method: what the class body around it binds to attr */
        scope *cls = method_class(sc);
        namebind *m = cls ? pc_strmap_get(&cls->names, attr) : NULL,
                 *ia = cls ? pc_strmap_get(&cls->attrs, attr) : NULL;
        if (!m && !ia)
            return false;
        c->hops++;
        if (m)
            merge(c, out, namebind_values(c, m, depth + 1));
        if (ia)
            merge_instance_values(c, out, ia, depth + 1);
        c->hops--;
        out->unknown = true;
        return true;
    }
    namebind *nb = name_bindings(c, name, sc, NULL);
    if (!nb || !nb->list || nb->has_plain_local || nb->has_part || nb->has_del)
        return false;
    for (binding *b = nb->list; b; b = b->next)
        if (b->kind != BIND_CLASS || !b->value_scope)
            return false;
    bool found = false;
    c->hops++;
    for (binding *b = nb->list; b; b = b->next) {
        namebind *m = pc_strmap_get(&b->value_scope->names, attr);
        namebind *ia = pc_strmap_get(&b->value_scope->attrs, attr);
        if (m)
            merge(c, out, namebind_values(c, m, depth + 1));
        if (ia)
            merge_instance_values(c, out, ia, depth + 1);
        found |= m || ia;
    }
    c->hops--;
    if (found)
        out->unknown = true;
    return found;
}

/* An integer literal (with a leading minus) as a long; false otherwise. */
static bool int_literal(ctx *c, TSNode n, long *out)
{
    bool neg = false;
    if (ts_node_symbol(n) == syms.unary_operator && ts_node_named_child_count(n) == 1 &&
        c->text[ts_node_start_byte(n)] == '-') {
        neg = true;
        n = ts_node_named_child(n, 0);
    }
    if (ts_node_symbol(n) != syms.integer)
        return false;
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e - b > 18)
        return false;
    long v = 0;
    for (uint32_t i = b; i < e; i++) {
        if (c->text[i] < '0' || c->text[i] > '9')
            return false; /* 0x.., 1_000: left to the general case */
        v = v * 10 + (c->text[i] - '0');
    }
    *out = neg ? -v : v;
    return true;
}

/* The items of display d (a list, tuple or set) that index k may pick, or
 * of a dict display the values key k may pick; true when d is a display. */
static bool display_pick(ctx *c, TSNode d, TSNode k, scope *sc, int depth, vals *out)
{
    d = unparen(d);
    if (ts_node_is_null(d))
        return false;
    TSSymbol t = ts_node_symbol(d);
    bool dict_comp = node_is(d, "dictionary_comprehension");
    if (node_is(d, "list_comprehension") || node_is(d, "generator_expression") || dict_comp) {
        /* [o for o in [os]][0]: what its body may be, in its own scope; of
         * {k: __import__(k) for k in NAMES}, what its values may be */
        scope *cs = scope_of_node(c, d);
        TSNode body = node_field(d, c->f_body);
        if (dict_comp && !ts_node_is_null(body))
            body = ts_node_symbol(body) == syms.pair ? node_field(body, c->f_value) : (TSNode){0};
        if (!cs || ts_node_is_null(body))
            return false;
        resolve_expr(c, body, cs, depth + 1, out);
        out->unknown = true;
        return true;
    }
    bool seq = t == syms.list || t == syms.tuple;
    if (!seq && t != syms.dictionary)
        return false;
    long want = 0;
    bool by_index = seq && int_literal(c, k, &want);
    strval key;
    bool by_key = !seq && fold_string(c, k, sc, 0, &key);
    uint32_t count = 0;
    kids ks;
    kids_init(&ks, d, true);
    TSNode it;
    while (kids_next(&ks, &it))
        count += ts_node_symbol(it) != syms.comment;
    kids_done(&ks);
    if (by_index && want < 0)
        want += (long)count;
    uint32_t i = 0;
    kids_init(&ks, d, true);
    while (kids_next(&ks, &it)) {
        TSSymbol ti = ts_node_symbol(it);
        if (ti == syms.comment)
            continue;
        if (ti == syms.list_splat || ti == syms.dictionary_splat) {
            out->unknown = true; /* positions and keys after it are not known */
            by_index = by_key = false;
        }
        TSNode v = it;
        if (ti == syms.pair) {
            v = node_field(it, c->f_value);
            strval ks2;
            TSNode kn = node_field(it, c->f_key);
            if (by_key && fold_string(c, kn, sc, 0, &ks2) &&
                (ks2.len != key.len || memcmp(ks2.s, key.s, key.len))) {
                i++;
                continue;
            }
        }
        if (!by_index || (long)i == want)
            resolve_expr(c, v, sc, depth + 1, out);
        i++;
    }
    kids_done(&ks);
    return true;
}

/* v[k] where v is a list, tuple or dict display, or a name bound only to
 * such displays: what the display holds there ([os][0] is os). */
static bool display_item(ctx *c, TSNode v, TSNode k, scope *sc, int depth, vals *out)
{
    if (ts_node_is_null(v) || ts_node_is_null(k))
        return false;
    if (display_pick(c, v, k, sc, depth, out))
        return true;
    if (ts_node_symbol(v) != syms.identifier)
        return false;
    const char *name = ident_name(c, v);
    namebind *nb = name ? name_bindings(c, name, sc, NULL) : NULL;
    if (!nb || !nb->list || nb->has_plain_local || nb->has_part || nb->has_del)
        return false;
    for (binding *b = nb->list; b; b = b->next) {
        TSNode d = unparen(b->value);
        if (b->kind != BIND_ALIAS || ts_node_is_null(d) ||
            (ts_node_symbol(d) != syms.list && ts_node_symbol(d) != syms.tuple &&
             ts_node_symbol(d) != syms.dictionary && !node_is(d, "dictionary_comprehension") &&
             !node_is(d, "list_comprehension")))
            return false;
    }
    c->hops++;
    for (binding *b = nb->list; b; b = b->next)
        display_pick(c, b->value, k, b->value_scope, depth, out);
    c->hops--;
    out->unknown = true; /* the display may have changed since (x[0] = ..., x.append) */
    return true;
}

void resolve_expr(ctx *c, TSNode n, scope *sc, int depth, vals *out)
{
    /* parentheses and walrus wrappers cost nothing: redundant ones must not
     * use up the depth (Python allows 200 nested parentheses) */
    TSSymbol t = ts_node_is_null(n) ? 0 : ts_node_symbol(n);
    while (t == syms.parenthesized_expression || t == syms.named_expression) {
        n = t == syms.named_expression ? node_field(n, c->f_value) : ts_node_named_child(n, 0);
        t = ts_node_is_null(n) ? 0 : ts_node_symbol(n);
    }
    if (depth > RESOLVE_DEPTH || ts_node_is_null(n)) {
        if (depth > RESOLVE_DEPTH) {
            /* counts as hidden when the path went through many bindings,
             * returns or branches (a long method chain does not) */
            c->depth_cuts++;
            c->deep_cuts += c->hops + c->branches >= DEEP_HOPS;
        }
        out->unknown = true;
        return;
    }
    if (t == syms.identifier) {
        resolve_ident(c, ident_name(c, n), sc, ts_node_start_byte(n), depth, out);
    } else if (t == syms.attribute) {
        TSNode o = node_field(n, c->f_object), a = node_field(n, c->f_attribute);
        if (ts_node_is_null(o) || ts_node_is_null(a)) {
            out->unknown = true;
            return;
        }
        if (class_attribute(c, o, a, sc, depth, out))
            return;
        vals obj = {0};
        resolve_expr(c, o, sc, depth + 1, &obj);
        const char *attr = ident_name(c, a);
        if (!attr) {
            out->unknown = true;
            return;
        }
        resolve_attr_of(c, &obj, attr, out);
    } else if (t == syms.subscript) {
        TSNode v = node_field(n, c->f_value), k = node_field(n, c->f_subscript);
        if (display_item(c, v, k, sc, depth, out))
            return;
        if (ts_node_is_null(v) || ts_node_is_null(k)) {
            out->unknown = true;
            return;
        }
        /* a constant key; on a namespace, also any of an allowlist's (the
         * walker judges the same keys) */
        strval keys[VALS_MAX];
        int nk = fold_string(c, k, sc, 0, &keys[0]) ? 1 : 0;
        vals obj = {0};
        if (!nk) {
            resolve_expr(c, v, sc, depth + 1, &obj);
            if (vals_namespace(&obj))
                nk = fold_choices(c, k, sc, keys, VALS_MAX);
        } else if (!memchr(keys[0].s, 0, keys[0].len)) {
            resolve_expr(c, v, sc, depth + 1, &obj);
        }
        for (int i = 0; i < nk; i++)
            if (memchr(keys[i].s, 0, keys[i].len))
                nk = 0;
        if (!nk) {
            out->unknown = true;
            return;
        }
        for (int i = 0; i < nk; i++)
            resolve_key_of(c, &obj, pc_arena_strndup(c->a, keys[i].s, keys[i].len), sc, depth, out);
    } else if (t == syms.call) {
        resolve_call(c, n, sc, depth, out);
    } else if (t == syms.conditional_expression) {
        c->branches++;
        resolve_expr(c, ts_node_named_child(n, 0), sc, depth + 1, out);
        resolve_expr(c, ts_node_named_child(n, 2), sc, depth + 1, out);
        c->branches--;
    } else if (t == syms.boolean_operator) {
        c->branches++;
        resolve_expr(c, node_field(n, c->f_left), sc, depth + 1, out);
        resolve_expr(c, node_field(n, c->f_right), sc, depth + 1, out);
        c->branches--;
    } else {
        out->unknown = true;
    }
}
