/* The writers behind report.c, one file per format. Each writer gets every
 * analyzed file (add), every unreadable one (error), then the totals
 * (finish), and writes to out; a writer that must see all files before it
 * can write (JSON, SARIF, Markdown, HTML) keeps what it needs in its state,
 * because a result is released right after add returns. */
#ifndef PC_REPORT_IMPL_H
#define PC_REPORT_IMPL_H

#include "report.h"

typedef struct pc_writer {
    /* Returns the writer's state, or NULL when memory ran out. */
    void *(*begin)(FILE *out, const pc_report_opts *o);
    int (*add)(void *w, const pc_result *res);
    int (*error)(void *w, const char *path, const char *message);
    int (*finish)(void *w, const pc_report_stats *st, double ms);
    void (*free)(void *w);
} pc_writer;

extern const pc_writer pc_writer_text;
extern const pc_writer pc_writer_json;
extern const pc_writer pc_writer_sarif;
extern const pc_writer pc_writer_markdown;
extern const pc_writer pc_writer_html;

#endif
