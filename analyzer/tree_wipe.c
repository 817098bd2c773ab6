/* Files deleted, overwritten, renamed or opened up one by one while
 * walking the home directory or the whole filesystem: ransomware (encrypt,
 * then remove or rename the original), wipers and chmod -R 777 ~ written as
 * loops, which no single call shows. The path the call gets is followed
 * through the names it is built from (path = os.path.join(dirpath, name)),
 * the parameters it is passed in and the generators that yield it, to a
 * loop over a walk (for dirpath, _, files in os.walk(root)), and the walk's
 * root the same way to "~", "/" or $HOME. */
#include "internal.h"

#include <string.h>

enum { FOLLOW_DEPTH = 6, BUDGET = 512 };

static bool qual_in(const vals *v, const char *const *quals)
{
    for (int i = 0; i < v->n; i++)
        for (const char *const *q = quals; *q; q++)
            if (v->v[i].qual && !strcmp(v->v[i].qual, *q))
                return true;
    return false;
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

static bool is_call(TSNode n)
{
    n = unparen(n);
    return !ts_node_is_null(n) && ts_node_symbol(n) == syms.call;
}

/* The def a call calls, when its callee is a name bound once to one. */
static binding *called_def(ctx *c, TSNode call, scope *sc)
{
    binding *b = sole_def(c, node_field(call, c->f_function), sc);
    return b && !b->busy && b->value_scope ? b : NULL;
}

/* What is asked of the values followed: home_or_root or from_walk. */
typedef bool (*step_fn)(ctx *c, TSNode e, scope *sc, int depth, int *budget);

typedef struct follow {
    ctx *c;
    scope *sc;
    int depth, *budget;
    step_fn step; /* asked of each call's argument or each result, one step deeper */
    bool hit;
} follow;

static bool follow_arg(void *p, TSNode arg, scope *asc)
{
    follow *f = p;
    return f->step(f->c, arg, asc, f->depth + 1, f->budget);
}

static bool follow_result(void *p, TSNode v)
{
    follow *f = p;
    f->hit = f->step(f->c, v, f->sc, f->depth + 1, f->budget);
    return !f->hit; /* stop at the first hit */
}

/* Does step hold for something def d returns or yields (looked at in the
 * def's own scope)? */
static bool def_results(ctx *c, binding *d, step_fn step, int depth, int *budget)
{
    TSNode body = node_field(d->value, c->f_body);
    if (ts_node_is_null(body))
        return false;
    follow f = {c, d->value_scope, depth, budget, step, false};
    d->busy = true;
    each_result(body, 2048, follow_result, &f);
    d->busy = false;
    return f.hit;
}

/* Does step hold for a value name is bound to (an assignment, or what a
 * loop over it gives) in the nearest scope that binds it, one step deeper?
 * *where (when given): that scope, or NULL when none binds it. */
static bool bound_value_holds(ctx *c, const char *name, scope *sc, step_fn step, int depth, int *budget,
                              scope **where)
{
    if (where)
        *where = NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        if (where)
            *where = x;
        bool hit = false;
        for (binding *b = nb->list; b && !hit; b = b->next)
            if ((b->kind == BIND_ALIAS || b->kind == BIND_PART) && !ts_node_is_null(b->value) && !b->busy) {
                b->busy = true;
                hit = step(c, b->value, b->value_scope ? b->value_scope : x, depth + 1, budget);
                b->busy = false;
            }
        return hit;
    }
    return false;
}

/* A directory where the machine keeps its services' data (databases, web
 * roots, mail: the root or one service's directory in it, /var/lib/mysql,
 * not /var/lib/app/cache) or a user's home named by its path (/home/alice):
 * not a program's own working tree. */
static bool system_data(const strval *s)
{
    static const char *const data[] = {"/var/lib", "/var/www", "/srv", "/var/opt", "/var/mail", NULL};
    for (const char *const *d = data; *d; d++) {
        size_t n = strlen(*d);
        if (s->len >= n && !memcmp(s->s, *d, n) &&
            (s->len == n || (s->s[n] == '/' && !memchr(s->s + n + 1, '/', s->len - n - 1))))
            return true;
    }
    static const char *const homes[] = {"/home/", "/Users/", NULL};
    for (const char *const *h = homes; *h; h++) {
        size_t n = strlen(*h);
        if (s->len > n && !memcmp(s->s, *h, n) && !memchr(s->s + n, '/', s->len - n))
            return true;
    }
    return false;
}

/* The name of one of the folders a desktop keeps the user's own files in,
 * directly in the home directory (Documents, Pictures): what a wiper goes
 * for. */
static bool user_folder(const char *name, size_t len)
{
    static const char *const dirs[] = {"Documents", "Desktop", "Pictures", "Photos",   "Downloads", "Music",
                                       "Videos",    "Movies",  "Dropbox",  "OneDrive", NULL};
    for (const char *const *d = dirs; *d; d++)
        if (len == strlen(*d) && !memcmp(name, *d, len))
            return true;
    return false;
}

/* That folder as a path: ~/Documents */
static bool user_files(const strval *s)
{
    return s->len >= 3 && !memcmp(s->s, "~/", 2) && user_folder(s->s + 2, s->len - 2);
}

/* A git repository's own store (.git, .git/objects, .git/refs): files
 * there changed one by one corrupt the repository and its history. */
static bool git_store(const strval *s)
{
    static const char *const ends[] = {".git", ".git/objects", ".git/refs", NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t n = strlen(*e);
        if (s->len >= n && !memcmp(s->s + s->len - n, *e, n) && (s->len == n || s->s[s->len - n - 1] == '/'))
            return true;
    }
    return false;
}

static bool home_or_root(ctx *c, TSNode root, scope *sc, int depth, int *budget);

/* home / sub or os.path.join(home, sub) where sub is, or a loop gives it,
 * one of the user's own folders ("Pic" + "tures" in a list of them): the
 * left side as home_or_root finds it, a parameter given Path.home() too. */
static bool home_joined_folder(ctx *c, TSNode root, scope *sc, int depth, int *budget)
{
    TSNode l = {0}, r = {0};
    if (ts_node_symbol(root) == syms.binary_operator && node_is(node_field(root, syms.operator_), "/")) {
        l = node_field(root, c->f_left);
        r = node_field(root, c->f_right);
    } else if (ts_node_symbol(root) == syms.call) {
        const char *m = callee_last_name(c, root, NULL);
        TSNode args = node_field(root, c->f_arguments);
        if (!m || strcmp(m, "join") || ts_node_is_null(args) || ts_node_named_child_count(args) != 2)
            return false;
        l = call_arg(args, 0);
        r = call_arg(args, 1);
    }
    if (ts_node_is_null(l) || ts_node_is_null(r))
        return false;
    strval ch[VALS_MAX];
    int n = fold_choices(c, r, sc, ch, VALS_MAX);
    bool folder = false;
    for (int i = 0; i < n && !folder; i++) {
        size_t len = ch[i].len;
        while (len > 1 && ch[i].s[len - 1] == '/')
            len--;
        folder = user_folder(ch[i].s, len);
    }
    return folder && home_or_root(c, l, sc, depth + 1, budget);
}

/* Is root (an expression) the home directory or a top-level directory?
 * What it folds to ("~" for expanduser("~") and Path.home()), $HOME, either
 * side of `or`, any item of a list or tuple (what a loop over it gives),
 * what a name is bound to or iterates over, what a def of the program
 * returns or yields, or what any call passes for a parameter. */
static bool home_or_root(ctx *c, TSNode root, scope *sc, int depth, int *budget)
{
    root = unparen(root);
    if (ts_node_is_null(root) || depth > 6 || --*budget < 0)
        return false;
    strval s;
    if (fold_text(c, root, sc, &s)) { /* root or os.path.expanduser("~"): "~" */
        while (s.len > 1 && (s.s[s.len - 1] == '/' || s.s[s.len - 1] == '*'))
            s.len--;
        static const char *const tops[] = {"~", "/", "/home", "/root", "/Users", "$HOME", "C:", "C:\\", NULL};
        for (const char *const *t = tops; *t; t++)
            if (s.len == strlen(*t) && !memcmp(s.s, *t, s.len))
                return true;
        if (!c->walk_home_only && (system_data(&s) || user_files(&s) || git_store(&s)))
            return true;
        /* "~/?": a part not known, which may be one of the user's folders */
        if (!memchr(s.s, '?', s.len))
            return false;
    }
    if (home_env(c, root))
        return true;
    TSSymbol t = ts_node_symbol(root);
    if (t == syms.boolean_operator)
        return home_or_root(c, node_field(root, c->f_left), sc, depth + 1, budget) ||
               home_or_root(c, node_field(root, c->f_right), sc, depth + 1, budget);
    if (t == syms.list || t == syms.tuple || t == syms.set) {
        uint32_t n = ts_node_named_child_count(root);
        for (uint32_t i = 0; i < n && i < 32; i++)
            if (home_or_root(c, ts_node_named_child(root, i), sc, depth + 1, budget))
                return true;
        return false;
    }
    /* [Path.home() / d for d in FOLDERS]: what each item is, in its own scope */
    const char *tn = ts_node_type(root);
    if (!strcmp(tn, "list_comprehension") || !strcmp(tn, "set_comprehension") ||
        !strcmp(tn, "generator_expression")) {
        scope *cs = scope_of_node(c, root);
        TSNode body = node_field(root, c->f_body);
        return cs && !ts_node_is_null(body) && home_or_root(c, body, cs, depth + 1, budget);
    }
    if ((t == syms.binary_operator || t == syms.call) && !c->walk_home_only &&
        home_joined_folder(c, root, sc, depth, budget))
        return true;
    if (t == syms.call) {
        binding *d = called_def(c, root, sc);
        return d && def_results(c, d, home_or_root, depth, budget);
    }
    if (t != syms.identifier)
        return false;
    const char *name = ident_name(c, root);
    scope *x = NULL;
    if (bound_value_holds(c, name, sc, home_or_root, depth, budget, &x))
        return true;
    follow f = {c, x, depth, budget, home_or_root, false};
    return x && param_any_arg(c, x, name, follow_arg, &f, budget);
}

/* Does a glob pattern start at the home directory's files or at "/": "~/"
 * then anything but the home's cache directory (~/.cache/app/... is a
 * program's own), "." and empty parts skipped and ".." (every home) a
 * hit; the root's or /home's entries. */
static bool home_pattern(const strval *s)
{
    if (s->len >= 2 && !memcmp(s->s, "/*", 2))
        return true;
    if (s->len >= 7 && !memcmp(s->s, "/home/*", 7))
        return true;
    if (s->len < 2 || memcmp(s->s, "~/", 2))
        return false;
    const char *p = s->s + 2, *end = s->s + s->len;
    for (;;) {
        while (p < end && *p == '/')
            p++;
        const char *slash = memchr(p, '/', (size_t)(end - p));
        size_t n = slash ? (size_t)(slash - p) : (size_t)(end - p);
        if (n == 1 && *p == '.' && slash) {
            p = slash;
            continue;
        }
        return !(n == 6 && !memcmp(p, ".cache", 6) && slash);
    }
}

/* ... and not only one folder of it: its first part after "~/" has a
 * wildcard in it (any pattern from "/" does), where "~/Downloads/" and
 * what follows does not */
static bool home_wide(const strval *s)
{
    if (s->len < 2 || memcmp(s->s, "~/", 2))
        return true;
    const char *p = s->s + 2, *end = s->s + s->len;
    while (p + 1 < end && p[0] == '.' && p[1] == '/')
        p += 2;
    const char *slash = memchr(p, '/', (size_t)(end - p));
    return memchr(p, '*', (size_t)((slash ? slash : end) - p)) != NULL;
}

/* A glob pattern under the home directory or "/": what it folds to, or,
 * when it does not, any value of the names it is (for pattern in PATTERNS:
 * glob.glob(os.path.expanduser(pattern))). */
static bool home_glob(ctx *c, TSNode p, scope *sc, int depth, int *budget)
{
    p = unparen(p);
    if (ts_node_is_null(p) || depth > 4 || --*budget < 0)
        return false;
    strval s;
    if (fold_text(c, p, sc, &s))
        return home_pattern(&s) && (!c->walk_home_only || home_wide(&s));
    TSSymbol t = ts_node_symbol(p);
    if (t == syms.call) { /* os.path.expanduser(pattern) */
        TSNode recv, args = node_field(p, c->f_arguments);
        const char *m = callee_last_name(c, p, &recv);
        return m && !strcmp(m, "expanduser") && !ts_node_is_null(args) &&
               home_glob(c, call_arg(args, 0), sc, depth + 1, budget);
    }
    if (t == syms.list || t == syms.tuple || t == syms.set) {
        uint32_t n = ts_node_named_child_count(p);
        for (uint32_t i = 0; i < n && i < 256; i++)
            if (home_glob(c, ts_node_named_child(p, i), sc, depth + 1, budget))
                return true;
        return false;
    }
    return t == syms.identifier && bound_value_holds(c, ident_name(c, p), sc, home_glob, depth, budget, NULL);
}

/* Is v a walk of the home directory or the filesystem: os.walk(root),
 * os.scandir(root), os.listdir(root), glob.glob of a pattern under "~/" or
 * "/", Path(root).rglob(...), Path.home().glob(...)? */
static bool walks_home(ctx *c, TSNode v, scope *sc, int *budget)
{
    v = unparen(v);
    if (ts_node_is_null(v) || ts_node_symbol(v) != syms.call)
        return false;
    TSNode recv;
    const char *m = callee_last_name(c, v, &recv);
    if (!m)
        return false;
    TSNode args = node_field(v, c->f_arguments);
    TSNode a0 = ts_node_is_null(args) ? args : call_arg(args, 0);
    bool module_fn =
        !strcmp(m, "walk") || !strcmp(m, "scandir") || !strcmp(m, "listdir") || !strcmp(m, "fwalk");
    if (module_fn)
        return !ts_node_is_null(a0) && home_or_root(c, a0, sc, 0, budget);
    if (!strcmp(m, "glob") || !strcmp(m, "iglob")) {
        if (ts_node_is_null(recv) || ts_node_symbol(recv) == syms.identifier) {
            /* glob.glob(pattern): where the pattern starts */
            if (home_glob(c, a0, sc, 0, budget))
                return true;
        }
    }
    if (!strcmp(m, "rglob") || !strcmp(m, "glob") || !strcmp(m, "iterdir") || !strcmp(m, "walk")) {
        /* a path object's method: its receiver, Path(root) or a name bound to one */
        if (ts_node_is_null(recv))
            return false;
        if (ts_node_symbol(recv) == syms.call) {
            TSNode r2;
            const char *ctor = callee_last_name(c, recv, &r2);
            TSNode rargs = node_field(recv, c->f_arguments);
            if (ctor && !strcmp(ctor, "home"))
                return true;
            if (ctor && (!strcmp(ctor, "Path") || !strcmp(ctor, "PosixPath")) && !ts_node_is_null(rargs))
                return home_or_root(c, call_arg(rargs, 0), sc, 0, budget);
            return false;
        }
        return home_or_root(c, recv, sc, 0, budget);
    }
    return false;
}

bool walks_home_dir(ctx *c, TSNode v, scope *sc, bool home_only)
{
    int budget = BUDGET;
    c->walk_home_only = home_only;
    bool hit = walks_home(c, v, sc, &budget);
    c->walk_home_only = false;
    return hit;
}

static bool from_walk(ctx *c, TSNode e, scope *sc, int depth, int *budget);

static bool name_from_walk(void *p, TSNode id)
{
    follow *f = p;
    ctx *c = f->c;
    const char *name = ident_name(c, id);
    if (f->depth + 1 >= FOLLOW_DEPTH)
        return false;
    for (scope *x = f->sc; name && x; x = x->parent) {
        namebind *nb = pc_strmap_get(&x->names, name);
        if (!nb)
            continue;
        for (binding *b = nb->list; b && *f->budget > 0; b = b->next) {
            if ((b->kind != BIND_PART && b->kind != BIND_ALIAS) || ts_node_is_null(b->value) || b->busy)
                continue;
            scope *vs = b->value_scope ? b->value_scope : x;
            if (b->kind == BIND_PART && walks_home(c, b->value, vs, f->budget))
                return true;
            b->busy = true;
            bool hit = from_walk(c, b->value, vs, f->depth + 1, f->budget);
            if (!hit && b->kind == BIND_PART && is_call(b->value)) {
                /* for p in targets(home): what the generator yields */
                binding *d = called_def(c, unparen(b->value), vs);
                hit = d && def_results(c, d, from_walk, f->depth, f->budget);
            }
            b->busy = false;
            if (hit)
                return true;
        }
        follow g = {c, x, f->depth, f->budget, from_walk, false}; /* a parameter: what the calls pass */
        return param_any_arg(c, x, name, follow_arg, &g, f->budget);
    }
    return false;
}

/* Does expression e (a path) come from a loop over a walk of home or /? */
static bool from_walk(ctx *c, TSNode e, scope *sc, int depth, int *budget)
{
    e = unparen(e);
    if (walks_home(c, e, sc, budget)) /* for p in Path.home().rglob("*"): p.unlink() */
        return true;
    if (ts_node_is_null(e) || depth >= FOLLOW_DEPTH)
        return false;
    const char *t = ts_node_type(e);
    if (strstr(t, "comprehension") || !strcmp(t, "generator_expression")) {
        /* [p for p in Path(root).rglob("*")]: its names are bound in its own scope */
        scope *cs = scope_of_node(c, e);
        if (cs)
            sc = cs;
    } else if (is_call(e)) { /* targets(home): what the def returns or yields */
        binding *d = called_def(c, e, sc);
        if (d && def_results(c, d, from_walk, depth, budget))
            return true;
    }
    follow f = {c, sc, depth, budget, from_walk, false};
    return find_identifier(e, 0, budget, name_from_walk, &f);
}

/* open(P, "wb"), open(P, "r+b"): opened to be overwritten (appending is not) */
static bool opens_to_overwrite(ctx *c, TSNode args, scope *sc)
{
    TSNode mode = call_arg(args, 1);
    if (ts_node_is_null(mode)) {
        uint32_t n = ts_node_named_child_count(args);
        for (uint32_t i = 0; i < n && i < 16 && ts_node_is_null(mode); i++) {
            TSNode kw = ts_node_named_child(args, i);
            TSNode k = node_is(kw, "keyword_argument") ? node_field(kw, c->f_name) : (TSNode){0};
            const char *kn = ts_node_is_null(k) ? NULL : ident_name(c, k);
            if (kn && !strcmp(kn, "mode"))
                mode = node_field(kw, c->f_value);
        }
    }
    strval m;
    return !ts_node_is_null(mode) && fold_string(c, mode, sc, 0, &m) &&
           (memchr(m.s, 'w', m.len) || memchr(m.s, '+', m.len));
}

/* The last part of path expression p: R in A / R, os.path.join(A, R),
 * A.joinpath(R); what a name bound once to one of them ends with. */
static TSNode last_part(ctx *c, TSNode p, scope *sc, int depth)
{
    p = unparen(p);
    if (ts_node_is_null(p) || depth > 3)
        return (TSNode){0};
    TSSymbol t = ts_node_symbol(p);
    if (t == syms.binary_operator && node_is(node_field(p, syms.operator_), "/"))
        return unparen(node_field(p, c->f_right));
    if (t == syms.call) {
        const char *m = callee_last_name(c, p, NULL);
        TSNode args = node_field(p, c->f_arguments);
        uint32_t n = node_is(args, "argument_list") ? ts_node_named_child_count(args) : 0;
        if (m && (!strcmp(m, "join") || !strcmp(m, "joinpath")) && n >= 1)
            return unparen(ts_node_named_child(args, n - 1));
        /* str(p), Path(p), a helper of the program given the path first
         * (unique_destination(folder / item.name)) */
        bool wrap =
            m && (!strcmp(m, "str") || !strcmp(m, "Path") || !strcmp(m, "fspath") || called_def(c, p, sc));
        return wrap && n >= 1 ? last_part(c, ts_node_named_child(args, 0), sc, depth + 1) : (TSNode){0};
    }
    binding *b = t == syms.identifier ? sole_binding(ident_name(c, p), sc, BIND_ALIAS) : NULL;
    return b && !b->busy ? last_part(c, b->value, b->value_scope ? b->value_scope : sc, depth + 1)
                         : (TSNode){0};
}

/* Does a move to dst keep the name of the file src (dst's last part
 * src.name, os.path.basename(...), or the name src's own path ends with:
 * os.path.join(root, f) to os.path.join(dest, f))? Sorting files into
 * folders keeps their names; ransomware renames them (path + ".locked"). */
static bool keeps_name(ctx *c, TSNode src, TSNode dst, scope *sc)
{
    TSNode r = last_part(c, dst, sc, 0);
    if (ts_node_is_null(r))
        return false;
    if (ts_node_symbol(r) == syms.attribute) {
        const char *a = ident_name(c, node_field(r, c->f_attribute));
        return a && !strcmp(a, "name");
    }
    if (ts_node_symbol(r) == syms.call) {
        const char *m = callee_last_name(c, r, NULL);
        return m && !strcmp(m, "basename");
    }
    TSNode l = last_part(c, src, sc, 0);
    uint32_t rs = ts_node_start_byte(r), re = ts_node_end_byte(r);
    return ts_node_symbol(r) == syms.identifier && !ts_node_is_null(l) &&
           ts_node_symbol(l) == syms.identifier && ts_node_end_byte(l) - ts_node_start_byte(l) == re - rs &&
           !memcmp(c->text + ts_node_start_byte(l), c->text + rs, re - rs);
}

/* What call does to the file it names (NULL: nothing this check is about),
 * and in *target the path expression. */
static const char *file_change(ctx *c, TSNode call, const vals *callee, scope *sc, TSNode *target)
{
    static const char *const deleters[] = {"os.remove",    "os.unlink",   "os.rmdir",      "posix.remove",
                                           "posix.unlink", "posix.rmdir", "shutil.rmtree", NULL};
    static const char *const truncaters[] = {"os.truncate", "posix.truncate", NULL};
    static const char *const movers[] = {"shutil.move",  "os.rename",     "os.replace",
                                         "posix.rename", "posix.replace", NULL};
    static const char *const modes[] = {"os.chmod",    "os.lchmod",   "os.chown",     "os.lchown",
                                        "posix.chmod", "posix.chown", "shutil.chown", NULL};
    static const char *const openers[] = {"builtins.open", "io.open", "codecs.open", NULL};
    TSNode args = node_field(call, c->f_arguments);
    if (ts_node_is_null(args) || !node_is(args, "argument_list"))
        return NULL;
    *target = call_arg(args, 0);
    if (qual_in(callee, deleters))
        return "deleted";
    if (qual_in(callee, truncaters))
        return "truncated";
    if (qual_in(callee, movers))
        return keeps_name(c, *target, call_arg(args, 1), sc) ? NULL : "moved";
    if (qual_in(callee, modes))
        return "given new permissions or owner";
    if (qual_in(callee, openers)) {
        /* the walked file itself, not a new one beside it (path + ".locked") */
        TSNode t = unparen(*target);
        bool built = ts_node_is_null(t) || ts_node_symbol(t) == syms.binary_operator ||
                     ts_node_symbol(t) == syms.string;
        return !built && opens_to_overwrite(c, args, sc) ? "opened to be overwritten" : NULL;
    }
    if (callee->n && !callee->unknown && !callee->local)
        return NULL;
    /* a path object's method: p.unlink(), p.write_bytes(encrypted),
     * p.rename(p.with_suffix(".locked")), p.chmod(0o777) */
    TSNode recv;
    const char *m = callee_last_name(c, call, &recv);
    *target = recv;
    if (!m || ts_node_is_null(recv))
        return NULL;
    uint32_t nargs = ts_node_named_child_count(args);
    if (!strcmp(m, "unlink") || !strcmp(m, "rmtree") || !strcmp(m, "rmdir"))
        return "deleted";
    if (!strcmp(m, "write_bytes") || !strcmp(m, "write_text"))
        return "overwritten";
    /* one argument: str.replace(old, new) takes two */
    if ((!strcmp(m, "rename") || !strcmp(m, "replace")) && nargs == 1)
        return keeps_name(c, recv, call_arg(args, 0), sc) ? NULL : "moved";
    if ((!strcmp(m, "chmod") || !strcmp(m, "lchmod")) && nargs == 1)
        return "given new permissions";
    return NULL;
}

int check_tree_wipe(ctx *c, TSNode call, const vals *callee, scope *sc)
{
    if (!(c->eng->syntax_kinds & PC_SYN_TREE_WIPE))
        return 0;
    TSNode target = {0};
    const char *what = file_change(c, call, callee, sc, &target);
    if (!what || ts_node_is_null(target))
        return 0;
    int budget = BUDGET;
    if (!from_walk(c, target, sc, 0, &budget))
        return 0;
    return match_syntax(
        c, call, PC_SYN_TREE_WIPE,
        pc_arena_printf(
            c->a,
            "a file of a walk over the home directory, the whole filesystem or a system data directory %s",
            what));
}
