/* The HTML review report: one self-contained page, no script at all, every
 * piece of text escaped; a Content-Security-Policy that allows only the one
 * inline style sheet (by hash) backs the escaping up. */
#include "report_impl.h"
#include "report_review.h"

#include <nettle/base64.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>

static const char style[] =
    ":root{--fg:#1f2328;--bg:#fff;--muted:#59636e;--border:#d1d9e0;--code:#f6f8fa;--mark:#ffe58f;"
    "--deny:#b42318;--allow:#1a7f37;--error:#9a6700}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;"
    "--border:#3d444d;--code:#151b23;--mark:#7a5d00;--deny:#ff7b72;--allow:#3fb950;--error:#d29922}}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0 auto;max-width:72rem;padding:1rem;color:var(--fg);background:var(--bg);"
    "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;overflow-wrap:anywhere}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}\n"
    "h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.2rem;border-bottom:1px solid var(--border)}\n"
    "h3{font-size:1.15rem;margin:1.5rem 0 .5rem}\n"
    "h4{font-size:1rem;margin:0 0 .5rem}\n"
    "a{color:inherit}\n"
    "code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;"
    "font-size:.875rem}\n"
    ".muted{color:var(--muted)}\n"
    ".scroll{overflow-x:auto;max-width:100%}\n"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}\n"
    "th,td{border:1px solid var(--border);padding:.25rem .6rem;text-align:left;vertical-align:top;"
    "overflow-wrap:normal}\n"
    "td code{overflow-wrap:anywhere}\n"
    "th{background:var(--code)}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .75rem;margin:.5rem 0}\n"
    "dl.facts dt{font-weight:600;color:var(--muted)}\n"
    "dl.facts dd{margin:0;min-width:0}\n"
    ".verdict{font-size:1.2rem;margin:.5rem 0}\n"
    ".badge{display:inline-block;padding:0 .45rem;border-radius:.8rem;font-size:.8rem;font-weight:700;"
    "line-height:1.5;color:#fff;background:var(--muted);text-transform:uppercase;vertical-align:middle;"
    "white-space:nowrap;overflow-wrap:normal}\n"
    ".v-deny{color:var(--deny)}.v-allow{color:var(--allow)}.v-error{color:var(--error)}\n"
    ".badge.v-deny,.badge.sev-high{background:#cf222e;color:#fff}\n"
    ".badge.v-allow{background:#1a7f37;color:#fff}\n"
    ".badge.sev-critical{background:#82071e;color:#fff}\n"
    ".badge.sev-medium{background:#bf8700;color:#000}\n"
    ".badge.sev-low{background:#0969da;color:#fff}\n"
    ".badge.sev-info{background:#6e7781;color:#fff}\n"
    ".finding{border:1px solid var(--border);border-left:.3rem solid #6e7781;border-radius:6px;"
    "padding:.75rem 1rem;margin:1rem 0}\n"
    ".finding.sev-critical{border-left-color:#82071e}.finding.sev-high{border-left-color:#cf222e}\n"
    ".finding.sev-medium{border-left-color:#bf8700}.finding.sev-low{border-left-color:#0969da}\n"
    ".finding p{margin:.4rem 0}\n"
    "pre.src{background:var(--code);border:1px solid var(--border);border-radius:6px;padding:.5rem 0;"
    "margin:.5rem 0 0;overflow-x:auto;tab-size:4;-moz-tab-size:4;line-height:1.45;overflow-wrap:normal}\n"
    "pre.src .l{white-space:pre}\n"
    "pre.src .n{display:inline-block;min-width:4.5em;padding:0 .6rem 0 .5rem;margin-right:.6rem;"
    "text-align:right;color:var(--muted);border-right:1px solid var(--border);user-select:none}\n"
    "pre.src .hit .n{color:var(--deny);font-weight:700}\n"
    "mark{background:var(--mark);color:inherit;border-bottom:2px solid var(--deny)}\n"
    ".cut{color:var(--muted)}\n"
    "ul.clean{columns:18rem}\n"
    "@media (max-width:600px){body{padding:.5rem;font-size:15px}th,td{padding:.2rem .35rem}"
    ".finding{padding:.5rem .6rem}dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts "
    "dd{margin-bottom:.3rem}}\n"
    "@media print{:root{--fg:#000;--bg:#fff;--muted:#333;--border:#888;--code:#fff;--mark:#fff;"
    "--deny:#000;--allow:#000;--error:#000}\n"
    "body{max-width:none;padding:0;font-size:10pt}\n"
    ".scroll,pre.src{overflow:visible}\n"
    "pre.src,pre.src .l{white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "mark{background:none;font-weight:700;text-decoration:underline;border-bottom:0}\n"
    ".badge{background:none!important;color:#000!important;border:1px solid #000}\n"
    ".finding,tr,pre.src{break-inside:avoid;page-break-inside:avoid}\n"
    "h2,h3,h4{break-after:avoid;page-break-after:avoid}\n"
    "a{text-decoration:none}}\n";

/* Text and attribute values: the five HTML specials as entities. */
static void h(FILE *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

static const char *upper_verdict(const char *v)
{
    return !strcmp(v, "deny") ? "DENY" : !strcmp(v, "error") ? "ERROR" : "ALLOW";
}

static void html_cwe(FILE *out, const char *cwe)
{
    const char *tok;
    size_t len;
    unsigned long num;
    bool first = true;
    while (pc_review_next_cwe(&cwe, &tok, &len, &num)) {
        fputs(first ? "" : ", ", out);
        first = false;
        if (num) {
            fprintf(out,
                    "<a href=\"https://cwe.mitre.org/data/definitions/%lu.html\" rel=\"noopener "
                    "noreferrer\">CWE-%lu</a>",
                    num, num);
        } else {
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)(len < 60 ? len : 60), tok);
            h(out, buf);
        }
    }
    if (first)
        fputs("<span class=\"muted\">none</span>", out);
}

/* A rule's explanation: why it matters, and the fix when the message has one. */
static void html_explain(FILE *out, const pc_rv_rule *r)
{
    fputs("<p class=\"why\"><strong>Why it matters:</strong> ", out);
    h(out, r->why);
    fputs("</p>\n", out);
    if (*r->fix) {
        fputs("<p class=\"fix\"><strong>What to do instead:</strong> ", out);
        h(out, r->fix);
        fputs("</p>\n", out);
    }
}

/* ---- head and summary ---- */

/* The CSP source for the style sheet: 'sha256-<base64>'. */
static void style_hash(char *buf, size_t cap)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];
    sha256_init(&ctx);
    sha256_update(&ctx, sizeof style - 1, (const uint8_t *)style);
    sha256_digest(&ctx, sizeof digest, digest);
    base64_encode_raw(b64, sizeof digest, digest);
    b64[sizeof b64 - 1] = '\0';
    snprintf(buf, cap, "'sha256-%s'", b64);
}

static void html_head(const pc_review *rv, const pc_report_stats *st)
{
    FILE *out = rv->out;
    char hash[96];
    style_hash(hash, sizeof hash);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src %s; "
            "base-uri 'none'; form-action 'none'\">\n",
            hash);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"color-scheme\" content=\"light dark\">\n",
          out);
    fprintf(out, "<meta name=\"generator\" content=\"portcullis %s\">\n", pc_version());
    fprintf(out, "<title>Portcullis review: %s</title>\n", upper_verdict(pc_review_verdict(st)));
    fprintf(out, "<style>%s</style>\n</head>\n<body>\n", style);
}

static void html_overview(const pc_review *rv, const pc_report_stats *st)
{
    FILE *out = rv->out;
    const char *v = pc_review_verdict(st);
    fputs("<header>\n<h1>Portcullis security review</h1>\n", out);
    fprintf(out, "<p class=\"verdict v-%s\" id=\"verdict\"><strong>%s</strong>: %zu of %zu file%s denied", v,
            upper_verdict(v), st->denied, st->files, st->files == 1 ? "" : "s");
    if (st->errors)
        fprintf(out, ", %zu could not be checked", st->errors);
    fputs(" under policy <strong>", out);
    h(out, rv->policy);
    fputs("</strong></p>\n<dl class=\"facts\">\n<dt>Policy</dt><dd>", out);
    h(out, rv->policy);
    fprintf(out, "</dd>\n<dt>Tool</dt><dd>portcullis %s</dd>\n", pc_version());
    fprintf(out, "<dt>Files</dt><dd>%zu checked, %zu denied, %zu allowed, %zu error%s</dd>\n", st->files,
            st->denied, st->files - st->denied, st->errors, st->errors == 1 ? "" : "s");
    fprintf(out, "<dt>Lines</dt><dd>%zu</dd>\n", st->lines);
    fprintf(out, "<dt>Findings</dt><dd>%zu (%zu deny a file)</dd>\n", st->findings, pc_review_total_deny(rv));
    if (st->baselined)
        fprintf(out, "<dt>Baselined</dt><dd>%zu finding%s hidden by the baseline</dd>\n", st->baselined,
                st->baselined == 1 ? "" : "s");
    fputs("</dl>\n</header>\n<main>\n", out);
}

static void html_by_severity(FILE *out, const pc_report_stats *st)
{
    fputs("<section id=\"by-severity\">\n<h2>Findings by severity</h2>\n<div class=\"scroll\"><table>\n"
          "<thead><tr><th>Severity</th><th class=\"num\">Findings</th></tr></thead>\n<tbody>\n",
          out);
    for (int s = PC_SEV_CRITICAL; s >= PC_SEV_INFO; s--) {
        const char *name = pc_severity_name((pc_severity)s);
        fprintf(out, "<tr><td><span class=\"badge sev-%s\">%s</span></td><td class=\"num\">%zu</td></tr>\n",
                name, name, st->by_sev[s]);
    }
    fprintf(out, "<tr><th>total</th><th class=\"num\">%zu</th></tr>\n</tbody></table></div>\n</section>\n",
            st->findings);
}

static int html_by_rule(const pc_review *rv)
{
    FILE *out = rv->out;
    if (!rv->nrules)
        return 0;
    pc_rv_rule **v = pc_review_sorted_rules(rv);
    if (!v)
        return -1;
    fputs(
        "<section id=\"by-rule\">\n<h2>Findings by rule</h2>\n<div class=\"scroll\"><table>\n"
        "<thead><tr><th>Rule</th><th>Severity</th><th class=\"num\">Findings</th><th>CWE</th></tr></thead>\n"
        "<tbody>\n",
        out);
    for (size_t i = 0; i < rv->nrules; i++) {
        const pc_rv_rule *r = v[i];
        const char *sev = pc_severity_name(r->severity);
        fputs("<tr><td>", out);
        if (r->first_file)
            fprintf(out, "<a href=\"#f%zu-%zu\">", r->first_file, r->first_finding);
        fputs("<code>", out);
        h(out, r->id);
        fputs(r->first_file ? "</code></a>" : "</code>", out);
        fprintf(out, "</td><td><span class=\"badge sev-%s\">%s</span></td><td class=\"num\">%zu</td><td>",
                sev, sev, r->count);
        html_cwe(out, r->cwe);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
    free(v);
    return 0;
}

static void html_files(const pc_review *rv)
{
    FILE *out = rv->out;
    if (rv->nfiles) {
        fputs("<section id=\"files\">\n<h2>Files with findings</h2>\n<div class=\"scroll\"><table>\n"
              "<thead><tr><th>File</th><th>Verdict</th><th class=\"num\">Findings</th>"
              "<th class=\"num\">Deny</th></tr></thead>\n<tbody>\n",
              out);
        for (const pc_rv_file *f = rv->files; f; f = f->next) {
            fprintf(out, "<tr><td><a href=\"#file-%zu\"><code>", f->index);
            h(out, f->path);
            fprintf(out, "</code></a></td><td><span class=\"badge v-%s\">%s</span></td>",
                    f->denied ? "deny" : "allow", f->denied ? "denied" : "allowed");
            fprintf(out, "<td class=\"num\">%zu</td><td class=\"num\">%zu</td></tr>\n", f->nfindings,
                    f->ndeny);
        }
        fputs("</tbody></table></div>\n</section>\n", out);
    }
    if (rv->nclean_total) {
        fprintf(
            out,
            "<section id=\"clean\">\n<h2>Files allowed without findings (%zu)</h2>\n<ul class=\"clean\">\n",
            rv->nclean_total);
        for (size_t i = 0; i < rv->nclean; i++) {
            fputs("<li><code>", out);
            h(out, rv->clean[i]);
            fputs("</code></li>\n", out);
        }
        if (rv->nclean < rv->nclean_total)
            fprintf(out, "<li>&hellip; and %zu more (not listed)</li>\n", rv->nclean_total - rv->nclean);
        fputs("</ul>\n</section>\n", out);
    }
    if (rv->nerrors) {
        fprintf(out, "<section id=\"errors\">\n<h2>Files that could not be checked (%zu)</h2>\n<ul>\n",
                rv->nerrors);
        for (const pc_rv_error *e = rv->errors; e; e = e->next) {
            fputs("<li><code>", out);
            h(out, e->path);
            fputs("</code>: ", out);
            h(out, e->message);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n</section>\n", out);
    }
}

/* ---- findings ---- */

static void html_excerpt(FILE *out, const pc_rv_finding *x)
{
    int numw = snprintf(NULL, 0, "%u", x->lines[x->nlines - 1].no);
    fputs("<pre class=\"src\"><code>", out);
    for (size_t i = 0; i < x->nlines; i++) {
        const pc_rv_line *l = &x->lines[i];
        fprintf(out, "<span class=\"l%s\"><span class=\"n\">%s%*u</span>", l->in_span ? " hit" : "",
                l->in_span ? "&gt; " : "", numw, l->no);
        if (l->cut_before)
            fputs("<span class=\"cut\">&hellip;</span> ", out);
        h(out, l->pre);
        if (*l->mark) {
            fputs("<mark>", out);
            h(out, l->mark);
            fputs("</mark>", out);
        }
        h(out, l->post);
        if (l->cut_after)
            fputs(" <span class=\"cut\">&hellip;</span>", out);
        fputs("</span>\n", out);
    }
    fputs("</code></pre>\n", out);
    if (x->span_cut)
        fprintf(out, "<p class=\"muted\">The marked code continues to line %u.</p>\n", x->span_end_line);
}

static void html_finding(FILE *out, const pc_rv_file *f, size_t i)
{
    const pc_rv_finding *x = &f->findings[i];
    const pc_rv_rule *r = x->rule;
    const char *sev = pc_severity_name(x->severity);
    fprintf(out, "<article class=\"finding sev-%s\" id=\"f%zu-%zu\">\n", sev, f->index, i + 1);
    fprintf(out, "<h4>%zu. <span class=\"badge sev-%s\">%s</span> <code class=\"rule\">", i + 1, sev, sev);
    h(out, r->id);
    fprintf(out, "</code> <span class=\"muted\">line %u</span></h4>\n<dl class=\"facts\">\n", x->line);
    fputs("<dt>Location</dt><dd><code class=\"loc\">", out);
    h(out, f->path);
    fprintf(out, ":%u:%u</code></dd>\n<dt>Rule</dt><dd><code>", x->line, x->col);
    h(out, r->id);
    fprintf(out, "</code>, severity %s, confidence %s</dd>\n<dt>CWE</dt><dd>", sev,
            pc_confidence_name(r->confidence));
    html_cwe(out, r->cwe);
    fputs("</dd>\n", out);
    if (x->detail) {
        fputs("<dt>Matched</dt><dd><code class=\"detail\">", out);
        h(out, x->detail);
        fputs("</code></dd>\n", out);
    }
    fprintf(out, "<dt>Verdict</dt><dd>%s</dd>\n</dl>\n",
            x->denies ? "<strong class=\"v-deny\">denies this file</strong>"
                      : "does not deny the file on its own");
    html_explain(out, r);
    if (x->same_as)
        fprintf(out,
                "<p class=\"muted\">The code is the same as in <a href=\"#f%zu-%zu\">finding %zu</a> "
                "above.</p>\n",
                f->index, x->same_as, x->same_as);
    else if (x->lines && x->nlines)
        html_excerpt(out, x);
    fputs("</article>\n", out);
}

/* Findings past the excerpt limits: one table row each. */
static void html_compact(FILE *out, const pc_rv_file *f)
{
    fprintf(out, "<h4>%s findings without excerpts (%zu)</h4>\n", f->nexcerpts ? "Further" : "All",
            f->nlisted - f->nexcerpts);
    fprintf(out, "<p class=\"muted\">A report shows at most %d excerpts per file and %d in all.</p>\n",
            PC_RV_EXCERPTS_FILE, PC_RV_EXCERPTS_TOTAL);
    fputs("<div class=\"scroll\"><table "
          "class=\"compact\">\n<thead><tr><th>Line</th><th>Severity</th><th>Rule</th>"
          "<th>Matched</th></tr></thead>\n<tbody>\n",
          out);
    for (size_t i = f->nexcerpts; i < f->nlisted; i++) {
        const pc_rv_finding *x = &f->findings[i];
        const char *sev = pc_severity_name(x->severity);
        fprintf(
            out,
            "<tr id=\"f%zu-%zu\"><td class=\"num\">%u:%u</td><td><span class=\"badge sev-%s\">%s</span></td>",
            f->index, i + 1, x->line, x->col, sev, sev);
        fputs("<td><code>", out);
        h(out, x->rule->id);
        fputs("</code></td><td><code>", out);
        h(out, x->detail ? x->detail : "");
        fputs("</code></td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
}

/* Rules whose findings all went to compact tables: their explanation. */
static int html_other_rules(const pc_review *rv)
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
            fputs("<section id=\"other-rules\">\n<h2>Rules of findings listed without excerpts</h2>\n", out);
        any = true;
        const char *sev = pc_severity_name(r->severity);
        fprintf(out, "<article class=\"finding sev-%s\">\n<h4><span class=\"badge sev-%s\">%s</span> <code>",
                sev, sev, sev);
        h(out, r->id);
        fputs("</code></h4>\n<dl class=\"facts\">\n<dt>CWE</dt><dd>", out);
        html_cwe(out, r->cwe);
        fputs("</dd>\n</dl>\n", out);
        html_explain(out, r);
        fputs("</article>\n", out);
    }
    if (any)
        fputs("</section>\n", out);
    free(v);
    return 0;
}

static void html_file(FILE *out, const pc_rv_file *f)
{
    fprintf(out,
            "<section class=\"file\" id=\"file-%zu\">\n<h3><span class=\"badge v-%s\">%s</span> <code "
            "class=\"path\">",
            f->index, f->denied ? "deny" : "allow", f->denied ? "denied" : "allowed");
    h(out, f->path);
    fprintf(out, "</code></h3>\n<p class=\"muted\">%zu finding%s, %zu of them deny the file; %u line%s</p>\n",
            f->nfindings, f->nfindings == 1 ? "" : "s", f->ndeny, f->lines, f->lines == 1 ? "" : "s");
    for (size_t i = 0; i < f->nexcerpts; i++)
        html_finding(out, f, i);
    if (f->nexcerpts < f->nlisted)
        html_compact(out, f);
    if (f->nlisted < f->nfindings)
        fprintf(out,
                "<p class=\"muted\">%zu more finding%s in this file not listed (see <code>--format "
                "json</code>).</p>\n",
                f->nfindings - f->nlisted, f->nfindings - f->nlisted == 1 ? "" : "s");
    fputs("</section>\n", out);
}

static int html_finish(void *p, const pc_report_stats *st, double ms)
{
    (void)ms; /* no timings: the same input gives the same report */
    pc_review *rv = p;
    FILE *out = rv->out;
    html_head(rv, st);
    html_overview(rv, st);
    html_by_severity(out, st);
    if (html_by_rule(rv) < 0)
        return -1;
    html_files(rv);
    if (rv->nfiles)
        fputs("<section id=\"findings\">\n<h2>Findings</h2>\n", out);
    for (const pc_rv_file *f = rv->files; f; f = f->next)
        html_file(out, f);
    if (rv->nfiles)
        fputs("</section>\n", out);
    if (html_other_rules(rv) < 0)
        return -1;
    fputs("</main>\n</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}

const pc_writer pc_writer_html = {pc_review_begin, pc_review_add, pc_review_error, html_finish,
                                  pc_review_free};
