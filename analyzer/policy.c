#include "policy.h"
#include "yamlutil.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PC_SOURCE_RULES_DIR
#define PC_SOURCE_RULES_DIR "/usr/share/portcullis/rules"
#endif

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *pc_default_rules_dir(void)
{
    static char buf[PATH_MAX];
    const char *env = getenv("PORTCULLIS_RULES");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (snprintf(buf, sizeof buf, "%s/../share/portcullis/rules", exe) < (int)sizeof buf &&
                is_dir(buf))
                return buf;
        }
    }
    return PC_SOURCE_RULES_DIR;
}

void pc_policy_free(pc_policy *p)
{
    if (!p)
        return;
    pc_arena_release(&p->arena);
    free(p);
}

static int parse_deny(pc_yaml *y, pc_policy *p, yaml_node_t *n, pc_error *err)
{
    const char *s = pc_yaml_scalar(n);
    if (s) {
        if (strcmp(s, "never"))
            return pc_yaml_fail(y, n, err, "'deny' must be a mapping or 'never'");
        p->deny_never = true;
        return 0;
    }
    static const char *const keys[] = {"severity", "confidence", "rules", "input", NULL};
    if (pc_yaml_check_keys(y, n, keys, err) < 0)
        return -1;
    yaml_node_t *v;
    if ((v = pc_yaml_get(y, n, "severity"))) {
        int sev = pc_yaml_scalar(v) ? pc_severity_parse(pc_yaml_scalar(v)) : -1;
        if (sev < 0)
            return pc_yaml_fail(y, v, err, "severity must be one of: info, low, medium, high, critical");
        p->deny_severity = (pc_severity)sev;
    }
    if ((v = pc_yaml_get(y, n, "confidence"))) {
        int c = pc_yaml_scalar(v) ? pc_confidence_parse(pc_yaml_scalar(v)) : -1;
        if (c < 0)
            return pc_yaml_fail(y, v, err, "confidence must be one of: low, medium, high");
        p->deny_confidence = (pc_confidence)c;
    }
    if ((v = pc_yaml_get(y, n, "rules")) &&
        pc_yaml_strings(y, v, &p->arena, &p->deny_rules, &p->ndeny_rules, err) < 0)
        return -1;
    if ((v = pc_yaml_get(y, n, "input"))) {
        int b = pc_yaml_bool_value(v);
        if (b < 0)
            return pc_yaml_fail(y, v, err, "'input' must be true or false");
        p->deny_input = b;
    }
    return 0;
}

static int parse_overrides(pc_yaml *y, pc_policy *p, yaml_node_t *n, pc_error *err)
{
    if (n->type != YAML_MAPPING_NODE)
        return pc_yaml_fail(y, n, err, "'severity' must map rule ids to severities");
    size_t len = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    p->overrides = pc_arena_array(&p->arena, len ? len : 1, sizeof *p->overrides);
    if (!p->overrides)
        return pc_fail(err, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_pair_t *pair = &n->data.mapping.pairs.start[i];
        yaml_node_t *k = yaml_document_get_node(&y->doc, pair->key),
                    *v = yaml_document_get_node(&y->doc, pair->value);
        int sev = pc_yaml_scalar(v) ? pc_severity_parse(pc_yaml_scalar(v)) : -1;
        if (!pc_yaml_scalar(k))
            return pc_yaml_fail(y, k, err, "expected a rule id");
        if (sev < 0)
            return pc_yaml_fail(y, v, err, "severity must be one of: info, low, medium, high, critical");
        p->overrides[i].id = pc_arena_strdup(&p->arena, pc_yaml_scalar(k));
        p->overrides[i].severity = (pc_severity)sev;
    }
    p->noverrides = len;
    return 0;
}

static int parse_policy(pc_yaml *y, pc_policy *p, pc_error *err)
{
    static const char *const keys[] = {"policy", "description",  "rulesets", "only",  "disable", "severity",
                                       "deny",   "suppressions", "runner",   "audit", NULL};
    yaml_node_t *root = pc_yaml_root(y), *v;
    if (pc_yaml_check_keys(y, root, keys, err) < 0)
        return -1;
    if (pc_yaml_string(y, root, "policy", true, &p->arena, &p->name, err) < 0 ||
        pc_yaml_string(y, root, "description", false, &p->arena, &p->description, err) < 0)
        return -1;
    if (!(v = pc_yaml_get(y, root, "rulesets")))
        return pc_yaml_fail(y, root, err, "missing required key 'rulesets'");
    if (pc_yaml_strings(y, v, &p->arena, &p->rulesets, &p->nrulesets, err) < 0)
        return -1;
    if ((v = pc_yaml_get(y, root, "disable")) &&
        pc_yaml_strings(y, v, &p->arena, &p->disable, &p->ndisable, err) < 0)
        return -1;
    if ((v = pc_yaml_get(y, root, "only"))) {
        if (pc_yaml_strings(y, v, &p->arena, &p->only, &p->nonly, err) < 0)
            return -1;
        if (!p->nonly) /* not "every rule", which leaving it out says */
            return pc_yaml_fail(y, v, err, "'only' must name at least one rule id");
    }
    if ((v = pc_yaml_get(y, root, "severity")) && parse_overrides(y, p, v, err) < 0)
        return -1;
    p->deny_severity = PC_SEV_HIGH;
    p->deny_confidence = PC_CONF_LOW;
    p->deny_input = true;
    if ((v = pc_yaml_get(y, root, "deny")) && parse_deny(y, p, v, err) < 0)
        return -1;
    if ((v = pc_yaml_get(y, root, "suppressions"))) {
        int b = pc_yaml_bool_value(v);
        if (b < 0)
            return pc_yaml_fail(y, v, err, "'suppressions' must be true or false");
        p->suppressions = b;
    }
    const char *audit = NULL;
    if (pc_yaml_string(y, root, "audit", false, &p->arena, &audit, err) < 0)
        return -1;
    if (audit && !*audit)
        return pc_yaml_fail(y, pc_yaml_get(y, root, "audit"), err, "'audit' must name a file");
    if (audit && audit[0] != '/') {
        size_t len = strlen(p->dir) + strlen(audit) + 2;
        char *full = pc_arena_alloc(&p->arena, len);
        if (!full)
            return pc_fail(err, "out of memory");
        snprintf(full, len, "%s/%s", p->dir, audit);
        audit = full;
    }
    p->audit_log = audit;
    return 0;
}

pc_policy *pc_policy_load(const char *name_or_path, const char *rules_dir, pc_error *err)
{
    char path[PATH_MAX];
    bool is_path = strchr(name_or_path, '/') || strstr(name_or_path, ".yaml") || strstr(name_or_path, ".yml");
    if (is_path) {
        if (snprintf(path, sizeof path, "%s", name_or_path) >= (int)sizeof path) {
            pc_fail(err, "policy path too long");
            return NULL;
        }
    } else {
        for (const char *c = name_or_path; *c; c++) {
            if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) {
                pc_fail(err, "unknown policy '%s' (use strict, standard, audit or a path to a policy file)",
                        name_or_path);
                return NULL;
            }
        }
        snprintf(path, sizeof path, "%s/policies/%s.yaml", rules_dir, name_or_path);
        if (access(path, R_OK) != 0) {
            pc_fail(err, "unknown policy '%s' (no %s)", name_or_path, path);
            return NULL;
        }
    }
    pc_policy *p = calloc(1, sizeof *p);
    if (!p) {
        pc_fail(err, "out of memory");
        return NULL;
    }
    pc_arena_init(&p->arena);
    p->path = pc_arena_strdup(&p->arena, path);
    char *dir = pc_arena_strdup(&p->arena, path);
    if (!p->path || !dir) {
        pc_fail(err, "out of memory");
        pc_policy_free(p);
        return NULL;
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir = ".";
    p->dir = dir;
    pc_yaml y;
    int rc = pc_yaml_load(&y, p->path, err);
    if (rc == 0)
        rc = parse_policy(&y, p, err);
    pc_yaml_free(&y);
    if (rc < 0) {
        pc_policy_free(p);
        return NULL;
    }
    return p;
}

/* Is want a rule set's name, not a pattern, that the directory scan would
 * find as it is: no component hidden or empty, not under policies/ or
 * sandbox/, no deeper than the scan goes? */
static bool plain_name(const char *want)
{
    if (!*want || strpbrk(want, "*?[\\") || !strcmp(want, "policies") || !strcmp(want, "sandbox") ||
        !strncmp(want, "policies/", 9) || !strncmp(want, "sandbox/", 8))
        return false;
    int parts = 1;
    for (const char *s = want; *s; s++) {
        if ((s == want || s[-1] == '/') && (*s == '.' || *s == '/'))
            return false;
        if (*s == '/' && ++parts > 9)
            return false;
    }
    return want[strlen(want) - 1] != '/';
}

static bool is_yaml_path(const char *want)
{
    size_t wl = strlen(want);
    return wl > 5 && !strcmp(want + wl - 5, ".yaml");
}

/* The file of a rule set the policy names: a .yaml path is relative to the
 * policy, a name is <rules_dir>/NAME.yaml. -1 (and *out NULL, safe to free)
 * when memory ran out. */
static int rule_file(const pc_policy *p, const char *rules_dir, const char *want, char **out)
{
    int n = is_yaml_path(want)
                ? asprintf(out, "%s%s%s", want[0] == '/' ? "" : p->dir, want[0] == '/' ? "" : "/", want)
                : asprintf(out, "%s/%s.yaml", rules_dir, want);
    if (n < 0)
        *out = NULL;
    return n;
}

/* The common case, a policy that names its rule sets: each name is its
 * file, so the rules directory is not read. When a load fails, a missing
 * file is reported as the scan would report it. Returns 1 when a name
 * needs the scan after all (a pattern). */
static int load_named(const pc_policy *p, const char *rules_dir, pc_ruleset *rs, pc_error *err)
{
    for (size_t i = 0; i < p->nrulesets; i++)
        if (!is_yaml_path(p->rulesets[i]) && !plain_name(p->rulesets[i]))
            return 1;
    char **load = calloc(p->nrulesets + 1, sizeof *load);
    size_t nload = 0;
    int rc = load ? 0 : pc_fail(err, "out of memory");
    for (size_t i = 0; i < p->nrulesets && rc == 0; i++) {
        const char *want = p->rulesets[i];
        char *path;
        if (rule_file(p, rules_dir, want, &path) < 0) {
            rc = pc_fail(err, "out of memory");
            break;
        }
        bool dup = false;
        for (size_t j = 0; j < nload && !dup; j++)
            dup = !is_yaml_path(want) && !strcmp(load[j], path);
        if (dup)
            free(path);
        else
            load[nload++] = path;
    }
    if (rc == 0 && pc_ruleset_load_files(rs, (const char *const *)load, nload, err) < 0) {
        rc = -1;
        for (size_t i = 0; i < p->nrulesets; i++) {
            const char *want = p->rulesets[i];
            char path[PATH_MAX];
            struct stat st;
            if (is_yaml_path(want) ||
                (snprintf(path, sizeof path, "%s/%s.yaml", rules_dir, want) < (int)sizeof path &&
                 stat(path, &st) == 0 && S_ISREG(st.st_mode)))
                continue;
            pc_fail(err, "%s: rule set '%s' not found in %s", p->path, want, rules_dir);
            break;
        }
    }
    for (size_t i = 0; load && i < nload; i++)
        free(load[i]);
    free(load);
    return rc;
}

int pc_policy_load_rules(const pc_policy *p, const char *rules_dir, pc_ruleset *rs, pc_error *err)
{
    int named = load_named(p, rules_dir, rs, err);
    if (named <= 0)
        return named;
    char **names = NULL;
    size_t n = 0;
    if (pc_rules_collect(rules_dir, &names, &n) < 0)
        return pc_fail(err, "out of memory");
    int rc = 0;
    bool *used = calloc(n ? n : 1, sizeof *used);
    char **load = calloc(n + p->nrulesets + 1, sizeof *load); /* the files, in policy order */
    size_t nload = 0;
    if (!used || !load)
        rc = pc_fail(err, "out of memory");
    for (size_t i = 0; i < p->nrulesets && rc == 0; i++) {
        const char *want = p->rulesets[i];
        if (is_yaml_path(want)) { /* a path, relative to the policy */
            if (rule_file(p, rules_dir, want, &load[nload++]) < 0)
                rc = pc_fail(err, "out of memory");
            continue;
        }
        bool any = false;
        for (size_t j = 0; j < n && rc == 0; j++) {
            if (fnmatch(want, names[j], FNM_PATHNAME) != 0)
                continue;
            any = true;
            if (used[j])
                continue;
            used[j] = true;
            if (rule_file(p, rules_dir, names[j], &load[nload++]) < 0)
                rc = pc_fail(err, "out of memory");
        }
        if (!any && rc == 0)
            rc = pc_fail(err, "%s: rule set '%s' not found in %s", p->path, want, rules_dir);
    }
    if (rc == 0)
        rc = pc_ruleset_load_files(rs, (const char *const *)load, nload, err);
    for (size_t i = 0; load && i < nload; i++)
        free(load[i]);
    free(load);
    free(used);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

bool pc_policy_disabled(const pc_policy *p, const char *rule_id)
{
    bool listed = !p->nonly;
    for (size_t i = 0; i < p->nonly && !listed; i++)
        listed = fnmatch(p->only[i], rule_id, 0) == 0;
    if (!listed)
        return true;
    for (size_t i = 0; i < p->ndisable; i++)
        if (fnmatch(p->disable[i], rule_id, 0) == 0)
            return true;
    return false;
}

pc_severity pc_policy_severity(const pc_policy *p, const pc_rule *r)
{
    for (size_t i = 0; i < p->noverrides; i++)
        if (strcmp(p->overrides[i].id, r->id) == 0)
            return p->overrides[i].severity;
    return r->severity;
}

bool pc_policy_denies(const pc_policy *p, const pc_rule *r, pc_severity sev)
{
    if (p->deny_never)
        return false;
    if (p->deny_input && r->kind == PC_MATCH_INPUT)
        return true;
    for (size_t i = 0; i < p->ndeny_rules; i++)
        if (fnmatch(p->deny_rules[i], r->id, 0) == 0)
            return true;
    return sev >= p->deny_severity && r->confidence >= p->deny_confidence;
}
