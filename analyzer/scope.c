#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const builtin_names[] = {
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
};

bool builtin_has_prefix(const char *prefix, size_t n)
{
    for (size_t i = 0; i < sizeof builtin_names / sizeof *builtin_names; i++)
        if (!strncmp(builtin_names[i], prefix, n))
            return true;
    return false;
}

bool is_builtin_name(const char *name)
{
    size_t lo = 0, hi = sizeof builtin_names / sizeof *builtin_names;
    while (lo < hi) { /* the table is sorted (ASCII order) */
        size_t mid = (lo + hi) / 2;
        int cmp = strcmp(name, builtin_names[mid]);
        if (cmp == 0)
            return true;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool is_scope_node(const char *t)
{
    return !strcmp(t, "function_definition") || !strcmp(t, "class_definition") || !strcmp(t, "lambda") ||
           !strcmp(t, "list_comprehension") || !strcmp(t, "set_comprehension") ||
           !strcmp(t, "dictionary_comprehension") || !strcmp(t, "generator_expression");
}

static scope *scope_new(ctx *c, scope_kind kind, scope *parent)
{
    scope *s = pc_arena_alloc(c->a, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    s->parent = parent;
    pc_strmap_init(&s->names, c->a);
    pc_strmap_init(&s->globals, c->a);
    pc_strmap_init(&s->nonlocals, c->a);
    pc_strmap_init(&s->attrs, c->a);
    scope **v = pc_arena_grow(c->a, c->scopes, c->nscopes, &c->capscopes, sizeof *v, 64);
    if (!v)
        return NULL;
    c->scopes = v;
    c->scopes[c->nscopes++] = s;
    return s;
}

/* Scopes are made in document order, so their start bytes only grow: a
 * binary search, then the first scope at that byte that is not the
 * module's (a lambda may start where an enclosing expression does not). */
scope *scope_of_node(ctx *c, TSNode n)
{
    uint32_t at = ts_node_start_byte(n);
    size_t lo = 0, hi = c->nscopes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->scopes[mid]->start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < c->nscopes && c->scopes[lo]->start == at; lo++)
        if (c->scopes[lo]->kind != SCOPE_MODULE)
            return c->scopes[lo];
    return NULL;
}

/* The innermost scope around node n: the last scope (in pre-order) whose
 * node spans it, else the module's (c->scopes has the others); NULL when
 * 4,096 scopes before it do not tell. */
enum { AROUND_SCOPES = 4096 };

scope *scope_around(ctx *c, TSNode n)
{
    uint32_t at = ts_node_start_byte(n);
    size_t lo = 0, hi = c->nscopes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->scopes[mid]->start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t seen = 0;
    for (size_t i = lo; i-- > 0; seen++) {
        scope *s = c->scopes[i];
        if (seen == AROUND_SCOPES)
            return NULL;
        if (at >= ts_node_start_byte(s->node) && at < ts_node_end_byte(s->node))
            return s;
    }
    return c->module;
}

/* Node kinds by symbol, computed once: comparing type names for every node
 * of every file was the walk's main cost. */
static uint8_t *node_flags, *node_kinds;
static uint32_t node_flags_count;
static pthread_once_t node_flags_once = PTHREAD_ONCE_INIT;

/* What the walk needs to know of a node kind, by type name (sorted by
 * strcmp for bsearch). Kinds not listed have no flags and are K_OTHER. */
typedef struct kind_info {
    const char *name;
    uint8_t flags;
    uint8_t kind;
} kind_info;

static const kind_info kind_table[] = {
    {"ERROR", 0, K_ERROR},
    {"aliased_import", 0, K_NOT_LOAD},
    {"argument_list", NF_BRACKET, K_OTHER},
    {"as_pattern_target", NF_BIND, K_AS_PATTERN_TARGET},
    {"assert_statement", NF_SYNTAX, K_ASSERT_STATEMENT},
    {"assignment", NF_BIND | NF_ASSIGN, K_ASSIGNMENT},
    {"attribute", 0, K_ATTRIBUTE},
    {"augmented_assignment", NF_BIND, K_AUGMENTED_ASSIGNMENT},
    {"binary_operator", 0, K_BINARY_OPERATOR},
    {"block", 0, K_BLOCK},
    {"boolean_operator", NF_CONTROL, K_OTHER},
    {"call", 0, K_CALL},
    {"case_clause", NF_BIND, K_OTHER},
    {"class_definition", NF_SCOPE | NF_DEF, K_CLASS_DEFINITION},
    {"comment", 0, K_COMMENT},
    {"concatenated_string", 0, K_CONCATENATED_STRING},
    {"conditional_expression", NF_CONTROL, K_OTHER},
    {"default_parameter", NF_ASSIGN, K_DEFAULT_PARAMETER},
    {"delete_statement", NF_BIND, K_DELETE_STATEMENT},
    {"dict_pattern", 0, K_DICT_PATTERN},
    {"dictionary", NF_BRACKET, K_OTHER},
    {"dictionary_comprehension", NF_SCOPE | NF_COMPREHENSION | NF_BRACKET, K_OTHER},
    {"dictionary_splat_pattern", 0, K_NOT_LOAD},
    {"dotted_name", 0, K_NOT_LOAD},
    {"except_clause", NF_BIND | NF_SYNTAX, K_EXCEPT_CLAUSE},
    {"exec_statement", 0, K_EXEC_STATEMENT},
    {"for_in_clause", NF_BIND, K_FOR_IN_CLAUSE},
    {"for_statement", NF_CONTROL | NF_BIND, K_FOR_STATEMENT},
    {"function_definition", NF_SCOPE | NF_DEF, K_FUNCTION_DEFINITION},
    {"future_import_statement", 0, K_FUTURE_IMPORT_STATEMENT},
    {"generator_expression", NF_SCOPE | NF_COMPREHENSION | NF_BRACKET, K_OTHER},
    {"global_statement", NF_BIND | NF_SYNTAX, K_GLOBAL_STATEMENT},
    {"identifier", 0, K_IDENTIFIER},
    {"if_statement", NF_CONTROL, K_OTHER},
    {"import_from_statement", NF_BIND, K_IMPORT_FROM_STATEMENT},
    {"import_prefix", 0, K_NOT_LOAD},
    {"import_statement", NF_BIND, K_IMPORT_STATEMENT},
    {"keyword_argument", NF_ASSIGN, K_KEYWORD_ARGUMENT},
    {"keyword_pattern", 0, K_KEYWORD_PATTERN},
    {"lambda", NF_SCOPE, K_LAMBDA},
    {"lambda_parameters", 0, K_NOT_LOAD},
    {"list", NF_BRACKET, K_OTHER},
    {"list_comprehension", NF_SCOPE | NF_COMPREHENSION | NF_BRACKET, K_OTHER},
    {"list_pattern", NF_BRACKET, K_NOT_LOAD},
    {"list_splat_pattern", 0, K_NOT_LOAD},
    {"match_statement", NF_CONTROL, K_OTHER},
    {"module", 0, K_MODULE},
    {"named_expression", NF_BIND, K_NAMED_EXPRESSION},
    {"nonlocal_statement", NF_BIND, K_NONLOCAL_STATEMENT},
    {"pair", NF_ASSIGN, K_PAIR},
    {"parameters", NF_BRACKET, K_NOT_LOAD},
    {"parenthesized_expression", NF_BRACKET, K_OTHER},
    {"pattern_list", 0, K_PATTERN_LIST},
    {"print_statement", 0, K_PRINT_STATEMENT},
    {"relative_import", 0, K_NOT_LOAD},
    {"return_statement", 0, K_RETURN},
    {"set", NF_BRACKET, K_OTHER},
    {"set_comprehension", NF_SCOPE | NF_COMPREHENSION | NF_BRACKET, K_OTHER},
    {"string", 0, K_STRING},
    {"subscript", NF_BRACKET, K_SUBSCRIPT},
    {"try_statement", NF_CONTROL, K_OTHER},
    {"tuple", NF_BRACKET, K_OTHER},
    {"tuple_pattern", NF_BRACKET, K_TUPLE_PATTERN},
    {"typed_default_parameter", NF_ASSIGN, K_TYPED_DEFAULT_PARAMETER},
    {"typed_parameter", 0, K_NOT_LOAD},
    {"while_statement", NF_CONTROL, K_OTHER},
    {"with_statement", NF_CONTROL, K_OTHER},
    {"yield", 0, K_RETURN},
};

static int kind_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const kind_info *)elem)->name);
}

static const kind_info *kind_lookup(const char *t)
{
    return bsearch(t, kind_table, sizeof kind_table / sizeof *kind_table, sizeof *kind_table, kind_cmp);
}

static void init_node_flags(void)
{
    const TSLanguage *l = pc_python_language();
    uint32_t n = ts_language_symbol_count(l);
    uint8_t *f = calloc(n ? n : 1, 1), *k = calloc(n ? n : 1, 1);
    if (!f || !k) {
        free(f);
        free(k);
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        const char *t = ts_language_symbol_name(l, (TSSymbol)i);
        /* named kinds only: the keyword `lambda` is not the expression */
        if (!t || ts_language_symbol_type(l, (TSSymbol)i) != TSSymbolTypeRegular)
            continue;
        const kind_info *ki = kind_lookup(t);
        f[i] = ki ? ki->flags : 0;
        k[i] = ki ? ki->kind : (uint8_t)K_OTHER;
    }
    node_flags_count = n;
    node_kinds = k;
    node_flags = f;
}

int scope_enter(ctx *c, frame *frames, uint32_t depth, bool create)
{
    pthread_once(&node_flags_once, init_node_flags);
    frame *f = &frames[depth];
    const frame *p = depth ? &frames[depth - 1] : NULL;
    f->sc = p ? p->sc : c->module;
    f->cond = p ? p->cond : 0;
    f->brackets = p ? p->brackets : 0;
    f->pending = NULL;
    if (p && p->pending && f->field == c->f_body) {
        f->sc = p->pending;
        f->cond = 0;
    }
    TSSymbol sym = f->sym;
    unsigned fl;
    if (node_flags && sym < node_flags_count) {
        fl = f->flags = node_flags[sym];
        f->kind = (node_kind)node_kinds[sym];
    } else { /* ERROR, or no table */
        const kind_info *ki = kind_lookup(f->type);
        fl = f->flags = ki ? ki->flags : 0;
        f->kind = ki ? (node_kind)ki->kind : K_OTHER;
    }
    if (fl & NF_BRACKET)
        f->brackets++;
    if (fl & NF_CONTROL)
        f->cond++;
    if (!(fl & NF_SCOPE))
        return 0;
    scope *s;
    if (create) {
        scope_kind k = f->kind == K_CLASS_DEFINITION      ? SCOPE_CLASS
                       : f->kind == K_FUNCTION_DEFINITION ? SCOPE_FUNCTION
                       : f->kind == K_LAMBDA              ? SCOPE_LAMBDA
                                                          : SCOPE_COMPREHENSION;
        if (!(s = scope_new(c, k, f->sc)))
            return -1;
        s->start = ts_node_start_byte(f->node);
        s->node = f->node;
    } else {
        if (c->next_scope >= c->nscopes)
            return -1;
        s = c->scopes[c->next_scope];
    }
    c->next_scope++;
    if (fl & NF_COMPREHENSION) {
        f->sc = s;
        f->cond = 0;
    } else {
        f->pending = s;
    }
    return 0;
}

/* ---- pass 1: bindings ---- */

static int bind(ctx *c, scope *s, const char *name, binding *b)
{
    if (!name)
        return -1;
    if (s->kind != SCOPE_MODULE && pc_strmap_get(&s->globals, name)) {
        s = c->module;
        b->conditional = true;
    }
    namebind *nb = pc_strmap_get(&s->names, name);
    if (!nb) {
        if (!(nb = pc_arena_alloc(c->a, sizeof *nb)))
            return -1;
        nb->first_uncond = UINT32_MAX;
        if (pc_strmap_put(&s->names, name, nb) < 0)
            return -1;
    }
    if (b->kind == BIND_DEL) {
        nb->has_del = true;
        return 0;
    }
    if (!b->conditional && b->offset < nb->first_uncond)
        nb->first_uncond = b->offset;
    if (b->kind == BIND_LOCAL) { /* one suffices: it only says "defined here" */
        nb->has_local = nb->has_plain_local = true;
        return 0;
    }
    if (b->kind == BIND_DEF ||
        b->kind == BIND_CLASS) /* local, and kept: a call of it returns what it returns */
        nb->has_local = true;
    if (b->kind == BIND_PART) /* local, value unknown; kept for text conditions */
        nb->has_local = nb->has_part = true;
    if (b->kind == BIND_IMPORT)
        for (binding *x = nb->list; x; x = x->next)
            if (x->kind == BIND_IMPORT && !strcmp(x->qual, b->qual))
                return 0;
    b->next = nb->list;
    nb->list = b;
    return 0;
}

static binding *new_binding(ctx *c, bind_kind kind, const frame *f)
{
    binding *b = pc_arena_alloc(c->a, sizeof *b);
    if (b) {
        b->kind = kind;
        b->offset = ts_node_start_byte(f->node);
        b->conditional = f->cond > 0;
    }
    return b;
}

static int bind_local(ctx *c, scope *s, TSNode id, const frame *f)
{
    binding *b = new_binding(c, BIND_LOCAL, f);
    return b ? bind(c, s, ident_name(c, id), b) : -1;
}

static int bind_alias(ctx *c, scope *s, TSNode id, TSNode value, scope *value_scope, const frame *f)
{
    binding *b = new_binding(c, BIND_ALIAS, f);
    if (!b)
        return -1;
    b->value = value;
    b->value_scope = value_scope;
    return bind(c, s, ident_name(c, id), b);
}

/* Bind every identifier in a target pattern as local (bounded walk). */
static const TSNode none; /* a null node */

/* A name bound to a part of value (a, b = pair; for x in items): unknown
 * to resolution, but text conditions with follow read value. */
static int bind_part(ctx *c, scope *s, TSNode id, TSNode value, uint32_t until, const frame *f)
{
    if (ts_node_is_null(value))
        return bind_local(c, s, id, f);
    binding *b = new_binding(c, BIND_PART, f);
    if (!b)
        return -1;
    b->value = value;
    b->value_scope = s;
    b->until = until;
    return bind(c, s, ident_name(c, id), b);
}

static int bind_targets(ctx *c, scope *s, TSNode target, TSNode from, uint32_t until, const frame *f)
{
    if (node_is(target, "identifier"))
        return bind_part(c, s, target, from, until, f);
    TSTreeCursor cur = ts_tree_cursor_new(target);
    int rc = 0;
    uint32_t depth = 0;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        const char *t = ts_node_type(n);
        bool descend = true;
        if (!strcmp(t, "attribute") || !strcmp(t, "subscript")) {
            descend = false; /* x.y = ... binds no name */
        } else if (!strcmp(t, "identifier")) {
            if ((rc = bind_part(c, s, n, from, until, f)) < 0)
                break;
        }
        if (descend && ts_tree_cursor_goto_first_child(&cur)) {
            depth++;
            continue;
        }
        while (depth && !ts_tree_cursor_goto_next_sibling(&cur)) {
            ts_tree_cursor_goto_parent(&cur);
            depth--;
        }
        if (!depth)
            break;
    }
    ts_tree_cursor_delete(&cur);
    return rc;
}

static bool is_sequence(TSNode n)
{
    const char *t = ts_node_type(n);
    return !strcmp(t, "pattern_list") || !strcmp(t, "tuple_pattern") || !strcmp(t, "list_pattern") ||
           !strcmp(t, "expression_list") || !strcmp(t, "tuple") || !strcmp(t, "list");
}

/* self.NAME = value in a method: kept on the class, for self.NAME and
 * A().NAME elsewhere (it binds no name). */
static int bind_self_attr(ctx *c, scope *s, TSNode left, TSNode value, const frame *f)
{
    TSNode o = node_field(left, c->f_object), a = node_field(left, c->f_attribute);
    const char *self = ts_node_is_null(o) || !node_is(o, "identifier") ? NULL : ident_name(c, o);
    if (!self || strcmp(self, "self") || s->kind != SCOPE_FUNCTION || !s->parent ||
        s->parent->kind != SCOPE_CLASS)
        return 0;
    const char *name = ident_name(c, a);
    binding *b = name ? new_binding(c, BIND_ALIAS, f) : NULL;
    if (!b)
        return name ? -1 : 0;
    b->value = value;
    b->value_scope = s;
    b->conditional = true; /* which method ran, and when, is not known */
    namebind *nb = pc_strmap_get(&s->parent->attrs, name);
    if (!nb) {
        if (!(nb = pc_arena_alloc(c->a, sizeof *nb)))
            return -1;
        nb->first_uncond = UINT32_MAX;
        if (pc_strmap_put(&s->parent->attrs, name, nb) < 0)
            return -1;
    }
    b->next = nb->list;
    nb->list = b;
    return 0;
}

static int bind_assignment(ctx *c, scope *s, TSNode n, const frame *f)
{
    TSNode left = node_field(n, c->f_left);
    TSNode right = node_field(n, c->f_right);
    if (ts_node_is_null(left))
        return 0;
    while (!ts_node_is_null(right) && node_is(right, "assignment"))
        right = node_field(right, c->f_right);
    if (ts_node_is_null(right)) { /* `x: int` makes a local only inside functions */
        return s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS ? 0 : bind_targets(c, s, left, none, 0, f);
    }
    if (node_is(left, "attribute"))
        return bind_self_attr(c, s, left, right, f);
    if (node_is(left, "identifier"))
        return bind_alias(c, s, left, right, s, f);
    /* a, b = x, y: pair them up when the shapes agree */
    if (is_sequence(left) && is_sequence(right) &&
        ts_node_named_child_count(left) == ts_node_named_child_count(right)) {
        kids kl, kr;
        kids_init(&kl, left, true);
        kids_init(&kr, right, true);
        TSNode l, r;
        int rc = 0;
        while (rc >= 0 && kids_next(&kl, &l) && kids_next(&kr, &r))
            rc = node_is(l, "identifier")  ? bind_alias(c, s, l, r, s, f)
                 : node_is(l, "attribute") ? bind_self_attr(c, s, l, r, f) /* self.p, self.l = p, l */
                                           : bind_targets(c, s, l, r, 0, f);
        kids_done(&kl);
        kids_done(&kr);
        return rc < 0 ? -1 : 0;
    }
    return bind_targets(c, s, left, right, 0, f);
}

static int bind_import(ctx *c, scope *s, TSNode n, const frame *f)
{
    bool from = node_is(n, "import_from_statement");
    const char *module = NULL;
    if (from) {
        TSNode m = node_field(n, c->f_module_name);
        if (ts_node_is_null(m) || !(module = ident_name(c, m)))
            return ts_node_is_null(m) ? 0 : -1;
    }
    TSTreeCursor cur = ts_tree_cursor_new(n);
    int rc = 0;
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && rc == 0;
         more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode ch = ts_tree_cursor_current_node(&cur);
        if (from && node_is(ch, "wildcard_import")) {
            const char **v = pc_arena_array(c->a, s->nstars + 1, sizeof *v);
            if (!v) {
                rc = -1;
                break;
            }
            if (s->nstars)
                memcpy(v, s->stars, s->nstars * sizeof *v);
            v[s->nstars++] = module;
            s->stars = v;
            continue;
        }
        if (ts_tree_cursor_current_field_id(&cur) != c->f_name)
            continue;
        TSNode name = ch, alias = {0};
        bool aliased = node_is(ch, "aliased_import");
        if (aliased) {
            name = node_field(ch, c->f_name);
            alias = node_field(ch, c->f_alias);
        }
        const char *dotted = ident_name(c, name); /* NFKC: `import ｏs` is os */
        if (!dotted) {
            rc = -1;
            break;
        }
        binding *b = new_binding(c, BIND_IMPORT, f);
        if (!b) {
            rc = -1;
            break;
        }
        const char *bound;
        if (from) {
            b->qual = pc_arena_printf(c->a, "%s.%s", module, dotted);
            bound = aliased ? ident_name(c, alias) : ident_name(c, name);
        } else if (aliased) {
            b->qual = dotted;
            b->is_module = true;
            bound = ident_name(c, alias);
        } else {
            const char *dot = strchr(dotted, '.');
            b->qual = dot ? pc_arena_strndup(c->a, dotted, (size_t)(dot - dotted)) : dotted;
            b->is_module = true;
            bound = b->qual;
        }
        if (!b->qual || bind(c, s, bound, b) < 0) {
            rc = -1;
            break;
        }
        const char *last = strrchr(b->qual, '.');
        if (strcmp(bound, last ? last + 1 : b->qual)) {
            c->import_renames = true;
            if (c->nrenames >= 0 && c->nrenames < 16)
                c->renames[c->nrenames++] = bound;
            else
                c->nrenames = -1;
        }
    }
    ts_tree_cursor_delete(&cur);
    return rc;
}

static int bind_parameters(ctx *c, scope *fs, TSNode params, scope *outer, const frame *f)
{
    if (ts_node_is_null(params))
        return 0;
    kids k;
    kids_init(&k, params, true);
    TSNode p;
    int rc = 0;
    while (rc >= 0 && kids_next(&k, &p)) {
        const char *t = ts_node_type(p);
        if (!strcmp(t, "default_parameter") || !strcmp(t, "typed_default_parameter")) {
            TSNode name = node_field(p, c->f_name);
            TSNode value = node_field(p, c->f_value);
            if (!ts_node_is_null(name) && node_is(name, "identifier") && !ts_node_is_null(value))
                rc = bind_alias(c, fs, name, value, outer, f);
            else if (!ts_node_is_null(name))
                rc = bind_targets(c, fs, name, none, 0, f);
        } else if (!strcmp(t, "typed_parameter")) {
            TSNode first = ts_node_named_child(p, 0);
            if (!ts_node_is_null(first))
                rc = bind_targets(c, fs, first, none, 0, f);
        } else if (strcmp(t, "keyword_separator") && strcmp(t, "positional_separator")) {
            rc = bind_targets(c, fs, p, none, 0, f);
        }
    }
    kids_done(&k);
    return rc < 0 ? -1 : 0;
}

scope *method_class(scope *sc)
{
    while (sc && sc->kind != SCOPE_FUNCTION)
        sc = sc->parent;
    return sc && sc->parent && sc->parent->kind == SCOPE_CLASS ? sc->parent : NULL;
}

static scope *nearest_non_comprehension(scope *s)
{
    while (s->kind == SCOPE_COMPREHENSION && s->parent)
        s = s->parent;
    return s;
}

static int declare(ctx *c, pc_strmap *m, TSNode n)
{
    kids k;
    kids_init(&k, n, true);
    TSNode id;
    int rc = 0;
    while (rc == 0 && kids_next(&k, &id)) {
        if (node_is(id, "identifier")) {
            const char *name = ident_name(c, id);
            rc = !name || pc_strmap_put(m, name, (void *)1) < 0 ? -1 : 0;
        }
    }
    kids_done(&k);
    return rc;
}

/* del a, b: the names are unbound (the builtin may show through again) */
static int delete_targets(ctx *c, scope *s, TSNode n, const frame *f, bool in_list)
{
    kids k;
    kids_init(&k, n, true);
    TSNode x;
    int rc = 0;
    while (rc == 0 && kids_next(&k, &x)) {
        if (node_is(x, "expression_list")) {
            if (!in_list) /* del a, b: one level, as the grammar has it */
                rc = delete_targets(c, s, x, f, true);
            continue;
        }
        if (node_is(x, "identifier")) {
            binding *b = new_binding(c, BIND_DEL, f);
            rc = !b || bind(c, s, ident_name(c, x), b) < 0 ? -1 : 0;
        }
    }
    kids_done(&k);
    return rc;
}

/* The names a `case` pattern captures, bound as locals: a lone name
 * (`case x`, a dict or keyword pattern's value), `*rest`, `**kw` and the
 * `as` name; not dotted value patterns (`Color.RED`), class names or the
 * keywords of a class pattern. Walked with a cursor and a stack of parent
 * kinds, bounded. */
static int bind_case_captures(ctx *c, scope *s, TSNode clause, const frame *f)
{
    enum { MAXD = 256 };
    const char *parents[MAXD];
    TSTreeCursor cur = ts_tree_cursor_new(clause);
    int rc = 0;
    uint32_t depth = 0;
    parents[0] = "case_clause";
    for (bool more = ts_tree_cursor_goto_first_child(&cur); more && rc >= 0;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        const char *t = ts_node_type(n), *parent = parents[depth];
        bool descend = depth + 1 < MAXD && ts_node_named_child_count(n) > 0;
        if (depth == 0 && strcmp(t, "case_pattern"))
            descend = false;                  /* the guard and the body bind elsewhere */
        else if (!strcmp(t, "dotted_name")) { /* a lone name captures; a dotted one is a value */
            descend = false;
            TSNode id = ts_node_named_child(n, 0);
            bool capture = ts_node_named_child_count(n) == 1 &&
                           (!strcmp(parent, "case_pattern") || !strcmp(parent, "keyword_pattern"));
            const char *name = capture ? ident_name(c, id) : NULL;
            if (name && strcmp(name, "_"))
                rc = bind_local(c, s, id, f);
        } else if (!strcmp(t, "identifier") &&
                   (!strcmp(parent, "splat_pattern") || !strcmp(parent, "as_pattern"))) {
            const char *name = ident_name(c, n);
            if (name && strcmp(name, "_"))
                rc = bind_local(c, s, n, f);
        }
        if (descend && ts_tree_cursor_goto_first_child(&cur)) {
            parents[++depth] = t;
            continue;
        }
        while (!(more = ts_tree_cursor_goto_next_sibling(&cur)) && depth > 0) {
            ts_tree_cursor_goto_parent(&cur);
            depth--;
        }
    }
    ts_tree_cursor_delete(&cur);
    return rc < 0 ? -1 : 0;
}

static int visit_bindings(ctx *c, frame *frames, uint32_t depth)
{
    if (scope_enter(c, frames, depth, true) < 0)
        return -1;
    frame *f = &frames[depth];
    scope *s = f->sc;
    const char *t = f->type;
    TSNode n = f->node;
    if (f->pending) {
        /* def/class/lambda: the name binds outside, parameters inside */
        TSNode name = node_field(n, c->f_name);
        if (!ts_node_is_null(name) && (f->kind == K_FUNCTION_DEFINITION || f->kind == K_CLASS_DEFINITION)) {
            binding *b = new_binding(c, f->kind == K_CLASS_DEFINITION ? BIND_CLASS : BIND_DEF, f);
            if (!b)
                return -1;
            b->value = n;
            b->value_scope = f->pending;
            if (bind(c, s, ident_name(c, name), b) < 0)
                return -1;
        } else if (!ts_node_is_null(name) && bind_local(c, s, name, f) < 0) {
            return -1;
        }
        TSNode params = node_field(n, c->f_parameters);
        return bind_parameters(c, f->pending, params, s, f);
    }
    if (!(f->flags & NF_BIND))
        return f->kind == K_STRING && !string_has_code(c, n) ? 1 : 0;
    if (!strcmp(t, "import_statement") || !strcmp(t, "import_from_statement"))
        return bind_import(c, s, n, f);
    if (!strcmp(t, "assignment"))
        return bind_assignment(c, s, n, f);
    if (!strcmp(t, "augmented_assignment")) {
        TSNode left = node_field(n, c->f_left);
        return ts_node_is_null(left) ? 0 : bind_targets(c, s, left, none, 0, f);
    }
    if (!strcmp(t, "for_statement") || !strcmp(t, "for_in_clause")) {
        TSNode left = node_field(n, c->f_left);
        TSNode items = node_field(n, c->f_right);
        return ts_node_is_null(left) ? 0 : bind_targets(c, s, left, items, ts_node_end_byte(n), f);
    }
    if (!strcmp(t, "as_pattern_target"))
        return bind_targets(c, s, n, none, 0, f);
    if (!strcmp(t, "except_clause")) {
        TSNode alias = node_field(n, c->f_alias);
        return ts_node_is_null(alias) ? 0 : bind_targets(c, s, alias, none, 0, f);
    }
    if (!strcmp(t, "named_expression")) {
        TSNode name = node_field(n, c->f_name);
        TSNode value = node_field(n, c->f_value);
        if (ts_node_is_null(name) || ts_node_is_null(value))
            return 0;
        return bind_alias(c, nearest_non_comprehension(s), name, value, s, f);
    }
    if (!strcmp(t, "case_clause"))
        return bind_case_captures(c, s, n, f);
    if (!strcmp(t, "global_statement"))
        return declare(c, &s->globals, n);
    if (!strcmp(t, "nonlocal_statement"))
        return declare(c, &s->nonlocals, n);
    if (!strcmp(t, "delete_statement"))
        return delete_targets(c, s, n, f, false);
    return 0;
}

int scopes_build(ctx *c)
{
    c->nscopes = 0;
    c->next_scope = 0;
    c->module = pc_arena_alloc(c->a, sizeof *c->module);
    if (!c->module)
        return -1;
    c->module->kind = SCOPE_MODULE;
    pc_strmap_init(&c->module->names, c->a);
    pc_strmap_init(&c->module->globals, c->a);
    pc_strmap_init(&c->module->nonlocals, c->a);
    return traverse(c, visit_bindings, true);
}
