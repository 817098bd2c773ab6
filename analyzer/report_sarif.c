/* The SARIF 2.1.0 report for code scanning (docs/report-sarif.md), built
 * with jansson: one run, every loaded rule in tool.driver.rules so that
 * ruleIndex is stable, one artifact per file with its verdict, and
 * unreadable files as tool execution notifications. */
#include "report_impl.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FINGERPRINT_KEY "portcullis/v1"
#define SRCROOT "%SRCROOT%"
/* Standard input has no path; this absolute URI names it without
 * pretending that a file called "<stdin>" sits in the source tree. */
#define STDIN_URI "file:///dev/stdin"
/* A region longer than this gets no snippet: a cut one would not match it. */
#define SNIPPET_MAX 4096

typedef struct sarif {
    FILE *out;
    json_t *root, *rules, *rule_index, *seen, *artifacts, *results, *notes, *policy;
} sarif;

static void sarif_free(void *p);

/* ---- small helpers ------------------------------------------------------ */

/* A growing string; any failed allocation sticks in oom. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        b->oom = true; /* only short, fixed texts go through here */
    else
        sb_add(b, tmp, (size_t)n);
}

/* The buffer as a JSON string (NULL when memory ran out); frees it. */
static json_t *sb_json(sbuf *b)
{
    json_t *j = b->oom ? NULL : json_stringn(b->s ? b->s : "", b->len);
    free(b->s);
    b->s = NULL;
    return j;
}

/* Append s cleaned of control, bidi and invisible characters. */
static void sb_clean(sbuf *b, const char *s, size_t len, bool tabs)
{
    size_t cap = 3 * len + 5; /* a replaced byte becomes 3; see pc_report_clean */
    char *buf = malloc(cap);
    if (!buf) {
        b->oom = true;
        return;
    }
    pc_report_clean(s, len, buf, cap, tabs);
    sb_str(b, buf);
    free(buf);
}

static json_t *clean_json(const char *s, size_t len)
{
    sbuf b = {0};
    sb_clean(&b, s, len, false);
    return sb_json(&b);
}

static json_t *message_json(json_t *text)
{
    return json_pack("{s:o}", "text", text);
}

/* ---- rules -------------------------------------------------------------- */

static const char *level_of(pc_severity s)
{
    return s >= PC_SEV_HIGH ? "error" : s == PC_SEV_MEDIUM ? "warning" : "note";
}

/* GitHub ranks alerts by this CVSS-like score: >= 9.0 critical, >= 7.0
 * high, >= 4.0 medium, else low. */
static const char *security_severity(pc_severity s)
{
    static const char *const score[] = {"1.0", "3.0", "5.5", "8.0", "9.5"};
    return score[s];
}

static const char *problem_severity(pc_severity s)
{
    return s >= PC_SEV_HIGH ? "error" : s == PC_SEV_MEDIUM ? "warning" : "recommendation";
}

static const char *precision_of(pc_confidence c)
{
    return c == PC_CONF_HIGH ? "high" : c == PC_CONF_MEDIUM ? "medium" : "low";
}

/* "eval-exec" -> "EvalExec": the rule's friendly name. */
static json_t *rule_name(const char *id)
{
    sbuf b = {0};
    bool up = true;
    for (const char *p = id; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            up = true;
            continue;
        }
        if (up && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        up = false;
        sb_add(&b, &c, 1);
    }
    if (!b.len)
        sb_str(&b, "Rule");
    return sb_json(&b);
}

/* The first sentence of a message: up to a full stop followed by the end
 * or by a space and something other than a lower-case letter ("e.g. x"). */
static size_t first_sentence(const char *m)
{
    for (size_t i = 0; m[i]; i++) {
        if (m[i] != '.' && m[i] != '!' && m[i] != '?')
            continue;
        if (!m[i + 1])
            return i + 1;
        if (m[i + 1] == ' ' && !(m[i + 2] >= 'a' && m[i + 2] <= 'z'))
            return i + 1;
    }
    return strlen(m);
}

/* Next CWE number in a list like "CWE-94, CWE-95"; false at the end. */
static bool next_cwe(const char **p, unsigned long *n)
{
    const char *s = *p ? strstr(*p, "CWE-") : NULL;
    if (!s)
        return false;
    char *end;
    *n = strtoul(s + 4, &end, 10);
    *p = end;
    return end != s + 4 || next_cwe(p, n);
}

/* Append tag unless the list has it already. */
static int add_tag(json_t *tags, const char *tag)
{
    for (size_t i = 0; i < json_array_size(tags); i++)
        if (!strcmp(json_string_value(json_array_get(tags, i)), tag))
            return 0;
    return json_array_append_new(tags, json_string(tag));
}

/* "security" (GitHub reads security-severity only with it), the rule's own
 * tags, and CodeQL-style external/cwe/cwe-N tags. */
static json_t *rule_tags(const pc_rule *r)
{
    json_t *tags = json_array();
    if (!tags || add_tag(tags, "security") < 0)
        goto fail;
    for (size_t i = 0; i < r->ntags; i++)
        if (add_tag(tags, r->tags[i]) < 0)
            goto fail;
    const char *p = r->cwe;
    unsigned long n;
    while (next_cwe(&p, &n)) {
        char tag[64];
        snprintf(tag, sizeof tag, "external/cwe/cwe-%lu", n);
        if (add_tag(tags, tag) < 0)
            goto fail;
    }
    return tags;
fail:
    json_decref(tags);
    return NULL;
}

/* Markdown: backslash-escape what could turn a message into markup. */
static void sb_markdown(sbuf *b, const char *s)
{
    sbuf clean = {0};
    sb_clean(&clean, s, strlen(s), false);
    if (clean.oom || !clean.s) {
        b->oom = true;
        free(clean.s);
        return;
    }
    for (const char *p = clean.s; *p; p++) {
        if (strchr("\\`*_[]<>#|~!&", *p))
            sb_add(b, "\\", 1);
        sb_add(b, p, 1);
    }
    free(clean.s);
}

static void sb_list(sbuf *b, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_str(b, ", ");
        sb_clean(b, v[i], strlen(v[i]), false);
    }
}

static json_t *help_text(const pc_rule *r, pc_severity sev)
{
    sbuf b = {0};
    sb_clean(&b, r->message, strlen(r->message), false);
    sb_printf(&b, "\n\nSeverity: %s. Confidence: %s.", pc_severity_name(sev),
              pc_confidence_name(r->confidence));
    const char *p = r->cwe;
    unsigned long n;
    for (bool first = true; next_cwe(&p, &n); first = false)
        sb_printf(&b, "%sCWE-%lu (https://cwe.mitre.org/data/definitions/%lu.html)", first ? "\nCWE: " : ", ",
                  n, n);
    if (r->nbandit) {
        sb_str(&b, "\nBandit: ");
        sb_list(&b, r->bandit, r->nbandit);
    }
    sb_str(&b, "\n");
    return sb_json(&b);
}

static json_t *help_markdown(const pc_rule *r, pc_severity sev)
{
    sbuf b = {0};
    sb_markdown(&b, r->message);
    sb_printf(&b, "\n\n- **Severity:** %s\n- **Confidence:** %s\n", pc_severity_name(sev),
              pc_confidence_name(r->confidence));
    const char *p = r->cwe;
    unsigned long n;
    for (bool first = true; next_cwe(&p, &n); first = false)
        sb_printf(&b, "%s[CWE-%lu](https://cwe.mitre.org/data/definitions/%lu.html)",
                  first ? "- **CWE:** " : ", ", n, n);
    if (r->cwe && strstr(r->cwe, "CWE-"))
        sb_str(&b, "\n");
    if (r->nbandit) {
        sb_str(&b, "- **Bandit:** ");
        sb_list(&b, r->bandit, r->nbandit);
        sb_str(&b, "\n");
    }
    return sb_json(&b);
}

static json_t *string_list(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_string(v[i])) < 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *rule_props(const pc_rule *r, pc_severity sev)
{
    json_t *p = json_pack("{s:o,s:s,s:s,s:s,s:s,s:s,s:o}", "tags", rule_tags(r), "security-severity",
                          security_severity(sev), "precision", precision_of(r->confidence),
                          "problem.severity", problem_severity(sev), "severity", pc_severity_name(sev),
                          "confidence", pc_confidence_name(r->confidence), "bandit",
                          string_list((const char *const *)r->bandit, r->nbandit));
    /* not json_pack's "s*": it would drop the key silently when memory runs out */
    if (p && r->cwe && json_object_set_new(p, "cwe", json_string(r->cwe)) < 0) {
        json_decref(p);
        return NULL;
    }
    return p;
}

/* A reportingDescriptor; sev is the severity the policy gives the rule. */
static json_t *rule_json(const pc_rule *r, pc_severity sev)
{
    size_t short_len = first_sentence(r->message);
    return json_pack("{s:s,s:o,s:{s:o},s:{s:o},s:{s:o,s:o},s:{s:s},s:o}", "id", r->id, "name",
                     rule_name(r->id), "shortDescription", "text", clean_json(r->message, short_len),
                     "fullDescription", "text", clean_json(r->message, strlen(r->message)), "help", "text",
                     help_text(r, sev), "markdown", help_markdown(r, sev), "defaultConfiguration", "level",
                     level_of(sev), "properties", rule_props(r, sev));
}

/* The index of a finding's rule, listing the rule if it was not loaded
 * (built-in input rules). The first finding of a rule also gives the
 * severity the policy assigns it, which the descriptor then carries:
 * GitHub takes an alert's severity from its rule, not from the result. */
static long rule_index(sarif *s, const pc_finding *f)
{
    json_t *ix = json_object_get(s->rule_index, f->rule->id);
    if (json_object_get(s->seen, f->rule->id))
        return (long)json_integer_value(ix);
    if (json_object_set_new(s->seen, f->rule->id, json_true()) < 0)
        return -1;
    if (ix && f->severity == f->rule->severity)
        return (long)json_integer_value(ix);
    json_t *d = rule_json(f->rule, f->severity);
    if (ix)
        return json_array_set_new(s->rules, (size_t)json_integer_value(ix), d) < 0
                   ? -1
                   : (long)json_integer_value(ix);
    long i = (long)json_array_size(s->rules);
    if (json_array_append_new(s->rules, d) < 0 ||
        json_object_set_new(s->rule_index, f->rule->id, json_integer(i)) < 0)
        return -1;
    return i;
}

/* ---- locations ---------------------------------------------------------- */

static bool uri_safe(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '/';
}

/* Percent-encode a path: UTF-8 bytes, spaces, ':' (a relative reference
 * with a colon in its first segment would read as a scheme) and the rest. */
static void sb_uri_path(sbuf *b, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (uri_safe(*p))
            sb_add(b, (const char *)p, 1);
        else
            sb_printf(b, "%%%02X", *p);
    }
}

static bool is_stdin(const char *path)
{
    return !strcmp(path, "-") || !strcmp(path, "<stdin>");
}

/* artifactLocation for a path as given: relative paths against %SRCROOT%
 * (the directory portcullis ran in), absolute ones as file URIs. */
static json_t *artifact_location(const char *path, long index)
{
    sbuf b = {0};
    bool relative = path[0] != '/';
    if (is_stdin(path)) {
        relative = false;
        sb_str(&b, STDIN_URI);
    } else if (relative) {
        while (path[0] == '.' && path[1] == '/') /* "./a.py" is "a.py" */
            for (path += 2; *path == '/'; path++)
                ;
        sb_uri_path(&b, path);
    } else {
        while (path[1] == '/') /* "//x" would read as an authority */
            path++;
        sb_str(&b, "file://");
        sb_uri_path(&b, path);
    }
    json_t *loc = json_pack("{s:o}", "uri", sb_json(&b));
    if (loc && relative && json_object_set_new(loc, "uriBaseId", json_string(SRCROOT)) < 0)
        goto fail;
    if (loc && index >= 0 && json_object_set_new(loc, "index", json_integer(index)) < 0)
        goto fail;
    return loc;
fail:
    json_decref(loc);
    return NULL;
}

/* %SRCROOT% is the working directory, as an absolute file URI ending in /. */
static json_t *original_uri_base_ids(void)
{
    char cwd[PATH_MAX];
    json_t *desc = json_pack("{s:s}", "text", "The directory portcullis check ran in; paths are as given.");
    if (!desc || !getcwd(cwd, sizeof cwd) || cwd[0] != '/')
        return json_pack("{s:{s:o}}", SRCROOT, "description", desc);
    sbuf b = {0};
    sb_str(&b, "file://");
    sb_uri_path(&b, cwd);
    if (b.len && b.s[b.len - 1] != '/')
        sb_str(&b, "/");
    return json_pack("{s:{s:o,s:o}}", SRCROOT, "uri", sb_json(&b), "description", desc);
}

/* Text from byte start to end of the decoded source, cleaned line by line
 * so that newlines survive; NULL (not an error) when too long. */
static json_t *snippet_json(const pc_result *res, uint32_t start, uint32_t end, bool *oom)
{
    const char *t = res->src.text;
    if (!t || end > res->src.len || start > end || end - start > SNIPPET_MAX)
        return NULL;
    sbuf b = {0};
    for (uint32_t i = start; i < end;) {
        uint32_t e = i;
        while (e < end && t[e] != '\n' && t[e] != '\r')
            e++;
        sb_clean(&b, t + i, e - i, true);
        if (e < end && t[e] == '\r' && e + 1 < end && t[e + 1] == '\n')
            e++;
        if (e < end) {
            sb_add(&b, "\n", 1);
            e++;
        }
        i = e;
    }
    json_t *j = json_pack("{s:o}", "text", sb_json(&b));
    *oom = !j;
    return j;
}

/* The region of a finding; SARIF columns, like portcullis's, count code
 * points (run.columnKind), and endColumn is exclusive in both. */
static json_t *region_json(const pc_result *res, const pc_span *sp, bool *oom)
{
    uint32_t line = sp->line ? sp->line : 1, col = sp->col ? sp->col : 1;
    uint32_t end_line = sp->end_line < line ? line : sp->end_line;
    uint32_t end_col = sp->end_col < 1 || (end_line == line && sp->end_col < col) ? col : sp->end_col;
    json_t *r = json_pack("{s:I,s:I,s:I,s:I}", "startLine", (json_int_t)line, "startColumn", (json_int_t)col,
                          "endLine", (json_int_t)end_line, "endColumn", (json_int_t)end_col);
    json_t *snip = r ? snippet_json(res, sp->start_byte, sp->end_byte, oom) : NULL;
    if (!r || *oom || (snip && json_object_set_new(r, "snippet", snip) < 0)) {
        json_decref(r);
        *oom = true;
        return NULL;
    }
    return r;
}

/* The whole lines the finding is on, for viewers that show context. */
static json_t *context_json(const pc_result *res, const pc_span *sp, bool *oom)
{
    if (!res->line_starts || sp->line < 1 || sp->end_line < sp->line || sp->end_line > res->nline_starts)
        return NULL;
    uint32_t len;
    const char *last = pc_result_line(res, sp->end_line, &len);
    if (!last)
        return NULL;
    uint32_t start = res->line_starts[sp->line - 1], end = (uint32_t)(last - res->src.text) + len;
    if (start >= sp->start_byte && end <= sp->end_byte)
        return NULL; /* the region is whole lines already: SARIF wants a proper superset */
    json_t *snip = snippet_json(res, start, end, oom);
    if (!snip)
        return NULL; /* too long to show (fine), or out of memory (oom set) */
    json_t *r = json_pack("{s:I,s:I,s:o}", "startLine", (json_int_t)sp->line, "endLine",
                          (json_int_t)sp->end_line, "snippet", snip);
    *oom = !r;
    return r;
}

static json_t *physical_location(const pc_result *res, const pc_finding *f, long artifact)
{
    bool oom = false;
    json_t *region = region_json(res, &f->span, &oom);
    json_t *context = oom ? NULL : context_json(res, &f->span, &oom);
    if (oom) {
        json_decref(region);
        return NULL;
    }
    json_t *p =
        json_pack("{s:o,s:o}", "artifactLocation", artifact_location(res->path, artifact), "region", region);
    if (p && context && json_object_set_new(p, "contextRegion", context) < 0) {
        json_decref(p);
        return NULL;
    }
    if (!p)
        json_decref(context);
    return p;
}

/* ---- results ------------------------------------------------------------ */

static json_t *result_message(const pc_finding *f)
{
    sbuf b = {0};
    sb_clean(&b, f->rule->message, strlen(f->rule->message), false);
    if (f->detail) {
        sb_str(&b, " Detail: ");
        sb_clean(&b, f->detail, strlen(f->detail), false);
        if (b.len && b.s[b.len - 1] != '.')
            sb_str(&b, ".");
    }
    return message_json(sb_json(&b));
}

static json_t *result_json(sarif *s, const pc_result *res, const pc_finding *f, const char *fp, long artifact)
{
    long ri = rule_index(s, f);
    if (ri < 0)
        return NULL;
    json_t *detail = f->detail ? clean_json(f->detail, strlen(f->detail)) : json_null();
    return json_pack("{s:s,s:I,s:s,s:o,s:[{s:o}],s:{s:s},s:{s:s,s:s,s:b,s:o}}", "ruleId", f->rule->id,
                     "ruleIndex", (json_int_t)ri, "level", level_of(f->severity), "message",
                     result_message(f), "locations", "physicalLocation", physical_location(res, f, artifact),
                     "partialFingerprints", FINGERPRINT_KEY, fp, "properties", "severity",
                     pc_severity_name(f->severity), "confidence", pc_confidence_name(f->rule->confidence),
                     "denies", f->denies, "detail", detail);
}

/* One artifact per file given, with its length (-1: unknown) and verdict;
 * returns its index. */
static long add_artifact(sarif *s, const char *path, json_int_t length, json_t *props)
{
    long i = (long)json_array_size(s->artifacts);
    json_t *a = json_pack("{s:o}", "location", artifact_location(path, -1));
    if (a && length >= 0 && json_object_set_new(a, "length", json_integer(length)) < 0) {
        json_decref(a);
        a = NULL;
    }
    if (!a || json_object_set_new(a, "properties", props) < 0) {
        if (!a)
            json_decref(props);
        json_decref(a);
        return -1;
    }
    return json_array_append_new(s->artifacts, a) < 0 ? -1 : i;
}

static int sarif_add(void *p, const pc_result *res)
{
    sarif *s = p;
    json_t *props = json_pack("{s:s,s:I,s:I}", "verdict", res->denied ? "deny" : "allow", "lines",
                              (json_int_t)res->lines, "findings", (json_int_t)res->nfindings);
    long art = add_artifact(s, res->path, (json_int_t)res->bytes, props);
    if (art < 0)
        return -1;
    pc_fingerprint *fps = calloc(res->nfindings + 1, sizeof *fps);
    if (!fps || pc_result_fingerprints(res, fps) < 0) {
        free(fps);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < res->nfindings; i++)
        rc = json_array_append_new(s->results, result_json(s, res, &res->findings[i], fps[i], art));
    free(fps);
    return rc;
}

static int sarif_error(void *p, const char *path, const char *message)
{
    sarif *s = p;
    long art = add_artifact(s, path, -1, json_pack("{s:s}", "verdict", "error"));
    if (art < 0)
        return -1;
    json_t *n = json_pack("{s:s,s:o,s:[{s:{s:o}}]}", "level", "error", "message",
                          message_json(clean_json(message, strlen(message))), "locations", "physicalLocation",
                          "artifactLocation", artifact_location(path, art));
    return json_array_append_new(s->notes, n);
}

static int sarif_finish(void *p, const pc_report_stats *st, double ms)
{
    sarif *s = p;
    const char *verdict = st->denied ? "deny" : st->errors ? "error" : "allow";
    json_t *inv =
        json_pack("{s:b,s:O,s:o}", "executionSuccessful", st->errors == 0, "toolExecutionNotifications",
                  s->notes, "properties",
                  json_pack("{s:O,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:f}", "policy", s->policy, "verdict", verdict,
                            "files", (json_int_t)st->files, "denied", (json_int_t)st->denied, "errors",
                            (json_int_t)st->errors, "lines", (json_int_t)st->lines, "findings",
                            (json_int_t)st->findings, "baselined", (json_int_t)st->baselined, "timeMs", ms));
    json_t *r = json_array_get(json_object_get(s->root, "runs"), 0);
    if (!inv || json_object_set_new(r, "invocations", json_pack("[o]", inv)) < 0 ||
        json_object_set(r, "artifacts", s->artifacts) < 0 || json_object_set(r, "results", s->results) < 0)
        return -1;
    if (json_dumpf(s->root, s->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0)
        return -1;
    return fputc('\n', s->out) == EOF ? -1 : 0;
}

/* ---- setup -------------------------------------------------------------- */

static int list_rules(sarif *s, const pc_ruleset *rs, const pc_policy *policy)
{
    for (size_t i = 0; rs && i < rs->count; i++) {
        const pc_rule *r = rs->rules[i];
        if (!r || json_object_get(s->rule_index, r->id))
            continue;
        if (json_object_set_new(s->rule_index, r->id, json_integer((json_int_t)json_array_size(s->rules))) <
                0 ||
            json_array_append_new(s->rules,
                                  rule_json(r, policy ? pc_policy_severity(policy, r) : r->severity)) < 0)
            return -1;
    }
    return 0;
}

static json_t *driver_json(sarif *s)
{
    return json_pack("{s:s,s:s,s:s,s:O}", "name", "portcullis", "version", pc_version(), "semanticVersion",
                     pc_version(), "rules", s->rules);
}

static void *sarif_begin(FILE *out, const pc_report_opts *o)
{
    sarif *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->out = out;
    s->rules = json_array();
    s->rule_index = json_object();
    s->seen = json_object();
    s->artifacts = json_array();
    s->results = json_array();
    s->notes = json_array();
    s->policy = o->policy ? json_string(o->policy) : json_null();
    if (!s->rules || !s->rule_index || !s->seen || !s->artifacts || !s->results || !s->notes || !s->policy ||
        list_rules(s, o->rules, o->policy_def) < 0)
        goto fail;
    s->root =
        json_pack("{s:s,s:s,s:[{s:{s:o},s:o,s:s,s:s}]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs",
                  "tool", "driver", driver_json(s), "originalUriBaseIds", original_uri_base_ids(),
                  "columnKind", "unicodeCodePoints", "defaultSourceLanguage", "python");
    if (!s->root)
        goto fail;
    return s;
fail:
    sarif_free(s);
    return NULL;
}

static void sarif_free(void *p)
{
    sarif *s = p;
    if (!s)
        return;
    json_decref(s->root);
    json_decref(s->rules);
    json_decref(s->rule_index);
    json_decref(s->seen);
    json_decref(s->artifacts);
    json_decref(s->results);
    json_decref(s->notes);
    json_decref(s->policy);
    free(s);
}

const pc_writer pc_writer_sarif = {sarif_begin, sarif_add, sarif_error, sarif_finish, sarif_free};
