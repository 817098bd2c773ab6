/* PLACEHOLDER: the html writer is being written; until then it refuses. */
#include "report_impl.h"

#include <stdlib.h>

static void *begin(FILE *out, const pc_report_opts *o)
{
    (void)out, (void)o;
    return NULL;
}
static int add(void *w, const pc_result *res)
{
    (void)w, (void)res;
    return -1;
}
static int error(void *w, const char *path, const char *message)
{
    (void)w, (void)path, (void)message;
    return -1;
}
static int finish(void *w, const pc_report_stats *st, double ms)
{
    (void)w, (void)st, (void)ms;
    return -1;
}
const pc_writer pc_writer_html = {begin, add, error, finish, free};
