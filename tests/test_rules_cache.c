/* The rule-set cache: a second load of the same files comes from the cache
 * and is the same rule set; a changed file, a damaged entry or a foreign
 * owner is a miss, never a wrong rule set. Root only (the cache is root's). */
#include "testutil.h"
#include "rules_cache.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const yaml_a = "rules:\n"
                                  "  - id: t-shell\n"
                                  "    message: Shell. Use a list.\n"
                                  "    severity: high\n"
                                  "    confidence: high\n"
                                  "    cwe: CWE-78\n"
                                  "    tags: [process, shell]\n"
                                  "    bandit: [B602]\n"
                                  "    match:\n"
                                  "      call:\n"
                                  "        callee: [\"subprocess.*\"]\n"
                                  "        args:\n"
                                  "          - keyword: shell\n"
                                  "            is: truthy\n"
                                  "          - position: 0\n"
                                  "            regex: '^(rm|curl)\\b'\n"
                                  "  - id: t-secret\n"
                                  "    message: Key. Use the environment.\n"
                                  "    severity: critical\n"
                                  "    confidence: medium\n"
                                  "    cwe: CWE-798\n"
                                  "    requires: [t-shell, t-path]\n"
                                  "    match:\n"
                                  "      string: 'AKIA[0-9A-Z]{16}'\n"
                                  "  - id: t-path\n"
                                  "    message: Keys. Do not read them.\n"
                                  "    severity: high\n"
                                  "    confidence: high\n"
                                  "    cwe: CWE-522\n"
                                  "    match:\n"
                                  "      string:\n"
                                  "        regex: ['^/etc/shadow$', '(?<![^/])id_rsa$']\n";
static const char *const yaml_b = "rules:\n"
                                  "  - id: t-eval\n"
                                  "    message: Eval. Do not.\n"
                                  "    severity: critical\n"
                                  "    confidence: high\n"
                                  "    cwe: CWE-95\n"
                                  "    match:\n"
                                  "      call: [builtins.eval]\n"
                                  "  - id: t-timeout\n"
                                  "    message: No timeout. Add one.\n"
                                  "    severity: low\n"
                                  "    confidence: low\n"
                                  "    cwe: CWE-400\n"
                                  "    match:\n"
                                  "      call:\n"
                                  "        callee: [requests.get]\n"
                                  "        result: discarded\n"
                                  "        args:\n"
                                  "          - keyword: timeout\n"
                                  "            is: absent\n"
                                  "  - id: t-port\n"
                                  "    message: Port 23. Use ssh.\n"
                                  "    severity: medium\n"
                                  "    confidence: high\n"
                                  "    cwe: CWE-319\n"
                                  "    match:\n"
                                  "      call:\n"
                                  "        callee: [telnetlib.Telnet]\n"
                                  "        args:\n"
                                  "          - position: 1\n"
                                  "            equals: 23\n"
                                  "          - position: 0\n"
                                  "            text: '^(?:h|host|bbs)$'\n";

static const char *const program = "import subprocess, requests, telnetlib\n"
                                   "subprocess.run('rm -rf /', shell=True)\n"
                                   "key = 'AKIAABCDEFGHIJKLMNOP'\n"
                                   "open('/home/u/.ssh/id_rsa')\n"
                                   "eval(x)\n"
                                   "requests.get(u)\n"
                                   "telnetlib.Telnet(h, 23)\n";

typedef struct fx {
    char *dir, *a, *b, *cache;
    const char *paths[2];
    bool may_store;
} fx;

static fx *shared;

/* The rule files are written once, then aged past the cache's two-second
 * guard against same-tick rewrites, so that loads may store entries. */
static int group_setup(void **state)
{
    (void)state;
    if (geteuid() != 0)
        return 0;
    fx *f = calloc(1, sizeof *f);
    f->dir = tu_mkdtemp();
    f->a = tu_write_str(f->dir, "a.yaml", yaml_a);
    f->b = tu_write_str(f->dir, "b.yaml", yaml_b);
    f->paths[0] = f->a;
    f->paths[1] = f->b;
    f->cache = malloc(4096);
    shared = f;
    sleep(3);
    return 0;
}

static int setup(void **state)
{
    *state = shared;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    fx *f = shared;
    if (!f)
        return 0;
    unlink(f->cache);
    tu_rmrf(f->dir);
    free(f->a);
    free(f->b);
    free(f->cache);
    free(f->dir);
    free(f);
    return 0;
}

/* Analyze the program with rs; "rule@line" for every finding, joined. */
static char *findings(pc_ruleset *rs)
{
    pc_error err;
    pc_policy pol = {.name = "t", .deny_severity = PC_SEV_HIGH, .deny_input = true};
    pc_engine *e = pc_engine_new(&pol, rs, &err);
    assert_non_null(e);
    pc_worker *w = pc_worker_new(e);
    pc_result res;
    assert_int_equal(pc_analyze(w, "t.py", (const unsigned char *)program, strlen(program), &res, &err), 0);
    char *out = calloc(1, 4096);
    for (size_t i = 0; i < res.nfindings; i++) {
        char one[128];
        snprintf(one, sizeof one, "%s@%u ", res.findings[i].rule->id, res.findings[i].span.line);
        strcat(out, one);
    }
    pc_result_release(&res);
    pc_worker_free(w);
    pc_engine_free(e);
    return out;
}

static pc_ruleset *load(fx *f)
{
    pc_error err;
    pc_ruleset *rs = pc_ruleset_new();
    assert_int_equal(pc_ruleset_load_files(rs, f->paths, 2, &err), 0);
    return rs;
}

static void same_needles(const pc_needles *a, const pc_needles *b)
{
    assert_true(!a == !b);
    if (a)
        assert_memory_equal(a, b, pc_needles_size(a->n));
}

static void same_rules(const pc_ruleset *x, const pc_ruleset *y)
{
    assert_int_equal(x->count, y->count);
    assert_int_equal(x->nfiles, y->nfiles);
    for (size_t i = 0; i < x->count; i++) {
        const pc_rule *a = x->rules[i], *b = y->rules[i];
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->message, b->message);
        assert_string_equal(a->cwe, b->cwe);
        assert_string_equal(a->file, b->file);
        assert_int_equal(a->line, b->line);
        assert_int_equal(a->severity, b->severity);
        assert_int_equal(a->confidence, b->confidence);
        assert_int_equal(a->kind, b->kind);
        assert_int_equal(a->ntags, b->ntags);
        assert_int_equal(a->nbandit, b->nbandit);
        assert_int_equal(a->nrequires, b->nrequires);
        for (size_t k = 0; k < a->nrequires; k++)
            assert_string_equal(a->requires[k], b -> requires[k]);
        assert_int_equal(a->npatterns, b->npatterns);
        assert_int_equal(a->nargs, b->nargs);
        assert_int_equal(a->references_only, b->references_only);
        assert_int_equal(a->nmore, b->nmore);
        assert_int_equal(a->result, b->result);
        assert_int_equal(a->callee_form, b->callee_form);
        assert_true(!a->regex == !b->regex);
        for (size_t k = 0; k < a->npatterns; k++)
            assert_string_equal(a->patterns[k], b->patterns[k]);
        assert_true(!a->needles == !b->needles);
        for (size_t k = 0; a->needles && k <= a->nmore; k++)
            same_needles(a->needles[k], b->needles[k]);
        for (size_t k = 0; k < a->nargs; k++) {
            same_needles(a->args[k].text_needles, b->args[k].text_needles);
            assert_true(!a->args[k].all_text == !b->args[k].all_text);
            assert_int_equal(a->args[k].all_negate, b->args[k].all_negate);
        }
    }
}

static void test_second_load_is_cached_and_equal(void **state)
{
    fx *f = *state;
    if (!f)
        skip();
    assert_int_equal(pc_rules_cache_path(f->paths, 2, f->cache, 4096, &f->may_store), 0);
    unlink(f->cache);
    pc_ruleset *cold = load(f);
    struct stat st;
    assert_int_equal(stat(f->cache, &st), 0); /* written */
    assert_int_equal(st.st_mode & 077, 0);
    pc_ruleset *warm = pc_ruleset_new();
    assert_true(pc_rules_cache_load(warm, f->cache)); /* and read back */
    same_rules(cold, warm);
    char *x = findings(cold), *y = findings(warm);
    assert_string_equal(x, "t-shell@2 t-secret@3 t-path@4 t-eval@5 t-timeout@6 t-port@7 ");
    assert_string_equal(x, y);
    free(x);
    free(y);
    pc_ruleset_free(cold);
    pc_ruleset_free(warm);
}

static void test_changed_file_is_a_miss(void **state)
{
    fx *f = *state;
    if (!f)
        skip();
    pc_ruleset_free(load(f));
    char before[4096];
    assert_int_equal(pc_rules_cache_path(f->paths, 2, before, sizeof before, &f->may_store), 0);
    /* same size, new content: the key follows the file's identity (ctime) */
    char *text = strdup(yaml_b);
    memcpy(strstr(text, "equals: 23"), "equals: 25", 10);
    free(tu_write_str(f->dir, "b.yaml", text));
    free(text);
    assert_int_equal(pc_rules_cache_path(f->paths, 2, f->cache, 4096, &f->may_store), 0);
    assert_string_not_equal(before, f->cache);
    assert_false(f->may_store); /* just rewritten: not stored until it has aged */
    pc_ruleset *rs = load(f);
    char *x = findings(rs);
    assert_string_equal(
        x, "t-shell@2 t-secret@3 t-path@4 t-eval@5 t-timeout@6 "); /* port 23 no longer matches */
    free(x);
    pc_ruleset_free(rs);
    unlink(before);
}

static void test_damaged_entry_is_a_miss(void **state)
{
    fx *f = *state;
    if (!f)
        skip();
    pc_ruleset_free(load(f));
    assert_int_equal(pc_rules_cache_path(f->paths, 2, f->cache, 4096, &f->may_store), 0);
    struct stat st;
    assert_int_equal(stat(f->cache, &st), 0);
    /* flip one byte in every region of the entry, and truncate it */
    for (off_t at = 0; at < st.st_size; at += st.st_size / 7 + 1) {
        pc_ruleset_free(load(f)); /* a fresh entry */
        int fd = open(f->cache, O_RDWR);
        unsigned char c;
        assert_int_equal(pread(fd, &c, 1, at), 1);
        c ^= 0x5A;
        assert_int_equal(pwrite(fd, &c, 1, at), 1);
        close(fd);
        pc_ruleset *rs = pc_ruleset_new();
        assert_false(pc_rules_cache_load(rs, f->cache));
        assert_int_equal(rs->count, 0);
        pc_ruleset_free(rs);
        rs = load(f); /* falls back to the YAML and is right */
        char *x = findings(rs);
        assert_string_equal(x, "t-shell@2 t-secret@3 t-path@4 t-eval@5 t-timeout@6 t-port@7 ");
        free(x);
        pc_ruleset_free(rs);
        unlink(f->cache);
    }
    pc_ruleset_free(load(f));
    assert_int_equal(truncate(f->cache, st.st_size / 2), 0);
    pc_ruleset *rs = pc_ruleset_new();
    assert_false(pc_rules_cache_load(rs, f->cache));
    pc_ruleset_free(rs);
}

static void test_entry_others_can_write_is_ignored(void **state)
{
    fx *f = *state;
    if (!f)
        skip();
    pc_ruleset_free(load(f));
    assert_int_equal(pc_rules_cache_path(f->paths, 2, f->cache, 4096, &f->may_store), 0);
    assert_int_equal(chmod(f->cache, 0666), 0);
    pc_ruleset *rs = pc_ruleset_new();
    assert_false(pc_rules_cache_load(rs, f->cache));
    pc_ruleset_free(rs);
    assert_int_equal(chmod(f->cache, 0600), 0);
    assert_int_equal(chown(f->cache, 65534, 65534), 0);
    rs = pc_ruleset_new();
    assert_false(pc_rules_cache_load(rs, f->cache));
    pc_ruleset_free(rs);
}

static void test_no_cache_when_disabled(void **state)
{
    fx *f = *state;
    if (!f)
        skip();
    setenv("PORTCULLIS_NO_CACHE", "1", 1);
    char path[4096];
    assert_int_equal(pc_rules_cache_path(f->paths, 2, path, sizeof path, &f->may_store), -1);
    unsetenv("PORTCULLIS_NO_CACHE");
}

int main(void)
{
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_second_load_is_cached_and_equal, setup),
        cmocka_unit_test_setup(test_damaged_entry_is_a_miss, setup),
        cmocka_unit_test_setup(test_entry_others_can_write_is_ignored, setup),
        cmocka_unit_test_setup(test_no_cache_when_disabled, setup),
        cmocka_unit_test_setup(test_changed_file_is_a_miss, setup), /* last: it rewrites a file */
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
