/* The main pass: every node of the tree, turned into events for the rules. */
#include "internal.h"

#include <string.h>

static bool kind_is(const frame *f, node_kind k)
{
    return f && f->kind == k;
}

/* Is an identifier read (not a name being defined, an attribute or a keyword)? */
static bool is_load(ctx *c, const frame *f, const frame *p)
{
    if (!p)
        return true;
    TSFieldId fl = f->field;
    switch (p->kind) {
    case K_ATTRIBUTE: return fl != c->f_attribute;
    case K_KEYWORD_ARGUMENT:
    case K_FUNCTION_DEFINITION:
    case K_CLASS_DEFINITION:
    case K_DEFAULT_PARAMETER:
    case K_TYPED_DEFAULT_PARAMETER:
    case K_NAMED_EXPRESSION: return fl != c->f_name;
    case K_ASSIGNMENT:
    case K_FOR_STATEMENT:
    case K_FOR_IN_CLAUSE: return fl != c->f_left;
    case K_NOT_LOAD:
    case K_KEYWORD_PATTERN:
    case K_GLOBAL_STATEMENT:
    case K_NONLOCAL_STATEMENT:
    case K_AS_PATTERN_TARGET:
    case K_PATTERN_LIST:
    case K_TUPLE_PATTERN: return false;
    case K_EXCEPT_CLAUSE: return fl != c->f_alias;
    default: return true;
    }
}

/* A reference that is not itself part of a larger name (a.b.c) or a call. */
static bool is_maximal(ctx *c, const frame *f, const frame *p)
{
    if (!p)
        return true;
    if (p->kind == K_ATTRIBUTE && f->field == c->f_object)
        return false;
    if (p->kind == K_CALL && f->field == c->f_function)
        return false;
    return true;
}

static bool is_store_target(ctx *c, const frame *f, const frame *p)
{
    if (!p)
        return false;
    if ((p->kind == K_ASSIGNMENT || p->kind == K_AUGMENTED_ASSIGNMENT) && f->field == c->f_left)
        return true;
    return p->kind == K_DELETE_STATEMENT || p->kind == K_PATTERN_LIST || p->kind == K_TUPLE_PATTERN;
}

/* Objects of system modules that are not modules themselves: getattr on
 * a stream reaches nothing of the system. */
static bool plain_object(const char *q)
{
    static const char *const names[] = {"sys.stdout",     "sys.stderr",       "sys.stdin",  "sys.__stdout__",
                                        "sys.__stderr__", "sys.__stdin__",    "os.environ", "os.environb",
                                        "sys.argv",       "sys.version_info", "sys.flags",  "sys.float_info"};
    return str_listed(q, names, sizeof names / sizeof *names);
}

static bool has_module(const vals *v)
{
    for (int i = 0; i < v->n; i++)
        if (v->v[i].kind == VAL_MODULE || (v->v[i].kind == VAL_QUAL && !plain_object(v->v[i].qual)))
            return true;
    return false;
}

static bool has_qual(const vals *v, const char *q)
{
    for (int i = 0; i < v->n; i++)
        if (v->v[i].kind != VAL_NS && !strcmp(v->v[i].qual, q))
            return true;
    return false;
}

/* Does a value include builtins.NAME? */
static bool has_builtin(const vals *v, const char *name)
{
    for (int i = 0; i < v->n; i++)
        if (v->v[i].kind != VAL_NS && !strncmp(v->v[i].qual, "builtins.", 9) &&
            !strcmp(v->v[i].qual + 9, name))
            return true;
    return false;
}

/* x.__dict__: a namespace whatever x is */
static bool is_dict_attr(ctx *c, TSNode n)
{
    if (!node_is(n, "attribute"))
        return false;
    const char *a = ident_name(c, node_field(n, c->f_attribute));
    return a && !strcmp(a, "__dict__");
}

/* self.__dict__ in a method, obj.__dict__ in a descriptor's __get__,
 * __set__ or __delete__ (obj is an instance of the class the descriptor
 * is on): an object's own attributes, not a module's namespace. */
static bool instance_dict(ctx *c, TSNode n, scope *sc)
{
    if (!is_dict_attr(c, n))
        return false;
    TSNode o = unparen(node_field(n, c->f_object));
    const char *name = ts_node_symbol(o) == syms.identifier ? ident_name(c, o) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        if (x->kind != SCOPE_FUNCTION || !x->parent || x->parent->kind != SCOPE_CLASS)
            return false;
        scope_params(c, x);
        TSNode up = ts_node_parent(x->node); /* a static method has no self */
        if (node_is(up, "decorated_definition") &&
            memmem(c->text + ts_node_start_byte(up), ts_node_start_byte(x->node) - ts_node_start_byte(up),
                   "staticmethod", 12))
            return false;
        if (x->nparams > 0 && !strcmp(x->params[0], name))
            return true; /* self */
        static const char *const hooks[] = {"__get__", "__set__", "__delete__"};
        return x->nparams > 1 && !strcmp(x->params[1], name) && x->fname &&
               str_listed(x->fname, hooks, sizeof hooks / sizeof *hooks);
    }
    return false;
}

/* Attribute names read through a dotted string: operator.attrgetter("a.b"). */
static int dotted_attributes(ctx *c, TSNode at, const strval *s)
{
    size_t i = 0;
    while (i < s->len) {
        size_t j = i;
        while (j < s->len && s->s[j] != '.')
            j++;
        if (j > i) {
            const char *part = pc_arena_strndup(c->a, s->s + i, j - i);
            if (!part || match_attribute(c, at, part) < 0)
                return -1;
        }
        i = j + 1;
    }
    return 0;
}

/* Could argument a be getattr (or a relative) passed as a value? A look at
 * its last name first: resolving every argument of every call costs. */
static bool may_be_getter(ctx *c, TSNode a, scope *sc, bool any_name)
{
    a = unparen(a);
    if (ts_node_is_null(a))
        return false;
    TSNode id = a;
    if (ts_node_symbol(a) == syms.attribute)
        id = node_field(a, c->f_attribute);
    else if (ts_node_symbol(a) != syms.identifier)
        return false;
    uint32_t b = ts_node_start_byte(id), e = ts_node_end_byte(id);
    if (ts_node_is_null(id) || e > c->len || b >= e || (e - b > 256 && !any_name))
        return false;
    bool ascii = true;
    for (uint32_t i = b; i < e; i++)
        ascii &= (unsigned char)c->text[i] < 0x80;
    if (ascii && e - b > 16 && !any_name)
        return false;
    const char *t = ascii ? NULL : ident_name(c, id); /* NFKC: ｇｅｔａｔｔｒ is getattr */
    size_t n = t ? strlen(t) : e - b;
    if (!t)
        t = c->text + b;
    static const char *const names[] = {"getattr", "setattr",          "delattr",
                                        "hasattr", "__getattribute__", "__setattr__"};
    bool hit = any_name;
    for (size_t i = 0; i < sizeof names / sizeof *names && !hit; i++)
        hit = strlen(names[i]) == n && !memcmp(names[i], t, n);
    if (!hit)
        return false;
    vals v = {0};
    resolve_expr(c, a, sc, 0, &v);
    return has_qual(&v, "builtins.getattr") || has_qual(&v, "builtins.setattr") ||
           has_qual(&v, "builtins.delattr") || has_qual(&v, "builtins.hasattr") ||
           has_qual(&v, "builtins.object.__getattribute__") || has_qual(&v, "object.__getattribute__") ||
           has_qual(&v, "builtins.object.__setattr__");
}

/* getattr handed to a call together with a module (functools.partial(getattr,
 * os), functools.reduce(getattr, names, os)): a lookup on the module by a
 * name out of sight, as getattr(os, name) is. */
static int getter_with_module(ctx *c, TSNode call, TSNode args, const vals *callee, scope *sc)
{
    /* functions that take functions: any name handed to them may be getattr
     * under another name (g = getattr; functools.partial(g, os)) */
    static const char *const higher[] = {"functools.partial", "functools.partialmethod", "functools.reduce",
                                         "builtins.map",      "builtins.filter",         "operator.call",
                                         "itertools.starmap"};
    bool any_name = false;
    for (size_t i = 0; i < sizeof higher / sizeof *higher && !any_name; i++)
        any_name = has_qual(callee, higher[i]);
    kids k;
    kids_init(&k, args, true);
    TSNode a, getter = {0};
    while (ts_node_is_null(getter) && kids_next(&k, &a)) {
        TSNode v = ts_node_symbol(a) == syms.keyword_argument ? node_field(a, c->f_value) : a;
        if (!ts_node_is_null(v) && may_be_getter(c, v, sc, any_name))
            getter = v;
    }
    kids_done(&k);
    if (ts_node_is_null(getter))
        return 0;
    bool module = false;
    kids_init(&k, args, true);
    while (!module && kids_next(&k, &a)) {
        TSNode v = ts_node_symbol(a) == syms.keyword_argument ? node_field(a, c->f_value) : a;
        if (ts_node_is_null(v) || ts_node_eq(v, getter) || ts_node_symbol(v) == syms.comment)
            continue;
        /* the module may come in a list, a tuple or behind a splat
         * (map(getattr, [os], names), partial(getattr, *[os])) */
        TSSymbol t = ts_node_symbol(v);
        if (t == syms.list_splat || t == syms.dictionary_splat)
            v = ts_node_named_child(v, 0);
        t = ts_node_is_null(v) ? 0 : ts_node_symbol(v);
        if (t == syms.list || t == syms.tuple || t == syms.set) {
            kids items;
            kids_init(&items, v, true);
            TSNode item;
            while (!module && kids_next(&items, &item)) {
                vals iv = {0};
                resolve_expr(c, item, sc, 0, &iv);
                module = has_module(&iv);
            }
            kids_done(&items);
            continue;
        }
        vals ov = {0};
        resolve_expr(c, v, sc, 0, &ov);
        module = has_module(&ov);
    }
    kids_done(&k);
    return module ? match_dynamic(c, call, PC_DYN_GETATTR, true, NULL, NULL,
                                  "getattr passed along with a module")
                  : 0;
}

/* globals() handed as the namespace a code runner runs its statement in:
 * timeit's globals=, a profiler's or tracer's runctx(cmd, globals(), ...).
 * The statement is judged by its own rule (timeit-code-string,
 * tracer-run-string); the namespace gives it nothing more. */
static bool runner_namespace(ctx *c, TSNode n, scope *sc)
{
    TSNode p = parent_past_parens(&n), kw = {0};
    if (!ts_node_is_null(p) && ts_node_symbol(p) == syms.keyword_argument) {
        kw = node_field(p, c->f_name);
        n = p;
        p = ts_node_parent(p);
    }
    if (ts_node_is_null(p) || ts_node_symbol(p) != syms.argument_list)
        return false;
    TSNode call = ts_node_parent(p); /* class X(globals()): an argument list, not a call */
    if (ts_node_is_null(call) || ts_node_symbol(call) != syms.call)
        return false;
    TSNode fn = node_field(call, c->f_function);
    if (ts_node_is_null(fn))
        return false;
    const char *k = ts_node_is_null(kw) ? NULL : ident_name(c, kw);
    const char *m =
        ts_node_symbol(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    if (m && !strcmp(m, "runctx")) /* its namespaces: positions 1 and 2, or by keyword */
        return k ? !strcmp(k, "globals") || !strcmp(k, "locals") : !ts_node_eq(call_arg(p, 0), n);
    if (!k || strcmp(k, "globals"))
        return false;
    vals v = {0};
    resolve_expr(c, fn, sc, 0, &v);
    return has_qual(&v, "timeit.timeit") || has_qual(&v, "timeit.repeat") || has_qual(&v, "timeit.Timer");
}

/* Is call n (globals() and the like) only read for its keys: the right
 * side of `in` / `not in`, or what a for loop or comprehension iterates? */
static bool keys_only(ctx *c, TSNode n)
{
    TSNode p = parent_past_parens(&n);
    if (ts_node_is_null(p))
        return false;
    if (node_is(p, "for_statement") || node_is(p, "for_in_clause"))
        return ts_node_eq(node_field(p, c->f_right), n);
    if (ts_node_symbol(p) == syms.argument_list) { /* list(globals()), sorted(globals()), len(...) */
        TSNode call = ts_node_parent(p);
        TSNode fn = ts_node_is_null(call) ? call : node_field(call, c->f_function);
        const char *f =
            !ts_node_is_null(fn) && ts_node_symbol(fn) == syms.identifier ? ident_name(c, fn) : NULL;
        return f && ts_node_named_child_count(p) == 1 &&
               (!strcmp(f, "list") || !strcmp(f, "sorted") || !strcmp(f, "set") || !strcmp(f, "len") ||
                !strcmp(f, "tuple"));
    }
    if (!node_is(p, "comparison_operator") || ts_node_eq(ts_node_named_child(p, 0), n))
        return false;
    /* every operator in the chain is `in` or `not in` */
    uint32_t k = ts_node_child_count(p);
    for (uint32_t i = 0; i < k; i++) {
        TSNode ch = ts_node_child(p, i);
        if (!ts_node_is_named(ch) && !node_is(ch, "in") && !node_is(ch, "not in") && !node_is(ch, "not"))
            return false;
    }
    return true;
}

/* Calls that only look at a module handed to them: introspection, reloads,
 * printing, and test doubles (mock.patch.object(os, ...), and pytest's
 * monkeypatch.setattr(os, ...), whose fixture is a parameter). */
static bool inspects_only(ctx *c, TSNode fn, const vals *callee)
{
    static const char *const quals[] = {"builtins.hasattr",    "builtins.getattr", "builtins.setattr",
                                        "builtins.delattr",    "builtins.dir",     "builtins.help",
                                        "builtins.id",         "builtins.type",    "builtins.repr",
                                        "builtins.str",        "builtins.print",   "builtins.isinstance",
                                        "builtins.issubclass", "builtins.vars",    "builtins.callable",
                                        "builtins.hash",       "builtins.format",  "importlib.reload",
                                        "imp.reload",          "typing.cast",      NULL};
    static const char *const prefixes[] = {"inspect.", "pydoc.", "unittest.", "mock.", "pprint.", NULL};
    for (int i = 0; i < callee->n; i++) {
        const char *q = callee->v[i].qual;
        for (int j = 0; quals[j]; j++)
            if (!strcmp(q, quals[j]))
                return true;
        for (int j = 0; prefixes[j]; j++)
            if (!strncmp(q, prefixes[j], strlen(prefixes[j])))
                return true;
    }
    if (callee->n || ts_node_symbol(fn) != syms.attribute)
        return false;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    static const char *const methods[] = {"setattr", "delattr", "setitem", "delitem",
                                          "object",  "patch",   NULL};
    for (int j = 0; m && methods[j]; j++)
        if (!strcmp(m, methods[j]))
            return true;
    return false;
}

/* Could argument a be a module (cheap test first: names, attributes that
 * name a module, and import calls)? Then the modules it is, into out. */
static void module_argument(ctx *c, TSNode a, scope *sc, vals *out)
{
    a = unparen(a);
    TSSymbol t = ts_node_is_null(a) ? 0 : ts_node_symbol(a);
    if (t == syms.call) {
        TSNode fn = node_field(a, c->f_function);
        const char *ft = ts_node_is_null(fn) ? NULL : node_text(c, fn);
        size_t fl = ft ? strlen(ft) : 0;
        if (!ft || (strcmp(ft, "__import__") && (fl < 13 || strcmp(ft + fl - 13, "import_module"))))
            return;
    } else if (t == syms.attribute) {
        /* self.x and obj.attr are common and rarely modules: only names of
         * modules that modules carry (shutil.os) */
        const char *an = ident_name(c, node_field(a, c->f_attribute));
        if (!an || (strcmp(an, "os") && strcmp(an, "_os") && strcmp(an, "sys") && strcmp(an, "_sys") &&
                    strcmp(an, "subprocess") && strcmp(an, "builtins")))
            return;
    } else if (t != syms.identifier) {
        return;
    }
    vals v = {0};
    resolve_expr(c, a, sc, 0, &v);
    for (int i = 0; i < v.n; i++)
        if (v.v[i].kind == VAL_MODULE)
            vals_add(c, out, VAL_MODULE, v.v[i].qual);
}

/* f(os), f(m=os), f([os]), f(**{"m": os}): a module handed to code the
 * checker does not follow the parameters of (execute(os, cmd) with
 * def execute(m, c): m.system(c)). */
static int module_handoff(ctx *c, TSNode n, TSNode fn, TSNode args, const vals *callee, scope *sc)
{
    vals mods = {0};
    kids k;
    kids_init(&k, args, true);
    TSNode a;
    while (kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.keyword_argument)
            a = node_field(a, c->f_value);
        else if (t == syms.list_splat || t == syms.dictionary_splat)
            a = ts_node_named_child(a, 0);
        a = unparen(a);
        t = ts_node_is_null(a) ? 0 : ts_node_symbol(a);
        if (t == syms.list || t == syms.tuple || t == syms.set || t == syms.dictionary) {
            kids items;
            kids_init(&items, a, true);
            TSNode it;
            for (int i = 0; kids_next(&items, &it) && i < 64; i++)
                module_argument(c, ts_node_symbol(it) == syms.pair ? node_field(it, c->f_value) : it, sc,
                                &mods);
            kids_done(&items);
        } else if (t) {
            module_argument(c, a, sc, &mods);
        }
    }
    kids_done(&k);
    if (!mods.n || inspects_only(c, fn, callee))
        return 0;
    return match_dynamic(c, n, PC_DYN_HANDOFF, true, &mods, NULL,
                         pc_arena_printf(c->a, "module %s handed to a call", mods.v[0].qual));
}

/* Is v the module's globals() and nothing else? */
static bool only_globals(const vals *v)
{
    for (int i = 0; i < v->n; i++)
        if (v->v[i].kind != VAL_NS || strcmp(v->v[i].qual, "<globals>"))
            return false;
    return v->n > 0 && !v->unknown;
}

/* Is call n (globals() and the like) the namespace of a lookup, globals()[k]
 * or globals().get(k)? That lookup is judged on its own key. */
static bool lookup_base(ctx *c, TSNode n)
{
    TSNode p = parent_past_parens(&n);
    if (ts_node_is_null(p))
        return false;
    if (ts_node_symbol(p) == syms.subscript)
        return ts_node_eq(node_field(p, c->f_value), n);
    if (ts_node_symbol(p) != syms.attribute || !ts_node_eq(node_field(p, c->f_object), n))
        return false;
    const char *m = ident_name(c, node_field(p, c->f_attribute));
    TSNode call = ts_node_parent(p);
    return m &&
           (!strcmp(m, "get") || !strcmp(m, "__getitem__") || !strcmp(m, "pop") ||
            !strcmp(m, "setdefault")) &&
           !ts_node_is_null(call) && ts_node_symbol(call) == syms.call;
}

/* An interpolation's value, when it is a constant or a parameter that
 * every call leaves at its constant default (f"{package}.{name}" with
 * def load(package="myapp.plugins") called as load()). */
static bool interp_value(ctx *c, TSNode e, scope *sc, strval *out)
{
    e = unparen(e);
    const char *name = ts_node_symbol(e) == syms.identifier ? ident_name(c, e) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        if (x->kind != SCOPE_FUNCTION || param_index(c, x, name) < 0)
            break;
        /* a parameter: its default only where no call passes it */
        TSNode d = param_default_if_omitted(c, x, name);
        return !ts_node_is_null(d) && ts_node_symbol(d) == syms.string && !string_has_code(c, d) &&
               fold_string(c, d, x->parent ? x->parent : x, 0, out);
    }
    return fold_string(c, e, sc, 0, out);
}

/* The constant start of key k: "cmd_" in f"cmd_{name}" or "cmd_" + name;
 * through a name bound once to such a key (mod = f"plugins.{name}"). */
static bool key_prefix_at(ctx *c, TSNode k, scope *sc, strval *out, int depth);

static bool key_prefix(ctx *c, TSNode k, scope *sc, strval *out)
{
    return key_prefix_at(c, k, sc, out, 0);
}

/* The prefix that pkgutil.walk_packages(path, prefix) or
 * pkgutil.iter_modules(path, prefix) puts before every name it yields
 * (walk_packages(pkg.__path__, "pkg.")), when iter is such a call. */
static bool pkgutil_prefix(ctx *c, TSNode iter, scope *sc, strval *out)
{
    iter = unparen(iter);
    if (ts_node_is_null(iter) || ts_node_symbol(iter) != syms.call)
        return false;
    vals v = {0};
    resolve_expr(c, node_field(iter, c->f_function), sc, 0, &v);
    bool walker = v.n > 0;
    for (int i = 0; i < v.n; i++)
        walker &= v.v[i].qual && (!strcmp(v.v[i].qual, "pkgutil.walk_packages") ||
                                  !strcmp(v.v[i].qual, "pkgutil.iter_modules"));
    TSNode args = node_field(iter, c->f_arguments);
    if (!walker || ts_node_is_null(args))
        return false;
    TSNode p = kwarg(c, args, "prefix");
    if (ts_node_is_null(p))
        p = call_arg(args, 1);
    return !ts_node_is_null(p) && fold_string(c, p, sc, 0, out) && out->len;
}

/* The one binding of name in the scope that decides it, when the name is
 * bound once, never deleted; else NULL (*at gets that scope). */
static binding *single_binding(const char *name, scope *sc, scope **at)
{
    for (scope *x = sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        binding *b = nb->list;
        *at = x;
        return b && !b->next && !nb->has_del && !ts_node_is_null(b->value) ? b : NULL;
    }
    return NULL;
}

/* A module's name from a walk over a package: info.name for info in
 * walk_packages(path, "pkg."), or name in `for finder, name, ispkg in
 * iter_modules(path, "pkg.")`: the walk's prefix. */
static bool walk_name_prefix(ctx *c, TSNode k, scope *sc, strval *out)
{
    scope *x = NULL;
    if (ts_node_symbol(k) == syms.attribute) { /* info.name */
        TSNode o = unparen(node_field(k, c->f_object));
        const char *a = ident_name(c, node_field(k, c->f_attribute));
        binding *b = a && !strcmp(a, "name") && ts_node_symbol(o) == syms.identifier
                         ? single_binding(ident_name(c, o), sc, &x)
                         : NULL;
        TSNode loop = b && b->kind == BIND_PART ? ts_node_parent(b->value) : (TSNode){0};
        return !ts_node_is_null(loop) && node_is(unparen(node_field(loop, c->f_left)), "identifier") &&
               pkgutil_prefix(c, b->value, b->value_scope ? b->value_scope : x, out);
    }
    const char *name = ident_name(c, k);
    binding *b = single_binding(name, sc, &x);
    TSNode loop = b && b->kind == BIND_PART ? ts_node_parent(b->value) : (TSNode){0};
    TSNode left = ts_node_is_null(loop) ? loop : unparen(node_field(loop, c->f_left));
    /* the second of three: (finder, name, ispkg) */
    if (ts_node_is_null(left) || ts_node_named_child_count(left) != 3 ||
        (!node_is(left, "pattern_list") && !node_is(left, "tuple_pattern")))
        return false;
    TSNode second = ts_node_named_child(left, 1);
    const char *sn = node_is(second, "identifier") ? ident_name(c, second) : NULL;
    return sn && !strcmp(sn, name) && pkgutil_prefix(c, b->value, b->value_scope ? b->value_scope : x, out);
}

static bool key_prefix_at(ctx *c, TSNode k, scope *sc, strval *out, int depth)
{
    k = unparen(k);
    TSSymbol t = ts_node_is_null(k) ? 0 : ts_node_symbol(k);
    if ((t == syms.identifier || t == syms.attribute) && walk_name_prefix(c, k, sc, out))
        return true;
    if (t == syms.identifier && depth < 2) {
        const char *name = ident_name(c, k);
        for (scope *x = sc; name && x; x = x->parent) {
            namebind *nb = pc_strmap_get(&x->names, name);
            if (!nb)
                continue;
            binding *b = nb->list;
            if (!b || b->next || nb->has_del || b->kind != BIND_ALIAS || ts_node_is_null(b->value))
                return false;
            return key_prefix_at(c, b->value, b->value_scope ? b->value_scope : x, out, depth + 1);
        }
        return false;
    }
    if (t == syms.binary_operator) {
        TSNode op = node_field(k, syms.operator_);
        return !ts_node_is_null(op) && node_is(op, "+") &&
               fold_string(c, node_field(k, c->f_left), sc, 0, out) && out->len;
    }
    if (t != syms.string || !string_has_code(c, k))
        return false;
    /* the literal parts and the interpolations that fold, up to the first
     * that does not */
    char buf[256];
    size_t len = 0;
    for (uint32_t i = 0; i < ts_node_named_child_count(k); i++) {
        TSNode ch = ts_node_named_child(k, i);
        TSSymbol ct = ts_node_symbol(ch);
        if (ct != syms.string_content && ct != syms.interpolation)
            continue;
        strval part;
        if (ct == syms.interpolation) {
            if (ts_node_named_child_count(ch) != 1 || !interp_value(c, ts_node_named_child(ch, 0), sc, &part))
                break;
        } else {
            uint32_t s = ts_node_start_byte(ch), e = ts_node_end_byte(ch);
            if (e <= s || memchr(c->text + s, '\\', e - s) || memchr(c->text + s, '{', e - s))
                break;
            part = (strval){c->text + s, e - s};
        }
        if (len + part.len >= sizeof buf)
            break;
        memcpy(buf + len, part.s, part.len);
        len += part.len;
    }
    if (!len)
        return false;
    char *p = pc_arena_strndup(c->a, buf, len);
    if (!p)
        return false;
    *out = (strval){p, len};
    return true;
}

/* import_module(f"plugins.{name}"), import_module("." + name, __package__),
 * import_module(f"{__name__}.{name}"):
 * a computed name with a constant package in front (or relative) loads a
 * module of that package only, the program's plugins; not when the package
 * is one whose submodules reach the system (os, importlib, encodings...). */
/* Is n the name Python gives this module or its package (__name__,
 * __package__), which the program does not bind itself? */
static bool own_name_ident(ctx *c, TSNode n, scope *sc)
{
    n = unparen(n);
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    if (ts_node_is_null(n) || ts_node_symbol(n) != syms.identifier)
        return false;
    const char *name = en - st == 8 && !memcmp(c->text + st, "__name__", 8)        ? "__name__"
                       : en - st == 11 && !memcmp(c->text + st, "__package__", 11) ? "__package__"
                                                                                   : NULL;
    for (scope *x = sc; name && x; x = x->parent)
        if (pc_strmap_get(&x->names, name))
            return false;
    return name != NULL;
}

/* f"{__name__}.{name}", __name__ + "." + name: a submodule of the
 * program's own package. */
static bool own_package_prefix(ctx *c, TSNode k, scope *sc)
{
    k = unparen(k);
    TSSymbol t = ts_node_is_null(k) ? 0 : ts_node_symbol(k);
    if (t == syms.binary_operator) {
        TSNode left = unparen(node_field(k, c->f_left));
        strval dot;
        if (ts_node_symbol(left) == syms.binary_operator) /* (__name__ + ".") + name */
            return own_name_ident(c, node_field(left, c->f_left), sc) &&
                   fold_string(c, node_field(left, c->f_right), sc, 0, &dot) && dot.len && dot.s[0] == '.';
        return false;
    }
    if (t != syms.string || !string_has_code(c, k))
        return false;
    int seen = 0;
    for (uint32_t i = 0; i < ts_node_named_child_count(k) && seen < 2; i++) {
        TSNode ch = ts_node_named_child(k, i);
        TSSymbol ct = ts_node_symbol(ch);
        if (ct != syms.string_content && ct != syms.interpolation)
            continue;
        if (seen++ == 0) { /* {__name__} first */
            if (ct != syms.interpolation || ts_node_named_child_count(ch) != 1 ||
                !own_name_ident(c, ts_node_named_child(ch, 0), sc))
                return false;
        } else { /* then ".rest" */
            uint32_t s = ts_node_start_byte(ch);
            return ct == syms.string_content && s < c->len && c->text[s] == '.';
        }
    }
    return false;
}

static bool package_import(ctx *c, TSNode call, scope *sc)
{
    TSNode args = node_field(call, c->f_arguments);
    TSNode k = ts_node_is_null(args) ? args : call_arg(args, 0);
    strval p;
    if (!ts_node_is_null(k) && own_package_prefix(c, k, sc))
        return true;
    if (ts_node_is_null(k) || !key_prefix(c, k, sc, &p) || !p.len)
        return false;
    if (p.s[0] == '.')
        return true;
    const char *dot = memchr(p.s, '.', p.len);
    if (!dot || dot == p.s)
        return false;
    static const char *const reach[] = {"os",
                                        "posix",
                                        "nt",
                                        "subprocess",
                                        "builtins",
                                        "importlib",
                                        "ctypes",
                                        "_ctypes",
                                        "sys",
                                        "pty",
                                        "shutil",
                                        "socket",
                                        "pickle",
                                        "marshal",
                                        "runpy",
                                        "code",
                                        "codeop",
                                        "multiprocessing",
                                        "asyncio",
                                        "concurrent",
                                        "http",
                                        "urllib",
                                        "xmlrpc",
                                        "ftplib",
                                        "telnetlib",
                                        "smtplib",
                                        "encodings",
                                        "distutils",
                                        "setuptools",
                                        "pip",
                                        "pydoc",
                                        "webbrowser",
                                        "platform",
                                        "uuid",
                                        "imaplib",
                                        "tkinter",
                                        "_posixsubprocess",
                                        "_thread",
                                        "threading",
                                        "signal",
                                        "gc",
                                        "inspect",
                                        "types",
                                        "dill",
                                        "cloudpickle",
                                        "shelve",
                                        "zipimport",
                                        "pkgutil",
                                        "site",
                                        "sysconfig",
                                        "ensurepip",
                                        "venv",
                                        "idlelib",
                                        "lib2to3",
                                        "unittest",
                                        "doctest",
                                        "pdb",
                                        "bdb",
                                        "trace",
                                        "cProfile",
                                        "profile",
                                        "timeit",
                                        NULL};
    size_t top = (size_t)(dot - p.s);
    for (int i = 0; reach[i]; i++)
        if (strlen(reach[i]) == top && !memcmp(reach[i], p.s, top))
            return false;
    return true;
}

/* globals()[f"cmd_{name}"], globals().get("handle_" + x): a computed key
 * with a constant start reaches only the module's names with that start.
 * True when those are all functions and classes the program defines (no
 * import, no alias, no builtin, no star import): dispatch to its own code. */
static bool prefix_names_own_code(ctx *c, strval p)
{
    if (!p.len || c->module->nstars || builtin_has_prefix(p.s, p.len))
        return false;
    const pc_strmap *m = &c->module->names;
    for (size_t i = 0; i < m->cap; i++) {
        const char *name = m->slots[i].key;
        if (!name || strncmp(name, p.s, p.len))
            continue;
        const namebind *nb = m->slots[i].value;
        if (nb->has_plain_local || nb->has_part || nb->has_del)
            return false;
        for (const binding *b = nb->list; b; b = b->next)
            if (b->kind != BIND_DEF && b->kind != BIND_CLASS)
                return false;
    }
    return true;
}

static bool prefix_reaches_own_code(ctx *c, TSNode key, scope *sc)
{
    strval p;
    return !ts_node_is_null(key) && key_prefix(c, key, sc, &p) && prefix_names_own_code(c, p);
}

/* for name, fn in globals().items(): if name.startswith("test_"): fn()
 * (also over sorted() or list() of it): a script running its own tests.
 * The loop reaches only the module's names with that start, which must
 * all be the program's own functions and classes. n is globals(). */
static bool loop_over_own_prefix(ctx *c, TSNode n)
{
    TSNode at = ts_node_parent(n), it = at.id ? ts_node_parent(at) : at;
    const char *m = is_sym(at, syms.attribute) ? ident_name(c, node_field(at, c->f_attribute)) : NULL;
    if (!m || (strcmp(m, "items") && strcmp(m, "keys")) || !is_sym(it, syms.call))
        return false;
    TSNode up = ts_node_parent(it);
    if (is_sym(up, syms.argument_list) &&
        ts_node_named_child_count(up) == 1) { /* sorted(globals().items()) */
        TSNode wrap = ts_node_parent(up);
        const char *w = is_sym(wrap, syms.call) ? ident_name(c, node_field(wrap, c->f_function)) : NULL;
        if (!w || (strcmp(w, "sorted") && strcmp(w, "list") && strcmp(w, "tuple")))
            return false;
        it = wrap;
        up = ts_node_parent(wrap);
    }
    if (!node_is(up, "for_statement") || !ts_node_eq(node_field(up, c->f_right), it))
        return false;
    TSNode left = node_field(up, c->f_left);
    TSNode first = is_sym(left, syms.identifier) ? left : ts_node_named_child(left, 0);
    const char *var = is_sym(first, syms.identifier) ? ident_name(c, first) : NULL;
    TSNode body = node_field(up, c->f_body);
    if (!var || ts_node_is_null(body) || ts_node_named_child_count(body) != 1)
        return false;
    /* the body is one if whose test starts with name.startswith("...") */
    TSNode stmt = ts_node_named_child(body, 0);
    if (!node_is(stmt, "if_statement"))
        return false;
    TSNode test = ts_node_child_by_field_name(stmt, "condition", 9);
    while (is_sym(test, syms.boolean_operator) && node_is(node_field(test, syms.operator_), "and"))
        test = node_field(test, c->f_left);
    TSNode fn = is_sym(test, syms.call) ? node_field(test, c->f_function) : (TSNode){0};
    TSNode obj = is_sym(fn, syms.attribute) ? node_field(fn, c->f_object) : (TSNode){0};
    const char *sw = is_sym(fn, syms.attribute) ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    TSNode args = node_field(test, c->f_arguments);
    strval p;
    if (!sw || strcmp(sw, "startswith") || !is_sym(obj, syms.identifier) || strcmp(ident_name(c, obj), var) ||
        ts_node_is_null(args) || ts_node_named_child_count(args) != 1 ||
        !string_value(c, ts_node_named_child(args, 0), &p))
        return false;
    return prefix_names_own_code(c, p);
}

/* os.__dict__.items(), vars(builtins).values(), builtins.__dict__.copy():
 * a module's whole namespace, searched by the program out of sight
 * (next(v for k, v in os.__dict__.items() if k == "system")). */
static int namespace_dump(ctx *c, TSNode n, TSNode fn, scope *sc)
{
    if (ts_node_symbol(fn) != syms.attribute)
        return 0;
    TSNode an = node_field(fn, c->f_attribute);
    uint32_t len = ts_node_is_null(an) ? 0 : ts_node_end_byte(an) - ts_node_start_byte(an);
    if (len != 4 && len != 5 && len != 6) /* items, values, copy */
        return 0;
    const char *m = ident_name(c, an);
    if (!m || (strcmp(m, "items") && strcmp(m, "values") && strcmp(m, "copy")))
        return 0;
    vals ov = {0};
    resolve_expr(c, node_field(fn, c->f_object), sc, 0, &ov);
    vals mods = {0};
    for (int i = 0; i < ov.n; i++)
        if (ov.v[i].kind == VAL_NS && strcmp(ov.v[i].qual, "<globals>"))
            vals_add(c, &mods, VAL_MODULE, ov.v[i].qual);
        else if (ov.v[i].kind == VAL_MODULE && !strcmp(ov.v[i].qual, "builtins"))
            vals_add(c, &mods, VAL_MODULE, "builtins"); /* __builtins__ is builtins or its dict */
    if (!mods.n)
        return 0;
    /* searching a namespace by name is a getattr with a computed name */
    return match_dynamic(c, n, PC_DYN_GETATTR, true, &mods, NULL,
                         pc_arena_printf(c->a, "the whole namespace of %s, searched", mods.v[0].qual));
}

/* functools.reduce(getattr, ["mean", "__globals__"], statistics): an
 * attribute path walked one name at a time; each name is read as an
 * attribute. (A path that does not fold stays getattr-as-a-value.) */
static int reduce_getattr(ctx *c, TSNode args, scope *sc)
{
    TSNode f = call_arg(args, 0), chain = call_arg(args, 1);
    if (ts_node_is_null(f) || ts_node_is_null(chain))
        return 0;
    vals fv = {0};
    resolve_expr(c, f, sc, 0, &fv);
    if (!has_qual(&fv, "builtins.getattr"))
        return 0;
    strval names[16];
    int n = fold_items(c, chain, sc, names, 16);
    for (int i = 0; i < n; i++) {
        if (!names[i].len || memchr(names[i].s, 0, names[i].len))
            continue;
        const char *name = pc_arena_strndup(c->a, names[i].s, names[i].len);
        if (!name || match_attribute(c, chain, name) < 0)
            return -1;
    }
    return 0;
}

/* return os / yield os: a module handed out of a function, to callers the
 * checker may not follow (a generator's loop, a with statement's as). */
static int visit_return(ctx *c, frame *f, scope *sc)
{
    if (!c->eng->handoff)
        return 0;
    TSNode v = ts_node_named_child(f->node, 0);
    if (ts_node_is_null(v) || ts_node_symbol(v) == syms.comment)
        return 0;
    vals mods = {0};
    v = unparen(v);
    TSSymbol t = ts_node_symbol(v);
    if (t == syms.list || t == syms.tuple || t == syms.set || t == syms.dictionary ||
        node_is(v, "expression_list")) { /* return [os], yield from (os,), return {"m": os} */
        kids items;
        kids_init(&items, v, true);
        TSNode it;
        for (int i = 0; kids_next(&items, &it) && i < 64; i++)
            module_argument(c, ts_node_symbol(it) == syms.pair ? node_field(it, c->f_value) : it, sc, &mods);
        kids_done(&items);
    } else {
        module_argument(c, v, sc, &mods);
    }
    if (!mods.n)
        return 0;
    return match_dynamic(c, f->node, PC_DYN_HANDOFF, true, &mods, NULL,
                         pc_arena_printf(c->a, "module %s returned or yielded", mods.v[0].qual));
}

/* Functions handed over with the arguments they are to be called with
 * later: atexit.register(f, *a), weakref.finalize(obj, f, *a),
 * functools.partial(f, *a), asyncio.to_thread(f, *a), loop.call_soon(f,
 * *a), loop.call_later(t, f, *a), executor.submit(f, *a), and
 * Thread/Process(target=f, args=(...)), Timer(t, f, args=(...)). The rules
 * that read arguments see f called with those. */
/* map(f, xs) with xs a display (or a name bound to one): f(x) for each of
 * its first 16 items, read as f's first argument (the items after it
 * stand in its later positions). */
static int deferred_map(ctx *c, TSNode n, TSNode args, scope *sc)
{
    TSNode fexpr = call_arg(args, 0), xs = call_arg(args, 1);
    scope *vs = sc;
    TSNode d = ts_node_is_null(xs) ? xs : display_behind(c, unparen(xs), &vs);
    if (ts_node_is_null(fexpr) || ts_node_is_null(d))
        return 0;
    vals fv = {0};
    resolve_expr(c, fexpr, sc, 0, &fv);
    if (!fv.n)
        return 0;
    uint32_t k = ts_node_named_child_count(d);
    for (uint32_t i = 0; i < k && i < 16; i++)
        if (!node_is(ts_node_named_child(d, i), "comment") && match_deferred(c, n, fexpr, &fv, d, i, vs) < 0)
            return -1;
    return 0;
}

static int deferred_call(ctx *c, TSNode n, TSNode args, const vals *callee, scope *sc)
{
    static const char *const first[] = {"atexit.register", "functools.partial", "functools.partialmethod",
                                        "asyncio.to_thread", NULL};
    static const char *const second[] = {"weakref.finalize", NULL};
    static const char *const target[] = {"threading.Thread", "multiprocessing.Process",
                                         "multiprocessing.context.Process", "threading.Timer", NULL};
    int fpos = -1;
    for (const char *const *q = first; fpos < 0 && *q; q++)
        if (has_qual(callee, *q))
            fpos = 0;
    for (const char *const *q = second; fpos < 0 && *q; q++)
        if (has_qual(callee, *q))
            fpos = 1;
    if (fpos < 0 && !callee->n) { /* methods of an event loop or executor the analyzer does not resolve */
        TSNode fn = node_field(n, c->f_function);
        const char *m = node_is(fn, "attribute") ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
        if (m && (!strcmp(m, "call_soon") || !strcmp(m, "call_soon_threadsafe") || !strcmp(m, "submit")))
            fpos = 0;
        else if (m && (!strcmp(m, "call_later") || !strcmp(m, "call_at") || !strcmp(m, "run_in_executor")))
            fpos = 1;
    }
    if (fpos < 0 && has_qual(callee, "builtins.map") && ts_node_named_child_count(args) == 2)
        return deferred_map(c, n, args, sc);
    TSNode fexpr = {0}, fargs = args;
    if (fpos >= 0) {
        fexpr = call_arg(args, (uint32_t)fpos);
    } else {
        bool timer = has_qual(callee, "threading.Timer");
        for (const char *const *q = target; fpos < 0 && *q; q++)
            if (has_qual(callee, *q))
                fpos = 0;
        if (fpos < 0)
            return 0;
        fexpr = kwarg(c, args, timer ? "function" : "target");
        if (ts_node_is_null(fexpr))
            fexpr = call_arg(args, 1);
        fargs = kwarg(c, args, "args");
        if (ts_node_is_null(fargs) && timer)
            fargs = call_arg(args, 2);
        fargs = unparen(fargs);
        if (!node_is(fargs, "tuple") && !node_is(fargs, "list"))
            return 0;
        fpos = -1;
    }
    if (ts_node_is_null(fexpr))
        return 0;
    vals fv = {0};
    resolve_expr(c, fexpr, sc, 0, &fv);
    if (!fv.n)
        return 0;
    return match_deferred(c, n, fexpr, &fv, fargs, (uint32_t)(fpos + 1), sc);
}

/* p(input=x) with p bound once to functools.partial(F, a, ...): F called
 * with a, ... and input=x, for the rules that read arguments. Only a later
 * call that passes keywords alone (positions are then the partial's). The
 * partial's arguments are read from where p is called, as the names in
 * them would be there unless a nearer scope rebinds them. */
static int partial_call(ctx *c, TSNode n, TSNode fn, TSNode args, scope *sc)
{
    const char *name = node_is(fn, "identifier") ? ident_name(c, fn) : NULL;
    namebind *nb = NULL;
    for (scope *x = sc; name && x && !nb; x = x->parent)
        nb = pc_strmap_get(&x->names, name);
    binding *b = nb && nb->list && !nb->list->next && !nb->has_del ? nb->list : NULL;
    TSNode v = b && b->kind == BIND_ALIAS && !ts_node_is_null(b->value) ? unparen(b->value) : (TSNode){0};
    if (!node_is(v, "call"))
        return 0;
    kids k;
    kids_init(&k, args, true);
    TSNode a;
    bool keywords_only = true, any = false;
    while (keywords_only && kids_next(&k, &a)) {
        bool kw = node_is(a, "keyword_argument");
        keywords_only = kw || node_is(a, "comment");
        any |= kw;
    }
    kids_done(&k);
    if (!keywords_only || !any)
        return 0;
    vals pv = {0};
    resolve_expr(c, node_field(v, c->f_function), sc, 0, &pv);
    if (!has_qual(&pv, "functools.partial"))
        return 0;
    TSNode pargs = node_field(v, c->f_arguments);
    TSNode fexpr = node_is(pargs, "argument_list") ? call_arg(pargs, 0) : (TSNode){0};
    if (ts_node_is_null(fexpr))
        return 0;
    vals fv = {0};
    resolve_expr(c, fexpr, sc, 0, &fv);
    return fv.n ? match_partial_call(c, n, fexpr, &fv, pargs, 1, args, sc) : 0;
}

typedef struct shell_word {
    TSNode at;
} shell_word;

static int word_strings(ctx *c, const strval *word, void *ud)
{
    return word->len >= 2 ? match_string(c, ((shell_word *)ud)->at, word, false) : 0;
}

/* os.system("cat /etc/shadow"): each word of a shell's command line is
 * read by the string rules, as the items of an argument list are. */
static int shell_line_strings(ctx *c, TSNode line, scope *sc)
{
    if (!c->eng->nstrings)
        return 0;
    strval s;
    if (ts_node_is_null(line))
        return 0;
    shell_word u = {line};
    if (fold_text(c, line, sc, &s))
        return shell_words_each(c, &s, word_strings, &u);
    /* each line it may be (for step in STEPS: os.system(step)) */
    strval lines[16];
    int n = shell_line_values(c, line, sc, lines, 16);
    for (int i = 0; i < n; i++)
        if (shell_words_each(c, &lines[i], word_strings, &u) < 0)
            return -1;
    return 0;
}

static int visit_call(ctx *c, frame *f, scope *sc)
{
    TSNode n = f->node;
    TSNode fn = node_field(n, c->f_function);
    TSNode args = node_field(n, c->f_arguments);
    if (ts_node_is_null(fn))
        return 0;
    vals callee = {0};
    resolve_expr(c, fn, sc, 0, &callee);
    /* a shell's command line: the call rules also read it as the argument
     * lists it runs (folded_text), the string rules word by word */
    TSNode line = shell_line_of(c, n, &callee);
    c->shell_line = line;
    int rc = match_call(c, n, &callee, sc);
    c->shell_line = (TSNode){0};
    if (rc < 0 || shell_line_strings(c, line, sc) < 0)
        return -1;
    vals method = {0}; /* operator.methodcaller("system", cmd)(os) calls os.system */
    TSSymbol ft = ts_node_symbol(unparen(fn));
    if (!callee.n && (ft == syms.call || ft == syms.identifier) && methodcaller_callee(c, n, sc, &method) &&
        match_call(c, n, &method, sc) < 0)
        return -1;
    bool computed = false;
    const char *mods[VALS_MAX];
    int nmods = import_call_modules(c, n, sc, &callee, &computed, mods, VALS_MAX);
    for (int i = 0; i < nmods; i++)
        if (match_import(c, n, mods[i], NULL) < 0)
            return -1;
    if (computed && match_dynamic(c, n, PC_DYN_IMPORT, !package_import(c, n, sc), NULL, NULL,
                                  "import with a computed module name") < 0)
        return -1;
    if (ts_node_is_null(args) || !node_is(args, "argument_list"))
        return 0;
    if (getter_with_module(c, n, args, &callee, sc) < 0 || deferred_call(c, n, args, &callee, sc) < 0 ||
        partial_call(c, n, fn, args, sc) < 0)
        return -1;
    if (c->eng->handoff && module_handoff(c, n, fn, args, &callee, sc) < 0)
        return -1;
    bool getter = has_qual(&callee, "builtins.getattr") || has_qual(&callee, "builtins.hasattr") ||
                  has_qual(&callee, "builtins.delattr") || has_qual(&callee, "object.__getattribute__") ||
                  has_qual(&callee, "builtins.object.__getattribute__") ||
                  has_qual(&callee, "builtins.type.__getattribute__");
    bool setter = has_qual(&callee, "builtins.setattr") || has_qual(&callee, "builtins.object.__setattr__");
    /* x.__getattribute__("k"), ns.get(k): the same lookups in method form */
    TSNode lobj, lkey;
    const char *lm = getter || setter ? NULL : lookup_target(c, fn, args, &lobj, &lkey);
    if (lm) {
        bool ga = strstr(lm, "attr") != NULL;
        vals ov = {0};
        resolve_expr(c, lobj, sc, 0, &ov);
        bool ns = is_dict_attr(c, lobj) || vals_namespace(&ov);
        strval s;
        if (!ts_node_is_null(lkey) && (ga || ns)) {
            if (fold_string(c, lkey, sc, 0, &s) && !memchr(s.s, 0, s.len)) {
                const char *name = pc_arena_strndup(c->a, s.s, s.len);
                if (!name || match_attribute(c, lkey, name) < 0)
                    return -1;
            } else if (match_dynamic(c, n, ga ? PC_DYN_GETATTR : PC_DYN_NAMESPACE,
                                     (has_module(&ov) || (!ga && ns && !instance_dict(c, lobj, sc))) &&
                                         !(!ga && only_globals(&ov) && prefix_reaches_own_code(c, lkey, sc)),
                                     &ov, NULL,
                                     ga ? "__getattribute__ with a computed name"
                                        : "namespace lookup with a computed key") < 0) {
                return -1;
            }
        }
    }
    if (getter || setter) {
        TSNode obj = call_arg(args, 0), key = call_arg(args, 1);
        vals ov = {0};
        if (!ts_node_is_null(obj))
            resolve_expr(c, obj, sc, 0, &ov);
        bool on_module = has_module(&ov);
        strval names[VALS_MAX];
        int nn = ts_node_is_null(key) ? 0 : fold_choices(c, key, sc, names, VALS_MAX);
        /* hasattr(f, "__self__") only asks whether it is there: nothing is read */
        bool probe = has_qual(&callee, "builtins.hasattr") && callee.n == 1;
        if (nn &&
            !probe) { /* a constant name, or each of a few: getattr(math, op) for op in ("sin", "cos") */
            for (int i = 0; i < nn; i++) {
                const char *name = pc_arena_strndup(c->a, names[i].s, names[i].len);
                if (!name || match_attribute(c, key, name) < 0)
                    return -1;
                if (setter && on_module &&
                    match_dynamic(c, n, PC_DYN_SETATTR, true, &ov, name,
                                  pc_arena_printf(c->a, "setattr on a module: %s", name)) < 0)
                    return -1;
            }
            /* more modules times names than resolution keeps (getattr(mod,
             * fn) with each from an allowlist): what it gives is not all
             * known, so it is judged as a computed name */
            vals rv = {0};
            if (getter && on_module && ov.n * nn > VALS_MAX) {
                resolve_expr(c, n, sc, 0, &rv);
                if (rv.unknown && match_dynamic(c, n, PC_DYN_GETATTR, true, &ov, NULL,
                                                "getattr with more modules and names than are followed") < 0)
                    return -1;
            }
        } else if (!nn && (!ts_node_is_null(key) || ts_node_is_null(obj))) {
            unsigned kind = setter ? PC_DYN_SETATTR : PC_DYN_GETATTR;
            const char *what = setter ? "setattr with a computed name" : "getattr with a computed name";
            if (match_dynamic(c, n, kind, on_module, &ov, NULL, what) < 0)
                return -1;
        }
    }
    if ((has_qual(&callee, "functools.reduce") || has_qual(&callee, "_functools.reduce")) &&
        reduce_getattr(c, args, sc) < 0)
        return -1;
    if (has_qual(&callee, "builtins.globals") || has_qual(&callee, "builtins.locals") ||
        has_qual(&callee, "builtins.vars")) {
        /* globals() and a bare vars() reach the module's names; vars(x) only x's;
         * locals() and a bare vars() in a function only its own, and a
         * membership test or a loop only the keys */
        TSNode a0 = call_arg(args, 0);
        bool on_module = has_qual(&callee, "builtins.globals") || ts_node_is_null(a0);
        if (on_module && !has_qual(&callee, "builtins.globals") && sc && sc->kind != SCOPE_MODULE &&
            sc->kind != SCOPE_CLASS)
            on_module = false;
        if (on_module && (keys_only(c, n) || runner_namespace(c, n, sc) || loop_over_own_prefix(c, n)))
            on_module = false;
        vals av = {0}; /* vars(m): which modules m is, when every one is known */
        bool of_arg = false;
        if (!on_module) {
            resolve_expr(c, a0, sc, 0, &av);
            on_module = has_module(&av);
            of_arg = on_module && !av.unknown;
        }
        /* globals()[k], globals().get(k): the lookup is judged on its key */
        if (!lookup_base(c, n) && match_dynamic(c, n, PC_DYN_NAMESPACE, on_module, of_arg ? &av : NULL, NULL,
                                                "namespace access (globals/locals/vars)") < 0)
            return -1;
    }
    if (namespace_dump(c, n, fn, sc) < 0 || check_secret_host(c, n, &callee, sc) < 0 ||
        check_tree_wipe(c, n, &callee, sc) < 0 || check_written_code(c, n, &callee, sc) < 0)
        return -1;
    if (has_qual(&callee, "inspect.getmembers") || has_qual(&callee, "inspect.getmembers_static")) {
        /* a module's members as (name, value) pairs: its namespace by another name */
        TSNode a0 = call_arg(args, 0);
        vals av = {0};
        if (!ts_node_is_null(a0))
            resolve_expr(c, a0, sc, 0, &av);
        if (has_module(&av) &&
            match_dynamic(c, n, PC_DYN_NAMESPACE, true, &av, NULL, "inspect.getmembers of a module") < 0)
            return -1;
    }
    if (has_qual(&callee, "operator.attrgetter") || has_qual(&callee, "operator.methodcaller")) {
        uint32_t na = ts_node_named_child_count(args);
        for (uint32_t i = 0; i < na; i++) {
            TSNode a = ts_node_named_child(args, i);
            strval s;
            if (node_is(a, "keyword_argument") || node_is(a, "comment"))
                continue;
            if (fold_string(c, a, sc, 0, &s)) {
                if (dotted_attributes(c, a, &s) < 0)
                    return -1;
            } else if (match_dynamic(c, n, PC_DYN_GETATTR, false, NULL, NULL,
                                     "attrgetter with a computed name") < 0) {
                return -1;
            }
            if (has_qual(&callee, "operator.methodcaller"))
                break;
        }
    }
    return 0;
}

/* globals()["name"] = v, the key known: the program binds a global of its
 * own, as `name = v` would. It counts as a module namespace's when it can
 * change what a name this checker resolved means: a dunder or builtin name,
 * a name bound otherwise than by an import from the program's own package
 * (from . import io, then the lazy import of the same), or a module or
 * function stored. */
static bool global_store_hijacks(ctx *c, const frame *p, scope *sc, const char *key)
{
    if (!strncmp(key, "__", 2) || is_builtin_name(key) || p->kind != K_ASSIGNMENT)
        return true;
    namebind *nb = pc_strmap_get(&c->module->names, key);
    for (binding *b = nb ? nb->list : NULL; b; b = b->next)
        if (b->kind != BIND_IMPORT || !b->qual || b->qual[0] != '.')
            return true;
    if (nb && (nb->has_local || nb->has_del))
        return true;
    vals rv = {0};
    TSNode right = node_field(p->node, c->f_right);
    if (ts_node_is_null(right))
        return true;
    resolve_expr(c, right, sc, 0, &rv);
    for (int i = 0; i < rv.n; i++) /* a module of the program's own package: .raster */
        if ((rv.v[i].kind == VAL_MODULE || rv.v[i].kind == VAL_QUAL) &&
            (!rv.v[i].qual || rv.v[i].qual[0] != '.'))
            return true;
    return false;
}

static int visit_subscript(ctx *c, frame *f, const frame *p, scope *sc)
{
    TSNode n = f->node;
    TSNode v = node_field(n, c->f_value), k = node_field(n, c->f_subscript);
    if (ts_node_is_null(v) || ts_node_is_null(k))
        return 0;
    vals ov = {0};
    resolve_expr(c, v, sc, 0, &ov);
    bool dict = is_dict_attr(c, v);
    if (!vals_namespace(&ov) && !dict)
        return 0;
    /* a constant key, or one of an allowlist's (if name in _SUBMODULES:
     * globals()[name] = module): each key is judged as written */
    strval keys[VALS_MAX];
    int nkeys = fold_string(c, k, sc, 0, &keys[0]) ? 1 : fold_choices(c, k, sc, keys, VALS_MAX);
    if (nkeys > 0) {
        bool ns = dict;
        for (int i = 0; i < ov.n; i++)
            ns |= ov.v[i].kind == VAL_NS;
        for (int i = 0; i < nkeys; i++) {
            const char *key = pc_arena_strndup(c->a, keys[i].s, keys[i].len);
            if (!key || (ns && match_attribute(c, k, key) < 0))
                return -1;
            if (is_store_target(c, f, p) &&
                match_dynamic(c, n, PC_DYN_NAMESPACE,
                              !only_globals(&ov) || global_store_hijacks(c, p, sc, key), &ov, key,
                              "assignment into a namespace") < 0)
                return -1;
        }
        return 0;
    }
    bool own = only_globals(&ov) && prefix_reaches_own_code(c, k, sc);
    return match_dynamic(c, n, PC_DYN_NAMESPACE, (has_module(&ov) || vals_namespace(&ov)) && !own, &ov, NULL,
                         "namespace subscript with a computed key");
}

/* Attribute names reachable from a str.format template: "{0.__globals__}". */
static int format_fields(ctx *c, TSNode at, const strval *s)
{
    size_t i = 0;
    int found = 0;
    while (i < s->len && found < 64) {
        if (s->s[i] != '{') {
            i++;
            continue;
        }
        if (i + 1 < s->len && s->s[i + 1] == '{') {
            i += 2;
            continue;
        }
        size_t j = i + 1;
        while (j < s->len && s->s[j] != '}' && s->s[j] != '!' && s->s[j] != ':' && s->s[j] != '{')
            j++;
        for (size_t k = i + 1; k < j; k++) {
            if (s->s[k] != '.')
                continue;
            size_t e = k + 1;
            while (e < j && s->s[e] != '.' && s->s[e] != '[')
                e++;
            if (e > k + 1) {
                const char *attr = pc_arena_strndup(c->a, s->s + k + 1, e - k - 1);
                if (!attr || match_attribute(c, at, attr) < 0)
                    return -1;
                found++;
            }
        }
        i = j;
    }
    return 0;
}

/* Is the literal n (value s) one component of a path that folds whole
 * (Path.home() / ".ssh" / "config", os.path.join(home, ".ssh", "config"))?
 * String rules then read the whole path, "~/.ssh/config", and not the
 * part: ".ssh" alone would say more than the path does. */
static bool path_component(ctx *c, TSNode n, const frame *p, const strval *s)
{
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    if (!c->built_path.len || st < c->built_start || en > c->built_end || !p || !s->len ||
        !memmem(c->built_path.s, c->built_path.len, s->s, s->len))
        return false;
    if (p->kind == K_BINARY_OPERATOR) {
        TSNode op = node_field(p->node, syms.operator_);
        return !ts_node_is_null(op) && node_is(op, "/");
    }
    return node_is(p->node, "argument_list");
}

/* Is the string at frames[depth] one of the values a pytest parametrize
 * mark gives a test (@pytest.mark.parametrize("cmd", ["rm -rf /", ...]),
 * also in a tuple or a pytest.param(...))? Test data: whatever a test does
 * with it, a call that runs it is judged on its own. */
static bool parametrize_value(ctx *c, const frame *frames, uint32_t depth)
{
    uint32_t k = depth;
    for (;;) { /* up through the displays and pytest.param(...) around the string */
        if (k >= 1 && (frames[k - 1].sym == syms.list || frames[k - 1].sym == syms.tuple ||
                       frames[k - 1].sym == syms.parenthesized_expression)) {
            k--;
            continue;
        }
        TSNode fn = k >= 2 && frames[k - 1].sym == syms.argument_list && frames[k - 2].sym == syms.call
                        ? node_field(frames[k - 2].node, c->f_function)
                        : (TSNode){0};
        const char *m = is_sym(fn, syms.attribute) ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
        if (!m || strcmp(m, "param"))
            break;
        k -= 2;
    }
    if (k == depth || k < 2 || frames[k - 1].sym != syms.argument_list || frames[k - 2].sym != syms.call)
        return false;
    TSNode fn = node_field(frames[k - 2].node, c->f_function);
    const char *m = is_sym(fn, syms.attribute)    ? ident_name(c, node_field(fn, c->f_attribute))
                    : is_sym(fn, syms.identifier) ? ident_name(c, fn)
                                                  : NULL;
    TSNode values = call_arg(frames[k - 1].node, 1);
    if (ts_node_is_null(values))
        values = kwarg(c, frames[k - 1].node, "argvalues");
    return m && !strcmp(m, "parametrize") && ts_node_eq(values, frames[k].node);
}

/* A string literal; for a concatenated one, `joined` is its decoded value. */
static int visit_string(ctx *c, frame *f, const frame *p, const strval *joined)
{
    if (kind_is(p, K_CONCATENATED_STRING))
        return 0; /* matched as a whole by the parent */
    TSNode n = f->node;
    strval s;
    bool is_bytes;
    if (joined) {
        s = *joined;
        is_bytes = string_is_bytes(c, ts_node_named_child(n, 0));
    } else {
        if (!string_literal_parts(c, n, &s))
            return 0;
        is_bytes = string_is_bytes(c, n);
    }
    if (!is_bytes && path_component(c, n, p, &s))
        return 0;
    if (match_string(c, n, &s, is_bytes) < 0)
        return -1;
    /* "\\u0073h" in JSON text or for codecs' unicode_escape: sh */
    strval u;
    if (!is_bytes && unescape_text(c, &s, &u) && match_string(c, n, &u, false) < 0)
        return -1;
    return memchr(s.s, '{', s.len) ? format_fields(c, n, &s) : 0;
}

/* x: "exec(...) or int": a string annotation is evaluated when type hints
 * are resolved (typing.get_type_hints, functools.singledispatch's
 * register, pydantic); names and subscripts are what annotations hold, a
 * call is code. */
static int annotation_call(ctx *c, const frame *f, const frame *p)
{
    /* the string is the whole of a `type` node (parameters, return types,
     * x: "..." = v) */
    if (!(c->eng->syntax_kinds & PC_SYN_ANNOTATION_CALL) || !p || !node_is(p->node, "type") ||
        ts_node_named_child_count(p->node) != 1)
        return 0;
    strval s;
    if (!string_value(c, f->node, &s) || !memchr(s.s, '(', s.len))
        return 0;
    return match_syntax(c, f->node, PC_SYN_ANNOTATION_CALL, "a call in a string annotation");
}

/* Has the path no "." or empty parts? pathlib drops them and the fold
 * keeps them, so such a whole may not read as the path that is opened
 * (/etc/shadow/.): its literals are then read on their own. */
static bool plain_path(const strval *p)
{
    for (size_t i = 0; i + 1 < p->len; i++)
        if (p->s[i] == '/' &&
            (p->s[i + 1] == '/' || (p->s[i + 1] == '.' && (i + 2 == p->len || p->s[i + 2] == '/'))))
            return false;
    return !p->len || p->s[p->len - 1] != '/';
}

/* Does n join a path from parts: p / "x", os.path.join(...), Path(a, b),
 * p.joinpath(...)? */
static bool path_build(ctx *c, TSNode n, scope *sc)
{
    TSSymbol t = ts_node_symbol(n);
    if (t == syms.binary_operator) {
        TSNode op = node_field(n, syms.operator_);
        return !ts_node_is_null(op) && node_is(op, "/");
    }
    if (t != syms.call)
        return false;
    vals v = {0};
    resolve_expr(c, node_field(n, c->f_function), sc, 0, &v);
    static const char *const joins[] = {"os.path.join",     "posixpath.join",    "pathlib.Path",
                                        "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"};
    for (int i = 0; i < v.n; i++)
        if (v.v[i].qual && str_listed(v.v[i].qual, joins, sizeof joins / sizeof *joins))
            return true;
    TSNode fn = node_field(n, c->f_function);
    const char *m =
        ts_node_symbol(fn) == syms.attribute ? ident_name(c, node_field(fn, c->f_attribute)) : NULL;
    return m && !strcmp(m, "joinpath");
}

typedef struct built_item {
    TSNode at;
    int rc;
} built_item;

static bool match_built_item(ctx *c, const strval *s, void *ud)
{
    built_item *u = ud;
    u->rc = match_string(c, u->at, s, false);
    return u->rc == 0;
}

/* A string built from a loop's variable, the loop over a constant list
 * (for sh in ("bash", "zsh"): home / f".{sh}_history"): what it builds
 * for each item, read by the string rules. */
static int visit_built_loop(ctx *c, frame *f, scope *sc)
{
    binding *b = NULL;
    const char *var = NULL;
    built_item u = {f->node, 0};
    if (!f->cond || !loop_var_in(c, f->node, sc, &var, &b) ||
        !fold_loop_items(c, f->node, sc, var, b, true, match_built_item, &u))
        return 0;
    c->built_start = ts_node_start_byte(f->node);
    c->built_end = ts_node_end_byte(f->node);
    return u.rc;
}

/* [_d(x) for x in ["Zm9v", ...]]: what a helper of the program's own
 * makes of each item, read by the string rules */
static int visit_comp_helper(ctx *c, frame *f, scope *sc)
{
    built_item u = {f->node, 0};
    if (!comp_helper_items(c, f->node, sc, match_built_item, &u))
        return 0;
    return u.rc < 0 ? -1 : 0;
}

/* A string built from constants at run time ("/etc/" + "shadow",
 * os.path.join(...), f"{base}/x"): string rules read what it builds, once,
 * at the outermost operator. */
static int visit_built(ctx *c, frame *f, const frame *p, scope *sc)
{
    if (!c->eng->nstrings || (p && (p->kind == K_BINARY_OPERATOR || p->kind == K_CONCATENATED_STRING)))
        return 0;
    /* inside one already read (base64.b64decode(x) in base64.b64decode(x).decode()) */
    uint32_t st = ts_node_start_byte(f->node), en = ts_node_end_byte(f->node);
    if (c->built_end && st >= c->built_start && en <= c->built_end)
        return 0;
    strval s;
    if (!fold_built(c, f->node, sc, &s))
        return visit_built_loop(c, f, sc);
    if (!s.len)
        return 0;
    c->built_start = st;
    c->built_end = en;
    c->built_path = plain_path(&s) && path_build(c, f->node, sc) ? s : (strval){0};
    return match_string(c, f->node, &s, false) < 0 ? -1 : 0;
}

static int visit_concatenated_fstring_parts(ctx *c, frame *f)
{
    /* concatenated strings with interpolations: each literal part */
    kids k;
    kids_init(&k, f->node, true);
    TSNode ch;
    int rc = 0;
    while (rc == 0 && kids_next(&k, &ch)) {
        strval s;
        if (node_is(ch, "string") && string_literal_parts(c, ch, &s) &&
            match_string(c, ch, &s, string_is_bytes(c, ch)) < 0)
            rc = -1;
    }
    kids_done(&k);
    return rc;
}

static int visit_import(ctx *c, frame *f)
{
    TSNode n = f->node;
    const char *t = f->type;
    const char *module = NULL;
    if (!strcmp(t, "import_from_statement")) {
        TSNode m = node_field(n, c->f_module_name);
        if (ts_node_is_null(m) || !(module = ident_name(c, m)))
            return ts_node_is_null(m) ? 0 : -1;
    } else if (!strcmp(t, "future_import_statement")) {
        module = "__future__";
    }
    TSTreeCursor cur = ts_tree_cursor_new(n);
    int rc = 0;
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && rc == 0;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode ch = ts_tree_cursor_current_node(&cur);
        if (node_is(ch, "wildcard_import")) {
            if (match_import(c, ch, module, NULL) < 0 ||
                match_syntax(c, ch, PC_SYN_STAR_IMPORT, module) < 0) {
                rc = -1;
                break;
            }
            continue;
        }
        if (ts_tree_cursor_current_field_id(&cur) != c->f_name)
            continue;
        TSNode name = node_is(ch, "aliased_import") ? node_field(ch, c->f_name) : ch;
        const char *dotted = ident_name(c, name); /* NFKC: `import ｏs` is os */
        if (!dotted) {
            rc = -1;
            break;
        }
        if (match_import(c, ch, module ? module : dotted, module ? dotted : NULL) < 0) {
            rc = -1;
            break;
        }
    }
    ts_tree_cursor_delete(&cur);
    return rc;
}

static int parse_error(ctx *c, TSNode n, const char *why)
{
    if (c->parse_error_reported)
        return 0;
    c->parse_error_reported = true;
    return match_input(
        c, PC_INPUT_PARSE_ERROR, ts_node_start_byte(n),
        ts_node_end_byte(n) > ts_node_start_byte(n) ? ts_node_end_byte(n) : ts_node_start_byte(n) + 1, why);
}

/* Statements of one block start on the same column (Python's "unexpected
 * indent" and "unindent does not match"; tree-sitter tolerates both).
 * Checked statement by statement as the walk meets them: the block's frame
 * keeps the column of its first statement and where the last one ended. */
static void indentation_begin(frame *block)
{
    block->ind_col = block->kind == K_MODULE ? 0 : UINT32_MAX;
    block->ind_prev_row = UINT32_MAX;
}

static int check_indentation(ctx *c, frame *block, const frame *f)
{
    TSNode ch = f->node;
    if (f->kind == K_COMMENT || !ts_node_is_named(ch))
        return 0;
    bool module = block->kind == K_MODULE;
    TSPoint p = ts_node_start_point(ch);
    uint32_t sb = ts_node_start_byte(ch);
    bool starts_line = block->ind_prev_row == UINT32_MAX
                           ? module || p.column == 0 || c->text[sb - 1] == ' ' || c->text[sb - 1] == '\t'
                           : p.row > block->ind_prev_row;
    block->ind_prev_row = ts_node_end_point(ch).row;
    if (!starts_line)
        return 0;
    /* only whitespace may precede a statement that starts a line */
    uint32_t k = sb - p.column;
    bool blank = true;
    for (; k < sb && blank; k++) {
        blank = c->text[k] == ' ' || c->text[k] == '\t' || c->text[k] == '\f';
        if (c->text[k] == '\f') /* a form feed resets the column, as in CPython */
            p.column = sb - k - 1;
    }
    if (!blank)
        return 0;
    if (block->ind_col == UINT32_MAX)
        block->ind_col = p.column;
    else if (p.column != block->ind_col)
        return parse_error(c, ch, "inconsistent indentation (Python raises IndentationError)");
    return 0;
}

static int visit_identifier(ctx *c, frame *f, const frame *p, scope *sc)
{
    TSNode n = f->node;
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    const char *name = ident_name(c, n);
    if (!name)
        return -1;
    if (e - s != strlen(name) || memcmp(c->text + s, name, e - s) != 0) {
        if (c->confusables++ < 32 &&
            match_input(c, PC_INPUT_CONFUSABLE, s, e,
                        pc_arena_printf(c->a, "identifier '%.*s' is '%s' after NFKC normalisation",
                                        (int)(e - s), c->text + s, name)) < 0)
            return -1;
    }
    if (!is_load(c, f, p))
        return 0;
    vals v = {0};
    resolve_expr(c, n, sc, 0, &v);
    bool global = has_builtin(&v, name) || (!strcmp(name, "__builtins__") && has_qual(&v, "builtins")) ||
                  (!v.local && !v.n);
    if (global && match_name(c, n, name) < 0)
        return -1;
    if (is_maximal(c, f, p) && match_reference(c, n, &v) < 0)
        return -1;
    return 0;
}

/* A.__subclasses__(), A.__mro__ on a class the program defines: its own
 * hierarchy, not the way to object's subclasses (a step from there to
 * object, A.__mro__[-1].__subclasses__(), is still an attribute of
 * something else). */
static bool own_hierarchy(ctx *c, TSNode n, const char *attr, scope *sc)
{
    if (strcmp(attr, "__subclasses__") && strcmp(attr, "__mro__") && strcmp(attr, "__bases__") &&
        strcmp(attr, "__base__") && strcmp(attr, "mro"))
        return false;
    TSNode obj = node_field(n, c->f_object);
    /* walking down from the program's own classes stays among them */
    return names_own_class(c, obj, sc) ||
           (!strcmp(attr, "__subclasses__") && names_own_subclasses(c, obj, sc));
}

static int visit_attribute(ctx *c, frame *f, const frame *p, scope *sc)
{
    TSNode n = f->node;
    TSNode a = node_field(n, c->f_attribute);
    if (ts_node_is_null(a))
        return 0;
    const char *attr = ident_name(c, a);
    if (!attr)
        return -1;
    if (!own_hierarchy(c, n, attr, sc) && match_attribute(c, n, attr) < 0)
        return -1;
    bool maximal = is_maximal(c, f, p), store = is_store_target(c, f, p);
    if (!maximal && !store)
        return 0;
    vals v = {0};
    resolve_expr(c, n, sc, 0, &v);
    if (store) {
        vals ov = {0};
        resolve_expr(c, node_field(n, c->f_object), sc, 0, &ov);
        if (has_module(&ov) &&
            match_dynamic(c, n, PC_DYN_SETATTR, true, &ov, attr,
                          pc_arena_printf(c->a, "assignment to module attribute %s", attr)) < 0)
            return -1;
        return 0;
    }
    return match_reference(c, n, &v);
}

/* Bound name -> value pairs for `assign` rules. */
static int assign_pair(ctx *c, TSNode target, TSNode value, scope *sc)
{
    if (ts_node_is_null(target) || ts_node_is_null(value))
        return 0;
    const char *name = NULL;
    size_t len = 0;
    TSNode at = target;
    if (node_is(target, "identifier")) {
        name = ident_name(c, target);
    } else if (node_is(target, "attribute")) {
        at = node_field(target, c->f_attribute);
        name = ident_name(c, at);
        at = target;
    } else if (node_is(target, "subscript")) { /* d["password"] = ... */
        strval s;
        if (fold_string(c, node_field(target, c->f_subscript), sc, 0, &s)) {
            name = s.s;
            len = s.len;
        }
    }
    if (!name)
        return 0;
    return match_assign(c, at, name, len ? len : strlen(name), value, sc);
}

static int visit_assign(ctx *c, const frame *f, scope *sc)
{
    TSNode n = f->node;
    const char *t = f->type;
    if (!strcmp(t, "assignment")) {
        TSNode left = node_field(n, c->f_left), right = node_field(n, c->f_right);
        while (!ts_node_is_null(right) && node_is(right, "assignment"))
            right = node_field(right, c->f_right);
        if (ts_node_is_null(left) || ts_node_is_null(right))
            return 0;
        uint32_t k = ts_node_named_child_count(left);
        bool seq = (node_is(left, "pattern_list") || node_is(left, "tuple_pattern")) &&
                   (node_is(right, "expression_list") || node_is(right, "tuple")) &&
                   k == ts_node_named_child_count(right);
        if (!seq)
            return assign_pair(c, left, right, sc);
        for (uint32_t i = 0; i < k; i++)
            if (assign_pair(c, ts_node_named_child(left, i), ts_node_named_child(right, i), sc) < 0)
                return -1;
        return 0;
    }
    if (!strcmp(t, "keyword_argument") || !strcmp(t, "default_parameter") ||
        !strcmp(t, "typed_default_parameter"))
        return assign_pair(c, node_field(n, c->f_name), node_field(n, c->f_value), sc);
    if (!strcmp(t, "pair")) {
        strval s;
        TSNode key = node_field(n, c->f_key);
        if (!ts_node_is_null(key) && fold_string(c, key, sc, 0, &s))
            return match_assign(c, n, s.s, s.len, node_field(n, c->f_value), sc);
    }
    return 0;
}

/* An except clause whose whole body is `pass` (or `continue`). */
static int visit_except(ctx *c, TSNode n)
{
    TSNode block = {0}, x, only = {0};
    kids k;
    kids_init(&k, n, true);
    while (kids_next(&k, &x))
        if (node_is(x, "block"))
            block = x;
    kids_done(&k);
    if (ts_node_is_null(block))
        return 0;
    uint32_t stmts = 0;
    kids_init(&k, block, true);
    while (stmts < 2 && kids_next(&k, &x)) {
        if (node_is(x, "comment"))
            continue;
        only = x;
        stmts++;
    }
    kids_done(&k);
    if (stmts != 1)
        return 0;
    if (node_is(only, "pass_statement"))
        return match_syntax(c, n, PC_SYN_EXCEPT_PASS, "except: pass");
    if (node_is(only, "continue_statement"))
        return match_syntax(c, n, PC_SYN_EXCEPT_CONTINUE, "except: continue");
    return 0;
}

static int visit_comment(ctx *c, TSNode n)
{
    if (!c->eng->policy->suppressions)
        return 0;
    void *v = pc_arena_grow(c->a, c->comments, c->ncomments, &c->capcomments, sizeof *c->comments, 16);
    if (!v)
        return -1;
    c->comments = v;
    c->comments[c->ncomments].line = ts_node_start_point(n).row + 1;
    c->comments[c->ncomments].start = ts_node_start_byte(n);
    c->comments[c->ncomments].end = ts_node_end_byte(n);
    c->ncomments++;
    return 0;
}

/* A call or subscript that is a whole reference: what it evaluates to. */
static int visit_reference(ctx *c, const frame *f, const frame *p, scope *sc)
{
    if (!is_maximal(c, f, p))
        return 0;
    vals v = {0};
    resolve_expr(c, f->node, sc, 0, &v);
    return match_reference(c, f->node, &v) < 0 ? -1 : 0;
}

static int visit_kind(ctx *c, frame *f, const frame *p, scope *sc);

static int visit(ctx *c, frame *frames, uint32_t depth)
{
    if (scope_enter(c, frames, depth, false) < 0)
        return -1;
    frame *f = &frames[depth];
    const frame *p = depth ? &frames[depth - 1] : NULL;
    TSNode n = f->node;
    scope *sc = f->sc;
    if (c->tree_has_error && ts_node_is_missing(n))
        return parse_error(c, n, pc_arena_printf(c->a, "syntax error: missing '%s'", f->type)) < 0 ? -1 : 1;
    if (f->kind == K_ERROR)
        return parse_error(c, n, "syntax error") < 0 ? -1 : 0;
    if (depth && (frames[depth - 1].kind == K_BLOCK || frames[depth - 1].kind == K_MODULE) &&
        !c->parse_error_reported && check_indentation(c, &frames[depth - 1], f) < 0)
        return -1;
    if (f->brackets > 200 && !c->nesting_reported) {
        c->nesting_reported = true;
        if (match_input(c, PC_INPUT_PARSE_ERROR, ts_node_start_byte(n), ts_node_start_byte(n) + 1,
                        "too many nested parentheses (Python allows 200)") < 0)
            return -1;
    }
    if (c->eng->nassigns && (f->flags & NF_ASSIGN) && visit_assign(c, f, sc) < 0)
        return -1;
    if (c->eng->nsyntax && (f->flags & NF_SYNTAX)) {
        if (f->kind == K_ASSERT_STATEMENT && match_syntax(c, n, PC_SYN_ASSERT, "assert") < 0)
            return -1;
        if (f->kind == K_EXCEPT_CLAUSE && visit_except(c, n) < 0)
            return -1;
        if (f->kind == K_GLOBAL_STATEMENT && match_syntax(c, n, PC_SYN_GLOBAL, "global") < 0)
            return -1;
    }
    if (f->flags & NF_DEF) {
        const char *name = ident_name(c, node_field(n, c->f_name));
        if (name && match_define(c, n, name) < 0)
            return -1;
    }
    /* a name here was followed through more bindings and returns than
     * resolution goes, and what it is was not seen: fail closed */
    uint32_t deep = c->deep_cuts;
    c->test_data =
        (f->kind == K_STRING || f->kind == K_CONCATENATED_STRING) && parametrize_value(c, frames, depth);
    int rc = visit_kind(c, f, p, sc);
    c->test_data = false;
    if (rc >= 0 && c->deep_cuts != deep &&
        match_dynamic(c, n, PC_DYN_DEPTH, false, NULL, NULL, "reached through more steps than are followed") <
            0)
        return -1;
    return rc;
}

/* A match statement reads what its patterns name: case C(__globals__=g)
 * is g = subject.__globals__, and case {"__builtins__": b} reads the
 * subject's item, which for a namespace is the attribute: both meet the
 * attribute rules (a dict pattern's key only when it names a dunder). */
static int visit_pattern_key(ctx *c, const frame *f, const frame *p)
{
    TSNode n = f->node;
    if (f->kind == K_KEYWORD_PATTERN) {
        TSNode id = ts_node_named_child(n, 0);
        const char *name = ts_node_symbol(id) == syms.identifier ? ident_name(c, id) : NULL;
        return name ? match_attribute(c, id, name) : 0;
    }
    strval s;
    if (!p || p->kind != K_DICT_PATTERN || f->field != c->f_key || !string_value(c, n, &s) || s.len < 5 ||
        memchr(s.s, '\0', s.len) || strncmp(s.s, "__", 2) || strncmp(s.s + s.len - 2, "__", 2))
        return 0;
    const char *key = pc_arena_strndup(c->a, s.s, s.len);
    return key ? match_attribute(c, n, key) : -1;
}

static int visit_kind(ctx *c, frame *f, const frame *p, scope *sc)
{
    TSNode n = f->node;
    switch (f->kind) {
    case K_BLOCK:
    case K_MODULE: indentation_begin(f); return 0;
    case K_ATTRIBUTE: return visit_attribute(c, f, p, sc);
    case K_COMMENT: return visit_comment(c, n);
    case K_CALL:
        if (visit_call(c, f, sc) < 0 || visit_built(c, f, p, sc) < 0)
            return -1;
        return visit_reference(c, f, p, sc);
    case K_SUBSCRIPT:
        if (visit_subscript(c, f, p, sc) < 0 || visit_built(c, f, p, sc) < 0)
            return -1;
        return visit_reference(c, f, p, sc);
    case K_CONCATENATED_STRING: {
        strval s;
        if (!string_value(c, n, &s)) /* f-string parts: each literal part on its own */
            return visit_concatenated_fstring_parts(c, f) < 0 ? -1 : 0;
        return visit_string(c, f, p, &s) < 0 ? -1 : 0;
    }
    case K_STRING:
        /* a plain literal's children hold nothing more to see; on replay,
         * the first pass already left them out */
        if (visit_string(c, f, p, NULL) < 0 || annotation_call(c, f, p) < 0 || visit_pattern_key(c, f, p) < 0)
            return -1;
        if (!string_has_code(c, n))
            return c->replaying ? 0 : 1;
        return visit_built(c, f, p, sc);
    case K_BINARY_OPERATOR: return visit_built(c, f, p, sc);
    case K_RETURN: return visit_return(c, f, sc);
    case K_EXEC_STATEMENT:
        return parse_error(c, n, "Python 2 exec statement: not valid Python 3") < 0 ? -1 : 0;
    case K_PRINT_STATEMENT:
        return parse_error(c, n, "Python 2 print statement: not valid Python 3") < 0 ? -1 : 0;
    case K_FUTURE_IMPORT_STATEMENT:
    case K_IMPORT_STATEMENT:
    case K_IMPORT_FROM_STATEMENT: return visit_import(c, f) < 0 ? -1 : 0;
    case K_IDENTIFIER: return visit_identifier(c, f, p, sc);
    case K_KEYWORD_PATTERN: return visit_pattern_key(c, f, p);
    default: return (f->flags & NF_COMPREHENSION) && c->eng->nstrings ? visit_comp_helper(c, f, sc) : 0;
    }
}

int walk_tree(ctx *c)
{
    c->next_scope = 0;
    return replay(c, visit);
}
