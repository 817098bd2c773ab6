/* Reports: text for people at a terminal, JSON for programs, SARIF for code
 * scanning, Markdown and HTML for security reviews. A report is fed file by
 * file as results arrive, then closed with a summary. */
#ifndef PC_REPORT_H
#define PC_REPORT_H

#include "analyze.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum pc_format {
    PC_FORMAT_TEXT,
    PC_FORMAT_JSON,
    PC_FORMAT_SARIF,
    PC_FORMAT_MARKDOWN,
    PC_FORMAT_HTML,
} pc_format;

/* "text", "json", "sarif", "markdown" (or "md"), "html"; -1 when unknown. */
int pc_format_parse(const char *name, pc_format *out);

typedef struct pc_report pc_report;

typedef struct pc_report_opts {
    pc_format format;
    const char *policy;
    const pc_policy *policy_def; /* the severity it gives each rule (SARIF); may be NULL */
    const pc_ruleset *rules;     /* every loaded rule (SARIF lists them); may be NULL */
    bool color;
} pc_report_opts;

pc_report *pc_report_new(FILE *out, const pc_report_opts *o);
/* Add one analyzed file. */
int pc_report_add(pc_report *r, const pc_result *res);
/* Count findings a baseline hid (they are in no report section). */
void pc_report_baselined(pc_report *r, size_t n);
/* Add a file that could not be analyzed (unreadable): message is one line. */
int pc_report_error(pc_report *r, const char *path, const char *message);
/* Write the summary and everything still buffered; returns 0 or -1 on a write error. */
int pc_report_finish(pc_report *r, double total_ms);
void pc_report_free(pc_report *r);

/* Copy s into buf as valid UTF-8 with control, bidi and invisible characters
 * replaced, so that a report cannot be reordered or hidden. */
void pc_report_clean(const char *s, size_t len, char *buf, size_t cap, bool keep_tabs);

const char *pc_version(void);

/* Fingerprints of a result's findings, one per finding, in order: 32 hex
 * digits from the rule id, the text of the finding's first line with all
 * whitespace removed, and how many findings of that rule on the same text
 * come before it in the file. Moving code or editing other lines keeps a
 * fingerprint; editing the flagged line changes it. out has nfindings
 * entries; returns 0, or -1 when memory ran out. */
#define PC_FINGERPRINT_LEN 32
typedef char pc_fingerprint[PC_FINGERPRINT_LEN + 1];
int pc_result_fingerprints(const pc_result *res, pc_fingerprint *out);

/* Totals over a whole report, passed to each writer's summary. */
typedef struct pc_report_stats {
    size_t files, denied, errors, lines, findings, baselined;
    size_t by_sev[5];
} pc_report_stats;

#endif
