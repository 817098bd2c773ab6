/* Reading YAML documents with positions, for rule and policy files. */
#ifndef PC_YAMLUTIL_H
#define PC_YAMLUTIL_H

#include "arena.h"
#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

typedef struct pc_yaml {
    yaml_document_t doc;
    const char *path;
    bool loaded;
} pc_yaml;

int pc_yaml_load(pc_yaml *y, const char *path, pc_error *err);
void pc_yaml_free(pc_yaml *y);
yaml_node_t *pc_yaml_root(pc_yaml *y);
/* Format "path:line:col: message" for node n. Returns -1. */
int pc_yaml_fail(const pc_yaml *y, const yaml_node_t *n, pc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *pc_yaml_scalar(const yaml_node_t *n); /* NULL unless a scalar */
bool pc_yaml_plain(const yaml_node_t *n);         /* an unquoted scalar */
/* The value for key in a mapping, or NULL. */
yaml_node_t *pc_yaml_get(pc_yaml *y, yaml_node_t *map, const char *key);
/* Fail on keys not in `allowed` (NULL-terminated) and on duplicate keys. */
int pc_yaml_check_keys(pc_yaml *y, yaml_node_t *map, const char *const *allowed, pc_error *err);
/* A scalar or a sequence of scalars, copied into the arena. */
int pc_yaml_strings(pc_yaml *y, yaml_node_t *n, pc_arena *a, const char ***out, size_t *count, pc_error *err);
/* A required or optional string value. */
int pc_yaml_string(pc_yaml *y, yaml_node_t *map, const char *key, bool required, pc_arena *a,
                   const char **out, pc_error *err);
/* Parse a plain boolean (true/false/yes/no/on/off); -1 if not one. */
int pc_yaml_bool_value(const yaml_node_t *n);

#endif
