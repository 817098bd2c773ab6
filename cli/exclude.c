#include "exclude.h"
#include "paths.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pc_excludes_add(pc_excludes *x, const char *glob, const char *base, pc_error *err)
{
    pc_exclude *v = realloc(x->v, (x->n + 1) * sizeof *v);
    if (!v)
        return pc_fail(err, "out of memory");
    x->v = v;
    pc_exclude *e = &v[x->n];
    e->glob = strdup(glob);
    e->base = base ? realpath(base, NULL) : NULL;
    if (!e->glob || (base && !e->base)) {
        free(e->glob);
        free(e->base);
        return base && e->glob ? pc_fail(err, "%s: cannot resolve", base) : pc_fail(err, "out of memory");
    }
    size_t n = strlen(e->glob); /* "build/" names a directory: same as "build" */
    while (n > 1 && e->glob[n - 1] == '/')
        e->glob[--n] = '\0';
    x->n++;
    return 0;
}

void pc_excludes_free(pc_excludes *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].glob);
        free(x->v[i].base);
    }
    free(x->v);
    x->v = NULL;
    x->n = 0;
}

static bool glob_matches(const char *glob, const char *rel)
{
    if (fnmatch(glob, rel, 0) == 0)
        return true;
    for (const char *s = strchr(rel, '/'); s; s = strchr(s + 1, '/')) {
        if (fnmatch(glob, s + 1, 0) == 0) /* a trailing part */
            return true;
        char lead[PATH_MAX];
        size_t n = (size_t)(s - rel);
        if (n && n < sizeof lead) { /* a leading directory */
            memcpy(lead, rel, n);
            lead[n] = '\0';
            if (fnmatch(glob, lead, 0) == 0)
                return true;
        }
    }
    return false;
}

bool pc_excluded(const pc_excludes *x, const char *path)
{
    if (!x || !strcmp(path, "-"))
        return false;
    const char *given = path;
    while (given[0] == '.' && given[1] == '/')
        given += 2;
    for (size_t i = 0; i < x->n; i++) {
        char buf[PATH_MAX * 2];
        const char *rel = x->v[i].base ? pc_path_relative(x->v[i].base, path, buf, sizeof buf) : given;
        if (rel && *rel && glob_matches(x->v[i].glob, rel))
            return true;
    }
    return false;
}
