/* Which containers the program may change. A dict, list or tuple display
 * bound to a name is folded as constant (TABLE["key"], TABLE[k] as any of
 * its values, for x in TABLE) only while nothing can change what it holds:
 * T["b"] = "os" or T.update(b="os") after T = {"b": "csv"} must not leave
 * the analyzer reading "csv". One pass over the tape marks, by name (every
 * scope alike, which only errs towards not folding):
 *   - the base of a store or delete through a subscript: T[k] = v, del T[k];
 *   - the target of an augmented assignment: T += [...], T[k] += v;
 *   - the receiver of any method call but a few that only read: T.update(),
 *     T.append(), T.__setitem__();
 *   - a name handed on, which whoever receives it may change: U = T,
 *     return T, f(T) where the program defines f (a library function does
 *     not change its arguments, but for a few such as random.shuffle);
 * and for obj.NAME in any of these places, NAME (a class attribute table),
 * unless obj is a module the program imports. */
#include "internal.h"

#include <string.h>

static TSSymbol sym_of(TSNode n)
{
    return ts_node_is_null(n) ? 0 : ts_node_symbol(n);
}

static bool reads_only(const char *method)
{
    static const char *const names[] = {"copy",     "count",      "get",          "index",       "items",
                                        "keys",     "values",     "__contains__", "__getitem__", "__len__",
                                        "__iter__", "startswith", "endswith",     "format",      "join"};
    return str_listed(method, names, sizeof names / sizeof *names);
}

/* library functions that change a container handed to them */
static bool changes_argument(const char *fn)
{
    static const char *const names[] = {
        "heapify",      "heappop", "heappush", "heappushpop", "heapreplace", "insort", "insort_left",
        "insort_right", "shuffle", "setattr",  "setitem",     "delitem",     "iadd",   "iconcat"};
    return str_listed(fn, names, sizeof names / sizeof *names);
}

static bool mutator(const char *method)
{
    static const char *const names[] = {
        "__delitem__", "__iadd__", "__setitem__", "add",    "append",  "clear",      "discard", "extend",
        "insert",      "pop",      "popitem",     "remove", "reverse", "setdefault", "sort",    "update"};
    return str_listed(method, names, sizeof names / sizeof *names);
}

/* obj in obj.NAME is a module the program imports (sys.argv is not a
 * class attribute table) */
static bool of_module(ctx *c, TSNode attr)
{
    TSNode o = unparen(node_field(attr, c->f_object));
    const char *name = sym_of(o) == syms.identifier ? ident_name(c, o) : NULL;
    namebind *nb = name && c->module ? pc_strmap_get(&c->module->names, name) : NULL;
    return nb && nb->list && nb->list->kind == BIND_IMPORT;
}

/* how: PC_GROWS (items added at the end only) or PC_CHANGES (anything) */
static void mark_name_as(ctx *c, TSNode id, int how)
{
    const char *name = ts_node_is_null(id) ? NULL : ident_name(c, id);
    if (!name)
        return;
    uintptr_t was = (uintptr_t)pc_strmap_get(c->mutated, name);
    if (was < (uintptr_t)how && pc_strmap_put(c->mutated, name, (void *)(uintptr_t)how) < 0)
        c->mutated_all = true;
}

static void mark_name(ctx *c, TSNode id)
{
    mark_name_as(c, id, PC_CHANGES);
}

/* T.append(x), T.extend(xs), T += xs: T's items so far stay first */
static void mark_grows(ctx *c, TSNode e)
{
    e = unparen(e);
    if (sym_of(e) == syms.identifier)
        mark_name_as(c, e, PC_GROWS);
    else if (sym_of(e) == syms.attribute && !of_module(c, e))
        mark_name_as(c, node_field(e, c->f_attribute), PC_GROWS);
}

/* A reference handed on: x, or NAME for obj.NAME */
static void mark_ref(ctx *c, TSNode e)
{
    if (ts_node_is_null(e))
        return;
    e = unparen(e);
    TSSymbol t = sym_of(e);
    if (t == syms.identifier)
        mark_name(c, e);
    else if (t == syms.attribute && !of_module(c, e))
        mark_name(c, node_field(e, c->f_attribute));
}

/* The container a store through x[k] (or x[k][j]) changes: x's */
static void mark_base(ctx *c, TSNode e)
{
    for (int hop = 0; hop < 8 && !ts_node_is_null(e); hop++) {
        e = unparen(e);
        if (sym_of(e) != syms.subscript)
            break;
        e = node_field(e, c->f_value);
    }
    mark_ref(c, e);
}

static bool is_list_of_targets(TSNode e)
{
    TSSymbol t = sym_of(e);
    return t == syms.tuple || t == syms.list || node_is(e, "pattern_list") || node_is(e, "expression_list") ||
           node_is(e, "tuple_pattern") || node_is(e, "list_pattern");
}

/* Each item of a target list (stores: only through subscripts) or of a
 * value list (references handed on: a, b = T, U) */
static void mark_each(ctx *c, TSNode e, bool stores)
{
    if (ts_node_is_null(e))
        return;
    e = unparen(e);
    if (!is_list_of_targets(e)) {
        if (!stores)
            mark_ref(c, e);
        else if (sym_of(e) == syms.subscript)
            mark_base(c, e);
        return;
    }
    uint32_t n = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < n && i < 256; i++) {
        TSNode k = ts_node_named_child(e, i);
        if (sym_of(k) == syms.list_splat || node_is(k, "list_splat_pattern"))
            k = ts_node_named_child(k, 0);
        if (ts_node_is_null(k))
            continue;
        if (!stores)
            mark_ref(c, k);
        else if (sym_of(unparen(k)) == syms.subscript)
            mark_base(c, k);
    }
}

/* U = T, a name bound to another name's container: T changes only as U
 * does, settled once every change of U is known (opts = OPTS only read
 * leaves OPTS constant). */
typedef struct aliases {
    struct alias_pair {
        const char *to, *from; /* to = from */
    } * v;
    size_t n, cap;
} aliases;

static const char *alias_name(ctx *c, TSNode e)
{
    e = unparen(e);
    if (sym_of(e) == syms.identifier)
        return ident_name(c, e);
    return sym_of(e) == syms.attribute && !of_module(c, e) ? ident_name(c, node_field(e, c->f_attribute))
                                                           : NULL;
}

/* Is assignment n `U = T` (one name, one name or obj.NAME)? Kept for
 * aliases_settle; false when not (or when out of room: then marked now). */
static bool alias_of(ctx *c, aliases *al, TSNode n)
{
    TSNode l = node_field(n, c->f_left), r = unparen(node_field(n, c->f_right));
    const char *to = sym_of(l) == syms.identifier ? ident_name(c, l) : NULL;
    if (sym_of(r) == syms.assignment) /* a = b = T: a is b (and b = T, on the tape itself) */
        r = node_field(r, c->f_left);
    const char *from = to ? alias_name(c, r) : NULL;
    if (!from)
        return false;
    if (al->n == 1u << 19) /* bounded: 524,288 pairs */
        return false;
    struct alias_pair *v = pc_arena_grow(c->a, al->v, al->n, &al->cap, sizeof *v, 16);
    if (!v)
        return false;
    al->v = v;
    al->v[al->n++] = (struct alias_pair){to, from};
    return true;
}

/* T takes on each change of a name bound to it, and of names bound to
 * those (a chain of at most 8) */
static void aliases_settle(ctx *c, const aliases *al)
{
    for (int round = 0; round < 8; round++) {
        bool more = false;
        for (size_t i = 0; i < al->n && !c->mutated_all; i++) {
            uintptr_t how = (uintptr_t)pc_strmap_get(c->mutated, al->v[i].to);
            uintptr_t was = (uintptr_t)pc_strmap_get(c->mutated, al->v[i].from);
            if (how <= was)
                continue;
            if (pc_strmap_put(c->mutated, al->v[i].from, (void *)how) < 0)
                c->mutated_all = true;
            more = true;
        }
        if (!more)
            return;
    }
    for (size_t i = 0; i < al->n; i++) /* a chain longer than that: both change */
        if (pc_strmap_get(c->mutated, al->v[i].to) &&
            pc_strmap_put(c->mutated, al->v[i].from, (void *)PC_CHANGES) < 0)
            c->mutated_all = true;
}

/* A call may change what its receiver holds (any method but a few that
 * only read), and a function the program defines (or a library function
 * known to) may change what its arguments hold. */
static void on_call(ctx *c, TSNode call, const pc_strmap *defs)
{
    TSNode fn = node_field(call, c->f_function), last = fn;
    if (ts_node_is_null(fn))
        return;
    if (sym_of(fn) == syms.attribute) {
        last = node_field(fn, c->f_attribute);
        const char *m = ident_name(c, last);
        TSNode recv = unparen(node_field(fn, c->f_object));
        if (sym_of(recv) == syms.subscript) { /* T["k"].append(x): what T holds changes */
            if (!m || mutator(m))
                mark_base(c, recv);
        } else if (m && (!strcmp(m, "append") || !strcmp(m, "extend"))) {
            mark_grows(c, recv);
        } else if (!m || !reads_only(m)) {
            mark_ref(c, recv);
        }
    }
    const char *f = sym_of(last) == syms.identifier ? ident_name(c, last) : NULL;
    if (!f || (!pc_strmap_get(defs, f) && !changes_argument(f)))
        return;
    TSNode args = node_field(call, c->f_arguments);
    if (ts_node_is_null(args) || sym_of(args) != syms.argument_list)
        return;
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n && i < 1024; i++) {
        TSNode a = ts_node_named_child(args, i);
        TSSymbol t = sym_of(a);
        if (t == syms.keyword_argument)
            a = node_field(a, c->f_value);
        else if (t == syms.dictionary_splat)
            a = ts_node_named_child(a, 0);
        /* f(*OPTS): f gets OPTS's items in a tuple of its own, not OPTS;
         * f(*[T, U]) gets T and U themselves */
        if (t != syms.list_splat) {
            mark_ref(c, a);
        } else {
            TSNode d = unparen(ts_node_named_child(a, 0));
            TSSymbol ds = sym_of(d);
            if (ds == syms.list || ds == syms.tuple || ds == syms.set)
                for (uint32_t j = 0; j < ts_node_named_child_count(d) && j < 1024; j++)
                    mark_ref(c, ts_node_named_child(d, j));
        }
    }
}

/* The names of the functions the program defines (def, or a name bound to
 * a lambda), wherever it does */
static bool collect_defs(ctx *c, pc_strmap *defs)
{
    if (c->tape_off)
        return false;
    for (size_t i = 0; i < c->ntape; i++) {
        const tape_entry *e = &c->tape[i];
        TSNode name = {0};
        if (e->type[0] == 'f' && !strcmp(e->type, "function_definition"))
            name = node_field(e->node, c->f_name);
        else if (e->sym == syms.assignment && node_is(unparen(node_field(e->node, c->f_right)), "lambda"))
            name = node_field(e->node, c->f_left);
        const char *s = sym_of(name) == syms.identifier ? ident_name(c, name) : NULL;
        if (s && pc_strmap_put(defs, s, (void *)1) < 0)
            return false;
    }
    return true;
}

/* collect_defs once per file (NULL when there is no tape to read it from) */
static const pc_strmap *def_names(ctx *c)
{
    if (!c->defs_built) {
        c->defs_built = true;
        pc_strmap *d = pc_arena_alloc(c->a, sizeof *d);
        if (d) {
            pc_strmap_init(d, c->a);
            c->defs = collect_defs(c, d) ? d : NULL;
        }
    }
    return c->defs;
}

bool program_defines(ctx *c, const char *name)
{
    const pc_strmap *d = def_names(c);
    return !d || pc_strmap_get(d, name); /* not known: assume it does */
}

static void build(ctx *c)
{
    c->mutated_built = true;
    pc_strmap *m = pc_arena_alloc(c->a, sizeof *m);
    if (!m || c->tape_off || !c->ntape) { /* no tape: nothing is known not to change */
        c->mutated_all = true;
        return;
    }
    pc_strmap_init(m, c->a);
    c->mutated = m;
    aliases al = {0};
    const pc_strmap *defs = def_names(c);
    if (!defs) {
        c->mutated_all = true;
        return;
    }
    for (size_t i = 0; i < c->ntape && !c->mutated_all; i++) {
        const tape_entry *e = &c->tape[i];
        TSNode n = e->node;
        if (e->sym == syms.call) {
            on_call(c, n, defs);
        } else if (e->sym == syms.augmented_assignment) {
            TSNode left = unparen(node_field(n, c->f_left)), op = node_field(n, syms.operator_);
            if (node_is(op, "+=") && sym_of(left) != syms.subscript)
                mark_grows(c, left);
            else
                mark_base(c, left);
            mark_each(c, node_field(n, c->f_right), false);
        } else if (e->sym == syms.assignment) {
            mark_each(c, node_field(n, c->f_left), true);
            if (!alias_of(c, &al, n))
                mark_each(c, node_field(n, c->f_right), false);
        } else if (e->type[0] == 'd' && !strcmp(e->type, "delete_statement")) {
            uint32_t k = ts_node_named_child_count(n);
            for (uint32_t j = 0; j < k; j++)
                mark_each(c, ts_node_named_child(n, j), true);
        } else if ((e->type[0] == 'r' && !strcmp(e->type, "return_statement")) ||
                   (e->type[0] == 'y' && !strcmp(e->type, "yield"))) {
            uint32_t k = ts_node_named_child_count(n);
            for (uint32_t j = 0; j < k; j++)
                mark_each(c, ts_node_named_child(n, j), false);
        }
    }
    aliases_settle(c, &al);
}

int name_change(ctx *c, const char *name)
{
    if (!c->mutated_built)
        build(c);
    if (c->mutated_all)
        return PC_CHANGES;
    return c->mutated ? (int)(uintptr_t)pc_strmap_get(c->mutated, name) : 0;
}

bool name_may_change(ctx *c, const char *name)
{
    return name_change(c, name) != 0;
}
