/* --exclude GLOB and the config's exclude: which paths check leaves out. */
#ifndef PC_EXCLUDE_H
#define PC_EXCLUDE_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pc_exclude {
    char *glob;
    char *base; /* patterns from a config file match paths relative to its directory; NULL: as given */
} pc_exclude;

typedef struct pc_excludes {
    pc_exclude *v;
    size_t n;
} pc_excludes;

int pc_excludes_add(pc_excludes *x, const char *glob, const char *base, pc_error *err);
void pc_excludes_free(pc_excludes *x);

/* Is path (a file or a directory, as found or given) excluded? A glob
 * matches the whole relative path, any trailing part of it (such as
 * "*_pb2.py") or any leading directory ("build", "tests/fixtures"); a star
 * matches across slashes. */
bool pc_excluded(const pc_excludes *x, const char *path);

#endif
