/* Files deleted one by one while walking the home directory or the whole
 * filesystem: ransomware (encrypt, then remove the original) and wipers
 * written as loops, which no single call shows. The path a delete call
 * gets is followed through the names it is built from (path =
 * os.path.join(dirpath, name)) to a loop over a walk (for dirpath, _, files
 * in os.walk(root)), and the walk's root to "~", "/" or $HOME. */
#include "internal.h"

#include <string.h>

enum { FOLLOW_DEPTH = 4, BUDGET = 512 };

static bool qual_in(const vals *v, const char *const *quals)
{
    for (int i = 0; i < v->n; i++)
        for (const char *const *q = quals; *q; q++)
            if (v->v[i].qual && !strcmp(v->v[i].qual, *q))
                return true;
    return false;
}

/* The last name of a call's callee: walk in os.walk(...), rglob in p.rglob(...) */
static const char *last_name(ctx *c, TSNode call, TSNode *recv)
{
    TSNode fn = node_field(call, c->f_function);
    *recv = (TSNode){0};
    if (ts_node_is_null(fn))
        return NULL;
    if (ts_node_symbol(fn) == syms.attribute) {
        *recv = unparen(node_field(fn, c->f_object));
        fn = node_field(fn, c->f_attribute);
    }
    return ts_node_symbol(fn) == syms.identifier ? ident_name(c, fn) : NULL;
}

/* Is n, as written, $HOME read from the environment? */
static bool home_env(ctx *c, TSNode n)
{
    static const char *const forms[] = {
        "os.environ[\"HOME\"]",   "os.environ['HOME']",  "os.environ.get(\"HOME\")",
        "os.environ.get('HOME')", "os.getenv(\"HOME\")", "os.getenv('HOME')",
        "environ[\"HOME\"]",      "environ['HOME']",     NULL};
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e > c->len || e - s > 64)
        return false;
    for (const char *const *f = forms; *f; f++)
        if (strlen(*f) == e - s && !memcmp(c->text + s, *f, e - s))
            return true;
    return false;
}

/* Is root (an expression) the home directory or a top-level directory?
 * What it folds to ("~" for expanduser("~") and Path.home()), $HOME, either
 * side of `or`, or what a name bound once holds. */
static bool home_or_root(ctx *c, TSNode root, scope *sc, int depth)
{
    root = unparen(root);
    if (ts_node_is_null(root) || depth > 3)
        return false;
    strval s;
    bool was = c->text_folds;
    c->text_folds = true; /* root or os.path.expanduser("~"): "~" */
    bool folded = fold_string(c, root, sc, 0, &s);
    c->text_folds = was;
    if (folded) {
        while (s.len > 1 && (s.s[s.len - 1] == '/' || s.s[s.len - 1] == '*'))
            s.len--;
        static const char *const tops[] = {"~", "/", "/home", "/root", "/Users", "$HOME", "C:", "C:\\", NULL};
        for (const char *const *t = tops; *t; t++)
            if (s.len == strlen(*t) && !memcmp(s.s, *t, s.len))
                return true;
        return false;
    }
    if (home_env(c, root))
        return true;
    if (ts_node_symbol(root) == syms.boolean_operator)
        return home_or_root(c, node_field(root, c->f_left), sc, depth + 1) ||
               home_or_root(c, node_field(root, c->f_right), sc, depth + 1);
    if (ts_node_symbol(root) != syms.identifier)
        return false;
    const char *name = ident_name(c, root);
    for (scope *x = sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        bool hit = false;
        for (binding *b = nb->list; b && !hit; b = b->next)
            if (b->kind == BIND_ALIAS && !ts_node_is_null(b->value) && !b->busy) {
                b->busy = true;
                hit = home_or_root(c, b->value, b->value_scope ? b->value_scope : x, depth + 1);
                b->busy = false;
            }
        return hit;
    }
    return false;
}

/* Is v a walk of the home directory or the filesystem: os.walk(root),
 * os.scandir(root), os.listdir(root), glob.glob of a pattern under "~/" or
 * "/", Path(root).rglob(...), Path.home().glob(...)? */
static bool walks_home(ctx *c, TSNode v, scope *sc)
{
    v = unparen(v);
    if (ts_node_is_null(v) || ts_node_symbol(v) != syms.call)
        return false;
    TSNode recv;
    const char *m = last_name(c, v, &recv);
    if (!m)
        return false;
    TSNode args = node_field(v, c->f_arguments);
    TSNode a0 = ts_node_is_null(args) ? args : call_arg(args, 0);
    bool module_fn =
        !strcmp(m, "walk") || !strcmp(m, "scandir") || !strcmp(m, "listdir") || !strcmp(m, "fwalk");
    if (module_fn)
        return !ts_node_is_null(a0) && home_or_root(c, a0, sc, 0);
    if (!strcmp(m, "glob") || !strcmp(m, "iglob")) {
        if (ts_node_is_null(recv) || ts_node_symbol(recv) == syms.identifier) {
            /* glob.glob(pattern): where the pattern starts */
            strval s;
            bool was = c->text_folds;
            c->text_folds = true;
            bool ok = !ts_node_is_null(a0) && fold_string(c, a0, sc, 0, &s);
            c->text_folds = was;
            if (ok && (s.len >= 2 && (!memcmp(s.s, "~/", 2) || !memcmp(s.s, "/*", 2))))
                return true;
            if (ok && s.len >= 7 && !memcmp(s.s, "/home/*", 7))
                return true;
        }
    }
    if (!strcmp(m, "rglob") || !strcmp(m, "glob") || !strcmp(m, "iterdir") || !strcmp(m, "walk")) {
        /* a path object's method: its receiver, Path(root) or a name bound to one */
        if (ts_node_is_null(recv))
            return false;
        if (ts_node_symbol(recv) == syms.call) {
            TSNode r2;
            const char *ctor = last_name(c, recv, &r2);
            TSNode rargs = node_field(recv, c->f_arguments);
            if (ctor && !strcmp(ctor, "home"))
                return true;
            if (ctor && (!strcmp(ctor, "Path") || !strcmp(ctor, "PosixPath")) && !ts_node_is_null(rargs))
                return home_or_root(c, call_arg(rargs, 0), sc, 0);
            return false;
        }
        return home_or_root(c, recv, sc, 0);
    }
    return false;
}

typedef struct follow {
    ctx *c;
    scope *sc;
    int depth, *budget;
} follow;

static bool from_walk(ctx *c, TSNode e, scope *sc, int depth, int *budget);

static bool name_from_walk(void *p, TSNode id)
{
    follow *f = p;
    ctx *c = f->c;
    const char *name = ident_name(c, id);
    for (scope *x = f->sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        for (binding *b = nb->list; b && *f->budget > 0; b = b->next) {
            if ((b->kind != BIND_PART && b->kind != BIND_ALIAS) || ts_node_is_null(b->value) || b->busy)
                continue;
            scope *vs = b->value_scope ? b->value_scope : x;
            if (b->kind == BIND_PART && walks_home(c, b->value, vs))
                return true;
            b->busy = true;
            bool hit = f->depth + 1 < FOLLOW_DEPTH && from_walk(c, b->value, vs, f->depth + 1, f->budget);
            b->busy = false;
            if (hit)
                return true;
        }
        return false;
    }
    return false;
}

/* Does expression e (a path) come from a loop over a walk of home or /? */
static bool from_walk(ctx *c, TSNode e, scope *sc, int depth, int *budget)
{
    if (walks_home(c, e, sc)) /* for p in Path.home().rglob("*"): p.unlink() */
        return true;
    follow f = {c, sc, depth, budget};
    return find_identifier(e, 0, budget, name_from_walk, &f);
}

int check_tree_wipe(ctx *c, TSNode call, const vals *callee, scope *sc)
{
    static const char *const deleters[] = {
        "os.remove",    "os.unlink",    "os.truncate",    "shutil.rmtree", "os.rmdir",
        "posix.remove", "posix.unlink", "posix.truncate", "shutil.move",   NULL};
    if (!(c->eng->syntax_kinds & PC_SYN_TREE_WIPE))
        return 0;
    TSNode target = {0};
    if (qual_in(callee, deleters)) {
        TSNode args = node_field(call, c->f_arguments);
        target = ts_node_is_null(args) ? args : call_arg(args, 0);
    } else if (!callee->n || callee->unknown || callee->local) {
        TSNode recv;
        const char *m = last_name(c, call, &recv);
        if (m && (!strcmp(m, "unlink") || !strcmp(m, "rmtree") || !strcmp(m, "write_bytes")) &&
            !ts_node_is_null(recv))
            target = recv; /* p.unlink(), p.write_bytes(encrypted) */
    }
    if (ts_node_is_null(target))
        return 0;
    int budget = BUDGET;
    if (!from_walk(c, target, sc, 0, &budget))
        return 0;
    return match_syntax(
        c, call, PC_SYN_TREE_WIPE,
        "a file of a walk over the home directory or the whole filesystem deleted or overwritten");
}
