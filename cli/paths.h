/* Collecting the files a command should look at. */
#ifndef PC_PATHS_H
#define PC_PATHS_H

#include "error.h"

#include <stddef.h>

typedef struct pc_paths {
    char **v;
    size_t n, cap;
} pc_paths;

/* Add a file as given, or every *.py below a directory (sorted), skipping
 * VCS directories, __pycache__ and virtual environments. */
int pc_paths_add(pc_paths *p, const char *path, pc_error *err);
void pc_paths_free(pc_paths *p);

/* Read a whole file (at most max bytes; *truncated set when larger). */
int pc_read_file(const char *path, size_t max, unsigned char **data, size_t *len, pc_error *err);
int pc_read_stream(int fd, size_t max, unsigned char **data, size_t *len, pc_error *err);

#endif
