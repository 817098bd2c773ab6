#define _GNU_SOURCE
#include "testutil.h"

#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *tu_mkdtemp(void)
{
    char tmpl[] = "/tmp/pc-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    char *out = strdup(d);
    assert_non_null(out);
    return out;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP || flag == FTW_D)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

void tu_rmrf(const char *path)
{
    if (path)
        nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *tu_join(const char *dir, const char *rel)
{
    char *p = NULL;
    assert_true(asprintf(&p, "%s/%s", dir, rel) > 0);
    return p;
}

static void mkparents(char *path)
{
    for (char *s = path + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(path, 0700) < 0 && errno != EEXIST)
            fail_msg("mkdir %s: %s", path, strerror(errno));
        *s = '/';
    }
}

char *tu_write_file(const char *dir, const char *rel, const char *data, size_t len)
{
    char *path = tu_join(dir, rel);
    mkparents(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot create %s: %s", path, strerror(errno));
    if (len)
        assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

char *tu_write_str(const char *dir, const char *rel, const char *text)
{
    return tu_write_file(dir, rel, text, strlen(text));
}

void tu_filter_from_env(void)
{
    const char *f = getenv("PC_TEST_FILTER");
    if (f && *f)
        cmocka_set_test_filter(f);
}

const char *tu_child(int (*fn)(void *arg), void *arg, unsigned seconds)
{
    static char what[256];
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(what, sizeof what, "fork failed: %s", strerror(errno));
        return what;
    }
    if (pid == 0) {
        alarm(seconds);
        exit(fn(arg));
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            snprintf(what, sizeof what, "waitpid failed: %s", strerror(errno));
            return what;
        }
    }
    if (WIFSIGNALED(st)) {
        int sig = WTERMSIG(st);
        snprintf(what, sizeof what, "%s (signal %d)",
                 sig == SIGALRM   ? "did not finish in time"
                 : sig == SIGABRT ? "aborted"
                                  : "crashed",
                 sig);
        return what;
    }
    int code = WEXITSTATUS(st);
    if (code == 0)
        return NULL;
    if (code == 23 || code == 1)
        snprintf(what, sizeof what,
                 "failed with exit status %d: a sanitizer report (e.g. a memory leak) or an error, see above",
                 code);
    else if (code >= 10 && code < 20)
        snprintf(what, sizeof what, "a check failed (exit status %d, details above)", code);
    else
        snprintf(what, sizeof what, "failed with exit status %d (a sanitizer report or an abort, see above)",
                 code);
    return what;
}

bool tu_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- harness ---- */

tu_env *tu_env_new(const char *rules_yaml, const char *policy_yaml)
{
    tu_env *e = calloc(1, sizeof *e);
    assert_non_null(e);
    e->dir = tu_mkdtemp();
    e->rules_dir = tu_join(e->dir, "rules");
    assert_int_equal(mkdir(e->rules_dir, 0700), 0);
    if (rules_yaml)
        free(tu_write_str(e->rules_dir, "t.yaml", rules_yaml));
    if (!policy_yaml)
        policy_yaml = rules_yaml ? "policy: t\nrulesets: [\"*\"]\n" : "policy: t\nrulesets: []\n";
    free(tu_write_str(e->rules_dir, "policies/t.yaml", policy_yaml));
    e->policy = pc_policy_load("t", e->rules_dir, &e->err);
    if (!e->policy)
        fail_msg("policy: %s", e->err.msg);
    e->rules = pc_ruleset_new();
    assert_non_null(e->rules);
    if (pc_policy_load_rules(e->policy, e->rules_dir, e->rules, &e->err) < 0)
        fail_msg("rules: %s", e->err.msg);
    e->engine = pc_engine_new(e->policy, e->rules, &e->err);
    if (!e->engine)
        fail_msg("engine: %s", e->err.msg);
    e->worker = pc_worker_new(e->engine);
    assert_non_null(e->worker);
    return e;
}

void tu_env_free(tu_env *e)
{
    if (!e)
        return;
    pc_worker_free(e->worker);
    pc_engine_free(e->engine);
    pc_ruleset_free(e->rules);
    pc_policy_free(e->policy);
    tu_rmrf(e->dir);
    free(e->rules_dir);
    free(e->dir);
    free(e);
}

void tu_analyze_bytes(tu_env *e, const unsigned char *data, size_t len, pc_result *out)
{
    pc_error err = {{0}};
    int rc = pc_analyze(e->worker, "t.py", data, len, out, &err);
    if (rc != 0)
        fail_msg("pc_analyze failed: %s", err.msg);
}

void tu_analyze(tu_env *e, const char *src, pc_result *out)
{
    tu_analyze_bytes(e, (const unsigned char *)src, strlen(src), out);
}

size_t tu_count(const pc_result *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        if (!id || !strcmp(r->findings[i].rule->id, id))
            n++;
    return n;
}

const pc_finding *tu_find(const pc_result *r, const char *id)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (!id || !strcmp(r->findings[i].rule->id, id))
            return &r->findings[i];
    return NULL;
}

bool tu_has_at(const pc_result *r, const char *id, uint32_t line, uint32_t col)
{
    for (size_t i = 0; i < r->nfindings; i++) {
        const pc_finding *f = &r->findings[i];
        if (!strcmp(f->rule->id, id) && f->span.line == line && f->span.col == col)
            return true;
    }
    return false;
}

void tu_dump(const pc_result *r)
{
    fprintf(stderr, "  %zu finding(s), %s:\n", r->nfindings, r->denied ? "denied" : "allowed");
    for (size_t i = 0; i < r->nfindings; i++) {
        const pc_finding *f = &r->findings[i];
        fprintf(stderr, "    %u:%u-%u:%u %s [%s]%s\n", f->span.line, f->span.col, f->span.end_line,
                f->span.end_col, f->rule->id, f->detail ? f->detail : "", f->denies ? " (denies)" : "");
    }
}
