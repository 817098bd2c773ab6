/* A credential file's name (".env", "id_rsa", "*.pem") in a def that walks
 * the home directory or the whole filesystem: a stealer's search written
 * as a loop (for root, _, files in os.walk(home): if f == ".env": ...),
 * where `find / -name id_rsa` is the command-line form. The walks are
 * found among the file's calls by their last names and kept to those in
 * the same def as the string (the same statement at the module's top), or
 * anywhere when the string is in a constant bound at the module's top
 * (KEY_NAMES = {...}, read by the def that walks). */
#include "internal.h"

#include <string.h>

enum { SITES = 256 };

/* Where a walk makes str a searched-for name: the def (or lambda) it is
 * in; at the module's top, the statement it is in, or the whole file
 * (a null node) for a constant bound there (KEY_NAMES = {".env", ...}). */
static TSNode region_of(TSNode n)
{
    TSNode top = n;
    for (int i = 0; i < 512; i++) {
        TSNode up = ts_node_parent(top);
        if (ts_node_is_null(up))
            break;
        const char *t = ts_node_type(up);
        if (!strcmp(t, "function_definition") || !strcmp(t, "lambda"))
            return up;
        if (!strcmp(t, "module")) {
            TSNode e = ts_node_named_child(top, 0);
            bool constant = !strcmp(ts_node_type(top), "expression_statement") && !ts_node_is_null(e) &&
                            !strcmp(ts_node_type(e), "assignment");
            return constant ? (TSNode){0} : top;
        }
        top = up;
    }
    return top;
}

/* Does a call in region d (any call when d is null) walk home or /? */
static bool def_walks_home(ctx *c, TSNode d)
{
    static const char *const walks[] = {"walk", "fwalk", "scandir", "listdir",
                                        "glob", "iglob", "rglob",   "iterdir"};
    int seen = 0;
    for (size_t w = 0; w < sizeof walks / sizeof *walks; w++)
        for (int32_t i = call_sites_named(c, walks[w]); i >= 0 && seen < SITES;
             i = c->sites[i].next, seen++) {
            const call_site *s = &c->sites[i];
            if (!ts_node_is_null(s->target) || (!ts_node_is_null(d) && !node_within(s->call, d)))
                continue;
            if (walks_home_dir(c, s->call, s->sc, true))
                return true;
        }
    return false;
}

bool string_in_home_walk(ctx *c, TSNode str)
{
    TSNode d = region_of(str);
    /* the strings of one def come one after another: its answer, kept */
    if (c->home_walk_known && ts_node_eq(c->home_walk_def, d))
        return c->home_walk;
    c->home_walk_known = true;
    c->home_walk_def = d;
    c->home_walk = def_walks_home(c, d);
    return c->home_walk;
}
