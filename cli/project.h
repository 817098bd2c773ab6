/* The project configuration file, .portcullis.yaml, found by walking up from
 * the current directory (only files owned by the caller or root and not
 * writable by others count). Command-line flags take precedence over it. */
#ifndef PC_PROJECT_H
#define PC_PROJECT_H

#include "error.h"

#include <stddef.h>

typedef struct pc_project {
    char *path;   /* the file found, or NULL when there is none */
    char *dir;    /* its directory: relative paths in it are resolved from here */
    char *policy; /* policy: NAME or a path (made absolute) */
    char **rules; /* rules: [FILE|DIR] (absolute) */
    size_t nrules;
    char **exclude; /* exclude: [GLOB] (as written; matched relative to dir) */
    size_t nexclude;
    char *baseline; /* baseline: FILE (absolute) */
    char *fail_on;  /* fail-on: SEVERITY */
    char *audit;    /* audit: FILE (absolute) */
} pc_project;

/* Find and load the configuration. No file is not an error (p->path stays
 * NULL); a file that cannot be read or has unknown keys or wrong types is
 * (-1, err says file:line:column). $PORTCULLIS_CONFIG names a file to use
 * instead of searching; PORTCULLIS_CONFIG="" disables the search. */
int pc_project_load(pc_project *p, pc_error *err);
void pc_project_free(pc_project *p);

#endif
