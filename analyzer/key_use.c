/* A credential path that the program only uses as an SSH identity, or
 * only shows in a message: paramiko's connect(key_filename="~/.ssh/id_ed25519"), the key
 * RSAKey.from_private_key_file(...) loads handed to connect(pkey=...),
 * ["ssh", "-i", key, host], a --key option's default. The key then signs
 * a login to the host the user names and is never read as data by the
 * program (nor is it when the program only asks whether it exists); reading it, or any other use of the
 * literal, of the one name it is bound to or of the key loaded from it, keeps the finding. */
#include "internal.h"

#include <string.h>

enum { HOPS = 8, NAME_USES = 16 };

/* Keyword arguments that name a private key (its file, or the key a
 * reader below loaded) to log in with. */
static bool key_keyword(const char *k)
{
    static const char *const names[] = {"key_filename", "key_file",    "keyfile",          "identity_file",
                                        "identityfile", "client_keys", "ssh_key",          "private_key_file",
                                        "key_path",     "pkey_path",   "private_key_path", "ssh_key_path",
                                        "pkey",         "ssh_pkey",    "ssh_private_key",  "ssh_key_file"};
    return k && str_listed(k, names, sizeof names / sizeof *names);
}

/* Calls that only show a message: print, a logger's methods, warnings. */
static bool shown(const char *m)
{
    static const char *const names[] = {"print", "warn",     "warning", "info", "debug",
                                        "error", "critical", "echo",    "secho"};
    return m && str_listed(m, names, sizeof names / sizeof *names);
}

/* Calls that only ask whether a path is there (os.path.exists(p),
 * Path(p).is_file()): the key is not read. */
static bool existence_check(const char *m)
{
    static const char *const names[] = {"exists", "lexists", "isfile", "is_file", "access"};
    return m && str_listed(m, names, sizeof names / sizeof *names);
}

/* Is a the pattern (first argument) of a call of re's functions (or of
 * regex's, or fnmatch.translate)? */
static bool regex_pattern(ctx *c, TSNode call, TSNode args, TSNode a)
{
    static const char *const names[] = {"compile",  "search", "match", "fullmatch", "findall",
                                        "finditer", "sub",    "subn",  "split",     "translate"};
    const char *m = callee_last_name(c, call, NULL);
    if (!m || !str_listed(m, names, sizeof names / sizeof *names) || !ts_node_eq(call_arg(args, 0), a))
        return false;
    scope *sc = scope_around(c, call); /* resolved where the call is */
    if (!sc)
        return false;
    vals v = {0};
    resolve_expr(c, node_field(call, c->f_function), sc, 0, &v);
    for (int i = 0; i < v.n; i++) {
        const char *q = v.v[i].qual;
        if (q && (!strncmp(q, "re.", 3) || !strncmp(q, "regex.", 6) || !strncmp(q, "fnmatch.", 8)))
            return true;
    }
    return false;
}

/* Calls that load a private key file: the key they return must itself be
 * used only to log in with (pkey=, client_keys=). */
static bool key_reader(const char *m)
{
    static const char *const names[] = {"from_private_key_file", "read_private_key",
                                        "import_private_key_file", "load_keys"};
    return m && str_listed(m, names, sizeof names / sizeof *names);
}

/* Calls that hand a path on unchanged for this purpose: expanding,
 * normalising or wrapping it. */
static bool path_wrapper(const char *m)
{
    static const char *const names[] = {"expanduser", "expandvars", "abspath", "realpath", "normpath",
                                        "Path",       "PosixPath",  "str",     "fspath"};
    return m && str_listed(m, names, sizeof names / sizeof *names);
}

/* parser.add_argument("--key", ..., default=here): an option whose names
 * say it is a key or an identity file. */
static bool key_option(ctx *c, TSNode call)
{
    const char *m = callee_last_name(c, call, NULL);
    TSNode args = node_field(call, c->f_arguments);
    if (!m || strcmp(m, "add_argument") || ts_node_is_null(args))
        return false;
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n && i < 8; i++) {
        strval s;
        TSNode a = ts_node_named_child(args, i);
        if (is_sym(a, syms.string) && string_literal_parts(c, a, &s) && s.len >= 2 && s.s[0] == '-' &&
            (memmem(s.s, s.len, "key", 3) || memmem(s.s, s.len, "identity", 8)))
            return true;
    }
    return false;
}

/* The argument before a in its list: "-i" in ["ssh", "-i", key]. */
static bool after_identity_flag(ctx *c, TSNode a)
{
    TSNode prev = ts_node_prev_named_sibling(a);
    strval s;
    return !ts_node_is_null(prev) && is_sym(prev, syms.string) && string_literal_parts(c, prev, &s) &&
           s.len == 2 && !memcmp(s.s, "-i", 2);
}

static bool name_only_key_use(ctx *c, TSNode assign, TSNode name, int depth);

/* Is n (a literal, or a name it was bound to) used as an SSH identity
 * where it stands, through the wrappers above? */
static bool key_use_at(ctx *c, TSNode n, int depth)
{
    for (int hop = 0; hop < HOPS; hop++) {
        TSNode up = ts_node_parent(n);
        while (node_is(up, "parenthesized_expression")) {
            n = up;
            up = ts_node_parent(n);
        }
        if (ts_node_is_null(up))
            return false;
        if (node_is(up, "keyword_argument")) {
            TSNode k = node_field(up, c->f_name);
            const char *kn = ts_node_is_null(k) ? NULL : ident_name(c, k);
            if (key_keyword(kn))
                return true;
            TSNode call = ts_node_parent(ts_node_parent(up));
            return kn && !strcmp(kn, "default") && is_sym(call, syms.call) && key_option(c, call);
        }
        if (node_is(up, "argument_list")) {
            TSNode call = ts_node_parent(up);
            const char *m = is_sym(call, syms.call) ? callee_last_name(c, call, NULL) : NULL;
            /* the literal itself shown to the user (print("... ssh-add
             * ~/.ssh/id_ed25519"), a log line, a warning), or a regular
             * expression's pattern (re.compile(r"\.ssh/id_rsa")): not read */
            if (hop == 0 && depth == 0 && (shown(m) || regex_pattern(c, call, up, n)))
                return true;
            /* os.path.exists(key): only whether it is there */
            if (existence_check(m) && ts_node_eq(call_arg(up, 0), n))
                return true;
            /* os.environ.get("SSH_KEY", "~/.ssh/id_rsa"): the default */
            bool fallback =
                m && (!strcmp(m, "get") || !strcmp(m, "getenv")) && ts_node_eq(call_arg(up, 1), n);
            bool joined =
                m && ((!strcmp(m, "join") && !ts_node_eq(call_arg(up, 0), n)) || !strcmp(m, "joinpath"));
            if (!path_wrapper(m) && !key_reader(m) && !fallback && !joined)
                return false;
            n = call;
            continue;
        }
        if (is_sym(up, syms.binary_operator) && node_is(node_field(up, syms.operator_), "/")) {
            n = up; /* Path.home() / ".ssh" / "id_ed25519" */
            continue;
        }
        if (is_sym(up, syms.attribute)) { /* Path("~/.ssh/id_rsa").expanduser(), .exists() */
            const char *a = ident_name(c, node_field(up, c->f_attribute));
            TSNode call = ts_node_parent(up);
            if (!a || !is_sym(call, syms.call) || !ts_node_eq(node_field(up, c->f_object), n))
                return false;
            if (existence_check(a))
                return true;
            if (strcmp(a, "expanduser") && strcmp(a, "joinpath"))
                return false;
            n = call;
            continue;
        }
        if (node_is(up, "list") || is_sym(up, syms.tuple)) {
            if (after_identity_flag(c, n)) /* ["ssh", "-i", key, host] */
                return true;
            n = up; /* client_keys=[key] */
            continue;
        }
        if (node_is(up, "pair")) { /* connect_kwargs={"key_filename": key} */
            strval k;
            TSNode key = node_field(up, c->f_key);
            return ts_node_eq(node_field(up, c->f_value), n) && is_sym(key, syms.string) &&
                   string_literal_parts(c, key, &k) && k.len < 64 &&
                   key_keyword(pc_arena_printf(c->a, "%.*s", (int)k.len, k.s));
        }
        if (node_is(up, "assignment") && ts_node_eq(node_field(up, c->f_right), n)) {
            TSNode left = node_field(up, c->f_left);
            return depth < 2 && is_sym(left, syms.identifier) && name_only_key_use(c, up, left, depth + 1);
        }
        return false;
    }
    return false;
}

/* KEY = "~/.ssh/id_rsa": is every other mention of KEY in the file (the
 * name bound by that assignment alone) an SSH identity's? */
static bool name_only_key_use(ctx *c, TSNode assign, TSNode name, int depth)
{
    const char *id = ident_name(c, name);
    int uses = 0;
    if (!id || c->tape_off)
        return false;
    for (size_t i = 0; i < c->ntape; i++) {
        const tape_entry *e = &c->tape[i];
        if (e->sym != syms.identifier || ts_node_eq(e->node, name))
            continue;
        const char *other = ident_name(c, e->node);
        if (!other || strcmp(other, id))
            continue;
        TSNode up = ts_node_parent(e->node);
        if (node_is(up, "assignment") && !ts_node_eq(up, assign) &&
            ts_node_eq(node_field(up, c->f_left), e->node))
            return false; /* bound again */
        if (is_sym(up, syms.attribute) && ts_node_eq(node_field(up, c->f_attribute), e->node))
            continue; /* obj.KEY: another name */
        if (node_is(up, "keyword_argument") && ts_node_eq(node_field(up, c->f_name), e->node))
            continue; /* f(KEY=...): a parameter's name */
        if (++uses > NAME_USES || !key_use_at(c, e->node, depth))
            return false;
    }
    return uses > 0;
}

bool string_only_key_use(ctx *c, TSNode str)
{
    return key_use_at(c, str, 0);
}
