/* What the Markdown and HTML review reports share: everything a report needs,
 * collected file by file (a result is released right after it is added) and
 * rendered at the end, when the verdict and the counts are known. Every
 * string here is already cleaned (pc_report_clean) but not escaped: each
 * format escapes for itself. */
#ifndef PC_REPORT_REVIEW_H
#define PC_REPORT_REVIEW_H

#include "report.h"
#include "strmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bounds, so that a huge or hostile input still gives a readable report. */
#define PC_RV_CONTEXT 3           /* lines of context before and after a span */
#define PC_RV_SPAN_LINES 8        /* lines of a long span shown */
#define PC_RV_LINE_CPS 400        /* code points shown of one source line */
#define PC_RV_LINE_BYTES 1600     /* and bytes, whatever the code points */
#define PC_RV_TEXT_BYTES 8192     /* longest path, message or detail kept */
#define PC_RV_EXCERPTS_FILE 100   /* findings of one file shown with an excerpt */
#define PC_RV_EXCERPTS_TOTAL 5000 /* and over the whole report */
#define PC_RV_LISTED_FILE 1000    /* findings of one file listed at all */
#define PC_RV_CLEAN_FILES 1000    /* names of files without findings listed */

/* One line of an excerpt: pre + mark + post is the (windowed) line. */
typedef struct pc_rv_line {
    uint32_t no;                   /* 1-based line number */
    const char *pre, *mark, *post; /* mark: the part of the span on this line, or "" */
    bool in_span;                  /* the span covers (part of) this line */
    bool cut_before, cut_after;    /* the line goes on beyond the window */
} pc_rv_line;

typedef struct pc_rv_rule {
    const char *id, *cwe;
    const char *why, *fix; /* the message's first sentence and the rest ("" if none) */
    pc_severity severity;  /* effective: policy overrides apply per rule */
    pc_confidence confidence;
    size_t count;
    size_t first_file, first_finding; /* where it first occurs (1-based), for links */
    bool explained;                   /* a finding with the explanation is in the report */
    struct pc_rv_rule *next;
} pc_rv_rule;

typedef struct pc_rv_finding {
    const pc_rv_rule *rule;
    pc_severity severity;
    bool denies;
    uint32_t line, col;
    const char *detail; /* or NULL */
    pc_rv_line *lines;  /* NULL: no excerpt (capped, or the line is unavailable) */
    size_t nlines;
    uint32_t span_end_line; /* > the last line shown when the span was cut */
    bool span_cut;
    size_t same_as; /* 1-based: the finding before has the same span and shows it; 0 none */
} pc_rv_finding;

typedef struct pc_rv_file {
    size_t index; /* 1-based among files with a section, for anchors */
    const char *path;
    bool denied;
    uint32_t lines;
    size_t nfindings, ndeny; /* in the file */
    pc_rv_finding *findings; /* the first nlisted of them */
    size_t nlisted;
    size_t nexcerpts; /* findings[0..nexcerpts) may have an excerpt */
    struct pc_rv_file *next;
} pc_rv_file;

typedef struct pc_rv_error {
    const char *path, *message;
    struct pc_rv_error *next;
} pc_rv_error;

typedef struct pc_review {
    pc_arena arena;
    FILE *out;
    const char *policy;
    pc_strmap rule_map; /* id -> pc_rv_rule */
    pc_rv_rule *rules;
    size_t nrules;
    pc_rv_file *files, **files_tail; /* files with findings, or denied */
    size_t nfiles;
    const char **clean; /* files allowed without findings (the first PC_RV_CLEAN_FILES) */
    size_t nclean, clean_cap, nclean_total;
    pc_rv_error *errors, **errors_tail;
    size_t nerrors;
    size_t nexcerpts;
    char scratch[3 * PC_RV_TEXT_BYTES + 8];
} pc_review;

/* The writer-table entry points: both formats collect the same way. */
void *pc_review_begin(FILE *out, const pc_report_opts *o);
int pc_review_add(void *rv, const pc_result *res);
int pc_review_error(void *rv, const char *path, const char *message);
void pc_review_free(void *rv);

/* The rules seen, most severe first, then most frequent, then by id;
 * malloc'd (nrules entries, at least one slot), NULL when memory ran out. */
pc_rv_rule **pc_review_sorted_rules(const pc_review *rv);

/* How many findings deny their file, over all files. */
size_t pc_review_total_deny(const pc_review *rv);

/* "deny", "error" or "allow", as in the JSON report. */
const char *pc_review_verdict(const pc_report_stats *st);

/* Walk the entries of a CWE list ("CWE-94, CWE-95"): *s advances past one
 * entry. Returns false at the end; *num is 0 when the entry is not CWE-N. */
bool pc_review_next_cwe(const char **s, const char **tok, size_t *len, unsigned long *num);

/* How many code points s[0..len) has, counting like the analyzer's columns. */
size_t pc_review_cps(const char *s, size_t len);

#endif
