/* file:line:col: severity rule-id message, the line, a caret under the span. */
#include "report_impl.h"

#include <stdlib.h>
#include <string.h>

typedef struct text_writer {
    FILE *out;
    pc_report_opts o;
} text_writer;

static const char *sev_color(pc_severity s)
{
    static const char *const c[] = {"\033[2m", "\033[36m", "\033[33m", "\033[31m", "\033[1;31m"};
    return c[s];
}

static int caret_line(FILE *out, const char *line, uint32_t len, const pc_finding *f, bool color)
{
    char clean[1024];
    uint32_t shown = len > 400 ? 400 : len;
    pc_report_clean(line, shown, clean, sizeof clean, true);
    fprintf(out, "    %s%s\n    ", clean, shown < len ? " ..." : "");
    /* pad with the same whitespace so tabs line up */
    uint32_t col = 1, i = 0;
    while (i < shown && col < f->span.col) {
        unsigned char ch = (unsigned char)line[i];
        if ((ch & 0xC0) != 0x80) {
            fputc(ch == '\t' ? '\t' : ' ', out);
            col++;
        }
        i++;
    }
    uint32_t end = f->span.end_line == f->span.line ? f->span.end_col : col + 1;
    uint32_t width = 0;
    for (uint32_t k = i; k < len && col + width < end && width < 200; k++)
        width += ((unsigned char)line[k] & 0xC0) != 0x80;
    if (width == 0)
        width = 1;
    if (color)
        fputs("\033[1;32m", out);
    for (uint32_t k = 0; k < width; k++)
        fputc(k ? '~' : '^', out);
    if (color)
        fputs("\033[0m", out);
    fputc('\n', out);
    return 0;
}

static int text_add(void *p, const pc_result *res)
{
    text_writer *t = p;
    FILE *out = t->out;
    const pc_report_opts *o = &t->o;
    char path[1024];
    pc_report_clean(res->path, strlen(res->path), path, sizeof path, false);
    for (size_t i = 0; i < res->nfindings; i++) {
        const pc_finding *f = &res->findings[i];
        char msg[2048], detail[256] = "";
        pc_report_clean(f->rule->message, strlen(f->rule->message), msg, sizeof msg, false);
        if (f->detail)
            pc_report_clean(f->detail, strlen(f->detail), detail, sizeof detail, false);
        fprintf(out, "%s:%u:%u: %s%s%s %s%s%s %s%s%s%s\n", path, f->span.line, f->span.col,
                o->color ? sev_color(f->severity) : "", pc_severity_name(f->severity),
                o->color ? "\033[0m" : "", o->color ? "\033[1m" : "", f->rule->id, o->color ? "\033[0m" : "",
                msg, *detail ? " [" : "", detail, *detail ? "]" : "");
        uint32_t len;
        const char *line = pc_result_line(res, f->span.line, &len);
        if (line)
            caret_line(out, line, len, f, o->color);
    }
    size_t deny = 0;
    for (size_t i = 0; i < res->nfindings; i++)
        deny += res->findings[i].denies;
    if (res->denied)
        fprintf(out, "%s: %sDENIED%s by policy %s: %zu finding%s, %zu deny\n", path,
                o->color ? "\033[1;31m" : "", o->color ? "\033[0m" : "", o->policy, res->nfindings,
                res->nfindings == 1 ? "" : "s", deny);
    else
        fprintf(out, "%s: %sallowed%s by policy %s: %zu finding%s\n", path, o->color ? "\033[1;32m" : "",
                o->color ? "\033[0m" : "", o->policy, res->nfindings, res->nfindings == 1 ? "" : "s");
    return ferror(out) ? -1 : 0;
}

static int text_finish(void *p, const pc_report_stats *st, double ms)
{
    text_writer *t = p;
    FILE *out = t->out;
    const pc_report_opts *o = &t->o;
    bool deny = st->denied > 0;
    fprintf(out,
            "portcullis: %s%s%s: %zu file%s, %zu denied, %zu allowed, %zu error%s; %zu finding%s "
            "(%zu critical, %zu high, %zu medium, %zu low, %zu info)%s%.0zu%s; policy %s; %.1f ms\n",
            o->color ? (deny ? "\033[1;31m" : "\033[1;32m") : "",
            deny         ? "deny"
            : st->errors ? "error"
                         : "allow",
            o->color ? "\033[0m" : "", st->files, st->files == 1 ? "" : "s", st->denied,
            st->files - st->denied, st->errors, st->errors == 1 ? "" : "s", st->findings,
            st->findings == 1 ? "" : "s", st->by_sev[4], st->by_sev[3], st->by_sev[2], st->by_sev[1],
            st->by_sev[0], st->baselined ? ", " : "", st->baselined, st->baselined ? " in the baseline" : "",
            o->policy, ms);
    return ferror(out) ? -1 : 0;
}

static void *text_begin(FILE *out, const pc_report_opts *o)
{
    text_writer *t = malloc(sizeof *t);
    if (t) {
        t->out = out;
        t->o = *o;
    }
    return t;
}

/* the CLI prints unreadable files to stderr itself */
static int text_error(void *p, const char *path, const char *message)
{
    (void)p, (void)path, (void)message;
    return 0;
}

const pc_writer pc_writer_text = {text_begin, text_add, text_error, text_finish, free};
