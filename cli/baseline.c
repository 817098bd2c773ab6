#include "baseline.h"
#include "paths.h"
#include "report.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct entry {
    char *key; /* "path\nfingerprint" */
    unsigned count;
} entry;

struct pc_baseline {
    char *path, *dir; /* dir: the real directory paths are relative to */
    entry *slots;     /* open addressing */
    size_t cap, n;
    json_t *findings; /* for writing: [{path, rule, fingerprint, line}] */
};

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static entry *find(const pc_baseline *b, const char *key)
{
    if (!b->cap)
        return NULL;
    for (size_t i = hash(key) & (b->cap - 1);; i = (i + 1) & (b->cap - 1)) {
        if (!b->slots[i].key)
            return NULL;
        if (!strcmp(b->slots[i].key, key))
            return &b->slots[i];
    }
}

static int grow(pc_baseline *b)
{
    size_t cap = b->cap ? b->cap * 2 : 256;
    entry *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < b->cap; i++) {
        if (!b->slots[i].key)
            continue;
        size_t j = hash(b->slots[i].key) & (cap - 1);
        while (s[j].key)
            j = (j + 1) & (cap - 1);
        s[j] = b->slots[i];
    }
    free(b->slots);
    b->slots = s;
    b->cap = cap;
    return 0;
}

static int add(pc_baseline *b, const char *key)
{
    entry *e = find(b, key);
    if (e) {
        e->count++;
        return 0;
    }
    if ((b->n + 1) * 2 > b->cap && grow(b) < 0)
        return -1;
    size_t j = hash(key) & (b->cap - 1);
    while (b->slots[j].key)
        j = (j + 1) & (b->cap - 1);
    if (!(b->slots[j].key = strdup(key)))
        return -1;
    b->slots[j].count = 1;
    b->n++;
    return 0;
}

static char *make_key(const char *path, const char *fp)
{
    size_t n = strlen(path) + strlen(fp) + 2;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%s\n%s", path, fp);
    return k;
}

/* The file as the baseline names it: relative to the baseline's directory
 * when below it, else absolute; standard input stays "<stdin>". */
static const char *file_key(const pc_baseline *b, const char *path, char *buf, size_t cap)
{
    if (!strcmp(path, "<stdin>") || !strcmp(path, "-"))
        return "<stdin>";
    const char *rel = pc_path_relative(b->dir, path, buf, cap);
    if (rel)
        return rel;
    return pc_path_relative("/", path, buf, cap) ? buf : path;
}

static pc_baseline *create(const char *path, pc_error *err)
{
    pc_baseline *b = calloc(1, sizeof *b);
    if (!b || !(b->path = strdup(path))) {
        free(b);
        pc_fail(err, "out of memory");
        return NULL;
    }
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1, slash ? path : ".");
    if (!(b->dir = realpath(dir, NULL))) {
        pc_fail(err, "%s: cannot use directory %s: %s", path, dir, strerror(errno));
        pc_baseline_free(b);
        return NULL;
    }
    return b;
}

pc_baseline *pc_baseline_new(const char *path, pc_error *err)
{
    pc_baseline *b = create(path, err);
    if (b && !(b->findings = json_array())) {
        pc_fail(err, "out of memory");
        pc_baseline_free(b);
        return NULL;
    }
    return b;
}

void pc_baseline_free(pc_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->cap; i++)
        free(b->slots[i].key);
    free(b->slots);
    json_decref(b->findings);
    free(b->path);
    free(b->dir);
    free(b);
}

static int load_entries(pc_baseline *b, json_t *root, pc_error *err)
{
    json_t *list = json_is_object(root) ? json_object_get(root, "findings") : NULL;
    json_t *version = json_is_object(root) ? json_object_get(root, "portcullis_baseline") : NULL;
    if (!json_is_integer(version) || json_integer_value(version) != 1 || !json_is_array(list))
        return pc_fail(err, "%s: not a portcullis baseline (version 1; write one with --write-baseline)",
                       b->path);
    size_t i;
    json_t *f;
    json_array_foreach(list, i, f)
    {
        const char *path = json_string_value(json_object_get(f, "path"));
        const char *fp = json_string_value(json_object_get(f, "fingerprint"));
        if (!path || !fp)
            return pc_fail(err, "%s: finding %zu has no path or fingerprint", b->path, i + 1);
        char *key = make_key(path, fp);
        if (!key || add(b, key) < 0) {
            free(key);
            return pc_fail(err, "out of memory");
        }
        free(key);
    }
    return 0;
}

pc_baseline *pc_baseline_load(const char *path, pc_error *err)
{
    pc_baseline *b = create(path, err);
    if (!b)
        return NULL;
    struct stat st;
    const char *why = stat(path, &st) < 0    ? strerror(errno)
                      : !S_ISREG(st.st_mode) ? "not a regular file"
                                             : NULL;
    if (why) {
        pc_fail(err, "%s: cannot read the baseline: %s", path, why);
        pc_baseline_free(b);
        return NULL;
    }
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        if (je.line < 1)
            pc_fail(err, "%s: %s", path, je.text);
        else
            pc_fail(err, "%s:%d:%d: %s", path, je.line, je.column, je.text);
        pc_baseline_free(b);
        return NULL;
    }
    int rc = load_entries(b, root, err);
    json_decref(root);
    if (rc < 0) {
        pc_baseline_free(b);
        return NULL;
    }
    return b;
}

int pc_baseline_record(pc_baseline *b, const pc_result *res, pc_error *err)
{
    if (!res->nfindings)
        return 0;
    pc_fingerprint *fps = calloc(res->nfindings, sizeof *fps);
    if (!fps || pc_result_fingerprints(res, fps) < 0) {
        free(fps);
        return pc_fail(err, "out of memory");
    }
    char buf[PATH_MAX * 2];
    const char *file = file_key(b, res->path, buf, sizeof buf);
    int rc = 0;
    for (size_t i = 0; i < res->nfindings && rc == 0; i++) {
        const pc_finding *f = &res->findings[i];
        if (f->rule->kind == PC_MATCH_INPUT)
            continue;
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:i, s:s}", "path", file, "rule", f->rule->id, "severity",
                      pc_severity_name(f->severity), "line", (int)f->span.line, "fingerprint", fps[i]);
        if (!o || json_array_append_new(b->findings, o) < 0)
            rc = pc_fail(err, "out of memory");
    }
    free(fps);
    return rc;
}

long pc_baseline_filter(pc_baseline *b, pc_result *res)
{
    if (!res->nfindings || !b->n)
        return 0;
    pc_fingerprint *fps = calloc(res->nfindings, sizeof *fps);
    if (!fps || pc_result_fingerprints(res, fps) < 0) {
        free(fps);
        return -1;
    }
    char buf[PATH_MAX * 2];
    const char *file = file_key(b, res->path, buf, sizeof buf);
    size_t k = 0;
    long dropped = 0;
    res->denied = false;
    for (size_t i = 0; i < res->nfindings; i++) {
        char *key = make_key(file, fps[i]);
        if (!key) {
            free(fps);
            return -1;
        }
        entry *e = res->findings[i].rule->kind == PC_MATCH_INPUT ? NULL : find(b, key);
        free(key);
        if (e && e->count) {
            e->count--;
            dropped++;
            continue;
        }
        res->findings[k++] = res->findings[i];
        res->denied |= res->findings[i].denies;
    }
    res->nfindings = k;
    free(fps);
    return dropped;
}

long pc_baseline_accept_all(pc_result *res)
{
    size_t k = 0;
    long dropped = 0;
    res->denied = false;
    for (size_t i = 0; i < res->nfindings; i++) {
        if (res->findings[i].rule->kind != PC_MATCH_INPUT) {
            dropped++;
            continue;
        }
        res->findings[k++] = res->findings[i];
        res->denied |= res->findings[i].denies;
    }
    res->nfindings = k;
    return dropped;
}

size_t pc_baseline_count(const pc_baseline *b)
{
    return b->findings ? json_array_size(b->findings) : b->n;
}

int pc_baseline_write(const pc_baseline *b, const char *policy, pc_error *err)
{
    json_t *root = json_pack("{s:i, s:s, s:s, s:O}", "portcullis_baseline", 1, "tool_version", pc_version(),
                             "policy", policy, "findings", b->findings);
    if (!root)
        return pc_fail(err, "out of memory");
    char tmp[PATH_MAX + 16];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", b->path) >= (int)sizeof tmp) {
        json_decref(root);
        return pc_fail(err, "%s: path too long", b->path);
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        json_decref(root);
        return pc_fail(err, "%s: cannot write: %s", b->path, strerror(errno));
    }
    pc_file_mode_default(fd); /* a baseline is committed and shared, not private */
    FILE *f = fdopen(fd, "w");
    int rc =
        f && json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 && fputc('\n', f) != EOF ? 0 : -1;
    if (f ? fclose(f) != 0 : close(fd) != 0)
        rc = -1;
    json_decref(root);
    if (rc == 0 && rename(tmp, b->path) == 0)
        return 0;
    int e = errno;
    unlink(tmp);
    return pc_fail(err, "%s: cannot write: %s", b->path, strerror(e));
}
