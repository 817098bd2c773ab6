/* Python the program writes into a file: a conftest.py, setup.py,
 * sitecustomize.py, a .pth file, a plugin, a "fixed" module of the
 * project. It runs later, outside this check, so its text (when it folds
 * to a constant) is checked here as a file of its own, with the same rules
 * and policy; a finding there that the policy denies on, or of high
 * severity or above (so that audit reports it too), makes the write one.
 * Text that is not clean Python (a shell script, a config file) and files
 * named for other formats are left alone. */
#include "internal.h"

#include <string.h>
#include <strings.h>

enum { MIN_CODE = 24, MAX_CODE = 256 * 1024, SITES = 64 };

/* Is the path known to be a file of another kind (notes.md, ci.yaml)? */
static bool other_format(ctx *c, TSNode path, scope *sc)
{
    static const char *const exts[] = {".md",  ".txt", ".rst",  ".json", ".yml", ".yaml", ".toml", ".ini",
                                       ".cfg", ".csv", ".html", ".htm",  ".xml", ".sh",   ".js",   ".log"};
    strval p;
    if (!fold_text(c, path, sc, &p))
        return false;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t n = strlen(exts[i]);
        if (p.len >= n && !strncasecmp(p.s + p.len - n, exts[i], n))
            return true;
    }
    return false;
}

/* The code as a file of its own: its first finding that denies, or is
 * high or critical; NULL also when it is not clean Python (some other
 * format). */
static const char *denied_code(ctx *c, const strval *code)
{
    pc_worker *w = c->w;
    if (w->is_nested || code->len < MIN_CODE || code->len > MAX_CODE)
        return NULL;
    if (!w->nested) {
        if (!(w->nested = pc_worker_new(c->eng)))
            return NULL;
        w->nested->is_nested = true;
    }
    pc_result r;
    pc_error err = {0};
    if (pc_analyze(w->nested, "<written>", (const unsigned char *)code->s, code->len, &r, &err) < 0)
        return NULL;
    const char *why = NULL;
    bool clean = true;
    for (size_t i = 0; i < r.nfindings; i++) {
        const pc_finding *f = &r.findings[i];
        /* text that does not parse or decode is some other format; bidi,
         * invisible and look-alike characters are Python hiding something */
        unsigned other = 1u << PC_INPUT_PARSE_ERROR | 1u << PC_INPUT_ENCODING | 1u << PC_INPUT_INVALID_UTF8 |
                         1u << PC_INPUT_NUL | 1u << PC_INPUT_BINARY;
        if (f->rule->kind == PC_MATCH_INPUT && (f->rule->input_kinds & other))
            clean = false;
        else if ((f->denies || f->severity >= PC_SEV_HIGH) && !why)
            why = pc_arena_printf(c->a, "%s at line %u of the written code", f->rule->id, f->span.line);
    }
    pc_result_release(&r);
    return clean ? why : NULL;
}

typedef struct site_ud {
    ctx *c;
    const char *why;
} site_ud;

static bool site_denied(void *p, TSNode arg, scope *asc)
{
    site_ud *u = p;
    strval code;
    return fold_text(u->c, arg, asc, &code) && (u->why = denied_code(u->c, &code)) != NULL;
}

/* A code template: a name the writing function reads, bound once to a
 * constant string of several lines, checked as code of its own. */
typedef struct template_ud {
    ctx *c;
    scope *sc;
    const char *why;
    int left; /* templates still to check */
} template_ud;

static bool template_denied(void *p, TSNode id)
{
    template_ud *u = p;
    binding *b = sole_binding(ident_name(u->c, id), u->sc, BIND_ALIAS);
    strval code;
    if (!b || !string_value(u->c, unparen(b->value), &code) || !memchr(code.s, '\n', code.len) ||
        u->left-- <= 0)
        return false;
    u->why = denied_code(u->c, &code);
    return u->why != NULL;
}

/* The code the argument holds, or for a parameter of the enclosing def
 * what any call of it passes: the first that would be denied. When it does
 * not fold (the file's own text read, a template added to it and spliced
 * in with a regex), each code template the writing function reads is
 * checked on its own: code added to a module runs with it. */
static const char *written_denied(ctx *c, TSNode content, scope *sc)
{
    site_ud u = {c, NULL};
    if (site_denied(&u, content, sc))
        return u.why;
    TSNode v = unparen(content);
    const char *name = ts_node_symbol(v) == syms.identifier ? ident_name(c, v) : NULL;
    for (scope *x = sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        int budget = SITES;
        if (param_any_arg(c, x, name, site_denied, &u, &budget))
            return u.why;
        break;
    }
    scope *fs = sc;
    while (fs && fs->kind != SCOPE_FUNCTION)
        fs = fs->parent;
    TSNode body = fs ? node_field(fs->node, c->f_body) : (TSNode){0};
    if (ts_node_is_null(body))
        return NULL;
    template_ud t = {c, sc, NULL, 16};
    int budget = 4096;
    return find_identifier(body, 0, &budget, template_denied, &t) ? t.why : NULL;
}

int check_written_code(ctx *c, TSNode call, const vals *callee, scope *sc)
{
    if (!(c->eng->syntax_kinds & PC_SYN_WRITTEN_CODE) || c->w->is_nested)
        return 0;
    (void)callee;
    TSNode fn = node_field(call, c->f_function), args = node_field(call, c->f_arguments);
    if (ts_node_is_null(fn) || ts_node_symbol(fn) != syms.attribute || ts_node_is_null(args) ||
        ts_node_symbol(args) != syms.argument_list)
        return 0;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    TSNode recv = node_field(fn, c->f_object), path = {0};
    scope *psc = sc;
    if (m && (!strcmp(m, "write_text") || !strcmp(m, "write_bytes")))
        path = recv;                   /* Path(P).write_text(code) */
    else if (m && !strcmp(m, "write")) /* f.write(code) on a file opened on a path */
        path = opened_path(c, recv, sc, ts_node_start_byte(call), &psc, 0);
    if (ts_node_is_null(path))
        return 0;
    TSNode content = call_arg(args, 0);
    if (ts_node_is_null(content) || other_format(c, path, psc))
        return 0;
    const char *why = written_denied(c, content, sc);
    return why ? match_syntax(c, call, PC_SYN_WRITTEN_CODE, why) : 0;
}
