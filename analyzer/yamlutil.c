#include "yamlutil.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int pc_yaml_load(pc_yaml *y, const char *path, pc_error *err)
{
    memset(y, 0, sizeof *y);
    y->path = path;
    FILE *f = fopen(path, "rb");
    if (!f)
        return pc_fail(err, "%s: cannot open: %s", path, strerror(errno));
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        fclose(f);
        return pc_fail(err, "%s: out of memory", path);
    }
    yaml_parser_set_input_file(&p, f);
    int ok = yaml_parser_load(&p, &y->doc);
    if (!ok) {
        pc_fail(err, "%s:%zu:%zu: invalid YAML: %s%s%s", path, p.problem_mark.line + 1,
                p.problem_mark.column + 1, p.problem ? p.problem : "parse error", p.context ? " " : "",
                p.context ? p.context : "");
        yaml_parser_delete(&p);
        fclose(f);
        return -1;
    }
    yaml_parser_delete(&p);
    fclose(f);
    y->loaded = true;
    if (!yaml_document_get_root_node(&y->doc))
        return pc_fail(err, "%s:1:1: empty file", path);
    return 0;
}

void pc_yaml_free(pc_yaml *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    y->loaded = false;
}

yaml_node_t *pc_yaml_root(pc_yaml *y)
{
    return yaml_document_get_root_node(&y->doc);
}

int pc_yaml_fail(const pc_yaml *y, const yaml_node_t *n, pc_error *err, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t line = n ? n->start_mark.line + 1 : 1, col = n ? n->start_mark.column + 1 : 1;
    return pc_fail(err, "%s:%zu:%zu: %s", y->path, line, col, msg);
}

const char *pc_yaml_scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

bool pc_yaml_plain(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

yaml_node_t *pc_yaml_get(pc_yaml *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = pc_yaml_scalar(yaml_document_get_node(&y->doc, p->key));
        if (k && strcmp(k, key) == 0)
            return yaml_document_get_node(&y->doc, p->value);
    }
    return NULL;
}

int pc_yaml_check_keys(pc_yaml *y, yaml_node_t *map, const char *const *allowed, pc_error *err)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return pc_yaml_fail(y, map, err, "expected a mapping");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(&y->doc, p->key);
        const char *k = pc_yaml_scalar(kn);
        if (!k)
            return pc_yaml_fail(y, kn, err, "keys must be plain strings");
        bool known = false;
        for (const char *const *a = allowed; *a; a++)
            known |= strcmp(*a, k) == 0;
        if (!known) {
            char list[400] = "";
            for (const char *const *a = allowed; *a; a++) {
                if (strlen(list) + strlen(*a) + 3 >= sizeof list)
                    break;
                if (*list)
                    strcat(list, ", ");
                strcat(list, *a);
            }
            return pc_yaml_fail(y, kn, err, "unknown key '%s' (expected one of: %s)", k, list);
        }
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            const char *k2 = pc_yaml_scalar(yaml_document_get_node(&y->doc, q->key));
            if (k2 && strcmp(k, k2) == 0)
                return pc_yaml_fail(y, kn, err, "duplicate key '%s'", k);
        }
    }
    return 0;
}

int pc_yaml_strings(pc_yaml *y, yaml_node_t *n, pc_arena *a, const char ***out, size_t *count, pc_error *err)
{
    if (n->type == YAML_SCALAR_NODE) {
        const char **v = pc_arena_alloc(a, sizeof *v);
        if (!v || !(v[0] = pc_arena_strdup(a, pc_yaml_scalar(n))))
            return pc_fail(err, "out of memory");
        *out = v;
        *count = 1;
        return 0;
    }
    if (n->type != YAML_SEQUENCE_NODE)
        return pc_yaml_fail(y, n, err, "expected a string or a list of strings");
    size_t len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    const char **v = pc_arena_array(a, len + 1, sizeof *v);
    if (!v)
        return pc_fail(err, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *item = yaml_document_get_node(&y->doc, n->data.sequence.items.start[i]);
        const char *s = pc_yaml_scalar(item);
        if (!s)
            return pc_yaml_fail(y, item, err, "expected a string");
        if (!*s)
            return pc_yaml_fail(y, item, err, "empty string");
        if (!(v[i] = pc_arena_strdup(a, s)))
            return pc_fail(err, "out of memory");
    }
    *out = v;
    *count = len;
    return 0;
}

int pc_yaml_string(pc_yaml *y, yaml_node_t *map, const char *key, bool required, pc_arena *a,
                   const char **out, pc_error *err)
{
    yaml_node_t *n = pc_yaml_get(y, map, key);
    if (!n) {
        if (required)
            return pc_yaml_fail(y, map, err, "missing required key '%s'", key);
        *out = NULL;
        return 0;
    }
    const char *s = pc_yaml_scalar(n);
    if (!s)
        return pc_yaml_fail(y, n, err, "'%s' must be a string", key);
    if (required && !*s)
        return pc_yaml_fail(y, n, err, "'%s' must not be empty", key);
    if (!(*out = pc_arena_strdup(a, s)))
        return pc_fail(err, "out of memory");
    return 0;
}

int pc_yaml_bool_value(const yaml_node_t *n)
{
    const char *s = pc_yaml_scalar(n);
    if (!s || !pc_yaml_plain(n))
        return -1;
    if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
        return 1;
    if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off"))
        return 0;
    return -1;
}
