/* The JSON report (schema in docs/report-json.md), built with jansson.
 * Each file's entry is serialized as soon as the file is reported (while
 * other files are still being analyzed), not all at the end: the document
 * is then the envelope with the entries spliced into its "files" array,
 * byte for byte what dumping one tree would give. */
#include "report_impl.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct jreport {
    FILE *out;
    json_t *root, *errors;
    char *files; /* the serialized entries, indented for their place */
    size_t len, cap, nfiles;
} jreport;

static void json_free_writer(void *p);

static json_t *jstr(const char *s, size_t len)
{
    char buf[4096];
    if (!s)
        return json_null();
    pc_report_clean(s, len, buf, sizeof buf, true);
    return json_string(buf);
}

static void *json_begin(FILE *out, const pc_report_opts *o)
{
    jreport *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->out = out;
    j->root = json_object();
    j->errors = json_array();
    if (!j->root || !j->errors) {
        json_free_writer(j);
        return NULL;
    }
    json_object_set_new(j->root, "tool",
                        json_pack("{s:s,s:s}", "name", "portcullis", "version", pc_version()));
    json_object_set_new(j->root, "policy", json_string(o->policy));
    return j;
}

static json_t *finding_json(const pc_result *res, const pc_finding *f, const char *fingerprint)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    const pc_rule *r = f->rule;
    json_object_set_new(o, "rule", json_string(r->id));
    json_object_set_new(o, "severity", json_string(pc_severity_name(f->severity)));
    json_object_set_new(o, "confidence", json_string(pc_confidence_name(r->confidence)));
    json_object_set_new(o, "cwe", json_string(r->cwe));
    json_object_set_new(o, "message", jstr(r->message, strlen(r->message)));
    json_object_set_new(o, "line", json_integer(f->span.line));
    json_object_set_new(o, "column", json_integer(f->span.col));
    json_object_set_new(o, "end_line", json_integer(f->span.end_line));
    json_object_set_new(o, "end_column", json_integer(f->span.end_col));
    uint32_t len;
    const char *line = pc_result_line(res, f->span.line, &len);
    json_object_set_new(o, "snippet", line ? jstr(line, len > 400 ? 400 : len) : json_null());
    json_object_set_new(o, "detail", f->detail ? jstr(f->detail, strlen(f->detail)) : json_null());
    json_object_set_new(o, "denies", json_boolean(f->denies));
    json_object_set_new(o, "fingerprint", json_string(fingerprint));
    json_t *tags = json_array();
    for (size_t i = 0; tags && i < r->ntags; i++)
        json_array_append_new(tags, json_string(r->tags[i]));
    json_object_set_new(o, "tags", tags ? tags : json_null());
    return o;
}

static int append(jreport *j, const char *s, size_t n)
{
    if (j->len + n + 1 > j->cap) {
        size_t cap = j->cap ? j->cap : 1 << 16;
        while (cap < j->len + n + 1)
            cap *= 2;
        char *v = realloc(j->files, cap);
        if (!v)
            return -1;
        j->files = v;
        j->cap = cap;
    }
    memcpy(j->files + j->len, s, n);
    j->len += n;
    j->files[j->len] = '\0';
    return 0;
}

/* One entry of "files", at the depth jansson would print it (JSON text has
 * no raw newlines inside strings, so every newline starts a line). */
static int add_entry(jreport *j, json_t *f)
{
    char *s = json_dumps(f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!s)
        return -1;
    int rc = append(j, j->nfiles ? ",\n    " : "    ", j->nfiles ? 6 : 4);
    for (const char *p = s; rc == 0 && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        rc = append(j, p, n);
        if (rc == 0 && nl)
            rc = append(j, "    ", 4);
        p += n;
    }
    free(s);
    j->nfiles += rc == 0;
    return rc;
}

static int json_add(void *p, const pc_result *res)
{
    jreport *j = p;
    json_t *f = json_object(), *list = json_array();
    if (!f || !list) {
        json_decref(f);
        json_decref(list);
        return -1;
    }
    json_object_set_new(f, "path", jstr(res->path, strlen(res->path)));
    json_object_set_new(f, "verdict", json_string(res->denied ? "deny" : "allow"));
    json_object_set_new(f, "lines", json_integer(res->lines));
    json_object_set_new(f, "bytes", json_integer((json_int_t)res->bytes));
    pc_fingerprint *fps = calloc(res->nfindings + 1, sizeof *fps);
    if (!fps || pc_result_fingerprints(res, fps) < 0) {
        free(fps);
        json_decref(f);
        json_decref(list);
        return -1;
    }
    for (size_t i = 0; i < res->nfindings; i++) {
        json_t *x = finding_json(res, &res->findings[i], fps[i]);
        if (!x || json_array_append_new(list, x) < 0) {
            free(fps);
            json_decref(f);
            json_decref(list);
            return -1;
        }
    }
    free(fps);
    json_object_set_new(f, "findings", list);
    int rc = add_entry(j, f);
    json_decref(f);
    return rc;
}

static int json_error(void *p, const char *path, const char *message)
{
    jreport *j = p;
    json_t *e = json_object();
    if (!e)
        return -1;
    json_object_set_new(e, "path", jstr(path, strlen(path)));
    json_object_set_new(e, "message", jstr(message, strlen(message)));
    return json_array_append_new(j->errors, e);
}

static int json_finish(void *p, const pc_report_stats *st, double ms)
{
    jreport *j = p;
    FILE *out = j->out;
    const char *verdict = st->denied ? "deny" : st->errors ? "error" : "allow";
    json_object_set_new(j->root, "verdict", json_string(verdict));
    json_object_set_new(j->root, "files", json_array()); /* the entries go in below */
    json_object_set(j->root, "errors", j->errors);
    json_t *stats = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:f}", "files", (json_int_t)st->files, "denied",
                              (json_int_t)st->denied, "errors", (json_int_t)st->errors, "lines",
                              (json_int_t)st->lines, "findings", (json_int_t)st->findings, "baselined",
                              (json_int_t)st->baselined, "time_ms", ms);
    json_object_set_new(j->root, "stats", stats);
    char *doc = json_dumps(j->root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!doc)
        return -1;
    static const char key[] = "\n  \"files\": []";
    char *at = strstr(doc, key); /* the first line at depth 1 with that key */
    int rc = 0;
    if (!at || !j->nfiles) {
        rc = fputs(doc, out) < 0 ? -1 : 0;
    } else {
        size_t head = (size_t)(at - doc) + sizeof key - 2; /* up to and with '[' */
        rc = fwrite(doc, 1, head, out) == head && fputs("\n", out) >= 0 &&
                     fwrite(j->files, 1, j->len, out) == j->len && fputs("\n  ", out) >= 0 &&
                     fputs(doc + head, out) >= 0
                 ? 0
                 : -1;
    }
    free(doc);
    if (rc == 0)
        fputc('\n', out);
    return rc;
}

static void json_free_writer(void *p)
{
    jreport *j = p;
    if (!j)
        return;
    json_decref(j->root);
    json_decref(j->errors);
    free(j->files);
    free(j);
}

const pc_writer pc_writer_json = {json_begin, json_add, json_error, json_finish, json_free_writer};
