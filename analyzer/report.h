/* Reports: text for people at a terminal, JSON for programs. A report is
 * written file by file as results arrive, then closed with a summary. */
#ifndef PC_REPORT_H
#define PC_REPORT_H

#include "analyze.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum pc_format { PC_FORMAT_TEXT, PC_FORMAT_JSON } pc_format;

typedef struct pc_report pc_report;

typedef struct pc_report_opts {
    pc_format format;
    const char *policy;
    bool color;
} pc_report_opts;

pc_report *pc_report_new(FILE *out, const pc_report_opts *o);
/* Add one analyzed file. */
int pc_report_add(pc_report *r, const pc_result *res);
/* Add a file that could not be analyzed (unreadable): message is one line. */
int pc_report_error(pc_report *r, const char *path, const char *message);
/* Write the summary and everything still buffered; returns 0 or -1 on a write error. */
int pc_report_finish(pc_report *r, double total_ms);
void pc_report_free(pc_report *r);

/* Copy s into buf as valid UTF-8 with control, bidi and invisible characters
 * replaced, so that a report cannot be reordered or hidden. */
void pc_report_clean(const char *s, size_t len, char *buf, size_t cap, bool keep_tabs);

const char *pc_version(void);

/* text / JSON writers behind pc_report */
typedef struct pc_report_stats {
    size_t files, denied, errors, lines, findings;
    size_t by_sev[5];
} pc_report_stats;

#endif
