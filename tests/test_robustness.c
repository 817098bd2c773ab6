/* Robustness: hostile and huge inputs return 0 from pc_analyze with a
 * sensible verdict, without crashing or running away. */
#include "testutil.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char rules[] = "rules:\n"
                            "  - id: eval-exec\n"
                            "    message: eval runs code.\n"
                            "    severity: high\n"
                            "    confidence: high\n"
                            "    cwe: CWE-95\n"
                            "    match:\n"
                            "      call: [builtins.eval, builtins.exec]\n"
                            "  - id: os-system\n"
                            "    message: shell.\n"
                            "    severity: high\n"
                            "    confidence: high\n"
                            "    cwe: CWE-78\n"
                            "    match:\n"
                            "      call: [os.system]\n"
                            "  - id: aws-key\n"
                            "    message: key.\n"
                            "    severity: critical\n"
                            "    confidence: high\n"
                            "    cwe: CWE-798\n"
                            "    match:\n"
                            "      string: 'AKIA[0-9A-Z]{16}'\n"
                            "  - id: backtrack\n"
                            "    message: a regex that could backtrack badly.\n"
                            "    severity: low\n"
                            "    confidence: low\n"
                            "    cwe: CWE-1333\n"
                            "    match:\n"
                            "      string: '^(a+)+$'\n"
                            "  - id: verify-false\n"
                            "    message: verification off.\n"
                            "    severity: medium\n"
                            "    confidence: medium\n"
                            "    cwe: CWE-295\n"
                            "    match:\n"
                            "      query: |\n"
                            "        ((pair\n"
                            "           key: (string (string_content) @key)\n"
                            "           value: (false)) @finding\n"
                            "         (#match? @key \"^verify_(signature|exp)$\"))\n"
                            "      capture: finding\n"
                            "  - id: remote-code\n"
                            "    message: trust_remote_code.\n"
                            "    severity: high\n"
                            "    confidence: high\n"
                            "    cwe: CWE-94\n"
                            "    match:\n"
                            "      query: |\n"
                            "        ((keyword_argument\n"
                            "           name: (identifier) @key\n"
                            "           value: (_) @value) @arg\n"
                            "         (#eq? @key \"trust_remote_code\")\n"
                            "         (#not-match? @value \"^(False|None|0)$\"))\n"
                            "      capture: arg\n"
                            "  - id: sql-concat\n"
                            "    message: SQL built with + or %.\n"
                            "    severity: high\n"
                            "    confidence: medium\n"
                            "    cwe: CWE-89\n"
                            "    match:\n"
                            "      query: |\n"
                            "        ((binary_operator\n"
                            "           left: (string (string_content) @sql)\n"
                            "           operator: [\"%\" \"+\"]) @finding\n"
                            "         (#match? @sql \"^\\\\s*(SELECT|select)\\\\s\"))\n"
                            "      capture: finding\n"
                            "  - id: pickle-not-own\n"
                            "    message: someone else's pickle.\n"
                            "    severity: high\n"
                            "    confidence: high\n"
                            "    cwe: CWE-502\n"
                            "    match:\n"
                            "      call:\n"
                            "        callee: [joblib.load]\n"
                            "        args:\n"
                            "          - position: 0\n"
                            "            unless_written_by: [{callee: joblib.dump, position: 1}]\n";

static int setup(void **state)
{
    *state = tu_env_new(rules, NULL);
    return 0;
}

static int teardown(void **state)
{
    tu_env_free(*state);
    return 0;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void analyze(tu_env *e, const unsigned char *data, size_t len, pc_result *r)
{
    pc_error err = {{0}};
    int rc = pc_analyze(e->worker, "big.py", data, len, r, &err);
    if (rc != 0)
        fail_msg("pc_analyze returned %d: %s", rc, err.msg);
}

static void test_empty(void **state)
{
    tu_env *e = *state;
    pc_result r;
    analyze(e, (const unsigned char *)"", 0, &r);
    assert_int_equal(r.nfindings, 0);
    assert_false(r.denied);
    assert_int_equal(r.lines, 0);
    assert_int_equal(r.bytes, 0);
    pc_result_release(&r);
    /* only whitespace / only a newline / only a comment */
    const char *cases[] = {"\n", "   \n\n\t\n", "# nothing\n", "\xEF\xBB\xBF", "pass"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        analyze(e, (const unsigned char *)cases[i], strlen(cases[i]), &r);
        if (r.nfindings)
            tu_dump(&r);
        assert_int_equal(r.nfindings, 0);
        assert_false(r.denied);
        pc_result_release(&r);
    }
}

static void test_random_bytes(void **state)
{
    tu_env *e = *state;
    size_t n = 64 * 1024;
    unsigned char *buf = malloc(n);
    assert_non_null(buf);
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < n; i++)
            buf[i] = (unsigned char)rng();
        pc_result r;
        analyze(e, buf, n, &r);
        assert_true(r.denied);
        assert_non_null(tu_find(&r, "input-binary"));
        pc_result_release(&r);
    }
    /* random printable ASCII: not binary, garbage Python: a parse error */
    for (size_t i = 0; i < n; i++) {
        unsigned v = (unsigned)(rng() % 100);
        buf[i] = v < 95 ? (unsigned char)(' ' + v) : (v < 98 ? '\n' : '\t');
    }
    pc_result r;
    analyze(e, buf, n, &r);
    assert_true(r.denied);
    assert_non_null(tu_find(&r, "input-parse-error"));
    assert_null(tu_find(&r, "input-binary"));
    pc_result_release(&r);
    /* random bytes from a Python-ish alphabet, many times over */
    static const char alpha[] = "()[]{}:,.'\"\\\n =+-*/#@eval os system import from as lambda def class \t";
    for (int round = 0; round < 50; round++) {
        size_t len = 1 + (size_t)(rng() % 4096);
        for (size_t i = 0; i < len; i++)
            buf[i] = (unsigned char)alpha[rng() % (sizeof alpha - 1)];
        analyze(e, buf, len, &r);
        pc_result_release(&r);
    }
    free(buf);
}

static void test_invalid_utf8(void **state)
{
    tu_env *e = *state;
    size_t n = 64 * 1024;
    unsigned char *buf = malloc(n);
    assert_non_null(buf);
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)(0x80 | (rng() & 0x7f)); /* continuation bytes / bad leads */
    pc_result r;
    analyze(e, buf, n, &r);
    assert_true(r.denied);
    assert_non_null(tu_find(&r, "input-invalid-utf8"));
    assert_int_equal(tu_count(&r, "input-invalid-utf8"), 1); /* reported once */
    pc_result_release(&r);
    /* truncated sequences at the very end */
    const char tail[] = "x = 1\n\xe2\x82";
    analyze(e, (const unsigned char *)tail, sizeof tail - 1, &r);
    assert_non_null(tu_find(&r, "input-invalid-utf8"));
    pc_result_release(&r);
    free(buf);
}

static void test_large_file(void **state)
{
    tu_env *e = *state;
    size_t cap = 11u * 1024 * 1024, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)sprintf(buf, "import os\n\n");
    size_t blocks = 0, evals = 0;
    while (n < 10u * 1024 * 1024) {
        n += (size_t)sprintf(buf + n,
                             "def func_%zu(a, b=%zu):\n"
                             "    x = [a, b, \"s%zu\"]\n"
                             "    return {'k': x, 'n': len(x)}\n\n",
                             blocks, blocks, blocks);
        if (blocks % 1000 == 0) {
            n += (size_t)sprintf(buf + n, "eval(func_%zu(1))\n", blocks);
            evals++;
        }
        blocks++;
    }
    n += (size_t)sprintf(buf + n, "os.system('x')\n");
    pc_result r;
    analyze(e, (const unsigned char *)buf, n, &r);
    if (tu_find(&r, "input-parse-error"))
        tu_dump(&r);
    assert_null(tu_find(&r, "input-parse-error"));
    assert_int_equal(tu_count(&r, "eval-exec"), evals);
    assert_int_equal(tu_count(&r, "os-system"), 1);
    assert_true(r.denied);
    assert_true(r.lines > 400000);
    assert_int_equal(r.bytes, n);
    pc_result_release(&r);
    free(buf);
}

/* Run fn in a child process with a time limit (tu_child), so that a crash
 * or a hang is reported as a test failure instead of taking the whole run
 * down. The child reports through its exit status: 0 when every check held. */
typedef int (*child_fn)(tu_env *e, size_t n);

typedef struct child_job {
    child_fn fn;
    tu_env *e;
    size_t n;
} child_job;

static int run_job(void *p)
{
    child_job *j = p;
    return j->fn(j->e, j->n);
}

static void isolated(tu_env *e, child_fn fn, size_t n, unsigned seconds, const char *what)
{
    child_job j = {fn, e, n};
    const char *problem = tu_child(run_job, &j, seconds);
    if (problem)
        fail_msg("%s: %s", what, problem);
}

/* Child bodies: 10 = pc_analyze failed, 11 = wrong result, 12 = no memory. */
static int analyze_child(tu_env *e, const char *buf, size_t len, bool want_denied, const char *want_rule)
{
    pc_result r;
    pc_error err;
    if (pc_analyze(e->worker, "deep.py", (const unsigned char *)buf, len, &r, &err) != 0)
        return 10;
    bool ok = r.denied == want_denied && (!want_rule || tu_find(&r, want_rule));
    if (!ok)
        tu_dump(&r);
    pc_result_release(&r);
    return ok ? 0 : 11;
}

static int child_unclosed(tu_env *e, size_t depth)
{
    char *buf = malloc(depth + 8);
    if (!buf)
        return 12;
    memcpy(buf, "x = ", 4);
    memset(buf + 4, '(', depth);
    int rc = analyze_child(e, buf, depth + 4, true, "input-parse-error");
    free(buf);
    return rc;
}

static int child_balanced(tu_env *e, size_t k)
{
    char *b = malloc(2 * k + 16);
    if (!b)
        return 12;
    size_t n = (size_t)sprintf(b, "x = ");
    for (size_t i = 0; i < k; i++)
        b[n++] = "([{"[i % 3];
    for (size_t i = k; i-- > 0;)
        b[n++] = ")]}"[i % 3];
    b[n++] = '\n';
    int rc = analyze_child(e, b, n, true, "input-parse-error");
    free(b);
    return rc;
}

static int child_chain(tu_env *e, size_t terms)
{
    char *b = malloc(terms * 2 + 64);
    if (!b)
        return 12;
    size_t q = (size_t)sprintf(b, "import os\nx = os.system");
    for (size_t i = 0; i < terms; i++) {
        b[q++] = '+';
        b[q++] = 'a';
    }
    b[q++] = '\n';
    int rc = analyze_child(e, b, q, true, "os-system"); /* the reference escapes */
    free(b);
    return rc;
}

/* "x = g()()()...()" with n calls, and a lambda returning a lambda n deep
 * called n times: what each call returns is looked at once per level. */
static int child_call_chain(tu_env *e, size_t n)
{
    char *b = malloc(n * 12 + 128);
    if (!b)
        return 12;
    size_t q = (size_t)sprintf(b, "import os\ndef g():\n    return g\nx = g");
    for (size_t i = 0; i < n; i++)
        q += (size_t)sprintf(b + q, "()");
    q += (size_t)sprintf(b + q, "\nf = ");
    for (size_t i = 0; i < n; i++)
        q += (size_t)sprintf(b + q, "lambda: ");
    q += (size_t)sprintf(b + q, "os\ny = f");
    for (size_t i = 0; i < n; i++)
        q += (size_t)sprintf(b + q, "()");
    q += (size_t)sprintf(b + q, "\nos.system(x)\n");
    int rc = analyze_child(e, b, q, true, "os-system");
    free(b);
    return rc;
}

/* n loads of different files, each asking whether the program writes it */
static int child_pickle_loads(tu_env *e, size_t n)
{
    char *b = malloc(n * 64 + 128);
    if (!b)
        return 12;
    size_t q = (size_t)sprintf(b, "import joblib\njoblib.dump(m, 'f0.pkl')\n");
    for (size_t i = 0; i < n; i++)
        q += (size_t)sprintf(b + q, "x%zu = joblib.load('f%zu.pkl'); print(len(str(%zu)))\n", i, i, i);
    int rc = analyze_child(e, b, q, true, "pickle-not-own");
    free(b);
    return rc;
}

/* n loops, each over a list of its own, all with the same loop variable,
 * which each loop passes to a call: every call's argument follows to all n
 * bindings of the name, under every rule of the standard policy (the
 * repository's rules: the blow-up needs many rules that follow names). */
static int child_rebound_name(tu_env *e, size_t n)
{
    (void)e;
    pc_error err = {{0}};
    pc_policy *pol = pc_policy_load("standard", PC_RULES_DIR, &err);
    pc_ruleset *rs = pc_ruleset_new();
    if (!pol || !rs || pc_policy_load_rules(pol, PC_RULES_DIR, rs, &err) < 0) {
        fprintf(stderr, "rules: %s\n", err.msg);
        return 10;
    }
    pc_engine *eng = pc_engine_new(pol, rs, &err);
    pc_worker *w = eng ? pc_worker_new(eng) : NULL;
    char *b = malloc(n * 96 + 64);
    int rc = 12;
    if (w && b) {
        size_t q = (size_t)sprintf(b, "import ast\ndef check(e):\n    return ast.parse(e)\n");
        for (size_t i = 0; i < n; i++)
            q += (size_t)sprintf(b + q, "L%zu = ['x%zu + 1']\nfor c in L%zu:\n    check(c)\n", i, i, i);
        tu_env we = {.worker = w};
        /* past the analyzer's bound on the work, the file is denied as too complex */
        rc = analyze_child(&we, b, q, true, "input-parse-error");
    }
    free(b);
    pc_worker_free(w);
    pc_engine_free(eng);
    pc_ruleset_free(rs);
    pc_policy_free(pol);
    return rc;
}

static int child_indent(tu_env *e, size_t levels)
{
    char *b = malloc(levels * (levels + 12) + 64);
    if (!b)
        return 12;
    size_t m = 0;
    for (size_t i = 0; i < levels; i++) {
        memset(b + m, ' ', i);
        m += i;
        m += (size_t)sprintf(b + m, "if x:\n");
    }
    memset(b + m, ' ', levels);
    m += levels;
    m += (size_t)sprintf(b + m, "eval(x)\n");
    int rc = analyze_child(e, b, m, true, "eval-exec");
    free(b);
    return rc;
}

static void test_nesting_moderate(void **state)
{
    tu_env *e = *state;
    isolated(e, child_unclosed, 1000, 60, "1000 unclosed '('");
    isolated(e, child_balanced, 20000, 60, "20000 balanced brackets");
    isolated(e, child_indent, 500, 60, "500 levels of indentation");
    isolated(e, child_chain, 20000, 60, "a chain of 20000 '+' operators");
}

static void test_nesting_100k_unclosed(void **state)
{
    /* Regression (bug found by this test, fixed in 9056aec): 100,000
     * unclosed '(' ("x = ((((...", 100 KB) aborted the process: the system
     * libtree-sitter (0.20.7) double-frees in ts_subtree_release when the
     * tree is deleted, from about 65,536 levels. pc_analyze now refuses
     * input nested deeper than 1000 brackets before parsing. */
    isolated(*state, child_unclosed, 100000, 60, "100000 unclosed '('");
}

static void test_nesting_query_time(void **state)
{
    /* Regression (bug found by this test, fixed in 9056aec): query rules
     * were quadratic in nesting depth: 20,000 unclosed '(' took 0.9 s,
     * 50,000 5.6 s, 60,000 about 8 s in ts_query_cursor_next_match
     * (run_queries, query.c), although parsing takes 40 ms. */
    isolated(*state, child_unclosed, 60000, 5, "60000 unclosed '(' with query rules");
}

static void test_operator_chain_time(void **state)
{
    /* Regression (bug found by this test, fixed in 9056aec): a long chain of
     * binary operators (one 400 KB line, "x = os.system+a+a+...", 200,000
     * terms) made the query rules super-linear: 40k terms took 0.1 s, 80k
     * 11.8 s, 160k over 2 minutes in ts_query_cursor_next_match; the
     * trigger is a (binary_operator left: (string ...)) pattern. Trees
     * deeper than 4000 now skip the queries and deny as a parse error. */
    isolated(*state, child_chain, 200000, 30, "a chain of 200000 '+' operators");
}

static void test_call_chain_time(void **state)
{
    /* Regression (found by an attack probe, fixed with it): the check for
     * operator.attrgetter(...)(x) resolved the callee of every callee once
     * more, so g()()()... took 1.6 times longer per call: 28 calls 1.1 s,
     * 40 over 30 s. */
    isolated(*state, child_call_chain, 40, 5, "g() called 40 times in a chain");
    isolated(*state, child_call_chain, 400, 10, "g() called 400 times in a chain");
}

static void test_written_by_time(void **state)
{
    /* Regression (found in review, fixed with it): each written_by check
     * walked every call of the file, so 1,000 loads took 12-18 s and 2 GB,
     * 4,000 took 220 s. The writers' paths are now gathered once a file. */
    isolated(*state, child_pickle_loads, 4000, 20, "4000 joblib.load calls");
}

static void test_rebound_name_time(void **state)
{
    /* Regression (found by a stress probe, fixed with it): a name bound by
     * 5,000 loops and passed to a call in each made every call follow all
     * 5,000 values under each rule that follows names: 61 s under the
     * standard policy. The texts' answers are now kept by their bytes, and
     * a file's text work is bounded (past it, the file is denied as too
     * complex): 2.3 s. */
    isolated(*state, child_rebound_name, 5000, 30, "a loop variable bound 5000 times");
}

static void test_long_line(void **state)
{
    tu_env *e = *state;
    size_t len = 1024 * 1024;
    char *buf = malloc(len + 32);
    assert_non_null(buf);
    size_t n = (size_t)sprintf(buf, "x = \"");
    memset(buf + n, 'a', len);
    n += len;
    n += (size_t)sprintf(buf + n, "\"\n");
    pc_result r;
    analyze(e, (const unsigned char *)buf, n, &r);
    /* '^(a+)+$' on a megabyte of a's must be cut off by the match limits */
    assert_null(tu_find(&r, "input-parse-error"));
    assert_int_equal(r.lines, 1);
    assert_int_equal(tu_count(&r, "eval-exec") + tu_count(&r, "os-system") + tu_count(&r, "aws-key"), 0);
    assert_false(r.denied);
    pc_result_release(&r);
    /* a secret at the end of the long line is still found */
    n = (size_t)sprintf(buf, "x = \"");
    memset(buf + n, 'b', len);
    n += len;
    n += (size_t)sprintf(buf + n, "AKIAABCDEFGHIJKLMNOP\"\n");
    analyze(e, (const unsigned char *)buf, n, &r);
    assert_non_null(tu_find(&r, "aws-key"));
    pc_result_release(&r);
    /* a 1 MB line of code: many statements, one eval at the very end */
    n = 0;
    while (n < len) {
        memcpy(buf + n, "abs(1);", 7);
        n += 7;
    }
    size_t col = n + 1;
    n += (size_t)sprintf(buf + n, "eval(2)\n");
    analyze(e, (const unsigned char *)buf, n, &r);
    assert_int_equal(tu_count(&r, "eval-exec"), 1);
    assert_true(tu_has_at(&r, "eval-exec", 1, (uint32_t)col));
    assert_true(r.denied);
    pc_result_release(&r);
    /* catastrophic backtracking is cut off by the match limits */
    const char bt[] = "x = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"\neval(x)\n";
    analyze(e, (const unsigned char *)bt, sizeof bt - 1, &r);
    assert_null(tu_find(&r, "backtrack"));
    assert_non_null(tu_find(&r, "eval-exec"));
    pc_result_release(&r);
    free(buf);
}

static void test_many_findings(void **state)
{
    tu_env *e = *state;
    size_t calls = 150000;
    char *buf = malloc(calls * 8 + 16);
    assert_non_null(buf);
    size_t n = 0;
    for (size_t i = 0; i < calls; i++) {
        memcpy(buf + n, "eval(1)\n", 8);
        n += 8;
    }
    pc_result r;
    analyze(e, (const unsigned char *)buf, n, &r);
    assert_true(r.denied);
    assert_true(r.nfindings > 0);
    assert_true(r.nfindings <= 100000); /* bounded */
    pc_result_release(&r);
    free(buf);
}

static void test_many_lines(void **state)
{
    tu_env *e = *state;
    size_t n = 2u * 1024 * 1024;
    char *buf = malloc(n + 32);
    assert_non_null(buf);
    memset(buf, '\n', n);
    size_t k = n + (size_t)sprintf(buf + n, "eval(x)\n");
    pc_result r;
    analyze(e, (const unsigned char *)buf, k, &r);
    assert_true(tu_has_at(&r, "eval-exec", (uint32_t)n + 1, 1));
    pc_result_release(&r);
    free(buf);
}

static void test_too_large(void **state)
{
    tu_env *e = *state;
    size_t n = PC_SOURCE_MAX_BYTES + 1;
    char *buf = malloc(n);
    assert_non_null(buf);
    memset(buf, '\n', n);
    pc_result r;
    analyze(e, (const unsigned char *)buf, n, &r);
    assert_true(r.denied);
    assert_non_null(tu_find(&r, "input-binary"));
    assert_false(r.src.parseable);
    pc_result_release(&r);
    free(buf);
}

static void test_worker_reuse(void **state)
{
    tu_env *e = *state;
    /* alternate hostile and normal inputs on one worker: results stay right */
    const char ok[] = "import os\nos.system('x')\n";
    for (int i = 0; i < 200; i++) {
        pc_result r;
        if (i % 2) {
            analyze(e, (const unsigned char *)"def f(:\n\0\xff", 10, &r);
        } else {
            analyze(e, (const unsigned char *)ok, sizeof ok - 1, &r);
            assert_int_equal(r.nfindings, 1);
            assert_true(tu_has_at(&r, "os-system", 2, 1));
        }
        pc_result_release(&r);
    }
    /* two workers on one engine */
    pc_worker *w2 = pc_worker_new(e->engine);
    assert_non_null(w2);
    pc_result r;
    pc_error err;
    assert_int_equal(pc_analyze(w2, "x.py", (const unsigned char *)ok, sizeof ok - 1, &r, &err), 0);
    assert_int_equal(r.nfindings, 1);
    pc_result_release(&r);
    pc_worker_free(w2);
    /* releasing twice is harmless */
    pc_result_release(&r);
    pc_result_release(NULL);
}

#define T(fn) cmocka_unit_test(fn)

int main(void)
{
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        T(test_empty),
        T(test_random_bytes),
        T(test_invalid_utf8),
        T(test_large_file),
        T(test_nesting_moderate),
        T(test_nesting_100k_unclosed),
        T(test_nesting_query_time),
        T(test_operator_chain_time),
        T(test_call_chain_time),
        T(test_written_by_time),
        T(test_rebound_name_time),
        T(test_long_line),
        T(test_many_findings),
        T(test_many_lines),
        T(test_too_large),
        T(test_worker_reuse),
    };
    return cmocka_run_group_tests_name("robustness", tests, setup, teardown);
}
