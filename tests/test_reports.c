/* Reports: the JSON schema (parsed back with jansson) and the text format. */
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char rules[] = "rules:\n"
                            "  - id: os-system\n"
                            "    message: os.system runs a shell.\n"
                            "    severity: high\n"
                            "    confidence: medium\n"
                            "    cwe: [CWE-78, CWE-88]\n"
                            "    tags: [shell, process]\n"
                            "    match:\n"
                            "      call: [os.system]\n"
                            "  - id: print-call\n"
                            "    message: printing.\n"
                            "    severity: low\n"
                            "    confidence: high\n"
                            "    cwe: CWE-532\n"
                            "    match:\n"
                            "      call: [builtins.print]\n";

static int setup(void **state)
{
    *state = tu_env_new(rules, NULL);
    return 0;
}

static int teardown(void **state)
{
    tu_env_free(*state);
    return 0;
}

/* An in-memory report. */
typedef struct mem {
    char *buf;
    size_t len;
    FILE *f;
    pc_report *rep;
} mem;

static void mem_open(mem *m, pc_format fmt, bool color)
{
    memset(m, 0, sizeof *m);
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    pc_report_opts o = {.format = fmt, .policy = "t", .color = color};
    m->rep = pc_report_new(m->f, &o);
    assert_non_null(m->rep);
}

static void mem_add_src(mem *m, tu_env *e, const char *path, const char *data, size_t len)
{
    pc_result r;
    pc_error err;
    assert_int_equal(pc_analyze(e->worker, path, (const unsigned char *)data, len, &r, &err), 0);
    assert_int_equal(pc_report_add(m->rep, &r), 0);
    pc_result_release(&r);
}

static void mem_finish(mem *m)
{
    assert_int_equal(pc_report_finish(m->rep, 12.5), 0);
    pc_report_free(m->rep);
    m->rep = NULL;
    assert_int_equal(fclose(m->f), 0);
    m->f = NULL;
}

static json_t *mem_json(mem *m)
{
    json_error_t jerr;
    json_t *root = json_loadb(m->buf, m->len, 0, &jerr);
    if (!root)
        fail_msg("invalid JSON (%s at line %d):\n%s", jerr.text, jerr.line, m->buf);
    return root;
}

static const char *jget_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

static json_int_t jget_int(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        fail_msg("'%s' is not an integer", key);
    return json_integer_value(v);
}

/* ------------------------------------------------------------ JSON */

static void test_json_schema(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_JSON, false);
    const char a[] = "import os\nos.system('ls')\n";
    const char b[] = "x = 1\n";
    mem_add_src(&m, e, "dir/a.py", a, sizeof a - 1);
    mem_add_src(&m, e, "b.py", b, sizeof b - 1);
    assert_int_equal(pc_report_error(m.rep, "gone.py", "gone.py: cannot open: No such file or directory"), 0);
    mem_finish(&m);
    json_t *root = mem_json(&m);

    json_t *tool = json_object_get(root, "tool");
    assert_true(json_is_object(tool));
    assert_string_equal(jget_str(tool, "name"), "portcullis");
    assert_string_equal(jget_str(tool, "version"), pc_version());
    assert_true(strlen(pc_version()) >= 5);
    assert_string_equal(jget_str(root, "policy"), "t");
    assert_string_equal(jget_str(root, "verdict"), "deny");

    json_t *files = json_object_get(root, "files");
    assert_true(json_is_array(files));
    assert_int_equal(json_array_size(files), 2);
    json_t *fa = json_array_get(files, 0);
    assert_string_equal(jget_str(fa, "path"), "dir/a.py");
    assert_string_equal(jget_str(fa, "verdict"), "deny");
    assert_int_equal(jget_int(fa, "lines"), 2);
    assert_int_equal(jget_int(fa, "bytes"), sizeof a - 1);
    json_t *findings = json_object_get(fa, "findings");
    assert_true(json_is_array(findings));
    assert_int_equal(json_array_size(findings), 1);
    json_t *f = json_array_get(findings, 0);
    assert_string_equal(jget_str(f, "rule"), "os-system");
    assert_string_equal(jget_str(f, "severity"), "high");
    assert_string_equal(jget_str(f, "confidence"), "medium");
    assert_string_equal(jget_str(f, "cwe"), "CWE-78, CWE-88");
    assert_string_equal(jget_str(f, "message"), "os.system runs a shell.");
    assert_int_equal(jget_int(f, "line"), 2);
    assert_int_equal(jget_int(f, "column"), 1);
    assert_int_equal(jget_int(f, "end_line"), 2);
    assert_int_equal(jget_int(f, "end_column"), 16);
    assert_string_equal(jget_str(f, "snippet"), "os.system('ls')");
    assert_string_equal(jget_str(f, "detail"), "os.system");
    assert_true(json_is_true(json_object_get(f, "denies")));
    json_t *tags = json_object_get(f, "tags");
    assert_true(json_is_array(tags));
    assert_int_equal(json_array_size(tags), 2);
    assert_string_equal(json_string_value(json_array_get(tags, 0)), "shell");

    json_t *fb = json_array_get(files, 1);
    assert_string_equal(jget_str(fb, "path"), "b.py");
    assert_string_equal(jget_str(fb, "verdict"), "allow");
    assert_int_equal(json_array_size(json_object_get(fb, "findings")), 0);

    json_t *errors = json_object_get(root, "errors");
    assert_true(json_is_array(errors));
    assert_int_equal(json_array_size(errors), 1);
    assert_string_equal(jget_str(json_array_get(errors, 0), "path"), "gone.py");
    assert_non_null(strstr(jget_str(json_array_get(errors, 0), "message"), "cannot open"));

    json_t *stats = json_object_get(root, "stats");
    assert_true(json_is_object(stats));
    assert_int_equal(jget_int(stats, "files"), 2);
    assert_int_equal(jget_int(stats, "denied"), 1);
    assert_int_equal(jget_int(stats, "errors"), 1);
    assert_int_equal(jget_int(stats, "lines"), 3);
    assert_int_equal(jget_int(stats, "findings"), 1);
    json_t *ms = json_object_get(stats, "time_ms");
    assert_true(json_is_number(ms));
    assert_true(json_number_value(ms) == 12.5);

    json_decref(root);
    free(m.buf);
}

static void test_json_verdicts(void **state)
{
    tu_env *e = *state;
    /* allow: findings below the deny threshold */
    mem m;
    mem_open(&m, PC_FORMAT_JSON, false);
    mem_add_src(&m, e, "a.py", "print(1)\n", 9);
    mem_finish(&m);
    json_t *root = mem_json(&m);
    assert_string_equal(jget_str(root, "verdict"), "allow");
    json_t *fa = json_array_get(json_object_get(root, "files"), 0);
    assert_string_equal(jget_str(fa, "verdict"), "allow");
    json_t *f = json_array_get(json_object_get(fa, "findings"), 0);
    assert_string_equal(jget_str(f, "rule"), "print-call");
    assert_true(json_is_false(json_object_get(f, "denies")));
    assert_int_equal(json_array_size(json_object_get(root, "errors")), 0);
    json_decref(root);
    free(m.buf);

    /* error: nothing denied but a file could not be read */
    mem_open(&m, PC_FORMAT_JSON, false);
    mem_add_src(&m, e, "a.py", "x = 1\n", 6);
    pc_report_error(m.rep, "b.py", "b.py: is a directory");
    mem_finish(&m);
    root = mem_json(&m);
    assert_string_equal(jget_str(root, "verdict"), "error");
    json_decref(root);
    free(m.buf);

    /* no files at all */
    mem_open(&m, PC_FORMAT_JSON, false);
    mem_finish(&m);
    root = mem_json(&m);
    assert_string_equal(jget_str(root, "verdict"), "allow");
    assert_int_equal(json_array_size(json_object_get(root, "files")), 0);
    assert_int_equal(jget_int(json_object_get(root, "stats"), "files"), 0);
    json_decref(root);
    free(m.buf);
}

static bool valid_utf8_no_controls(const char *s, bool allow_tab)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && !(allow_tab && *p == '\t')) || *p == 0x7f)
            return false;
    /* and no bidi controls */
    return !strstr(s, "\xe2\x80\xae") && !strstr(s, "\xe2\x81\xa6");
}

static void test_json_hostile_strings(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_JSON, false);
    /* a path with invalid UTF-8 and an escape sequence; a snippet with a
     * terminal escape, a bidi override, a tab and an invalid byte */
    const char src[] = "import os\n\tos.system('\x1b[2J\xe2\x80\xae\xff')  # \x07\n";
    mem_add_src(&m, e, "bad\xff\x1b[31mname.py", src, sizeof src - 1);
    pc_report_error(m.rep, "err\xfe.py", "err\xfe.py: cannot open:\x1b]0;pwned\x07");
    mem_finish(&m);
    json_t *root = mem_json(&m);
    json_t *fa = json_array_get(json_object_get(root, "files"), 0);
    const char *path = jget_str(fa, "path");
    assert_non_null(strstr(path, "bad"));
    assert_non_null(strstr(path, "name.py"));
    assert_non_null(strstr(path, "\xef\xbf\xbd")); /* U+FFFD */
    assert_true(valid_utf8_no_controls(path, false));
    json_t *findings = json_object_get(fa, "findings");
    bool saw_system = false;
    for (size_t i = 0; i < json_array_size(findings); i++) {
        json_t *f = json_array_get(findings, i);
        json_t *sn = json_object_get(f, "snippet");
        assert_true(json_is_string(sn));
        assert_true(valid_utf8_no_controls(json_string_value(sn), true));
        if (!strcmp(jget_str(f, "rule"), "os-system")) {
            saw_system = true;
            assert_true(tu_starts_with(json_string_value(sn), "\tos.system('"));
        }
    }
    assert_true(saw_system);
    json_t *err = json_array_get(json_object_get(root, "errors"), 0);
    assert_true(valid_utf8_no_controls(jget_str(err, "path"), false));
    assert_true(valid_utf8_no_controls(jget_str(err, "message"), false));
    /* the raw bytes never reach the output */
    assert_null(memchr(m.buf, 0x1b, m.len));
    assert_null(memchr(m.buf, 0xff, m.len));
    json_decref(root);
    free(m.buf);
}

/* ------------------------------------------------------------ text */

static void test_text_format(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    const char src[] = "import os\nos.system('ls')\n";
    mem_add_src(&m, e, "a.py", src, sizeof src - 1);
    mem_add_src(&m, e, "b.py", "x = 1\n", 6);
    mem_finish(&m);
    const char *want = "a.py:2:1: high os-system os.system runs a shell. [os.system]\n"
                       "    os.system('ls')\n"
                       "    ^~~~~~~~~~~~~~~\n";
    if (!strstr(m.buf, want))
        fail_msg("text report:\n%s\nlacks:\n%s", m.buf, want);
    assert_non_null(strstr(m.buf, "a.py: DENIED by policy t: 1 finding, 1 deny\n"));
    assert_non_null(strstr(m.buf, "b.py: allowed by policy t: 0 findings\n"));
    assert_true(tu_starts_with(strstr(m.buf, "portcullis: "),
                               "portcullis: deny: 2 files, 1 denied, 1 allowed, 0 errors; 1 finding (0 "
                               "critical, 1 high, 0 medium, 0 low, 0 info); policy t;"));
    assert_null(strchr(m.buf, '\033'));
    free(m.buf);
}

static void test_text_caret(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    /* tab indentation is kept so the caret lines up; a non-ASCII prefix
     * counts one column per code point */
    const char src[] = "import os\nif 1:\n\tx = '\xc3\xa9'; os.system(x)\n";
    mem_add_src(&m, e, "a.py", src, sizeof src - 1);
    mem_finish(&m);
    const char *want = "a.py:3:11: high os-system";
    if (!strstr(m.buf, want))
        fail_msg("text report:\n%s\nlacks: %s", m.buf, want);
    const char *caret = "    \tx = '\xc3\xa9'; os.system(x)\n    \t         ^~~~~~~~~~~~\n";
    if (!strstr(m.buf, caret))
        fail_msg("text report:\n%s\nlacks the caret line:\n%s", m.buf, caret);
    free(m.buf);
}

static void test_text_multiline_span(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    const char src[] = "import os\nos.system(\n    'ls')\n";
    mem_add_src(&m, e, "a.py", src, sizeof src - 1);
    mem_finish(&m);
    /* only the first line is shown, the caret runs to its end at least once */
    assert_non_null(strstr(m.buf, "a.py:2:1: high os-system"));
    assert_non_null(strstr(m.buf, "    os.system(\n    ^"));
    free(m.buf);
}

static void test_text_color(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, true);
    const char src[] = "import os\nos.system('ls')\n";
    mem_add_src(&m, e, "a.py", src, sizeof src - 1);
    mem_finish(&m);
    assert_non_null(strchr(m.buf, '\033'));
    assert_non_null(strstr(m.buf, "DENIED"));
    free(m.buf);
}

static void test_text_no_raw_bidi(void **state)
{
    tu_env *e = *state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    /* Trojan Source: the reader must not see reordered text in the report */
    const char src[] = "import os\nos.system('ls')  # \xe2\x80\xae }\xe2\x81\xa6 \xe2\x80\x8b ok \x1b[8m\n";
    mem_add_src(&m, e, "a\xe2\x80\xae.py", src, sizeof src - 1);
    mem_finish(&m);
    assert_non_null(strstr(m.buf, "os-system"));
    assert_non_null(strstr(m.buf, "input-bidi"));
    assert_null(strstr(m.buf, "\xe2\x80\xae"));
    assert_null(strstr(m.buf, "\xe2\x81\xa6"));
    assert_null(strstr(m.buf, "\xe2\x80\x8b"));
    assert_null(strchr(m.buf, '\033'));
    free(m.buf);
}

static void test_text_long_line(void **state)
{
    tu_env *e = *state;
    size_t n = 5000;
    char *src = malloc(n + 64);
    assert_non_null(src);
    size_t k = (size_t)sprintf(src, "import os\nos.system('");
    memset(src + k, 'a', n);
    k += n;
    k += (size_t)sprintf(src + k, "')\n");
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    mem_add_src(&m, e, "a.py", src, k);
    mem_finish(&m);
    /* the source line is cut at 400 bytes with a marker; the caret line is bounded */
    assert_non_null(strstr(m.buf, "aaaa ...\n"));
    char *line = strstr(m.buf, "\n    os.system(");
    assert_non_null(line);
    char *end = strchr(line + 1, '\n');
    assert_true(end - line < 420);
    char *caret = end + 1;
    char *cend = strchr(caret, '\n');
    assert_non_null(cend);
    assert_true(cend - caret <= 210);
    free(m.buf);
    free(src);
}

static void test_text_error_summary(void **state)
{
    (void)state;
    mem m;
    mem_open(&m, PC_FORMAT_TEXT, false);
    pc_report_error(m.rep, "x.py", "x.py: cannot open");
    mem_finish(&m);
    assert_non_null(strstr(m.buf, "portcullis: error: 0 files, 0 denied, 0 allowed, 1 error;"));
    free(m.buf);
}

static void test_write_error(void **state)
{
    tu_env *e = *state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    pc_report_opts o = {.format = PC_FORMAT_TEXT, .policy = "t"};
    pc_report *rep = pc_report_new(f, &o);
    pc_result r;
    tu_analyze(e, "import os\nos.system('ls')\n", &r);
    pc_report_add(rep, &r);
    pc_result_release(&r);
    assert_int_equal(pc_report_finish(rep, 1.0), -1);
    pc_report_free(rep);
    fclose(f);

    f = fopen("/dev/full", "w");
    o.format = PC_FORMAT_JSON;
    rep = pc_report_new(f, &o);
    assert_int_equal(pc_report_finish(rep, 1.0), -1);
    pc_report_free(rep);
    fclose(f);
}

/* ------------------------------------------------------------ pc_report_clean */

static void test_clean(void **state)
{
    (void)state;
    char buf[64];
    pc_report_clean("a\tb\x1b[1mc", 8, buf, sizeof buf, true);
    assert_string_equal(buf, "a\tb\xef\xbf\xbd[1mc");
    pc_report_clean("a\tb", 3, buf, sizeof buf, false);
    assert_string_equal(buf, "a\xef\xbf\xbd"
                             "b");
    pc_report_clean("x\xffy", 3, buf, sizeof buf, false);
    assert_string_equal(buf, "x\xef\xbf\xbdy");
    pc_report_clean("\xe2\x80\xae\xe2\x80\x8b\xc2\x85", 8, buf, sizeof buf, false);
    assert_string_equal(buf, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    pc_report_clean("caf\xc3\xa9 \xe2\x82\xac", 9, buf, sizeof buf, false);
    assert_string_equal(buf, "caf\xc3\xa9 \xe2\x82\xac");
    /* embedded NUL within len is replaced, not a terminator */
    pc_report_clean("a\0b", 3, buf, sizeof buf, false);
    assert_string_equal(buf, "a\xef\xbf\xbd"
                             "b");
    /* truncation never splits a character and always terminates */
    char small[8];
    pc_report_clean("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac", 9, small, sizeof small, false);
    assert_true(strlen(small) < sizeof small);
    assert_int_equal(strlen(small) % 3, 0);
    pc_report_clean("abc", 3, small, 1, false);
    assert_string_equal(small, "");
}

#define T(fn) cmocka_unit_test(fn)

int main(void)
{
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        T(test_json_schema),        T(test_json_verdicts),    T(test_json_hostile_strings),
        T(test_text_format),        T(test_text_caret),       T(test_text_multiline_span),
        T(test_text_color),         T(test_text_no_raw_bidi), T(test_text_long_line),
        T(test_text_error_summary), T(test_write_error),      T(test_clean),
    };
    return cmocka_run_group_tests_name("reports", tests, setup, teardown);
}
