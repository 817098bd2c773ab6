#include "report.h"
#include "report_impl.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#ifndef PC_VERSION
#define PC_VERSION "0.0.0"
#endif

const char *pc_version(void)
{
    return PC_VERSION;
}

static bool hidden(utf8proc_int32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C ||
           (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD ||
           (c >= 0xE0000 && c <= 0xE007F) || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0;
}

void pc_report_clean(const char *s, size_t len, char *buf, size_t cap, bool keep_tabs)
{
    size_t o = 0, i = 0;
    if (!cap)
        return;
    while (i < len && o + 4 < cap) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x7F) { /* printable ASCII, most of any line: as it is */
            buf[o++] = (char)b;
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0) {
            n = 1;
            c = 0xFFFD;
        }
        if (c == '\t' && keep_tabs) {
            buf[o++] = '\t';
        } else if (hidden(c) || c == 0xFFFD) {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(buf + o, s + i, (size_t)n);
            o += (size_t)n;
        }
        i += (size_t)n;
    }
    buf[o] = '\0';
}

int pc_format_parse(const char *name, pc_format *out)
{
    static const struct {
        const char *name;
        pc_format f;
    } names[] = {{"text", PC_FORMAT_TEXT},         {"json", PC_FORMAT_JSON},   {"sarif", PC_FORMAT_SARIF},
                 {"markdown", PC_FORMAT_MARKDOWN}, {"md", PC_FORMAT_MARKDOWN}, {"html", PC_FORMAT_HTML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i].name)) {
            *out = names[i].f;
            return 0;
        }
    return -1;
}

static const pc_writer *writer_for(pc_format f)
{
    switch (f) {
    case PC_FORMAT_JSON: return &pc_writer_json;
    case PC_FORMAT_SARIF: return &pc_writer_sarif;
    case PC_FORMAT_MARKDOWN: return &pc_writer_markdown;
    case PC_FORMAT_HTML: return &pc_writer_html;
    case PC_FORMAT_TEXT: break;
    }
    return &pc_writer_text;
}

struct pc_report {
    FILE *out;
    const pc_writer *w;
    pc_report_stats st;
    void *impl;
};

pc_report *pc_report_new(FILE *out, const pc_report_opts *o)
{
    pc_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->out = out;
    r->w = writer_for(o->format);
    if (!(r->impl = r->w->begin(out, o))) {
        free(r);
        return NULL;
    }
    return r;
}

int pc_report_add(pc_report *r, const pc_result *res)
{
    r->st.files++;
    r->st.denied += res->denied;
    r->st.lines += res->lines;
    r->st.findings += res->nfindings;
    for (size_t i = 0; i < res->nfindings; i++)
        r->st.by_sev[res->findings[i].severity]++;
    return r->w->add(r->impl, res);
}

void pc_report_baselined(pc_report *r, size_t n)
{
    r->st.baselined += n;
}

int pc_report_error(pc_report *r, const char *path, const char *message)
{
    r->st.errors++;
    return r->w->error(r->impl, path, message);
}

int pc_report_finish(pc_report *r, double total_ms)
{
    int rc = r->w->finish(r->impl, &r->st, total_ms);
    if (fflush(r->out) != 0 || ferror(r->out))
        rc = -1;
    return rc;
}

void pc_report_free(pc_report *r)
{
    if (!r)
        return;
    r->w->free(r->impl);
    free(r);
}
