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

static bool is_comprehension(const char *t)
{
    return !strcmp(t, "list_comprehension") || !strcmp(t, "set_comprehension") ||
           !strcmp(t, "dictionary_comprehension") || !strcmp(t, "generator_expression");
}

static bool is_control_flow(const char *t)
{
    return !strcmp(t, "if_statement") || !strcmp(t, "for_statement") || !strcmp(t, "while_statement") ||
           !strcmp(t, "try_statement") || !strcmp(t, "with_statement") || !strcmp(t, "match_statement") ||
           !strcmp(t, "conditional_expression") || !strcmp(t, "boolean_operator");
}

static bool is_bracket(const char *t)
{
    return !strcmp(t, "argument_list") || !strcmp(t, "parenthesized_expression") || !strcmp(t, "list") ||
           !strcmp(t, "tuple") || !strcmp(t, "dictionary") || !strcmp(t, "set") || !strcmp(t, "subscript") ||
           !strcmp(t, "parameters") || is_comprehension(t) || !strcmp(t, "list_pattern") ||
           !strcmp(t, "tuple_pattern");
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
    if (c->nscopes == c->capscopes) {
        size_t cap = c->capscopes ? c->capscopes * 2 : 64;
        scope **v = pc_arena_array(c->a, cap, sizeof *v);
        if (!v)
            return NULL;
        if (c->nscopes)
            memcpy(v, c->scopes, c->nscopes * sizeof *v);
        c->scopes = v;
        c->capscopes = cap;
    }
    c->scopes[c->nscopes++] = s;
    return s;
}

/* Node kinds by symbol, computed once: comparing type names for every node
 * of every file was the walk's main cost. */
static uint8_t *node_flags, *node_kinds;
static uint32_t node_flags_count;
static pthread_once_t node_flags_once = PTHREAD_ONCE_INIT;

static bool in_list(const char *t, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(t, *list))
            return true;
    return false;
}

static unsigned flags_by_name(const char *t)
{
    static const char *const bind[] = {"import_statement",
                                       "import_from_statement",
                                       "assignment",
                                       "augmented_assignment",
                                       "for_statement",
                                       "for_in_clause",
                                       "as_pattern_target",
                                       "except_clause",
                                       "named_expression",
                                       "global_statement",
                                       "nonlocal_statement",
                                       "delete_statement",
                                       NULL};
    static const char *const assign[] = {"assignment",        "keyword_argument",        "pair",
                                         "default_parameter", "typed_default_parameter", NULL};
    static const char *const syntax[] = {"assert_statement", "except_clause", "global_statement", NULL};
    static const char *const def[] = {"function_definition", "class_definition", NULL};
    return (is_scope_node(t) ? NF_SCOPE : 0) | (is_comprehension(t) ? NF_COMPREHENSION : 0) |
           (is_bracket(t) ? NF_BRACKET : 0) | (is_control_flow(t) ? NF_CONTROL : 0) |
           (in_list(t, bind) ? NF_BIND : 0) | (in_list(t, assign) ? NF_ASSIGN : 0) |
           (in_list(t, syntax) ? NF_SYNTAX : 0) | (in_list(t, def) ? NF_DEF : 0);
}

static node_kind kind_by_name(const char *t)
{
    static const struct {
        const char *name;
        node_kind kind;
    } kinds[] = {
        {"identifier", K_IDENTIFIER},
        {"attribute", K_ATTRIBUTE},
        {"call", K_CALL},
        {"subscript", K_SUBSCRIPT},
        {"string", K_STRING},
        {"concatenated_string", K_CONCATENATED_STRING},
        {"comment", K_COMMENT},
        {"block", K_BLOCK},
        {"module", K_MODULE},
        {"ERROR", K_ERROR},
        {"assignment", K_ASSIGNMENT},
        {"augmented_assignment", K_AUGMENTED_ASSIGNMENT},
        {"keyword_argument", K_KEYWORD_ARGUMENT},
        {"function_definition", K_FUNCTION_DEFINITION},
        {"class_definition", K_CLASS_DEFINITION},
        {"lambda", K_LAMBDA},
        {"default_parameter", K_DEFAULT_PARAMETER},
        {"typed_default_parameter", K_TYPED_DEFAULT_PARAMETER},
        {"for_statement", K_FOR_STATEMENT},
        {"for_in_clause", K_FOR_IN_CLAUSE},
        {"named_expression", K_NAMED_EXPRESSION},
        {"except_clause", K_EXCEPT_CLAUSE},
        {"import_statement", K_IMPORT_STATEMENT},
        {"import_from_statement", K_IMPORT_FROM_STATEMENT},
        {"future_import_statement", K_FUTURE_IMPORT_STATEMENT},
        {"exec_statement", K_EXEC_STATEMENT},
        {"print_statement", K_PRINT_STATEMENT},
        {"delete_statement", K_DELETE_STATEMENT},
        {"pattern_list", K_PATTERN_LIST},
        {"tuple_pattern", K_TUPLE_PATTERN},
        {"global_statement", K_GLOBAL_STATEMENT},
        {"nonlocal_statement", K_NONLOCAL_STATEMENT},
        {"as_pattern_target", K_AS_PATTERN_TARGET},
        {"assert_statement", K_ASSERT_STATEMENT},
        {"pair", K_PAIR},
        {"parameters", K_NOT_LOAD},
        {"lambda_parameters", K_NOT_LOAD},
        {"typed_parameter", K_NOT_LOAD},
        {"list_splat_pattern", K_NOT_LOAD},
        {"dictionary_splat_pattern", K_NOT_LOAD},
        {"dotted_name", K_NOT_LOAD},
        {"aliased_import", K_NOT_LOAD},
        {"list_pattern", K_NOT_LOAD},
        {"keyword_pattern", K_NOT_LOAD},
        {"import_prefix", K_NOT_LOAD},
        {"relative_import", K_NOT_LOAD},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(t, kinds[i].name))
            return kinds[i].kind;
    return K_OTHER;
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
        f[i] = (uint8_t)flags_by_name(t);
        k[i] = (uint8_t)kind_by_name(t);
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
    TSSymbol sym = ts_node_symbol(f->node);
    unsigned fl;
    if (node_flags && sym < node_flags_count) {
        fl = f->flags = node_flags[sym];
        f->kind = (node_kind)node_kinds[sym];
    } else { /* ERROR, or no table */
        fl = f->flags = flags_by_name(f->type);
        f->kind = kind_by_name(f->type);
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
        nb->has_local = true;
        return 0;
    }
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
static int bind_targets(ctx *c, scope *s, TSNode target, const frame *f)
{
    if (node_is(target, "identifier"))
        return bind_local(c, s, target, f);
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
            if ((rc = bind_local(c, s, n, f)) < 0)
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

static int bind_assignment(ctx *c, scope *s, TSNode n, const frame *f)
{
    TSNode left = ts_node_child_by_field_id(n, c->f_left);
    TSNode right = ts_node_child_by_field_id(n, c->f_right);
    if (ts_node_is_null(left))
        return 0;
    while (!ts_node_is_null(right) && node_is(right, "assignment"))
        right = ts_node_child_by_field_id(right, c->f_right);
    if (ts_node_is_null(right)) { /* `x: int` makes a local only inside functions */
        return s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS ? 0 : bind_targets(c, s, left, f);
    }
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
            rc = node_is(l, "identifier") ? bind_alias(c, s, l, r, s, f) : bind_targets(c, s, l, f);
        kids_done(&kl);
        kids_done(&kr);
        return rc < 0 ? -1 : 0;
    }
    return bind_targets(c, s, left, f);
}

static int bind_import(ctx *c, scope *s, TSNode n, const frame *f)
{
    bool from = node_is(n, "import_from_statement");
    const char *module = NULL;
    if (from) {
        TSNode m = ts_node_child_by_field_id(n, c->f_module_name);
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
            name = ts_node_child_by_field_id(ch, c->f_name);
            alias = ts_node_child_by_field_id(ch, c->f_alias);
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
            TSNode name = ts_node_child_by_field_id(p, c->f_name);
            TSNode value = ts_node_child_by_field_id(p, c->f_value);
            if (!ts_node_is_null(name) && node_is(name, "identifier") && !ts_node_is_null(value))
                rc = bind_alias(c, fs, name, value, outer, f);
            else if (!ts_node_is_null(name))
                rc = bind_targets(c, fs, name, f);
        } else if (!strcmp(t, "typed_parameter")) {
            TSNode first = ts_node_named_child(p, 0);
            if (!ts_node_is_null(first))
                rc = bind_targets(c, fs, first, f);
        } else if (strcmp(t, "keyword_separator") && strcmp(t, "positional_separator")) {
            rc = bind_targets(c, fs, p, f);
        }
    }
    kids_done(&k);
    return rc < 0 ? -1 : 0;
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
        TSNode name = ts_node_child_by_field_id(n, c->f_name);
        if (!ts_node_is_null(name) && bind_local(c, s, name, f) < 0)
            return -1;
        TSNode params = ts_node_child_by_field_id(n, c->f_parameters);
        return bind_parameters(c, f->pending, params, s, f);
    }
    if (!(f->flags & NF_BIND))
        return f->kind == K_STRING && !string_has_code(c, n) ? 1 : 0;
    if (!strcmp(t, "import_statement") || !strcmp(t, "import_from_statement"))
        return bind_import(c, s, n, f);
    if (!strcmp(t, "assignment"))
        return bind_assignment(c, s, n, f);
    if (!strcmp(t, "augmented_assignment")) {
        TSNode left = ts_node_child_by_field_id(n, c->f_left);
        return ts_node_is_null(left) ? 0 : bind_targets(c, s, left, f);
    }
    if (!strcmp(t, "for_statement") || !strcmp(t, "for_in_clause")) {
        TSNode left = ts_node_child_by_field_id(n, c->f_left);
        return ts_node_is_null(left) ? 0 : bind_targets(c, s, left, f);
    }
    if (!strcmp(t, "as_pattern_target"))
        return bind_targets(c, s, n, f);
    if (!strcmp(t, "except_clause")) {
        TSNode alias = ts_node_child_by_field_id(n, c->f_alias);
        return ts_node_is_null(alias) ? 0 : bind_targets(c, s, alias, f);
    }
    if (!strcmp(t, "named_expression")) {
        TSNode name = ts_node_child_by_field_id(n, c->f_name);
        TSNode value = ts_node_child_by_field_id(n, c->f_value);
        if (ts_node_is_null(name) || ts_node_is_null(value))
            return 0;
        return bind_alias(c, nearest_non_comprehension(s), name, value, s, f);
    }
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
