/* A payload-looking string that the program only hands to a parser:
 * safe_eval("__import__('os').getcwd()") where safe_eval(expr) does
 * nothing with expr but ast.parse(expr), len(expr), comparisons and error
 * messages. Tests that an evaluator rejects a payload are the usual case.
 * Whatever could run the text (eval, exec, compile, a shell) is a finding
 * of its own wherever it is; what this guards is the string itself being
 * sent on, so any other use of the parameter keeps the finding. */
#include "internal.h"

#include <string.h>

enum { BODY_NODES = 4096, MAX_DEPTH = 128, MAX_SCOPES = 4096 };
/* the walks of the file for lists of test inputs, in all, are bounded:
 * past that, the findings stay */
enum { FILE_NODES = 1 << 20, WALK_NODES = 1 << 16 };

/* Calls a use of the parameter may be an argument of: they parse, measure
 * or show the text and run none of it. */
static bool reader(const vals *v, bool *parses)
{
    static const char *const parsers[] = {"ast.parse", "ast.literal_eval"};
    static const char *const others[] = {"builtins.len",   "builtins.isinstance", "builtins.repr",
                                         "builtins.print", "builtins.type",       "builtins.str"};
    if (v->n != 1 || v->unknown || v->local || !v->v[0].qual)
        return false;
    if (str_listed(v->v[0].qual, parsers, 2))
        return *parses = true;
    return str_listed(v->v[0].qual, others, sizeof others / sizeof *others);
}

/* Methods of str whose result is still the text (expr.strip()). */
static bool text_method(const char *m)
{
    static const char *const names[] = {"strip",    "lstrip",       "rstrip",       "lower",     "upper",
                                        "casefold", "removeprefix", "removesuffix", "expandtabs"};
    return m && str_listed(m, names, sizeof names / sizeof *names);
}

static const char *param_for(ctx *c, scope *fs, TSNode args, TSNode arg, TSNode key, bool self);
static bool uses_only_parsed(ctx *c, TSNode body, scope *fs, const char *name, const char *attr, bool own,
                             bool *parses);
static bool self_attr(ctx *c, TSNode n, const char *attr);
typedef bool (*mention_fn)(ctx *c, TSNode id, void *ud);
static bool each_mention(ctx *c, const char *name, TSNode skip, mention_fn fn, void *ud);
static bool in_body(ctx *c, TSNode id, void *ud);

/* up[0] is the parent of the use, up[1] its parent and so on (n of them,
 * ending at the def's body): is the use harmless? */
static bool own_parser_call(ctx *c, TSNode call, TSNode arg, scope *sc);

/* self.X = text in a method: every other mention of self.X in the class's
 * methods is harmless (ast.parse(self.source)), and the same for parses. */
static bool stored_only_parsed(ctx *c, TSNode assign, TSNode value, scope *fs, bool *parses)
{
    TSNode left = node_field(assign, c->f_left);
    TSNode obj = ts_node_symbol(left) == syms.attribute ? node_field(left, c->f_object) : (TSNode){0};
    const char *self = ts_node_symbol(obj) == syms.identifier ? ident_name(c, obj) : NULL;
    const char *attr = self ? ident_name(c, node_field(left, c->f_attribute)) : NULL;
    scope *cls = fs ? fs->parent : NULL;
    if (!attr || strcmp(self, "self") || !ts_node_eq(node_field(assign, c->f_right), value) || !cls ||
        cls->kind != SCOPE_CLASS || ts_node_is_null(cls->node) || c->listed.in_attr)
        return false;
    /* read from outside the class (calc.source), or by reflection: kept */
    static const char *const reflect[] = {"getattr", "__dict__",     "attrgetter", "asdict",
                                          "astuple", "__getstate__", "__reduce"};
    if (text_mentions(c, reflect, sizeof reflect / sizeof *reflect))
        return false;
    TSNode class_node = cls->node;
    if (!each_mention(c, attr, (TSNode){0}, in_body, &class_node))
        return false;
    c->listed.in_attr = true; /* one level: self.Y = self.X is not followed */
    bool ok = uses_only_parsed(c, node_field(cls->node, c->f_body), fs, NULL, attr, false, parses);
    c->listed.in_attr = false;
    return ok;
}

/* own: a call of the program's own parse-only def counts too (in a loop
 * over test inputs; never inside such a def: one level only) */
static bool use_ok(ctx *c, TSNode use, const TSNode *up, int n, scope *fs, bool own, bool *parses)
{
    TSNode node = use;
    for (int i = 0; i < n; i++) {
        TSNode p = up[i];
        TSSymbol t = ts_node_symbol(p);
        const char *type = ts_node_type(p);
        if (t == syms.parenthesized_expression || t == syms.interpolation || t == syms.string ||
            t == syms.concatenated_string || t == syms.binary_operator || t == syms.keyword_argument) {
            node = p;
            continue;
        }
        if (t == syms.attribute) { /* expr.strip(): the call's value is the text again */
            TSNode call = i + 1 < n ? up[i + 1] : (TSNode){0};
            if (!ts_node_eq(node_field(p, c->f_object), node) || ts_node_is_null(call) ||
                ts_node_symbol(call) != syms.call ||
                !text_method(ident_name(c, node_field(p, c->f_attribute))))
                return false;
            node = call;
            i++;
            continue;
        }
        if (!strcmp(type, "comparison_operator") || !strcmp(type, "not_operator"))
            return true;
        if (!strcmp(type, "assignment")) /* self.source = source.strip() */
            return stored_only_parsed(c, p, node, fs, parses);
        if (!strcmp(type, "if_statement") || !strcmp(type, "elif_clause") ||
            !strcmp(type, "while_statement") || !strcmp(type, "assert_statement"))
            return ts_node_start_byte(node) < ts_node_end_byte(ts_node_named_child(p, 0)); /* the test */
        if (!strcmp(type, "argument_list")) {
            TSNode call = i + 1 < n ? up[i + 1] : (TSNode){0};
            if (ts_node_is_null(call) || ts_node_symbol(call) != syms.call)
                return false;
            /* raise CalcError(f"bad input: {expr}") */
            if (i + 2 < n && !strcmp(ts_node_type(up[i + 2]), "raise_statement"))
                return true;
            vals v = {0};
            resolve_expr(c, node_field(call, c->f_function), fs, 0, &v);
            if (reader(&v, parses))
                return true;
            if (own && ts_node_eq(node, use) && own_parser_call(c, call, use, fs))
                return *parses = true;
            return false;
        }
        return false;
    }
    return false;
}

/* Is n (its parent p) a use of the variable `name`, not x.name nor name=
 * in a call; or with attr, of self.attr other than where it is assigned? */
static bool is_use(ctx *c, TSNode n, TSNode p, const char *name, const char *attr)
{
    TSSymbol ps = ts_node_symbol(p);
    if (attr)
        return ts_node_symbol(n) == syms.attribute && self_attr(c, n, attr) &&
               !(ps == syms.assignment && ts_node_eq(node_field(p, c->f_left), n));
    if (ts_node_symbol(n) != syms.identifier ||
        (ps == syms.attribute && ts_node_eq(node_field(p, c->f_attribute), n)) ||
        (ps == syms.keyword_argument && ts_node_eq(node_field(p, c->f_name), n)))
        return false;
    const char *id = ident_name(c, n);
    return id && !strcmp(id, name);
}

/* Is every use of `name` (or, with attr, of self.attr other than where it
 * is assigned) in body harmless? *parses: one of them is a parse. fs: the
 * scope the uses are read in. */
static bool uses_only_parsed(ctx *c, TSNode body, scope *fs, const char *name, const char *attr, bool own,
                             bool *parses)
{
    if (ts_node_is_null(body))
        return false;
    TSNode up[MAX_DEPTH];
    int depth = 0, budget = BODY_NODES;
    bool ok = true;
    TSTreeCursor cur = ts_tree_cursor_new(body);
    up[depth++] = body;
    while (ok) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (--budget < 0) {
            ok = false;
            break;
        }
        if (depth > 1 && is_use(c, n, up[depth - 2], name, attr)) {
            /* up[depth-1] is n itself; its ancestors, nearest first */
            TSNode anc[MAX_DEPTH];
            int k = 0;
            for (int j = depth - 2; j >= 0; j--)
                anc[k++] = up[j];
            ok = use_ok(c, n, anc, k, fs, own, parses);
        }
        if (ts_tree_cursor_goto_first_child(&cur)) {
            if (depth == MAX_DEPTH) {
                ok = false;
                break;
            }
            up[depth++] = ts_tree_cursor_current_node(&cur);
            continue;
        }
        while (depth > 1 && !ts_tree_cursor_goto_next_sibling(&cur)) {
            ts_tree_cursor_goto_parent(&cur);
            depth--;
        }
        if (depth <= 1)
            break;
        up[depth - 1] = ts_tree_cursor_current_node(&cur);
    }
    ts_tree_cursor_delete(&cur);
    return ok;
}

/* Is n self.attr? */
static bool self_attr(ctx *c, TSNode n, const char *attr)
{
    TSNode obj = node_field(n, c->f_object);
    const char *o = ts_node_symbol(obj) == syms.identifier ? ident_name(c, obj) : NULL;
    const char *a = o ? ident_name(c, node_field(n, c->f_attribute)) : NULL;
    return a && !strcmp(o, "self") && !strcmp(a, attr);
}

static bool param_only_parsed(ctx *c, scope *fs, const char *name)
{
    bool parses = false;
    return uses_only_parsed(c, node_field(fs->node, c->f_body), fs, name, NULL, false, &parses) && parses;
}

/* Is recv an instance of the program's class cls: self or cls in a
 * method, Name(...) with Name the class, or a name bound once to that? (A
 * method of the same name on another object, jinja2's env.from_string,
 * is not the program's.) */
static bool receives(ctx *c, TSNode recv, scope *cls, scope *sc)
{
    TSNode cname = ts_node_is_null(cls->node) ? cls->node : node_field(cls->node, c->f_name);
    const char *want = ts_node_is_null(cname) ? NULL : ident_name(c, cname);
    for (int hop = 0; want && hop < 2 && !ts_node_is_null(recv); hop++) {
        if (ts_node_symbol(recv) == syms.call) {
            TSNode f = node_field(recv, c->f_function);
            const char *n = ts_node_symbol(f) == syms.identifier ? ident_name(c, f) : NULL;
            return n && !strcmp(n, want);
        }
        if (ts_node_symbol(recv) != syms.identifier)
            return false;
        const char *n = ident_name(c, recv);
        if (n && (!strcmp(n, "self") || !strcmp(n, "cls")))
            return hop == 0 && sc && sc->parent == cls;
        binding *b = n ? sole_binding(n, sc, BIND_ALIAS) : NULL;
        recv = b ? unparen(b->value) : (TSNode){0};
    }
    return false;
}

/* The def a call calls: a name bound once to a def, a class's __init__
 * for a name bound once to a class, or obj.m(...) where the program has
 * exactly one method m and obj is an instance of its class (receives).
 * *self: a method (its first parameter is not passed). */
static scope *called_scope(ctx *c, TSNode call, scope *sc, bool *self)
{
    TSNode fn = node_field(call, c->f_function);
    *self = false;
    if (ts_node_is_null(fn))
        return NULL;
    if (ts_node_symbol(fn) == syms.identifier) {
        binding *b = sole_def(c, fn, sc);
        if (b)
            return b->value_scope;
        /* Calc(text): the class's own __init__, defined once */
        b = sole_binding(ident_name(c, fn), sc, BIND_CLASS);
        scope *cls = b ? b->value_scope : NULL;
        namebind *nb = cls && cls->kind == SCOPE_CLASS ? pc_strmap_get(&cls->names, "__init__") : NULL;
        binding *init = nb && nb->list && !nb->list->next && nb->list->kind == BIND_DEF ? nb->list : NULL;
        *self = init != NULL;
        return init ? init->value_scope : NULL;
    }
    if (ts_node_symbol(fn) != syms.attribute)
        return NULL;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    scope *found = NULL;
    for (size_t i = 0; m && i < c->nscopes && i < MAX_SCOPES; i++) {
        scope *s = c->scopes[i];
        if (s->kind != SCOPE_FUNCTION || !s->parent || s->parent->kind != SCOPE_CLASS)
            continue;
        scope_params(c, s);
        if (s->fname && !strcmp(s->fname, m)) {
            if (found)
                return NULL;
            found = s;
        }
    }
    if (!found || !receives(c, node_field(fn, c->f_object), found->parent, sc))
        return NULL;
    *self = true;
    return found;
}

/* The parameter of def fs that argument arg (a keyword_argument when key
 * is set) of argument list args is passed for, or NULL. */
static const char *param_for(ctx *c, scope *fs, TSNode args, TSNode arg, TSNode key, bool self)
{
    if (!ts_node_is_null(key)) {
        const char *kn = ident_name(c, key);
        for (int i = 0; kn && i < fs->nparams; i++)
            if (!strcmp(fs->params[i], kn))
                return kn;
        return NULL;
    }
    if (ts_node_is_null(args) || ts_node_symbol(args) != syms.argument_list)
        return NULL;
    int idx = self;
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        if (ts_node_eq(a, arg))
            break;
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        if (t == syms.keyword_argument || t == syms.list_splat || t == syms.dictionary_splat)
            return NULL; /* a splat before it: its position is not known */
        idx++;
    }
    return idx < fs->kwonly_from && idx < fs->nparams ? fs->params[idx] : NULL;
}

/* Is arg (an argument of call, or the value of a keyword argument of it)
 * handed to a def of the program that only parses it (and measures or
 * shows it)? walked (when given) is charged for the def's body walk. */
static bool handed_to_parser(ctx *c, TSNode call, TSNode arg, scope *sc, uint32_t *walked)
{
    bool self;
    scope *fs = sc ? called_scope(c, call, sc, &self) : NULL;
    if (!fs || ts_node_is_null(fs->node))
        return false;
    scope_params(c, fs);
    TSNode key = {0}, a = arg, up = ts_node_parent(arg);
    if (!ts_node_is_null(up) && ts_node_symbol(up) == syms.keyword_argument) {
        key = node_field(up, c->f_name);
        a = up;
    }
    const char *param = param_for(c, fs, node_field(call, c->f_arguments), a, key, self);
    if (walked)
        *walked += BODY_NODES; /* at most a def body's walk */
    return param && param_only_parsed(c, fs, param);
}

/* In a loop over test inputs: the same, within the file's bound. */
static bool own_parser_call(ctx *c, TSNode call, TSNode arg, scope *sc)
{
    return c->listed.walked < FILE_NODES && handed_to_parser(c, call, arg, sc, &c->listed.walked);
}

typedef struct mention_walk {
    ctx *c;
    const char *name;
    TSNode skip;
    mention_fn fn;
    void *ud;
} mention_walk;

/* find_identifier's callback: true (stop) at a mention fn refuses, or at a
 * reflective lookup. */
static bool refused(void *p, TSNode id)
{
    static const char *const reflective[] = {"globals", "vars", "locals"};
    mention_walk *m = p;
    if (ts_node_eq(id, m->skip))
        return false;
    const char *n = ident_name(m->c, id);
    return n && (str_listed(n, reflective, sizeof reflective / sizeof *reflective) ||
                 (!strcmp(n, m->name) && !m->fn(m->c, id, m->ud)));
}

/* Each identifier of the file named `name` (but skip), in order, to fn, and
 * every reflective lookup (globals(), vars(), locals()) counts against it:
 * false when fn refuses one, when there is such a lookup, or when the walk
 * runs out of budget. */
static bool each_mention(ctx *c, const char *name, TSNode skip, mention_fn fn, void *ud)
{
    if (c->listed.walked >= FILE_NODES)
        return false;
    mention_walk m = {c, name, skip, fn, ud};
    int budget = WALK_NODES;
    bool stopped = find_identifier(ts_tree_root_node(c->tree), 0, &budget, refused, &m);
    c->listed.walked += (uint32_t)(WALK_NODES - budget);
    return !stopped && budget > 0;
}

/* The loop variable is mentioned only in the loop's body. */
static bool in_body(ctx *c, TSNode id, void *ud)
{
    (void)c;
    return node_within(id, *(TSNode *)ud);
}

/* A for loop (without an else clause) whose variable, a plain name, is
 * only parsed in its body and named nowhere else in the file (not after
 * the loop, where it keeps its last value; not in a def that reads it). */
static bool loop_only_parses(ctx *c, TSNode loop)
{
    TSNode var = node_field(loop, c->f_left), body = node_field(loop, c->f_body);
    if (ts_node_is_null(var) || ts_node_symbol(var) != syms.identifier || ts_node_is_null(body))
        return false;
    uint32_t n = ts_node_child_count(loop);
    for (uint32_t i = 0; i < n; i++)
        if (node_is(ts_node_child(loop, i), "else_clause"))
            return false;
    const char *name = ident_name(c, var);
    scope *sc = scope_around(c, loop);
    bool parses = false;
    return name && sc && each_mention(c, name, var, in_body, &body) &&
           uses_only_parsed(c, body, sc, name, NULL, true, &parses) && parses;
}

/* Each other mention of a list's name is the iterable of such a loop. */
static bool loop_over(ctx *c, TSNode id, void *ud)
{
    TSNode p = ts_node_parent(id);
    if (ts_node_is_null(p) || !node_is(p, "for_statement") || !ts_node_eq(node_field(p, c->f_right), id) ||
        !loop_only_parses(c, p))
        return false;
    ++*(int *)ud;
    return true;
}

/* Test inputs in a list: `for expr in ["2+2", "__import__('os')"]:` or
 * `CASES = [...]` (one name, bound once) and `for expr in CASES:`, each loop
 * only parsing its variable, and the list's name used for nothing else. */
static bool listed_only_parsed(ctx *c, TSNode display)
{
    TSNode up = ts_node_parent(display);
    if (ts_node_is_null(up))
        return false;
    if (node_is(up, "for_statement"))
        return ts_node_eq(node_field(up, c->f_right), display) && loop_only_parses(c, up);
    if (!node_is(up, "assignment") || !ts_node_eq(node_field(up, c->f_right), display))
        return false;
    TSNode outer = ts_node_parent(up); /* A = B = [...] binds two names */
    if (ts_node_is_null(outer) || node_is(outer, "assignment"))
        return false;
    TSNode left = node_field(up, c->f_left);
    const char *name = ts_node_symbol(left) == syms.identifier ? ident_name(c, left) : NULL;
    int loops = 0;
    return name && each_mention(c, name, left, loop_over, &loops) && loops > 0;
}

bool string_only_parsed(ctx *c, TSNode str)
{
    TSNode holder = ts_node_parent(str);
    if (!ts_node_is_null(holder) &&
        (node_is(holder, "list") || node_is(holder, "tuple") || node_is(holder, "set"))) {
        /* the items of one list share the answer (and its walk of the file) */
        if (!c->listed.set || !ts_node_eq(c->listed.display, holder)) {
            c->listed.display = holder;
            c->listed.ok = listed_only_parsed(c, holder);
            c->listed.set = true;
        }
        return c->listed.ok;
    }
    TSNode args = ts_node_parent(str);
    if (!ts_node_is_null(args) && ts_node_symbol(args) == syms.keyword_argument)
        args = ts_node_parent(args);
    if (ts_node_is_null(args) || ts_node_symbol(args) != syms.argument_list)
        return false;
    TSNode call = ts_node_parent(args);
    if (ts_node_is_null(call) || ts_node_symbol(call) != syms.call)
        return false;
    return handed_to_parser(c, call, str, scope_around(c, call), NULL);
}
