/* The Markdown and HTML review reports: structure, escaping, the marked
 * span, and the bounds on long lines and many findings. The end-to-end test
 * in a real browser is tests/html_test.py. */
#include "report_review.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char rules[] = "rules:\n"
                            "  - id: os-system\n"
                            "    message: >-\n"
                            "      os.system runs <script>alert(1)</script> in a \"shell\" & 'more'.\n"
                            "      Use subprocess.run([...]) with a list | no *shell*.\n"
                            "    severity: high\n"
                            "    confidence: medium\n"
                            "    cwe: [CWE-78, CWE-88]\n"
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

typedef struct src {
    const char *path;
    const char *data;
    size_t len; /* 0: strlen */
} src;

/* Render a report of the given sources (and unreadable files) in memory. */
static char *render(tu_env *e, pc_format fmt, const src *srcs, size_t n, const char *error_path)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    pc_report_opts o = {.format = fmt, .policy = "t<b>", .rules = e->rules};
    pc_report *rep = pc_report_new(f, &o);
    assert_non_null(rep);
    for (size_t i = 0; i < n; i++) {
        pc_result r;
        size_t l = srcs[i].len ? srcs[i].len : strlen(srcs[i].data);
        assert_int_equal(
            pc_analyze(e->worker, srcs[i].path, (const unsigned char *)srcs[i].data, l, &r, &e->err), 0);
        assert_int_equal(pc_report_add(rep, &r), 0);
        pc_result_release(&r);
    }
    if (error_path)
        assert_int_equal(pc_report_error(rep, error_path, "cannot open: <No such file>"), 0);
    assert_int_equal(pc_report_finish(rep, 1.5), 0);
    pc_report_free(rep);
    assert_int_equal(fclose(f), 0);
    return buf;
}

#define ASSERT_HAS(buf, s)                                                                                   \
    do {                                                                                                     \
        if (!strstr((buf), (s)))                                                                             \
            fail_msg("report lacks [%s]:\n%s", (s), (buf));                                                  \
    } while (0)
#define ASSERT_LACKS(buf, s)                                                                                 \
    do {                                                                                                     \
        if (strstr((buf), (s)))                                                                              \
            fail_msg("report has [%s]:\n%s", (s), (buf));                                                    \
    } while (0)

static size_t count(const char *buf, const char *s)
{
    size_t n = 0;
    for (const char *p = buf; (p = strstr(p, s)); p += strlen(s))
        n++;
    return n;
}

static bool valid_utf8(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

static size_t longest_line(const char *s)
{
    size_t best = 0;
    while (*s) {
        size_t n = strcspn(s, "\n");
        best = n > best ? n : best;
        s += n + (s[n] == '\n');
    }
    return best;
}

/* ------------------------------------------------------------ HTML */

static void test_html_structure(void **state)
{
    tu_env *e = *state;
    const src s[] = {{"dir/a.py", "import os\nos.system('ls')\nprint(1)\n", 0}, {"b.py", "x = 1\n", 0}};
    char *h = render(e, PC_FORMAT_HTML, s, 2, "gone.py");
    assert_true(tu_starts_with(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    ASSERT_HAS(
        h, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-");
    ASSERT_HAS(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    ASSERT_HAS(h, "@media print");
    ASSERT_HAS(h, "<title>Portcullis review: DENY</title>");
    ASSERT_HAS(h, "<strong>DENY</strong>: 1 of 2 files denied, 1 could not be checked under policy "
                  "<strong>t&lt;b&gt;</strong>");
    ASSERT_HAS(h, "<dt>Files</dt><dd>2 checked, 1 denied, 1 allowed, 1 error</dd>");
    ASSERT_LACKS(h, "Baselined");
    /* by severity and by rule, most severe first, CWE linked */
    ASSERT_HAS(h, "<td><span class=\"badge sev-high\">high</span></td><td class=\"num\">1</td>");
    const char *os_row = strstr(h, "<tr><td><a href=\"#f1-1\"><code>os-system</code></a></td>");
    const char *print_row = strstr(h, "<tr><td><a href=\"#f1-2\"><code>print-call</code></a></td>");
    assert_non_null(os_row);
    assert_non_null(print_row);
    assert_true(os_row < print_row);
    ASSERT_HAS(
        h,
        "<a href=\"https://cwe.mitre.org/data/definitions/78.html\" rel=\"noopener noreferrer\">CWE-78</a>, "
        "<a href=\"https://cwe.mitre.org/data/definitions/88.html\" rel=\"noopener noreferrer\">CWE-88</a>");
    /* the file, the finding, its explanation split in two, the excerpt */
    ASSERT_HAS(h,
               "<section class=\"file\" id=\"file-1\">\n<h3><span class=\"badge v-deny\">denied</span> <code "
               "class=\"path\">dir/a.py</code></h3>");
    ASSERT_HAS(h, "<article class=\"finding sev-high\" id=\"f1-1\">");
    ASSERT_HAS(h, "<code class=\"loc\">dir/a.py:2:1</code>");
    ASSERT_HAS(h, "<p class=\"why\"><strong>Why it matters:</strong> os.system runs "
                  "&lt;script&gt;alert(1)&lt;/script&gt; "
                  "in a &quot;shell&quot; &amp; &#39;more&#39;.</p>");
    ASSERT_HAS(
        h, "<p class=\"fix\"><strong>What to do instead:</strong> Use subprocess.run([...]) with a list | no "
           "*shell*.</p>");
    ASSERT_HAS(h, "<code class=\"detail\">os.system</code>");
    ASSERT_HAS(h, "<strong class=\"v-deny\">denies this file</strong>");
    ASSERT_HAS(
        h,
        "<span class=\"l\"><span class=\"n\">1</span>import os</span>\n"
        "<span class=\"l hit\"><span class=\"n\">&gt; 2</span><mark>os.system(&#39;ls&#39;)</mark></span>\n"
        "<span class=\"l\"><span class=\"n\">3</span>print(1)</span>\n");
    /* the clean file and the unreadable one */
    ASSERT_HAS(h,
               "<section id=\"clean\">\n<h2>Files allowed without findings (1)</h2>\n<ul class=\"clean\">\n"
               "<li><code>b.py</code></li>");
    ASSERT_HAS(h, "<li><code>gone.py</code>: cannot open: &lt;No such file&gt;</li>");
    /* nothing executable, nothing external */
    ASSERT_LACKS(h, "<script");
    ASSERT_LACKS(h, "<link");
    ASSERT_LACKS(h, "@import");
    ASSERT_LACKS(h, "url(");
    assert_int_equal(count(h, "<style>"), 1);
    assert_true(tu_starts_with(strstr(h, "</html>\n"), "</html>\n\0"));
    free(h);
}

static void test_html_escapes_everything(void **state)
{
    tu_env *e = *state;
    const char code[] = "import os\n"
                        "x = '\"><svg onload=alert(1)>'\n"
                        "os.system(\"</script><script>alert(1)</script><img src=x onerror=alert(1)>\")\n"
                        "y = '</textarea>&amp;'\n";
    const src s[] = {{"<img src=x onerror=alert(1)>\"'.py", code, 0}};
    char *h = render(e, PC_FORMAT_HTML, s, 1, "<script>bad</script>.py");
    ASSERT_LACKS(h, "<script");
    ASSERT_LACKS(h, "<img");
    ASSERT_LACKS(h, "<svg");
    ASSERT_LACKS(h, "</textarea");
    ASSERT_LACKS(h, "&amp;'");
    ASSERT_HAS(h, "<mark>os.system(&quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x "
                  "onerror=alert(1)&gt;&quot;)</mark>");
    ASSERT_HAS(h, "x = &#39;&quot;&gt;&lt;svg onload=alert(1)&gt;&#39;");
    ASSERT_HAS(h, "y = &#39;&lt;/textarea&gt;&amp;amp;&#39;");
    ASSERT_HAS(h, "<code class=\"path\">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;.py</code>");
    ASSERT_HAS(h, "<li><code>&lt;script&gt;bad&lt;/script&gt;.py</code>");
    free(h);
}

/* The mark covers the exact span: columns count code points, tabs are kept,
 * and a span over several lines is marked on each of them. */
static void test_html_mark_span(void **state)
{
    tu_env *e = *state;
    const char code[] = "import os\n"
                        "if 1:\n"
                        "\tx = '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'; os.system(x); y = 1\n"
                        "os.system(\n"
                        "    'a'\n"
                        "    )\n";
    const src s[] = {{"a.py", code, 0}};
    char *h = render(e, PC_FORMAT_HTML, s, 1, NULL);
    ASSERT_HAS(h, "<span class=\"n\">&gt; 3</span>\tx = &#39;\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80&#39;; "
                  "<mark>os.system(x)</mark>; y = 1</span>");
    ASSERT_HAS(h, "<span class=\"n\">&gt; 4</span><mark>os.system(</mark></span>\n"
                  "<span class=\"l hit\"><span class=\"n\">&gt; 5</span>    <mark>&#39;a&#39;</mark></span>\n"
                  "<span class=\"l hit\"><span class=\"n\">&gt; 6</span>    <mark>)</mark></span>\n");
    free(h);
}

/* Control, bidi and invalid bytes never reach the report; it stays UTF-8. */
static void test_html_hostile_bytes(void **state)
{
    tu_env *e = *state;
    const char code[] = "import os\n"
                        "os.system('\x1b[2J\xe2\x80\xae\xff\xfe\x01')  # \xe2\x81\xa6hidden\n";
    const src s[] = {{"a\x1b\xe2\x80\xae.py", code, sizeof code - 1}};
    char *h = render(e, PC_FORMAT_HTML, s, 1, NULL);
    assert_true(valid_utf8(h));
    assert_null(strchr(h, '\x1b'));
    assert_null(strchr(h, '\x01'));
    ASSERT_LACKS(h, "\xe2\x80\xae");
    ASSERT_LACKS(h, "\xe2\x81\xa6");
    ASSERT_HAS(h, "<mark>os.system(&#39;\xef\xbf\xbd[2J");
    free(h);
    char *m = render(e, PC_FORMAT_MARKDOWN, s, 1, NULL);
    assert_true(valid_utf8(m));
    assert_null(strchr(m, '\x1b'));
    ASSERT_LACKS(m, "\xe2\x80\xae");
    free(m);
}

/* A span far along a huge line: the window moves to it; context lines are
 * cut; no line of the report grows with the input. */
static void test_long_lines(void **state)
{
    tu_env *e = *state;
    size_t n = 20000;
    char *code = malloc(3 * n + 100);
    assert_non_null(code);
    char *p = code;
    p += sprintf(p, "import os\n# ");
    memset(p, 'c', n);
    p += n;
    p += sprintf(p, "\nx = '");
    memset(p, 'a', n);
    p += n;
    p += sprintf(p, "'; os.system(x)\n");
    const src s[] = {{"long.py", code, 0}};
    char *h = render(e, PC_FORMAT_HTML, s, 1, NULL);
    ASSERT_HAS(h, "<span class=\"cut\">&hellip;</span> aaaa");
    ASSERT_HAS(h, "aaa&#39;; <mark>os.system(x)</mark></span>");
    ASSERT_HAS(h, "ccc <span class=\"cut\">&hellip;</span></span>");
    assert_true(longest_line(h) < 2 * PC_RV_LINE_BYTES);
    free(h);
    char *m = render(e, PC_FORMAT_MARKDOWN, s, 1, NULL);
    ASSERT_HAS(m, "\xe2\x80\xa6 aaa");
    ASSERT_HAS(m, "aaa'; os.system(x)\n");
    assert_true(longest_line(m) < 2 * PC_RV_LINE_BYTES);
    free(m);
    free(code);
}

/* Many findings in one file: the first ones with excerpts, then a compact
 * table, then a count of what was left out. */
static void test_many_findings(void **state)
{
    tu_env *e = *state;
    size_t n = PC_RV_LISTED_FILE + 7;
    char *code = malloc(n * 12 + 64);
    assert_non_null(code);
    char *p = code;
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "print(%zu)\n", i);
    /* a rule only past the listing limit: explained at the end */
    p += sprintf(p, "import os\nos.system('x')\n");
    const src s[] = {{"many.py", code, 0}};
    char *h = render(e, PC_FORMAT_HTML, s, 1, NULL);
    assert_int_equal(count(h, "<article class=\"finding sev-low\" id=\"f1-"), PC_RV_EXCERPTS_FILE);
    assert_int_equal(count(h, "<pre class=\"src\">"), PC_RV_EXCERPTS_FILE);
    ASSERT_HAS(h, "<h4>Further findings without excerpts (900)</h4>");
    ASSERT_HAS(h, "<tr id=\"f1-101\"><td class=\"num\">101:1</td>");
    ASSERT_HAS(h, "8 more findings in this file not listed");
    ASSERT_HAS(h, "<td class=\"num\">1007</td>"); /* counted in full */
    ASSERT_HAS(h, "<section id=\"other-rules\">\n<h2>Rules of findings listed without excerpts</h2>\n"
                  "<article class=\"finding sev-high\">\n<h4><span class=\"badge sev-high\">high</span> "
                  "<code>os-system</code></h4>");
    ASSERT_HAS(h, "<p class=\"why\"><strong>Why it matters:</strong> os.system runs &lt;script&gt;");
    assert_int_equal(count(h, "id=\"other-rules\""), 1);
    free(h);
    char *m = render(e, PC_FORMAT_MARKDOWN, s, 1, NULL);
    assert_int_equal(count(m, "\n```text\n"), PC_RV_EXCERPTS_FILE);
    ASSERT_HAS(m, "#### Further findings without excerpts (900)");
    ASSERT_HAS(m, "*8 more findings in this file not listed");
    ASSERT_HAS(m, "## Rules of findings listed without excerpts\n\n### os-system (high)\n");
    ASSERT_HAS(m, "| print-call | low | 1007 |");
    free(m);
    free(code);
}

/* ------------------------------------------------------------ Markdown */

static void test_markdown_structure(void **state)
{
    tu_env *e = *state;
    const src s[] = {{"dir/a.py", "import os\n\nos.system('ls')\nprint(1)\n", 0}, {"b.py", "x = 1\n", 0}};
    char *m = render(e, PC_FORMAT_MARKDOWN, s, 2, "gone.py");
    assert_true(
        tu_starts_with(m, "# Portcullis security review: DENY\n\n- **Verdict:** deny (1 of 2 files denied, "
                          "1 could not be checked)\n- **Policy:** t&lt;b&gt;\n"));
    ASSERT_HAS(m, "- **Files:** 2 checked, 1 denied, 1 allowed, 1 error\n");
    ASSERT_HAS(m, "## Findings by severity\n\n| Severity | Findings |\n| --- | ---: |\n| critical | 0 |\n| "
                  "high | 1 |\n");
    ASSERT_HAS(m, "## Findings by rule\n\n| Rule | Severity | Findings | CWE |\n| --- | --- | ---: | --- |\n"
                  "| os-system | high | 1 | [CWE-78](https://cwe.mitre.org/data/definitions/78.html), "
                  "[CWE-88](https://cwe.mitre.org/data/definitions/88.html) |\n"
                  "| print-call | low | 1 | [CWE-532](https://cwe.mitre.org/data/definitions/532.html) |\n");
    ASSERT_HAS(m, "| dir/a.py | **denied** | 2 | 1 |\n");
    ASSERT_HAS(m, "## Files allowed without findings (1)\n\n- b.py\n");
    ASSERT_HAS(m, "## Files that could not be checked (1)\n\n- gone.py: cannot open: &lt;No such file&gt;\n");
    ASSERT_HAS(m, "### dir/a.py (denied)\n\n2 findings, 1 of them deny the file; 4 lines\n");
    ASSERT_HAS(m, "#### 1. high: os-system (line 3)\n\n- **Location:** dir/a.py:3:1\n");
    ASSERT_HAS(
        m,
        "**Why it matters:** os.system runs &lt;script&gt;alert(1)&lt;/script&gt; in a \"shell\" &amp; "
        "'more'.\n\n**What to do instead:** Use subprocess.run(\\[...\\]) with a list \\| no \\*shell\\*.\n");
    ASSERT_HAS(m,
               "```text\n   1 | import os\n   2 | \n>> 3 | os.system('ls')\n     | ^~~~~~~~~~~~~~~\n   4 | "
               "print(1)\n```\n");
    ASSERT_LACKS(m, "<script");
    free(m);
}

/* Code with backtick runs gets a longer fence; paths and messages cannot
 * open HTML or break a table. */
static void test_markdown_escapes(void **state)
{
    tu_env *e = *state;
    const char code[] = "import os\n"
                        "doc = '''\n"
                        "``````\n"
                        "'''\n"
                        "os.system('`````` | <script>x</script>')\n";
    const src s[] = {{"a|b<img src=x onerror=alert(1)>`*_[x](javascript:alert(1)).py", code, 0}};
    char *m = render(e, PC_FORMAT_MARKDOWN, s, 1, NULL);
    ASSERT_HAS(m, "\n```````text\n");
    ASSERT_HAS(m, "\n```````\n");
    ASSERT_HAS(m, ">> 5 | os.system('`````` | <script>x</script>')\n"); /* inside the fence: verbatim */
    ASSERT_HAS(
        m,
        "| a\\|b&lt;img src=x onerror=alert(1)&gt;\\`\\*\\_\\[x\\](javascript:alert(1)).py | **denied** |");
    ASSERT_HAS(m, "### a\\|b&lt;img");
    /* outside the fence, no raw HTML at all */
    const char *fence = strstr(m, "\n```````text\n");
    assert_non_null(fence);
    size_t head = (size_t)(fence - m);
    char *before = strndup(m, head);
    assert_non_null(before);
    ASSERT_LACKS(before, "<");
    free(before);
    free(m);
}

static void test_allow_and_deterministic(void **state)
{
    tu_env *e = *state;
    const src s[] = {{"ok.py", "x = 1\n", 0}, {"p.py", "print(1)\n", 0}};
    for (int fmt = 0; fmt < 2; fmt++) {
        pc_format f = fmt ? PC_FORMAT_HTML : PC_FORMAT_MARKDOWN;
        char *a = render(e, f, s, 2, NULL);
        char *b = render(e, f, s, 2, NULL);
        assert_string_equal(a, b);
        ASSERT_HAS(a,
                   fmt ? "<title>Portcullis review: ALLOW</title>" : "# Portcullis security review: ALLOW\n");
        ASSERT_HAS(a, fmt ? "<span class=\"badge v-allow\">allowed</span>" : "### p.py (allowed)\n");
        free(a);
        free(b);
    }
}

static void test_empty_report(void **state)
{
    tu_env *e = *state;
    char *h = render(e, PC_FORMAT_HTML, NULL, 0, NULL);
    ASSERT_HAS(h, "<dt>Files</dt><dd>0 checked, 0 denied, 0 allowed, 0 errors</dd>");
    ASSERT_LACKS(h, "id=\"findings\"");
    free(h);
    char *m = render(e, PC_FORMAT_MARKDOWN, NULL, 0, NULL);
    ASSERT_HAS(m, "- **Findings:** 0 (0 deny a file)\n");
    ASSERT_LACKS(m, "## Findings\n");
    free(m);
}

/* Findings a baseline hid are counted in the summary, and only then. */
static void test_baselined(void **state)
{
    tu_env *e = *state;
    for (int fmt = 0; fmt < 2; fmt++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_non_null(f);
        pc_report_opts o = {.format = fmt ? PC_FORMAT_HTML : PC_FORMAT_MARKDOWN, .policy = "t"};
        pc_report *rep = pc_report_new(f, &o);
        assert_non_null(rep);
        pc_result r;
        tu_analyze(e, "print(1)\n", &r);
        assert_int_equal(pc_report_add(rep, &r), 0);
        pc_result_release(&r);
        pc_report_baselined(rep, 3);
        assert_int_equal(pc_report_finish(rep, 0), 0);
        pc_report_free(rep);
        assert_int_equal(fclose(f), 0);
        ASSERT_HAS(buf, fmt ? "<dt>Baselined</dt><dd>3 findings hidden by the baseline</dd>"
                            : "- **Baselined:** 3 findings hidden by the baseline\n");
        free(buf);
    }
}

int main(void)
{
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_structure),
        cmocka_unit_test(test_html_escapes_everything),
        cmocka_unit_test(test_html_mark_span),
        cmocka_unit_test(test_html_hostile_bytes),
        cmocka_unit_test(test_long_lines),
        cmocka_unit_test(test_many_findings),
        cmocka_unit_test(test_markdown_structure),
        cmocka_unit_test(test_markdown_escapes),
        cmocka_unit_test(test_allow_and_deterministic),
        cmocka_unit_test(test_empty_report),
        cmocka_unit_test(test_baselined),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
