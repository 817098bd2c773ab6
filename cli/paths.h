/* Collecting the files a command should look at. */
#ifndef PC_PATHS_H
#define PC_PATHS_H

#include "error.h"
#include "exclude.h"

#include <stddef.h>

typedef struct pc_paths {
    char **v;
    size_t n, cap;
    const pc_excludes *exclude; /* paths left out; may be NULL */
    size_t excluded;            /* how many files and directories were left out */
} pc_paths;

/* Add a file as given, or every *.py below a directory (sorted), skipping
 * VCS directories, __pycache__, virtual environments and excluded paths. */
int pc_paths_add(pc_paths *p, const char *path, pc_error *err);
void pc_paths_free(pc_paths *p);
/* Add a string as it is (no search, no exclusion). */
int pc_paths_add_name(pc_paths *p, const char *name, pc_error *err);

/* Read a whole file (at most max bytes; *truncated set when larger). */
int pc_read_file(const char *path, size_t max, unsigned char **data, size_t *len, pc_error *err);
/* path (a file or directory that exists) relative to base (a real path,
 * without symlinks), written into buf; NULL when path is not below base. */
const char *pc_path_relative(const char *base, const char *path, char *buf, size_t cap);

/* Give a file made by mkstemp (0600) the mode a new file normally gets
 * (0666 less the umask): reports and baselines are meant to be shared. */
void pc_file_mode_default(int fd);

int pc_read_stream(int fd, size_t max, unsigned char **data, size_t *len, pc_error *err);

#endif
