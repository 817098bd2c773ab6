/* .portcullis.yaml: the project's defaults for check, run and exec. */
#include "project.h"
#include "rules.h"
#include "yamlutil.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_NAME ".portcullis.yaml"

/* The first .portcullis.yaml from the current directory up to / that is
 * ours (or root's) and that nobody else may write. */
static char *find_config(void)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return NULL;
    for (;;) {
        char path[PATH_MAX + sizeof CONFIG_NAME + 1];
        snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", CONFIG_NAME);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            /* as git's safe.directory: a file someone else could have put
             * in a shared directory (/tmp) must not set the policy */
            if ((st.st_uid == geteuid() || st.st_uid == 0) && !(st.st_mode & 022))
                return strdup(path);
            fprintf(stderr,
                    "portcullis: note: ignoring %s: owned by another user or writable by others "
                    "(name it with PORTCULLIS_CONFIG to use it)\n",
                    path);
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir) {
            if (!strcmp(dir, "/"))
                return NULL;
            strcpy(dir, "/");
        } else {
            *slash = '\0';
        }
    }
}

/* value as written, or made absolute against the config's directory */
static char *resolve(const pc_project *p, const char *value)
{
    if (value[0] == '/')
        return strdup(value);
    size_t n = strlen(p->dir) + strlen(value) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", p->dir, value);
    return s;
}

static bool policy_is_name(const char *v)
{
    return !strchr(v, '/') && !strstr(v, ".yaml") && !strstr(v, ".yml");
}

static int one_path(pc_yaml *y, yaml_node_t *root, const char *key, const pc_project *p, char **out,
                    pc_error *err)
{
    yaml_node_t *v = pc_yaml_get(y, root, key);
    if (!v)
        return 0;
    const char *s = pc_yaml_scalar(v);
    if (!s || !*s)
        return pc_yaml_fail(y, v, err, "'%s' must be a file name", key);
    if (!(*out = resolve(p, s)))
        return pc_fail(err, "out of memory");
    return 0;
}

/* A list of strings (one scalar is a list of one), resolved or as written. */
static int string_list(pc_yaml *y, yaml_node_t *root, const char *key, const pc_project *p, bool paths,
                       char ***out, size_t *n, pc_error *err)
{
    yaml_node_t *v = pc_yaml_get(y, root, key);
    if (!v)
        return 0;
    pc_arena a;
    pc_arena_init(&a);
    const char **items = NULL;
    size_t count = 0;
    int rc = pc_yaml_strings(y, v, &a, &items, &count, err);
    if (rc == 0 && !(*out = calloc(count + 1, sizeof **out)))
        rc = pc_fail(err, "out of memory");
    for (size_t i = 0; rc == 0 && i < count; i++) {
        if (!*items[i])
            rc = pc_yaml_fail(y, v, err, "'%s' has an empty entry", key);
        else if (!((*out)[i] = paths ? resolve(p, items[i]) : strdup(items[i])))
            rc = pc_fail(err, "out of memory");
        else if (paths && access((*out)[i], F_OK) < 0)
            rc = pc_yaml_fail(y, v, err, "'%s': %s: %s", key, items[i], strerror(errno));
        if (rc == 0 || (*out)[i])
            (*n)++;
    }
    pc_arena_release(&a);
    return rc;
}

static int parse(pc_yaml *y, pc_project *p, pc_error *err)
{
    static const char *const keys[] = {"policy", "rules", "exclude", "baseline", "fail-on", "audit", NULL};
    yaml_node_t *root = pc_yaml_root(y);
    if (root->type != YAML_MAPPING_NODE)
        return pc_yaml_fail(y, root, err, "expected a mapping of settings (policy, rules, exclude, ...)");
    if (pc_yaml_check_keys(y, root, keys, err) < 0)
        return -1;
    yaml_node_t *v = pc_yaml_get(y, root, "policy");
    if (v) {
        const char *s = pc_yaml_scalar(v);
        if (!s || !*s)
            return pc_yaml_fail(y, v, err, "'policy' must be a policy name or file");
        if (!(p->policy = policy_is_name(s) ? strdup(s) : resolve(p, s)))
            return pc_fail(err, "out of memory");
    }
    if ((v = pc_yaml_get(y, root, "fail-on"))) {
        const char *s = pc_yaml_scalar(v);
        if (!s || pc_severity_parse(s) < 0)
            return pc_yaml_fail(y, v, err, "'fail-on' must be one of: info, low, medium, high, critical");
        if (!(p->fail_on = strdup(s)))
            return pc_fail(err, "out of memory");
    }
    if (string_list(y, root, "rules", p, true, &p->rules, &p->nrules, err) < 0 ||
        string_list(y, root, "exclude", p, false, &p->exclude, &p->nexclude, err) < 0 ||
        one_path(y, root, "baseline", p, &p->baseline, err) < 0 ||
        one_path(y, root, "audit", p, &p->audit, err) < 0)
        return -1;
    return 0;
}

int pc_project_load(pc_project *p, pc_error *err)
{
    memset(p, 0, sizeof *p);
    const char *env = getenv("PORTCULLIS_CONFIG");
    if (env && !*env)
        return 0;
    p->path = env ? strdup(env) : find_config();
    if (!p->path)
        return env ? pc_fail(err, "out of memory") : 0;
    char *slash = strrchr(p->path, '/');
    p->dir = slash ? strndup(p->path, slash == p->path ? 1 : (size_t)(slash - p->path)) : strdup(".");
    if (!p->dir)
        return pc_fail(err, "out of memory");
    pc_yaml y;
    int rc = pc_yaml_load(&y, p->path, err);
    if (rc == 0)
        rc = parse(&y, p, err);
    else if (strstr(err->msg, ": empty file")) /* nothing but comments: no settings */
        rc = 0;
    pc_yaml_free(&y);
    if (rc < 0)
        pc_project_free(p);
    return rc;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void pc_project_free(pc_project *p)
{
    free(p->path);
    free(p->dir);
    free(p->policy);
    free_list(p->rules, p->nrules);
    free_list(p->exclude, p->nexclude);
    free(p->baseline);
    free(p->fail_on);
    free(p->audit);
    memset(p, 0, sizeof *p);
}
