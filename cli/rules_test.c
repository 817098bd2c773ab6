/* portcullis rules test: every rule file against its annotated test files,
 * the way Semgrep's rule repositories do it. In X.py beside X.yaml (and in
 * every *.py under X-cases/), a comment line
 *     # ruleid: ID[, ID]...   the next line must produce ID
 *     # ok: ID                the next line must not
 *     # todoruleid: ID        a known miss: must not (yet)
 *     # todook: ID            a known false alarm: must (still)
 * Annotation lines may be stacked; they all apply to the first line after
 * them that is not an annotation. Any finding of the file's rules on a line
 * without an annotation for it is a failure too, as is a rule with no
 * `ruleid` case anywhere. */
#include "commands.h"
#include "paths.h"
#include "rules_test.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { ANN_RULEID, ANN_OK, ANN_TODO_RULEID, ANN_TODO_OK };
static const char *const ann_names[] = {"ruleid", "ok", "todoruleid", "todook"};

typedef struct annotation {
    int kind;
    char id[128];
    unsigned line;   /* of the comment */
    unsigned target; /* the line it speaks for */
} annotation;

typedef struct tally {
    size_t passed, failed, todo;
} tally;

typedef struct annotations {
    annotation *v;
    size_t n, cap;
} annotations;

static int push_annotation(annotations *a, const annotation *x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        annotation *v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = *x;
    return 0;
}

/* If line is an annotation comment, its kind, and its ids after *ids. */
static int annotation_kind(const char *line, size_t len, const char **ids)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i == len || line[i] != '#')
        return -1;
    for (i++; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
        ;
    for (int k = 3; k >= 0; k--) { /* longest names first: "todoruleid" before "ok" */
        size_t n = strlen(ann_names[k]);
        if (len - i > n && !strncmp(line + i, ann_names[k], n)) {
            size_t j = i + n;
            while (j < len && line[j] == ' ')
                j++;
            if (j < len && line[j] == ':') {
                *ids = line + j + 1;
                return k;
            }
        }
    }
    return -1;
}

/* Collect the annotations of data; target lines are filled in afterwards. */
static int parse_annotations(const char *data, size_t len, annotations *out)
{
    unsigned line = 1;
    size_t pending = out->n; /* annotations still waiting for their line */
    for (size_t start = 0; start < len; line++) {
        const char *nl = memchr(data + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t llen = end - start;
        if (llen && data[end - 1] == '\r')
            llen--;
        const char *ids;
        int kind = annotation_kind(data + start, llen, &ids);
        if (kind < 0) {
            for (; pending < out->n; pending++)
                out->v[pending].target = line;
        } else {
            const char *p = ids, *stop = data + start + llen;
            while (p < stop) {
                while (p < stop && (*p == ' ' || *p == ',' || *p == '\t'))
                    p++;
                const char *q = p;
                while (q < stop && *q != ',' && *q != ' ' && *q != '\t')
                    q++;
                if (q > p) {
                    annotation a = {.kind = kind, .line = line};
                    snprintf(a.id, sizeof a.id, "%.*s", (int)(q - p), p);
                    if (push_annotation(out, &a) < 0)
                        return -1;
                }
                p = q;
            }
        }
        start = end + 1;
    }
    return 0;
}

static bool in_set(const pc_ruleset *rs, const char *id)
{
    return pc_ruleset_find(rs, id) != NULL;
}

static bool found_at(const pc_result *res, const char *id, unsigned line)
{
    for (size_t i = 0; i < res->nfindings; i++)
        if (res->findings[i].span.line == line && !strcmp(res->findings[i].rule->id, id))
            return true;
    return false;
}

static bool annotated(const annotations *a, const char *id, unsigned line)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].target == line && !strcmp(a->v[i].id, id))
            return true;
    return false;
}

static void fail(tally *t, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail(tally *t, const char *file, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s:%u: FAIL ", file, line);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    t->failed++;
}

/* Compare one test file's findings with its annotations. */
static void judge(const char *file, const pc_ruleset *rs, const pc_result *res, const annotations *a,
                  tally *t)
{
    for (size_t i = 0; i < a->n; i++) {
        const annotation *x = &a->v[i];
        if (!in_set(rs, x->id)) {
            fail(t, file, x->line, "unknown rule id '%s'%s", x->id, " (not in this rule file)");
            continue;
        }
        if (!x->target) {
            fail(t, file, x->line, "'%s' annotation%s", ann_names[x->kind], " with no code line after it");
            continue;
        }
        bool has = found_at(res, x->id, x->target);
        switch (x->kind) {
        case ANN_RULEID:
            if (has)
                t->passed++;
            else
                fail(t, file, x->target, "expected a finding of %s%s", x->id, " here (ruleid)");
            break;
        case ANN_OK:
            if (has)
                fail(t, file, x->target, "unexpected finding of %s%s", x->id, " here (ok)");
            else
                t->passed++;
            break;
        case ANN_TODO_RULEID:
        case ANN_TODO_OK:
            if (has == (x->kind == ANN_TODO_OK))
                t->todo++;
            else
                fail(t, file, x->target, "%s now %s: change the annotation", x->id,
                     x->kind == ANN_TODO_OK ? "stays quiet (todook)" : "is found (todoruleid)");
            break;
        }
    }
    for (size_t i = 0; i < res->nfindings; i++) {
        const pc_finding *f = &res->findings[i];
        if (in_set(rs, f->rule->id) && !annotated(a, f->rule->id, f->span.line) &&
            (i == 0 || f->span.line != res->findings[i - 1].span.line ||
             strcmp(f->rule->id, res->findings[i - 1].rule->id)))
            fail(t, file, f->span.line, "unexpected finding of %s%s", f->rule->id, " (no annotation)");
    }
}

/* The test files of a rule file: X.py and X-cases/ *.py. */
static int test_files(const char *yaml, pc_paths *out, pc_error *err)
{
    size_t n = strlen(yaml);
    char base[4096];
    if (n < 6 || n - 5 >= sizeof base - 16 || strcmp(yaml + n - 5, ".yaml"))
        return pc_fail(err, "%s: not a .yaml rule file", yaml);
    memcpy(base, yaml, n - 5);
    base[n - 5] = '\0';
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s.py", base);
    if (stat(path, &st) == 0 && pc_paths_add(out, path, err) < 0)
        return -1;
    snprintf(path, sizeof path, "%s-cases", base);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && pc_paths_add(out, path, err) < 0)
        return -1;
    return 0;
}

static pc_policy *test_policy(void)
{
    pc_policy *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pc_arena_init(&p->arena);
    p->name = "rules-test";
    p->deny_severity = PC_SEV_HIGH;
    p->deny_confidence = PC_CONF_LOW;
    p->deny_input = true;
    return p;
}

static int test_one(pc_worker *w, const char *file, const pc_ruleset *rs, tally *t, annotations *all)
{
    unsigned char *data = NULL;
    size_t len = 0;
    pc_error err;
    if (pc_read_file(file, (size_t)64 << 20, &data, &len, &err) < 0) {
        printf("%s: FAIL %s\n", file, err.msg);
        t->failed++;
        return 0;
    }
    annotations a = {0};
    pc_result res;
    int rc = parse_annotations((const char *)data, len, &a);
    if (rc == 0 && (rc = pc_analyze(w, file, data, len, &res, &err)) == 0) {
        judge(file, rs, &res, &a, t);
        pc_result_release(&res);
    }
    for (size_t i = 0; rc == 0 && i < a.n; i++) /* what the file set covers */
        if (a.v[i].kind == ANN_RULEID && push_annotation(all, &a.v[i]) < 0)
            rc = -1;
    free(a.v);
    free(data);
    return rc;
}

/* One rule file: load it alone, run each of its test files. */
static int test_rule_file(const char *yaml, tally *t)
{
    pc_error err;
    pc_ruleset *rs = pc_ruleset_new();
    pc_policy *pol = test_policy();
    pc_engine *eng = NULL;
    pc_worker *w = NULL;
    pc_paths files = {0};
    annotations covered = {0};
    int rc = 0;
    if (!rs || !pol) {
        rc = -1;
        goto out;
    }
    if (pc_ruleset_load_file(rs, yaml, &err) < 0 || !(eng = pc_engine_new(pol, rs, &err)) ||
        test_files(yaml, &files, &err) < 0) {
        printf("%s: FAIL %s\n", yaml, err.msg);
        t->failed++;
        goto out;
    }
    if (!files.n) {
        printf("%s: FAIL no test file (write %.*s.py beside it)\n", yaml, (int)strlen(yaml) - 5, yaml);
        t->failed++;
        goto out;
    }
    if (!(w = pc_worker_new(eng))) {
        rc = -1;
        goto out;
    }
    for (size_t i = 0; i < files.n && rc == 0; i++)
        rc = test_one(w, files.v[i], rs, t, &covered);
    for (size_t i = 0; rc == 0 && i < rs->count; i++) {
        bool has = false;
        for (size_t k = 0; k < covered.n && !has; k++)
            has = !strcmp(covered.v[k].id, rs->rules[i]->id);
        if (!has) {
            printf("%s:%u: FAIL rule %s has no '# ruleid:' case in its test files\n", rs->rules[i]->file,
                   rs->rules[i]->line, rs->rules[i]->id);
            t->failed++;
        }
    }
out:
    free(covered.v);
    pc_paths_free(&files);
    pc_worker_free(w);
    pc_engine_free(eng);
    pc_ruleset_free(rs);
    pc_policy_free(pol);
    return rc;
}

/* The rule files a PATH names: itself, or every rule set below a directory. */
static int rule_files(const char *path, pc_paths *out, pc_error *err)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return pc_fail(err, "%s: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return pc_paths_add(out, path, err);
    char **names;
    size_t n;
    if (pc_rules_collect(path, &names, &n) < 0)
        return pc_fail(err, "out of memory");
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char file[4096];
        if (rc == 0) {
            snprintf(file, sizeof file, "%s/%s.yaml", path, names[i]);
            rc = pc_paths_add(out, file, err);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int cmd_rules_test(int argc, char **argv)
{
    pc_paths yamls = {0};
    pc_error err;
    int first = 1;
    if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        usage_rules();
        return 0;
    }
    if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
        pc_errorf("rules test: unknown option '%s' (see 'portcullis help rules')", argv[1]);
        return 2;
    }
    const char *deflt = pc_default_rules_dir();
    for (int i = first; i < (argc > first ? argc : first + 1); i++)
        if (rule_files(argc > first ? argv[i] : deflt, &yamls, &err) < 0) {
            pc_errorf("%s", err.msg);
            pc_paths_free(&yamls);
            return 2;
        }
    tally t = {0};
    for (size_t i = 0; i < yamls.n; i++)
        if (test_rule_file(yamls.v[i], &t) < 0) {
            pc_errorf("out of memory");
            pc_paths_free(&yamls);
            return 2;
        }
    printf("%zu passed, %zu failed", t.passed, t.failed);
    if (t.todo)
        printf(" (%zu known gap%s marked todo)", t.todo, t.todo == 1 ? "" : "s");
    printf("; %zu rule file%s\n", yamls.n, yamls.n == 1 ? "" : "s");
    pc_paths_free(&yamls);
    return t.failed ? 1 : 0;
}
