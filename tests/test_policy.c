/* Policies: loading, defaults, verdict semantics, and loading the rule sets
 * a policy names. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#define RULE(id, sev)                                                                                        \
    "  - id: " id "\n"                                                                                       \
    "    message: m\n"                                                                                       \
    "    severity: " sev "\n"                                                                                \
    "    confidence: high\n"                                                                                 \
    "    cwe: CWE-95\n"                                                                                      \
    "    match:\n"                                                                                           \
    "      call: [f]\n"

typedef struct fx {
    char *dir;
    char *rules_dir;
    pc_error err;
    char *path;
    pc_policy *p;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->dir = tu_mkdtemp();
    f->rules_dir = tu_join(f->dir, "rules");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    pc_policy_free(f->p);
    tu_rmrf(f->dir);
    free(f->dir);
    free(f->rules_dir);
    free(f->path);
    free(f);
    return 0;
}

/* Write a policy file in dir/ and load it by path. */
static pc_policy *load(fx *f, const char *yaml)
{
    free(f->path);
    f->path = tu_write_str(f->dir, "policy.yaml", yaml);
    pc_policy_free(f->p);
    memset(&f->err, 0, sizeof f->err);
    f->p = pc_policy_load(f->path, f->rules_dir, &f->err);
    return f->p;
}

static void expect_error(fx *f, const char *yaml, unsigned line, unsigned col, const char *reason)
{
    if (load(f, yaml))
        fail_msg("expected the policy to be refused with '%s'", reason);
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "%s:%u:%u: ", f->path, line, col);
    if (!tu_starts_with(f->err.msg, prefix))
        fail_msg("error '%s' does not start with '%s'", f->err.msg, prefix);
    if (!strstr(f->err.msg, reason))
        fail_msg("error '%s' does not mention '%s'", f->err.msg, reason);
}

static pc_rule mkrule(const char *id, pc_match_kind kind, pc_severity sev, pc_confidence conf)
{
    pc_rule r;
    memset(&r, 0, sizeof r);
    r.id = id;
    r.kind = kind;
    r.severity = sev;
    r.confidence = conf;
    r.capture = -1;
    return r;
}

/* ------------------------------------------------------------ loading */

static void test_defaults(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: basic\nrulesets: [\"*\"]\n");
    if (!p)
        fail_msg("%s", f->err.msg);
    assert_string_equal(p->name, "basic");
    assert_null(p->description);
    assert_string_equal(p->path, f->path);
    assert_string_equal(p->dir, f->dir);
    assert_int_equal(p->nrulesets, 1);
    assert_string_equal(p->rulesets[0], "*");
    assert_false(p->deny_never);
    assert_int_equal(p->deny_severity, PC_SEV_HIGH);
    assert_int_equal(p->deny_confidence, PC_CONF_LOW);
    assert_true(p->deny_input);
    assert_false(p->suppressions);
    assert_int_equal(p->ndisable, 0);
    assert_int_equal(p->noverrides, 0);
    assert_int_equal(p->ndeny_rules, 0);
}

static void test_full(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: full\n"
                           "description: Everything set.\n"
                           "rulesets: [code-exec, \"strict/*\", extra.yaml]\n"
                           "disable: [assert-used, \"sub*\"]\n"
                           "severity:\n"
                           "  subprocess-call: critical\n"
                           "  eval-exec: info\n"
                           "deny:\n"
                           "  severity: medium\n"
                           "  confidence: high\n"
                           "  rules: [import-not-allowed, \"net-*\"]\n"
                           "  input: false\n"
                           "suppressions: true\n");
    if (!p)
        fail_msg("%s", f->err.msg);
    assert_string_equal(p->description, "Everything set.");
    assert_int_equal(p->nrulesets, 3);
    assert_string_equal(p->rulesets[1], "strict/*");
    assert_int_equal(p->ndisable, 2);
    assert_int_equal(p->noverrides, 2);
    assert_string_equal(p->overrides[0].id, "subprocess-call");
    assert_int_equal(p->overrides[0].severity, PC_SEV_CRITICAL);
    assert_string_equal(p->overrides[1].id, "eval-exec");
    assert_int_equal(p->overrides[1].severity, PC_SEV_INFO);
    assert_int_equal(p->deny_severity, PC_SEV_MEDIUM);
    assert_int_equal(p->deny_confidence, PC_CONF_HIGH);
    assert_int_equal(p->ndeny_rules, 2);
    assert_string_equal(p->deny_rules[1], "net-*");
    assert_false(p->deny_input);
    assert_true(p->suppressions);
    assert_false(p->deny_never);
}

static void test_deny_never(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: audit\nrulesets: [\"*\"]\ndeny: never\n");
    if (!p)
        fail_msg("%s", f->err.msg);
    assert_true(p->deny_never);
    pc_rule crit = mkrule("x", PC_MATCH_CALL, PC_SEV_CRITICAL, PC_CONF_HIGH);
    pc_rule input = mkrule("input-nul", PC_MATCH_INPUT, PC_SEV_HIGH, PC_CONF_HIGH);
    assert_false(pc_policy_denies(p, &crit, PC_SEV_CRITICAL));
    assert_false(pc_policy_denies(p, &input, PC_SEV_HIGH));
}

static void test_load_by_name(void **state)
{
    fx *f = *state;
    free(tu_write_str(f->rules_dir, "policies/strictish.yaml", "policy: strictish\nrulesets: []\n"));
    pc_policy *p = pc_policy_load("strictish", f->rules_dir, &f->err);
    if (!p)
        fail_msg("%s", f->err.msg);
    assert_string_equal(p->name, "strictish");
    assert_int_equal(p->nrulesets, 0);
    char *want = tu_join(f->rules_dir, "policies/strictish.yaml");
    assert_string_equal(p->path, want);
    free(want);
    pc_policy_free(p);
}

/* ------------------------------------------------------------ semantics */

static void test_denies_severity_confidence(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: p\nrulesets: []\n");
    assert_non_null(p);
    pc_rule hi = mkrule("a", PC_MATCH_CALL, PC_SEV_HIGH, PC_CONF_LOW);
    pc_rule med = mkrule("b", PC_MATCH_CALL, PC_SEV_MEDIUM, PC_CONF_HIGH);
    pc_rule crit = mkrule("c", PC_MATCH_IMPORT, PC_SEV_CRITICAL, PC_CONF_MEDIUM);
    pc_rule in = mkrule("d", PC_MATCH_INPUT, PC_SEV_INFO, PC_CONF_LOW);
    assert_true(pc_policy_denies(p, &hi, PC_SEV_HIGH));
    assert_false(pc_policy_denies(p, &med, PC_SEV_MEDIUM));
    assert_true(pc_policy_denies(p, &crit, PC_SEV_CRITICAL));
    /* the effective severity is what counts */
    assert_true(pc_policy_denies(p, &med, PC_SEV_HIGH));
    assert_false(pc_policy_denies(p, &hi, PC_SEV_LOW));
    /* input findings deny whatever their severity (deny.input defaults to true) */
    assert_true(pc_policy_denies(p, &in, PC_SEV_INFO));

    p = load(f, "policy: p\nrulesets: []\ndeny:\n  severity: critical\n  confidence: high\n  input: false\n");
    assert_non_null(p);
    assert_false(pc_policy_denies(p, &hi, PC_SEV_HIGH));
    assert_false(pc_policy_denies(p, &crit, PC_SEV_CRITICAL)); /* medium confidence < high */
    pc_rule crit_hi = mkrule("e", PC_MATCH_CALL, PC_SEV_CRITICAL, PC_CONF_HIGH);
    assert_true(pc_policy_denies(p, &crit_hi, PC_SEV_CRITICAL));
    /* input: false -> input rules go by severity like any other */
    assert_false(pc_policy_denies(p, &in, PC_SEV_INFO));
    pc_rule in_crit = mkrule("f", PC_MATCH_INPUT, PC_SEV_CRITICAL, PC_CONF_HIGH);
    assert_true(pc_policy_denies(p, &in_crit, PC_SEV_CRITICAL));

    p = load(f, "policy: p\nrulesets: []\ndeny:\n  severity: info\n");
    assert_non_null(p);
    pc_rule info = mkrule("g", PC_MATCH_NAME, PC_SEV_INFO, PC_CONF_LOW);
    assert_true(pc_policy_denies(p, &info, PC_SEV_INFO));
}

static void test_denies_rules(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: p\nrulesets: []\ndeny:\n  rules: [import-not-allowed, \"net-*\"]\n");
    assert_non_null(p);
    pc_rule a = mkrule("import-not-allowed", PC_MATCH_IMPORT, PC_SEV_INFO, PC_CONF_LOW);
    pc_rule b = mkrule("net-socket", PC_MATCH_IMPORT, PC_SEV_LOW, PC_CONF_LOW);
    pc_rule c = mkrule("other", PC_MATCH_IMPORT, PC_SEV_LOW, PC_CONF_LOW);
    pc_rule d = mkrule("import-not-allowed-x", PC_MATCH_IMPORT, PC_SEV_LOW, PC_CONF_LOW);
    assert_true(pc_policy_denies(p, &a, PC_SEV_INFO));
    assert_true(pc_policy_denies(p, &b, PC_SEV_LOW));
    assert_false(pc_policy_denies(p, &c, PC_SEV_LOW));
    assert_false(pc_policy_denies(p, &d, PC_SEV_LOW));
    /* deny.rules as a single scalar */
    p = load(f, "policy: p\nrulesets: []\ndeny:\n  rules: only-this\n");
    assert_non_null(p);
    assert_int_equal(p->ndeny_rules, 1);
    pc_rule e = mkrule("only-this", PC_MATCH_CALL, PC_SEV_INFO, PC_CONF_LOW);
    assert_true(pc_policy_denies(p, &e, PC_SEV_INFO));
}

static void test_disabled(void **state)
{
    fx *f = *state;
    pc_policy *p = load(f, "policy: p\nrulesets: []\ndisable: [assert-used, \"sub*\", \"x?y\"]\n");
    assert_non_null(p);
    assert_true(pc_policy_disabled(p, "assert-used"));
    assert_true(pc_policy_disabled(p, "subprocess-call"));
    assert_true(pc_policy_disabled(p, "xzy"));
    assert_false(pc_policy_disabled(p, "xy"));
    assert_false(pc_policy_disabled(p, "assert-used-2"));
    assert_false(pc_policy_disabled(p, "eval-exec"));
    p = load(f, "policy: p\nrulesets: []\n");
    assert_false(pc_policy_disabled(p, "assert-used"));
}

static void test_only(void **state)
{
    fx *f = *state;
    pc_policy *p =
        load(f, "policy: p\nrulesets: []\nonly: [eval-exec, \"shell-*\"]\ndisable: [shell-command]\n");
    assert_non_null(p);
    assert_false(pc_policy_disabled(p, "eval-exec"));
    assert_false(pc_policy_disabled(p, "shell-true-call"));
    assert_true(pc_policy_disabled(p, "shell-command")); /* disable still wins */
    assert_true(pc_policy_disabled(p, "subprocess-call"));
    assert_true(pc_policy_disabled(p, "eval-exec-2"));
    p = load(f, "policy: p\nrulesets: []\nonly: eval-exec\n");
    assert_non_null(p);
    assert_true(pc_policy_disabled(p, "exec-call"));
    assert_null(load(f, "policy: p\nrulesets: []\nonly: []\n"));
    assert_non_null(strstr(f->err.msg, "'only' must name at least one rule id"));
}

static void test_severity_overrides(void **state)
{
    fx *f = *state;
    pc_policy *p =
        load(f, "policy: p\nrulesets: []\nseverity:\n  subprocess-call: critical\n  noisy: info\n");
    assert_non_null(p);
    pc_rule a = mkrule("subprocess-call", PC_MATCH_CALL, PC_SEV_MEDIUM, PC_CONF_HIGH);
    pc_rule b = mkrule("noisy", PC_MATCH_CALL, PC_SEV_HIGH, PC_CONF_HIGH);
    pc_rule c = mkrule("other", PC_MATCH_CALL, PC_SEV_LOW, PC_CONF_HIGH);
    assert_int_equal(pc_policy_severity(p, &a), PC_SEV_CRITICAL);
    assert_int_equal(pc_policy_severity(p, &b), PC_SEV_INFO);
    assert_int_equal(pc_policy_severity(p, &c), PC_SEV_LOW);
}

/* ------------------------------------------------------------ errors */

static void test_errors(void **state)
{
    fx *f = *state;
    expect_error(f, "policy: p\nrulesets: []\ncolour: red\n", 3, 1, "unknown key 'colour'");
    expect_error(f, "policy: p\nrulesets: []\ndeny:\n  severity: huge\n", 4, 13, "severity must be one of");
    expect_error(f, "policy: p\nrulesets: []\ndeny:\n  confidence: total\n", 4, 15,
                 "confidence must be one of");
    expect_error(f, "policy: p\nrulesets: []\ndeny:\n  colour: red\n", 4, 3, "unknown key 'colour'");
    expect_error(f, "policy: p\nrulesets: []\ndeny:\n  input: maybe\n", 4, 10,
                 "'input' must be true or false");
    expect_error(f, "policy: p\nrulesets: []\ndeny: sometimes\n", 3, 7,
                 "'deny' must be a mapping or 'never'");
    expect_error(f, "policy: p\nrulesets: []\nseverity:\n  eval-exec: severe\n", 4, 14,
                 "severity must be one of");
    expect_error(f, "policy: p\nrulesets: []\nseverity: [a, b]\n", 3, 11, "'severity' must map rule ids");
    expect_error(f, "policy: p\nrulesets: []\nsuppressions: sure\n", 3, 15,
                 "'suppressions' must be true or false");
    expect_error(f, "policy: p\ndescription: no rule sets\n", 1, 1, "missing required key 'rulesets'");
    expect_error(f, "rulesets: []\n", 1, 1, "missing required key 'policy'");
    expect_error(f, "policy: p\nrulesets: {a: 1}\n", 2, 11, "expected a string or a list of strings");
    expect_error(f, "policy: p\nrulesets: []\ndisable: [\"\"]\n", 3, 11, "empty string");
}

static void test_error_unknown_policy(void **state)
{
    fx *f = *state;
    assert_null(pc_policy_load("nope", f->rules_dir, &f->err));
    assert_non_null(strstr(f->err.msg, "unknown policy 'nope'"));
    assert_null(pc_policy_load("Not A Name", f->rules_dir, &f->err));
    assert_non_null(strstr(f->err.msg, "unknown policy 'Not A Name'"));
    char *p = tu_join(f->dir, "missing.yaml");
    assert_null(pc_policy_load(p, f->rules_dir, &f->err));
    assert_true(tu_starts_with(f->err.msg, p));
    assert_non_null(strstr(f->err.msg, "cannot open"));
    free(p);
    /* invalid YAML and an empty file */
    expect_error(f, "policy: [\n", 2, 1, "invalid YAML");
    expect_error(f, "", 1, 1, "empty file");
}

/* ------------------------------------------------------------ loading rule sets */

static void write_rules_tree(fx *f)
{
    free(tu_write_str(f->rules_dir, "a.yaml", "rules:\n" RULE("rule-a", "high")));
    free(tu_write_str(f->rules_dir, "b.yaml", "rules:\n" RULE("rule-b", "low")));
    free(tu_write_str(f->rules_dir, "strict/c.yaml", "rules:\n" RULE("rule-c", "medium")));
    free(tu_write_str(f->rules_dir, "notes.md", "# not a rule set\n"));
}

static pc_policy *load_named(fx *f, const char *yaml)
{
    free(tu_write_str(f->rules_dir, "policies/p.yaml", yaml));
    pc_policy_free(f->p);
    f->p = pc_policy_load("p", f->rules_dir, &f->err);
    if (!f->p)
        fail_msg("%s", f->err.msg);
    return f->p;
}

static void test_load_rules_star(void **state)
{
    fx *f = *state;
    write_rules_tree(f);
    pc_policy *p = load_named(f, "policy: p\nrulesets: [\"*\"]\n");
    pc_ruleset *rs = pc_ruleset_new();
    if (pc_policy_load_rules(p, f->rules_dir, rs, &f->err) != 0)
        fail_msg("%s", f->err.msg);
    assert_int_equal(rs->count, 2);
    assert_string_equal(rs->rules[0]->id, "rule-a");
    assert_string_equal(rs->rules[1]->id, "rule-b");
    assert_null(pc_ruleset_find(rs, "rule-c"));
    assert_int_equal(rs->nfiles, 2);
    pc_ruleset_free(rs);
}

static void test_load_rules_subdir(void **state)
{
    fx *f = *state;
    write_rules_tree(f);
    pc_policy *p = load_named(f, "policy: p\nrulesets: [\"strict/*\"]\n");
    pc_ruleset *rs = pc_ruleset_new();
    if (pc_policy_load_rules(p, f->rules_dir, rs, &f->err) != 0)
        fail_msg("%s", f->err.msg);
    assert_int_equal(rs->count, 1);
    assert_string_equal(rs->rules[0]->id, "rule-c");
    pc_ruleset_free(rs);

    /* named explicitly, several patterns, each file loaded once */
    p = load_named(f, "policy: p\nrulesets: [b, \"*\", strict/c, b]\n");
    rs = pc_ruleset_new();
    if (pc_policy_load_rules(p, f->rules_dir, rs, &f->err) != 0)
        fail_msg("%s", f->err.msg);
    assert_int_equal(rs->count, 3);
    assert_string_equal(rs->rules[0]->id, "rule-b");
    assert_string_equal(rs->rules[1]->id, "rule-a");
    assert_string_equal(rs->rules[2]->id, "rule-c");
    pc_ruleset_free(rs);
}

static void test_load_rules_path(void **state)
{
    fx *f = *state;
    write_rules_tree(f);
    /* a .yaml path is relative to the policy file's directory */
    free(tu_write_str(f->rules_dir, "policies/local.yaml", "rules:\n" RULE("rule-local", "low")));
    pc_policy *p = load_named(f, "policy: p\nrulesets: [local.yaml, a]\n");
    pc_ruleset *rs = pc_ruleset_new();
    if (pc_policy_load_rules(p, f->rules_dir, rs, &f->err) != 0)
        fail_msg("%s", f->err.msg);
    assert_int_equal(rs->count, 2);
    assert_string_equal(rs->rules[0]->id, "rule-local");
    assert_string_equal(rs->rules[1]->id, "rule-a");
    pc_ruleset_free(rs);
}

static void test_load_rules_missing(void **state)
{
    fx *f = *state;
    write_rules_tree(f);
    pc_policy *p = load_named(f, "policy: p\nrulesets: [a, nope]\n");
    pc_ruleset *rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), -1);
    assert_non_null(strstr(f->err.msg, "rule set 'nope' not found"));
    assert_true(tu_starts_with(f->err.msg, p->path));
    pc_ruleset_free(rs);

    /* an error inside a rule set surfaces with its file:line:col */
    free(tu_write_str(f->rules_dir, "broken.yaml", "rules:\n  - id: x\n    oops: 1\n"));
    p = load_named(f, "policy: p\nrulesets: [broken]\n");
    rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), -1);
    char *bp = tu_join(f->rules_dir, "broken.yaml");
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "%s:3:5: ", bp);
    if (!tu_starts_with(f->err.msg, prefix))
        fail_msg("'%s' does not start with '%s'", f->err.msg, prefix);
    free(bp);
    pc_ruleset_free(rs);
}

static void test_load_rules_empty(void **state)
{
    fx *f = *state;
    write_rules_tree(f);
    pc_policy *p = load_named(f, "policy: p\nrulesets: []\n");
    pc_ruleset *rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), 0);
    assert_int_equal(rs->count, 0);
    pc_ruleset_free(rs);
}

static void test_load_rules_no_rule_files(void **state)
{
    fx *f = *state;
    /* a rules directory holding only policies/ (and one holding nothing at
     * all): nothing to load, no error, no undefined behaviour (qsort of a
     * NULL array under UBSan) */
    pc_policy *p = load_named(f, "policy: p\nrulesets: []\n");
    pc_ruleset *rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), 0);
    assert_int_equal(rs->count, 0);
    pc_ruleset_free(rs);
    p = load_named(f, "policy: p\nrulesets: [\"*\"]\n");
    rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), -1);
    assert_non_null(strstr(f->err.msg, "rule set '*' not found"));
    pc_ruleset_free(rs);
    /* one rule file: loads */
    free(tu_write_str(f->rules_dir, "only.yaml", "rules:\n" RULE("only", "low")));
    rs = pc_ruleset_new();
    assert_int_equal(pc_policy_load_rules(p, f->rules_dir, rs, &f->err), 0);
    assert_int_equal(rs->count, 1);
    pc_ruleset_free(rs);
}

static void test_default_rules_dir(void **state)
{
    fx *f = *state;
    char *old = getenv("PORTCULLIS_RULES") ? strdup(getenv("PORTCULLIS_RULES")) : NULL;
    setenv("PORTCULLIS_RULES", f->rules_dir, 1);
    assert_string_equal(pc_default_rules_dir(), f->rules_dir);
    unsetenv("PORTCULLIS_RULES");
    const char *d = pc_default_rules_dir();
    assert_non_null(d);
    assert_true(strlen(d) > 0);
    if (old) {
        setenv("PORTCULLIS_RULES", old, 1);
        free(old);
    }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        T(test_defaults),
        T(test_full),
        T(test_deny_never),
        T(test_load_by_name),
        T(test_denies_severity_confidence),
        T(test_denies_rules),
        T(test_disabled),
        T(test_only),
        T(test_severity_overrides),
        T(test_errors),
        T(test_error_unknown_policy),
        T(test_load_rules_star),
        T(test_load_rules_subdir),
        T(test_load_rules_path),
        T(test_load_rules_missing),
        T(test_load_rules_empty),
        T(test_load_rules_no_rule_files),
        T(test_default_rules_dir),
    };
    return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
