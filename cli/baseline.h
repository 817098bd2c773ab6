/* Baselines: the findings a project has accepted, so that check reports
 * and denies only new ones. A baseline is a JSON file written by
 * --write-baseline; findings are keyed by their file (relative to the
 * baseline's directory) and fingerprint (see pc_result_fingerprints). */
#ifndef PC_BASELINE_H
#define PC_BASELINE_H

#include "analyze.h"
#include "error.h"

typedef struct pc_baseline pc_baseline;

/* An empty baseline that will be written to path (its directory must exist). */
pc_baseline *pc_baseline_new(const char *path, pc_error *err);
/* Read a baseline; errors name the file, line and column. */
pc_baseline *pc_baseline_load(const char *path, pc_error *err);
void pc_baseline_free(pc_baseline *b);

/* Problems with the input itself (encodings, bidi controls, parse errors:
 * `input` rules) are never accepted by a baseline, as inline suppressions
 * never silence them: the code analyzed must be the code that runs. */

/* Record every finding of res that a baseline can hold (--write-baseline). */
int pc_baseline_record(pc_baseline *b, const pc_result *res, pc_error *err);
/* Drop the findings of res that the baseline holds (each entry covers one
 * finding) and recompute the verdict. Returns how many were dropped, or -1
 * when memory ran out. */
long pc_baseline_filter(pc_baseline *b, pc_result *res);
/* Drop every finding a baseline can hold, as a baseline just written from
 * them would; recompute the verdict. Returns how many were dropped. */
long pc_baseline_accept_all(pc_result *res);
/* Write the recorded findings to the baseline's path, replacing it atomically. */
int pc_baseline_write(const pc_baseline *b, const char *policy, pc_error *err);
size_t pc_baseline_count(const pc_baseline *b);

#endif
