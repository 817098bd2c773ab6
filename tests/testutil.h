/* Helpers shared by the cmocka tests: temporary files and directories, and
 * a small harness that turns inline YAML and Python into analysis results. */
#ifndef PC_TESTUTIL_H
#define PC_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "analyze.h"
#include "policy.h"
#include "report.h"
#include "rules.h"

#include <stdbool.h>
#include <stdio.h>

/* A fresh directory under /tmp (malloc'd path). */
char *tu_mkdtemp(void);
/* Remove a directory tree. */
void tu_rmrf(const char *path);
/* dir + "/" + rel (malloc'd). */
char *tu_join(const char *dir, const char *rel);
/* Write data to dir/rel, creating parent directories; returns the path (malloc'd). */
char *tu_write_file(const char *dir, const char *rel, const char *data, size_t len);
char *tu_write_str(const char *dir, const char *rel, const char *text);

/* Honour $PC_TEST_FILTER (a cmocka glob over test names) to run a subset. */
void tu_filter_from_env(void);

/* Run fn(arg) in a forked child process with a time limit (seconds), so a
 * crash, a sanitizer report, a leak or a hang fails one test instead of the
 * whole binary. The child exits with fn's return value through exit(), so
 * LeakSanitizer checks it. Returns NULL when the child exited 0, otherwise a
 * description (static buffer). Child return codes 10..19 are failures the
 * child itself found (it prints details to stderr). Never call cmocka
 * assertions inside fn. */
const char *tu_child(int (*fn)(void *arg), void *arg, unsigned seconds);

/* Does s start with prefix? */
bool tu_starts_with(const char *s, const char *prefix);

/* ---- the analysis harness ---- */

typedef struct tu_env {
    char *dir;       /* temp dir; rules live in dir/rules */
    char *rules_dir; /* dir/rules */
    pc_policy *policy;
    pc_ruleset *rules;
    pc_engine *engine;
    pc_worker *worker;
    pc_error err;
} tu_env;

/* Build an engine from an inline rule file (may be NULL: no rule file) and
 * an inline policy (NULL: a default policy loading every rule set). Fails the
 * test on any error. */
tu_env *tu_env_new(const char *rules_yaml, const char *policy_yaml);
void tu_env_free(tu_env *e);

/* Analyze a NUL-terminated Python string / bytes; asserts pc_analyze returned 0. */
void tu_analyze(tu_env *e, const char *src, pc_result *out);
void tu_analyze_bytes(tu_env *e, const unsigned char *data, size_t len, pc_result *out);

/* Findings by rule id (NULL: any). */
size_t tu_count(const pc_result *r, const char *id);
const pc_finding *tu_find(const pc_result *r, const char *id);
/* A finding of rule id at line:col? */
bool tu_has_at(const pc_result *r, const char *id, uint32_t line, uint32_t col);
/* Print the findings (for diagnosing a failure). */
void tu_dump(const pc_result *r);

/* Assert helpers with useful messages. */
#define TU_ASSERT_FOUND(res, id)                                                                         \
    do {                                                                                                 \
        if (!tu_find((res), (id))) {                                                                     \
            tu_dump(res);                                                                                \
            fail_msg("expected a finding of rule '%s'", (id));                                           \
        }                                                                                                \
    } while (0)
#define TU_ASSERT_NOT_FOUND(res, id)                                                                     \
    do {                                                                                                 \
        if (tu_find((res), (id))) {                                                                      \
            tu_dump(res);                                                                                \
            fail_msg("expected no finding of rule '%s'", (id));                                          \
        }                                                                                                \
    } while (0)
#define TU_ASSERT_AT(res, id, line, col)                                                                 \
    do {                                                                                                 \
        if (!tu_has_at((res), (id), (line), (col))) {                                                    \
            tu_dump(res);                                                                                \
            fail_msg("expected a finding of rule '%s' at %u:%u", (id), (unsigned)(line), (unsigned)(col)); \
        }                                                                                                \
    } while (0)

#endif
