#include "config.h"
#include "netns.h"
#include "yamlutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char syscalls_path[4096];

void pc_runner_config_init(pc_runner_config *c, const char *rules_dir)
{
    memset(c, 0, sizeof *c);
    c->opts.limits.wall_ms = 10000;
    c->opts.limits.memory_bytes = 256ull << 20;
    c->opts.limits.processes = 64;
    c->opts.limits.output_bytes = 1ull << 20;
    c->opts.limits.file_bytes = 64ull << 20;
    c->opts.limits.open_files = 256;
    c->opts.limits.disk_bytes = 256ull << 20;
    c->opts.netns_pool = 2;
    snprintf(syscalls_path, sizeof syscalls_path, "%s/sandbox/syscalls.yaml", rules_dir);
    c->opts.syscalls_path = syscalls_path;
    c->opts.python = "/usr/bin/python3";
}

void pc_runner_config_free(pc_runner_config *c)
{
    free(c->python);
    for (size_t i = 0; i < c->ngroups; i++)
        free(c->groups[i]);
    for (size_t i = 0; i < c->nenv; i++)
        free(c->env[i]);
}

int pc_parse_size(const char *s, uint64_t *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0)
        return -1;
    uint64_t m = 1;
    if (!*end || !strcasecmp(end, "b"))
        m = 1;
    else if (!strcasecmp(end, "k") || !strcasecmp(end, "kib") || !strcasecmp(end, "kb"))
        m = 1ull << 10;
    else if (!strcasecmp(end, "m") || !strcasecmp(end, "mib") || !strcasecmp(end, "mb"))
        m = 1ull << 20;
    else if (!strcasecmp(end, "g") || !strcasecmp(end, "gib") || !strcasecmp(end, "gb"))
        m = 1ull << 30;
    else
        return -1;
    *out = (uint64_t)(v * (double)m);
    return 0;
}

int pc_parse_duration_ms(const char *s, uint64_t *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0)
        return -1;
    double m;
    if (!*end || !strcmp(end, "s"))
        m = 1000;
    else if (!strcmp(end, "ms"))
        m = 1;
    else if (!strcmp(end, "m") || !strcmp(end, "min"))
        m = 60000;
    else
        return -1;
    *out = (uint64_t)(v * m);
    return 0;
}

int pc_parse_layer(const char *s)
{
    static const unsigned bits[] = {PC_LAYER_NAMESPACES, PC_LAYER_LANDLOCK, PC_LAYER_SECCOMP,
                                    PC_LAYER_CGROUP,     PC_LAYER_RLIMITS,  PC_LAYER_PROCESS};
    for (size_t i = 0; i < sizeof bits / sizeof *bits; i++)
        if (!strcmp(s, pc_layer_name(bits[i])))
            return (int)bits[i];
    return 0;
}

static int strdup_list(pc_yaml *y, yaml_node_t *n, char **out, size_t *count, size_t max, pc_error *err)
{
    if (!n || n->type != YAML_SEQUENCE_NODE)
        return pc_yaml_fail(y, n, err, "expected a list");
    for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
        yaml_node_t *x = yaml_document_get_node(&y->doc, *i);
        const char *s = pc_yaml_scalar(x);
        if (!s)
            return pc_yaml_fail(y, x, err, "expected a string");
        if (*count == max)
            return pc_yaml_fail(y, x, err, "too many entries (at most %zu)", max);
        if (!(out[(*count)++] = strdup(s)))
            return pc_fail(err, "out of memory");
    }
    return 0;
}

int pc_runner_config_load(pc_runner_config *c, const char *policy_path, pc_error *err)
{
    pc_yaml y;
    if (pc_yaml_load(&y, policy_path, err) < 0) {
        pc_yaml_free(&y);
        return -1;
    }
    int rc = 0;
    yaml_node_t *r = pc_yaml_get(&y, pc_yaml_root(&y), "runner");
    if (!r)
        goto out;
    static const char *const keys[] = {"timeout",   "cpu",        "memory",       "processes", "output",
                                       "file_size", "open_files", "disk",         "python",    "optional",
                                       "seccomp",   "env",        "network_pool", NULL};
    if ((rc = pc_yaml_check_keys(&y, r, keys, err)) < 0)
        goto out;
    struct {
        const char *key;
        uint64_t *dst;
        int kind; /* 0 size, 1 duration, 2 count, 3 seconds */
    } nums[] = {
        {"timeout", &c->opts.limits.wall_ms, 1},       {"cpu", &c->opts.limits.cpu_s, 3},
        {"memory", &c->opts.limits.memory_bytes, 0},   {"processes", &c->opts.limits.processes, 2},
        {"output", &c->opts.limits.output_bytes, 0},   {"file_size", &c->opts.limits.file_bytes, 0},
        {"open_files", &c->opts.limits.open_files, 2}, {"disk", &c->opts.limits.disk_bytes, 0},
    };
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        yaml_node_t *v = pc_yaml_get(&y, r, nums[i].key);
        if (!v)
            continue;
        const char *s = pc_yaml_scalar(v);
        uint64_t x = 0;
        char *end = NULL;
        int bad = !s;
        if (!bad && nums[i].kind == 0)
            bad = pc_parse_size(s, &x) < 0;
        else if (!bad && nums[i].kind == 1)
            bad = pc_parse_duration_ms(s, &x) < 0;
        else if (!bad && nums[i].kind == 3) {
            bad = pc_parse_duration_ms(s, &x) < 0;
            x = (x + 999) / 1000;
        } else if (!bad) {
            x = strtoull(s, &end, 10);
            bad = !*s || *end;
        }
        if (bad) {
            rc = pc_yaml_fail(&y, v, err, "bad value for '%s'", nums[i].key);
            goto out;
        }
        *nums[i].dst = x;
    }
    yaml_node_t *v;
    if ((v = pc_yaml_get(&y, r, "network_pool"))) {
        const char *s = pc_yaml_scalar(v);
        char *end = NULL;
        unsigned long n = s ? strtoul(s, &end, 10) : 0;
        if (!s || !*s || *end || n > PC_NETNS_POOL_MAX) {
            rc = pc_yaml_fail(&y, v, err, "'network_pool' must be a number from 0 to %d", PC_NETNS_POOL_MAX);
            goto out;
        }
        c->opts.netns_pool = (unsigned)n;
    }
    if ((v = pc_yaml_get(&y, r, "python"))) {
        if (!pc_yaml_scalar(v) || !(c->python = strdup(pc_yaml_scalar(v)))) {
            rc = pc_yaml_fail(&y, v, err, "'python' must be a path");
            goto out;
        }
        c->opts.python = c->python;
    }
    if ((v = pc_yaml_get(&y, r, "optional"))) {
        char *names[16];
        size_t n = 0;
        if ((rc = strdup_list(&y, v, names, &n, 16, err)) < 0)
            goto out;
        for (size_t i = 0; i < n; i++) {
            int bit = pc_parse_layer(names[i]);
            if (!bit && rc == 0)
                rc = pc_yaml_fail(&y, v, err, "unknown layer '%s' (namespaces, landlock, cgroup)", names[i]);
            if (bit == PC_LAYER_SECCOMP || bit == PC_LAYER_PROCESS || bit == PC_LAYER_RLIMITS)
                rc = rc ? rc : pc_yaml_fail(&y, v, err, "layer '%s' cannot be made optional", names[i]);
            c->opts.optional_layers |= (unsigned)bit;
            free(names[i]);
        }
        if (rc < 0)
            goto out;
    }
    if ((v = pc_yaml_get(&y, r, "seccomp"))) {
        static const char *const sk[] = {"groups", "on_denied", NULL};
        if ((rc = pc_yaml_check_keys(&y, v, sk, err)) < 0)
            goto out;
        yaml_node_t *g = pc_yaml_get(&y, v, "groups"), *d = pc_yaml_get(&y, v, "on_denied");
        if (g && (rc = strdup_list(&y, g, c->groups, &c->ngroups, 64, err)) < 0)
            goto out;
        if (g) {
            c->opts.syscall_groups = (const char *const *)c->groups;
            c->opts.ngroups = c->ngroups;
        }
        if (d) {
            const char *s = pc_yaml_scalar(d);
            if (!s || (strcmp(s, "kill") && strcmp(s, "errno"))) {
                rc = pc_yaml_fail(&y, d, err, "'on_denied' must be kill or errno");
                goto out;
            }
            c->opts.seccomp_errno = !strcmp(s, "errno");
        }
    }
    if ((v = pc_yaml_get(&y, r, "env"))) {
        if ((rc = strdup_list(&y, v, c->env, &c->nenv, 64, err)) < 0)
            goto out;
        c->opts.env_names = (const char *const *)c->env;
        c->opts.nenv = c->nenv;
    }
out:
    pc_yaml_free(&y);
    return rc;
}
