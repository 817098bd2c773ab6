/* The analyzer: one submission in, findings and a verdict out. */
#ifndef PC_ANALYZE_H
#define PC_ANALYZE_H

#include "arena.h"
#include "error.h"
#include "policy.h"
#include "rules.h"
#include "source.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct pc_span {
    uint32_t start_byte, end_byte;
    uint32_t line, col, end_line, end_col; /* 1-based; columns count code points */
} pc_span;

typedef struct pc_finding {
    const pc_rule *rule;
    pc_severity severity; /* after policy overrides */
    bool denies;          /* this finding alone makes the file denied */
    pc_span span;
    const char *detail; /* what was matched, e.g. "os.system" */
} pc_finding;

typedef struct pc_result {
    pc_arena arena;
    const char *path;
    pc_source src;
    pc_finding *findings; /* sorted by position */
    size_t nfindings;
    bool denied;
    uint32_t lines;
    const uint32_t *line_starts; /* byte offset of each line in src.text */
    uint32_t nline_starts;
    size_t bytes;
    double ms;
} pc_result;

/* The immutable, thread-shareable part: policy plus indexed rules. */
typedef struct pc_engine pc_engine;
/* Takes ownership of neither; both must outlive the engine. */
pc_engine *pc_engine_new(const pc_policy *policy, const pc_ruleset *rules, pc_error *err);
void pc_engine_free(pc_engine *e);
const pc_policy *pc_engine_policy(const pc_engine *e);
const pc_ruleset *pc_engine_rules(const pc_engine *e);

/* JIT-compile the rules' regexes: worth it before analyzing many files, not
 * for one snippet. Call before sharing the engine between threads. */
void pc_engine_jit(const pc_engine *e);

/* Per-thread state (parser, cursors). */
typedef struct pc_worker pc_worker;
pc_worker *pc_worker_new(const pc_engine *e);
void pc_worker_free(pc_worker *w);

/* Analyze `len` bytes of `data` named `path`. Returns 0, or -1 with err set
 * when memory ran out; bad input is never an error, it is a finding. */
int pc_analyze(pc_worker *w, const char *path, const unsigned char *data, size_t len, pc_result *out,
               pc_error *err);
void pc_result_release(pc_result *r);

/* The same in two steps, so that a file can be decoded and parsed while the
 * rules still load: pc_analyze_prepare needs no engine (a worker may be made
 * with none, and given one with pc_worker_set_engine before the second
 * step); pc_analyze_prepared then analyzes it, with nothing else analyzed by
 * that worker in between, and uses it up. To finish on another thread, the
 * preparing thread calls pc_prepared_detach first, and the two threads hand
 * the worker over with a synchronizing operation (a mutex, an atomic with
 * release and acquire, a join). pc_analyze_prepare returns NULL when memory
 * ran out; pc_prepared_free drops a prepared file that will not be
 * analyzed. */
typedef struct pc_prepared pc_prepared;
pc_prepared *pc_analyze_prepare(pc_worker *w, const char *path, const unsigned char *data, size_t len);
void pc_prepared_detach(pc_prepared *p);
int pc_analyze_prepared(pc_worker *w, pc_prepared *p, pc_result *out, pc_error *err);
void pc_prepared_free(pc_worker *w, pc_prepared *p);
void pc_worker_set_engine(pc_worker *w, const pc_engine *e);

/* The full text of line `line` (1-based) of a result, without its newline. */
const char *pc_result_line(const pc_result *r, uint32_t line, uint32_t *len);

#endif
