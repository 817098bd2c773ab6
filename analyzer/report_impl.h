/* The writers behind report.c; one file per format. */
#ifndef PC_REPORT_IMPL_H
#define PC_REPORT_IMPL_H

#include "report.h"

int pc_text_add(FILE *out, const pc_report_opts *o, const pc_result *res);
int pc_text_summary(FILE *out, const pc_report_opts *o, const pc_report_stats *st, double ms);

void *pc_json_begin(const pc_report_opts *o);
int pc_json_add(void *j, const pc_result *res);
int pc_json_error(void *j, const char *path, const char *message);
int pc_json_finish(void *j, FILE *out, const pc_report_stats *st, double ms);
void pc_json_free(void *j);

#endif
