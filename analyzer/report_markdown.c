/* The Markdown review report: summary tables, then each finding with its
 * explanation and an excerpt. Text outside code blocks is escaped (Markdown
 * renderers pass HTML through); code goes in fences no line can close. */
#include "report_impl.h"
#include "report_review.h"

#include <stdlib.h>
#include <string.h>

/* Inline text: Markdown punctuation backslash-escaped, HTML as entities.
 * Never at the start of a line, so list and heading markers need nothing. */
static void md_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '~':
        case '$':
        case '#':
            fputc('\\', out);
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

static void md_cwe(FILE *out, const char *cwe)
{
    const char *tok;
    size_t len;
    unsigned long num;
    bool first = true;
    while (pc_review_next_cwe(&cwe, &tok, &len, &num)) {
        fputs(first ? "" : ", ", out);
        first = false;
        if (num) {
            fprintf(out, "[CWE-%lu](https://cwe.mitre.org/data/definitions/%lu.html)", num, num);
        } else {
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)(len < 60 ? len : 60), tok);
            md_text(out, buf);
        }
    }
    if (first)
        fputs("none", out);
}

/* A rule's explanation: why it matters, and the fix when the message has one. */
static void md_explain(FILE *out, const pc_rv_rule *r)
{
    fputs("\n\n**Why it matters:** ", out);
    md_text(out, r->why);
    if (*r->fix) {
        fputs("\n\n**What to do instead:** ", out);
        md_text(out, r->fix);
    }
}

/* ---- summary ---- */

static void md_overview(const pc_review *rv, const pc_report_stats *st)
{
    FILE *out = rv->out;
    const char *v = pc_review_verdict(st);
    fprintf(out, "# Portcullis security review: %s\n\n",
            !strcmp(v, "deny")    ? "DENY"
            : !strcmp(v, "error") ? "ERROR"
                                  : "ALLOW");
    fprintf(out, "- **Verdict:** %s (%zu of %zu file%s denied", v, st->denied, st->files,
            st->files == 1 ? "" : "s");
    if (st->errors)
        fprintf(out, ", %zu could not be checked", st->errors);
    fputs(")\n- **Policy:** ", out);
    md_text(out, rv->policy);
    fprintf(out, "\n- **Tool:** portcullis %s\n", pc_version());
    fprintf(out, "- **Files:** %zu checked, %zu denied, %zu allowed, %zu error%s\n", st->files, st->denied,
            st->files - st->denied, st->errors, st->errors == 1 ? "" : "s");
    fprintf(out, "- **Lines:** %zu\n", st->lines);
    fprintf(out, "- **Findings:** %zu (%zu deny a file)\n", st->findings, pc_review_total_deny(rv));
    if (st->baselined)
        fprintf(out, "- **Baselined:** %zu finding%s hidden by the baseline\n", st->baselined,
                st->baselined == 1 ? "" : "s");
    fputc('\n', out);
}

static void md_by_severity(FILE *out, const pc_report_stats *st)
{
    fputs("## Findings by severity\n\n| Severity | Findings |\n| --- | ---: |\n", out);
    for (int s = PC_SEV_CRITICAL; s >= PC_SEV_INFO; s--)
        fprintf(out, "| %s | %zu |\n", pc_severity_name((pc_severity)s), st->by_sev[s]);
    fprintf(out, "| **total** | **%zu** |\n\n", st->findings);
}

static int md_by_rule(const pc_review *rv)
{
    FILE *out = rv->out;
    if (!rv->nrules)
        return 0;
    pc_rv_rule **v = pc_review_sorted_rules(rv);
    if (!v)
        return -1;
    fputs("## Findings by rule\n\n| Rule | Severity | Findings | CWE |\n| --- | --- | ---: | --- |\n", out);
    for (size_t i = 0; i < rv->nrules; i++) {
        fputs("| ", out);
        md_text(out, v[i]->id);
        fprintf(out, " | %s | %zu | ", pc_severity_name(v[i]->severity), v[i]->count);
        md_cwe(out, v[i]->cwe);
        fputs(" |\n", out);
    }
    fputc('\n', out);
    free(v);
    return 0;
}

static void md_files(const pc_review *rv)
{
    FILE *out = rv->out;
    if (rv->nfiles) {
        fputs("## Files with findings\n\n| File | Verdict | Findings | Deny |\n| --- | --- | ---: | ---: |\n",
              out);
        for (const pc_rv_file *f = rv->files; f; f = f->next) {
            fputs("| ", out);
            md_text(out, f->path);
            fprintf(out, " | %s | %zu | %zu |\n", f->denied ? "**denied**" : "allowed", f->nfindings,
                    f->ndeny);
        }
        fputc('\n', out);
    }
    if (rv->nclean_total) {
        fprintf(out, "## Files allowed without findings (%zu)\n\n", rv->nclean_total);
        for (size_t i = 0; i < rv->nclean; i++) {
            fputs("- ", out);
            md_text(out, rv->clean[i]);
            fputc('\n', out);
        }
        if (rv->nclean < rv->nclean_total)
            fprintf(out, "- ... and %zu more (not listed)\n", rv->nclean_total - rv->nclean);
        fputc('\n', out);
    }
    if (rv->nerrors) {
        fprintf(out, "## Files that could not be checked (%zu)\n\n", rv->nerrors);
        for (const pc_rv_error *e = rv->errors; e; e = e->next) {
            fputs("- ", out);
            md_text(out, e->path);
            fputs(": ", out);
            md_text(out, e->message);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
}

/* ---- findings ---- */

/* The longest run of backticks in s, continuing a run of *run. */
static size_t backticks(const char *s, size_t *run, size_t longest)
{
    for (; *s; s++) {
        *run = *s == '`' ? *run + 1 : 0;
        if (*run > longest)
            longest = *run;
    }
    return longest;
}

/* A fence longer than any backtick run in the excerpt, so no line closes it. */
static size_t fence_len(const pc_rv_finding *x)
{
    size_t longest = 0;
    for (size_t i = 0; i < x->nlines; i++) {
        size_t run = 0;
        longest = backticks(x->lines[i].pre, &run, longest);
        longest = backticks(x->lines[i].mark, &run, longest);
        longest = backticks(x->lines[i].post, &run, longest);
    }
    return longest < 3 ? 3 : longest + 1;
}

static void fence(FILE *out, size_t n, const char *info)
{
    for (size_t i = 0; i < n; i++)
        fputc('`', out);
    fprintf(out, "%s\n", info);
}

/* Under the marked line: the same whitespace up to the span, then ^~~~. */
static void caret_line(FILE *out, const pc_rv_line *l, int numw)
{
    fprintf(out, "   %*s | %s", numw, "", l->cut_before ? "  " : "");
    for (const char *p = l->pre; *p; p++)
        if ((*p & 0xC0) != 0x80)
            fputc(*p == '\t' ? '\t' : ' ', out);
    size_t w = pc_review_cps(l->mark, strlen(l->mark));
    for (size_t k = 0; k < w; k++)
        fputc(k ? '~' : '^', out);
    fputc('\n', out);
}

static void md_excerpt(FILE *out, const pc_rv_finding *x)
{
    size_t n = fence_len(x);
    int numw = snprintf(NULL, 0, "%u", x->lines[x->nlines - 1].no);
    fence(out, n, "text");
    for (size_t i = 0; i < x->nlines; i++) {
        const pc_rv_line *l = &x->lines[i];
        fprintf(out, "%s %*u | %s%s%s%s%s\n", l->in_span ? ">>" : "  ", numw, l->no,
                l->cut_before ? "\xE2\x80\xA6 " : "", l->pre, l->mark, l->post,
                l->cut_after ? " \xE2\x80\xA6" : "");
        if (l->in_span && *l->mark)
            caret_line(out, l, numw);
    }
    fence(out, n, "");
    if (x->span_cut)
        fprintf(out, "\n*The marked code continues to line %u.*\n", x->span_end_line);
}

static void md_finding(FILE *out, const pc_rv_file *f, size_t i)
{
    const pc_rv_finding *x = &f->findings[i];
    const pc_rv_rule *r = x->rule;
    fprintf(out, "#### %zu. %s: ", i + 1, pc_severity_name(x->severity));
    md_text(out, r->id);
    fprintf(out, " (line %u)\n\n- **Location:** ", x->line);
    md_text(out, f->path);
    fprintf(out, ":%u:%u\n- **Rule:** ", x->line, x->col);
    md_text(out, r->id);
    fprintf(out, ", severity %s, confidence %s%s\n- **CWE:** ", pc_severity_name(x->severity),
            pc_confidence_name(r->confidence), x->denies ? ", **denies this file**" : "");
    md_cwe(out, r->cwe);
    if (x->detail) {
        fputs("\n- **Matched:** ", out);
        md_text(out, x->detail);
    }
    md_explain(out, r);
    fputs("\n\n", out);
    if (x->same_as) {
        fprintf(out, "*The code is the same as in finding %zu above.*\n\n", x->same_as);
    } else if (x->lines && x->nlines) {
        md_excerpt(out, x);
        fputc('\n', out);
    }
}

/* Findings past the excerpt limits: one table row each. */
static void md_compact(FILE *out, const pc_rv_file *f)
{
    fprintf(out, "#### %s findings without excerpts (%zu)\n\n", f->nexcerpts ? "Further" : "All",
            f->nlisted - f->nexcerpts);
    fprintf(out, "A report shows at most %d excerpts per file and %d in all.\n\n", PC_RV_EXCERPTS_FILE,
            PC_RV_EXCERPTS_TOTAL);
    fputs("| Line | Severity | Rule | Matched |\n| ---: | --- | --- | --- |\n", out);
    for (size_t i = f->nexcerpts; i < f->nlisted; i++) {
        const pc_rv_finding *x = &f->findings[i];
        fprintf(out, "| %u:%u | %s | ", x->line, x->col, pc_severity_name(x->severity));
        md_text(out, x->rule->id);
        fputs(" | ", out);
        md_text(out, x->detail ? x->detail : "");
        fputs(" |\n", out);
    }
    fputc('\n', out);
}

/* Rules whose findings all went to compact tables: their explanation. */
static int md_other_rules(const pc_review *rv)
{
    FILE *out = rv->out;
    pc_rv_rule **v = pc_review_sorted_rules(rv);
    if (!v)
        return -1;
    bool any = false;
    for (size_t i = 0; i < rv->nrules; i++) {
        const pc_rv_rule *r = v[i];
        if (r->explained)
            continue;
        if (!any)
            fputs("## Rules of findings listed without excerpts\n\n", out);
        any = true;
        fputs("### ", out);
        md_text(out, r->id);
        fprintf(out, " (%s)\n\n- **CWE:** ", pc_severity_name(r->severity));
        md_cwe(out, r->cwe);
        md_explain(out, r);
        fputs("\n\n", out);
    }
    free(v);
    return 0;
}

static void md_file(FILE *out, const pc_rv_file *f)
{
    fputs("### ", out);
    md_text(out, f->path);
    fprintf(out, " (%s)\n\n%zu finding%s, %zu of them deny the file; %u line%s\n\n",
            f->denied ? "denied" : "allowed", f->nfindings, f->nfindings == 1 ? "" : "s", f->ndeny, f->lines,
            f->lines == 1 ? "" : "s");
    for (size_t i = 0; i < f->nexcerpts; i++)
        md_finding(out, f, i);
    if (f->nexcerpts < f->nlisted)
        md_compact(out, f);
    if (f->nlisted < f->nfindings)
        fprintf(out, "*%zu more finding%s in this file not listed (see `--format json`).*\n\n",
                f->nfindings - f->nlisted, f->nfindings - f->nlisted == 1 ? "" : "s");
}

static int md_finish(void *p, const pc_report_stats *st, double ms)
{
    (void)ms; /* no timings: the same input gives the same report */
    pc_review *rv = p;
    FILE *out = rv->out;
    md_overview(rv, st);
    md_by_severity(out, st);
    if (md_by_rule(rv) < 0)
        return -1;
    md_files(rv);
    if (rv->nfiles)
        fputs("## Findings\n\n", out);
    for (const pc_rv_file *f = rv->files; f; f = f->next)
        md_file(out, f);
    if (md_other_rules(rv) < 0)
        return -1;
    return ferror(out) ? -1 : 0;
}

const pc_writer pc_writer_markdown = {pc_review_begin, pc_review_add, pc_review_error, md_finish,
                                      pc_review_free};
