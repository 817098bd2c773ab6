/* The audit log: appends chain and never interleave, what the log refuses,
 * and what verify reports for each kind of tampering.
 *
 * Also a helper for tests/audit_test.py:
 *   test_audit append LOG WRITER N   append N records {"writer": WRITER, "i": i} */
#include "testutil.h"

#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WRITERS 8
#define PER_WRITER 500

static char *dir;

static int setup(void **state)
{
    (void)state;
    dir = tu_mkdtemp();
    return dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    tu_rmrf(dir);
    free(dir);
    dir = NULL;
    return 0;
}

/* ---- helpers ---- */

static int append_n(const char *log, const char *writer, int n, pc_error *err)
{
    for (int i = 0; i < n; i++) {
        json_t *f = json_pack("{s:s, s:s, s:i}", "command", "test", "writer", writer, "i", i);
        int rc = pc_audit_append(log, f, err);
        json_decref(f);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            char *b = realloc(buf, cap);
            assert_non_null(b);
            buf = b;
        }
        size_t k = fread(buf + n, 1, 4096, f);
        n += k;
        if (k == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void write_all(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* The lines of a log (pointers into buf, which is modified). */
typedef struct lines {
    char *buf;
    char *v[64];
    size_t n;
} lines;

static void split(const char *path, lines *l)
{
    size_t len;
    l->buf = read_all(path, &len);
    assert_non_null(l->buf);
    l->n = 0;
    for (char *p = l->buf; *p && l->n < 64;) {
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        *nl = '\0';
        l->v[l->n++] = p;
        p = nl + 1;
    }
}

/* Write the lines to path, each with its newline. */
static void join(const char *path, char *const *v, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s\n", v[i]);
    assert_int_equal(fclose(f), 0);
}

/* A valid log of n records at dir/name; returns its path (malloc'd). */
static char *make_log(const char *name, int n)
{
    char *log = tu_join(dir, name);
    pc_error err = {{0}};
    if (append_n(log, "w", n, &err) < 0)
        fail_msg("append: %s", err.msg);
    return log;
}

/* Verify path; expect rc and, for problems, the line and a phrase. */
static void expect_verdict(const char *path, int rc, unsigned long long line, const char *phrase)
{
    pc_audit_verdict v;
    pc_error err = {{0}};
    int got = pc_audit_verify(path, NULL, &v, &err);
    if (got != rc || (rc == 1 && (v.line != line || !strstr(v.problem, phrase))))
        fail_msg("verify %s: rc %d (want %d), line %llu (want %llu): %s%s (want '%s')", path, got, rc, v.line,
                 line, v.problem, err.msg, phrase ? phrase : "");
}

/* ---- appending ---- */

static void test_sha256_hex(void **state)
{
    (void)state;
    char hex[65];
    pc_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    pc_sha256_hex(NULL, 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_append_chains(void **state)
{
    (void)state;
    mode_t old = umask(022);
    char *log = make_log("a.log", 3);
    umask(old);
    struct stat st;
    assert_int_equal(stat(log, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);
    lines l;
    split(log, &l);
    assert_int_equal(l.n, 3);
    char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";
    for (size_t i = 0; i < l.n; i++) {
        json_error_t je;
        json_t *j = json_loads(l.v[i], 0, &je);
        assert_non_null(j);
        assert_int_equal(json_integer_value(json_object_get(j, "v")), 1);
        assert_int_equal(json_integer_value(json_object_get(j, "seq")), (json_int_t)i + 1);
        assert_string_equal(json_string_value(json_object_get(j, "prev")), prev);
        assert_string_equal(json_string_value(json_object_get(j, "command")), "test");
        assert_int_equal(json_integer_value(json_object_get(j, "uid")), (json_int_t)getuid());
        assert_int_equal(json_integer_value(json_object_get(j, "pid")), (json_int_t)getpid());
        assert_non_null(json_string_value(json_object_get(j, "user")));
        const char *t = json_string_value(json_object_get(j, "time"));
        assert_non_null(t); /* 2025-01-31T12:34:56.789Z */
        assert_int_equal(strlen(t), 24);
        assert_true(t[10] == 'T' && t[19] == '.' && t[23] == 'Z');
        /* the log's own keys first, prev last, the caller's in between */
        const char *first = json_object_iter_key(json_object_iter(j));
        assert_string_equal(first, "v");
        assert_non_null(strstr(l.v[i], "\"command\":\"test\""));
        assert_non_null(strstr(l.v[i], ",\"prev\":\""));
        assert_true(strstr(l.v[i], "\"cwd\"") < strstr(l.v[i], "\"command\""));
        pc_sha256_hex(l.v[i], strlen(l.v[i]), prev);
        json_decref(j);
    }
    pc_audit_verdict v;
    pc_error err;
    assert_int_equal(pc_audit_verify(log, NULL, &v, &err), 0);
    assert_int_equal(v.records, 3);
    assert_int_equal(v.last_seq, 3);
    assert_string_equal(v.last_hash, prev);
    free(l.buf);
    free(log);
}

static void test_fields_rejected(void **state)
{
    (void)state;
    char *log = make_log("f.log", 1);
    size_t before, after;
    free(read_all(log, &before));
    pc_error err = {{0}};
    json_t *f = json_pack("{s:s, s:i}", "command", "x", "seq", 7);
    assert_int_equal(pc_audit_append(log, f, &err), -1);
    assert_non_null(strstr(err.msg, "\"seq\""));
    json_decref(f);
    f = json_pack("[i]", 1);
    assert_int_equal(pc_audit_append(log, f, &err), -1);
    json_decref(f);
    /* more than PC_AUDIT_MAX_RECORD */
    char *big = malloc(PC_AUDIT_MAX_RECORD + 1);
    assert_non_null(big);
    memset(big, 'x', PC_AUDIT_MAX_RECORD);
    big[PC_AUDIT_MAX_RECORD] = '\0';
    f = json_pack("{s:s}", "big", big);
    free(big);
    assert_int_equal(pc_audit_append(log, f, &err), -1);
    assert_non_null(strstr(err.msg, "too large"));
    json_decref(f);
    assert_int_equal(pc_audit_append(NULL, NULL, &err), -1);
    assert_int_equal(pc_audit_append("", NULL, &err), -1);
    free(read_all(log, &after));
    assert_int_equal(before, after);
    /* no fields at all is a record too */
    assert_int_equal(pc_audit_append(log, NULL, &err), 0);
    expect_verdict(log, 0, 0, NULL);
    free(log);
}

static void test_string_sanitized(void **state)
{
    (void)state;
    json_t *s = pc_audit_string("a\xff"
                                "b\xc3\xa9",
                                5);
    assert_non_null(s);
    assert_string_equal(json_string_value(s), "a\xEF\xBF\xBD"
                                              "b\xc3\xa9");
    json_decref(s);
    json_t *d = pc_audit_digest_json("abc", 3, true);
    assert_int_equal(json_integer_value(json_object_get(d, "bytes")), 3);
    assert_string_equal(json_string_value(json_object_get(d, "sha256")),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_true(json_is_true(json_object_get(d, "truncated")));
    json_decref(d);
    pc_policy pol = {.name = "p", .audit_log = "/var/log/p.log"};
    assert_string_equal(pc_audit_path("x.log", &pol), "x.log"); /* the flag wins */
    assert_string_equal(pc_audit_path(NULL, &pol), "/var/log/p.log");
    pol.audit_log = NULL;
    assert_null(pc_audit_path(NULL, &pol));
}

static void test_refuses_special_files(void **state)
{
    (void)state;
    pc_error err = {{0}};
    char *target = tu_write_str(dir, "target", "");
    char *link = tu_join(dir, "link");
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(pc_audit_append(link, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "symbolic link"));
    assert_int_equal(pc_audit_check(link, &err), -1);
    struct stat st;
    assert_int_equal(stat(target, &st), 0);
    assert_int_equal(st.st_size, 0);

    char *fifo = tu_join(dir, "fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(pc_audit_append(fifo, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "not a regular file"));
    assert_int_equal(pc_audit_check(fifo, &err), -1);

    assert_int_equal(pc_audit_append(dir, NULL, &err), -1);
    assert_int_equal(pc_audit_append("/dev/null", NULL, &err), -1);
    assert_non_null(strstr(err.msg, "not a regular file"));
    char *missing = tu_join(dir, "no/such/dir.log");
    assert_int_equal(pc_audit_append(missing, NULL, &err), -1);
    assert_int_equal(pc_audit_check(missing, &err), -1);
    free(target);
    free(link);
    free(fifo);
    free(missing);
}

/* A log that does not end with a whole record takes no more. */
static void test_refuses_damaged_tail(void **state)
{
    (void)state;
    char *log = make_log("t.log", 3);
    size_t len;
    char *data = read_all(log, &len);
    static const char *const tails[] = {"{\"v\":1,\"seq\":4,\"ti", "garbage\n", "\n", "[1,2]\n",
                                        "{\"v\":2}\n"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        char *bad = malloc(len + strlen(tails[i]));
        assert_non_null(bad);
        memcpy(bad, data, len);
        memcpy(bad + len, tails[i], strlen(tails[i]));
        write_all(log, bad, len + strlen(tails[i]));
        pc_error err = {{0}};
        assert_int_equal(pc_audit_check(log, &err), -1);
        assert_int_equal(pc_audit_append(log, NULL, &err), -1);
        assert_non_null(strstr(err.msg, "portcullis audit verify"));
        size_t after;
        char *now = read_all(log, &after);
        assert_int_equal(after, len + strlen(tails[i]));
        assert_memory_equal(now, bad, after);
        free(now);
        free(bad);
    }
    free(data);
    free(log);
}

static int append_over_fsize(void *arg)
{
    struct rlimit rl = {.rlim_cur = 1024, .rlim_max = 1024};
    if (setrlimit(RLIMIT_FSIZE, &rl) < 0)
        return 10;
    pc_error err = {{0}};
    /* the first record fits, the one that crosses 1 KiB does not */
    for (int i = 0; i < 10; i++)
        if (append_n(arg, "w", 1, &err) < 0)
            return strstr(err.msg, "File too large") ? 0 : 11;
    return 12;
}

/* A write that fails partway leaves no partial record (and no SIGXFSZ). */
static void test_failed_write_rolled_back(void **state)
{
    (void)state;
    char *log = tu_join(dir, "fsize.log");
    const char *why = tu_child(append_over_fsize, log, 30);
    if (why)
        fail_msg("%s", why);
    expect_verdict(log, 0, 0, NULL);
    struct stat st;
    assert_int_equal(stat(log, &st), 0);
    assert_true(st.st_size <= 1024);
    free(log);
}

static int writer_main(const char *log, int w, int n)
{
    char name[16];
    snprintf(name, sizeof name, "%d", w);
    pc_error err = {{0}};
    if (append_n(log, name, n, &err) < 0) {
        fprintf(stderr, "writer %d: %s\n", w, err.msg);
        return 1;
    }
    return 0;
}

/* 8 processes appending 500 records each at once: all there, once, chained. */
static void test_concurrent_appends(void **state)
{
    (void)state;
    char *log = tu_join(dir, "c.log");
    int go[2];
    assert_int_equal(pipe(go), 0);
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            char c;
            close(go[1]);
            if (read(go[0], &c, 1) != 0) /* start together when the pipe closes */
                _exit(3);
            _exit(writer_main(log, w, PER_WRITER));
        }
    }
    close(go[0]);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    close(go[1]);
    for (int w = 0; w < WRITERS; w++) {
        int st;
        assert_int_equal(waitpid(pids[w], &st, 0), pids[w]);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("# %d writers x %d records: %.0f ms\n", WRITERS, PER_WRITER, ms);

    pc_audit_verdict v;
    pc_error err = {{0}};
    assert_int_equal(pc_audit_verify(log, NULL, &v, &err), 0);
    assert_int_equal(v.records, WRITERS * PER_WRITER);
    assert_int_equal(v.last_seq, WRITERS * PER_WRITER);

    static unsigned char seen[WRITERS][PER_WRITER];
    memset(seen, 0, sizeof seen);
    size_t len;
    char *data = read_all(log, &len);
    long long seq = 0;
    for (char *p = data; *p;) {
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        json_error_t je;
        json_t *j = json_loadb(p, (size_t)(nl - p), 0, &je);
        assert_non_null(j);
        assert_int_equal(json_integer_value(json_object_get(j, "seq")), ++seq);
        int w = atoi(json_string_value(json_object_get(j, "writer")));
        int i = (int)json_integer_value(json_object_get(j, "i"));
        assert_true(w >= 0 && w < WRITERS && i >= 0 && i < PER_WRITER);
        assert_int_equal(seen[w][i]++, 0);
        json_decref(j);
        p = nl + 1;
    }
    assert_int_equal(seq, WRITERS * PER_WRITER);
    free(data);
    free(log);
}

/* ---- verifying ---- */

static void test_verify_valid_and_empty(void **state)
{
    (void)state;
    char *log = make_log("v.log", 5);
    expect_verdict(log, 0, 0, NULL);
    char *empty = tu_write_str(dir, "empty.log", "");
    pc_audit_verdict v;
    pc_error err = {{0}};
    assert_int_equal(pc_audit_verify(empty, NULL, &v, &err), 0);
    assert_int_equal(v.records, 0);
    char *missing = tu_join(dir, "missing.log");
    assert_int_equal(pc_audit_verify(missing, NULL, &v, &err), -1);
    assert_int_equal(pc_audit_verify(dir, NULL, &v, &err), -1);
    free(log);
    free(empty);
    free(missing);
}

/* Rewrite the 10-record log at base into path with lines in the given
 * order (1-based; 0 ends), optionally replacing one line. */
static void rewrite(const char *base, const char *path, const int *order, int at, const char *line)
{
    lines l;
    split(base, &l);
    assert_int_equal(l.n, 10);
    char *v[32];
    size_t n = 0;
    for (; order[n]; n++)
        v[n] = order[n] == at ? (char *)line : l.v[order[n] - 1];
    join(path, v, n);
    free(l.buf);
}

static void test_verify_tampering(void **state)
{
    (void)state;
    char *log = make_log("base.log", 10);
    char *t = tu_join(dir, "t.log");
    lines l;
    split(log, &l);

    /* edited: a field of line 5, line 1, whitespace only */
    char edited[4096];
    snprintf(edited, sizeof edited, "%s", l.v[4]);
    char *w = strstr(edited, "\"writer\":\"w\"");
    assert_non_null(w);
    w[10] = 'x';
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 5, edited);
    expect_verdict(t, 1, 5, "record edited");
    snprintf(edited, sizeof edited, "%s", l.v[0]);
    assert_non_null(w = strstr(edited, "\"writer\":\"w\""));
    w[10] = 'x';
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 1, edited);
    expect_verdict(t, 1, 1, "record edited");
    snprintf(edited, sizeof edited, "%s ", l.v[6]);
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 7, edited);
    expect_verdict(t, 1, 7, "record edited");

    /* removed: a middle record, the first, three */
    rewrite(log, t, (const int[]){1, 2, 3, 4, 6, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 5, "1 record removed");
    rewrite(log, t, (const int[]){2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 1, "1 record removed");
    rewrite(log, t, (const int[]){1, 2, 3, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 4, "3 records removed");

    /* inserted: a copy next to itself, a copy of an earlier one */
    rewrite(log, t, (const int[]){1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 5, "a copy of line 4");
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 2, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 8, "inserted or moved");

    /* reordered: swapped neighbours, the first two, the last two */
    rewrite(log, t, (const int[]){1, 2, 3, 5, 4, 6, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 4, "lines 4 and 5 are swapped");
    rewrite(log, t, (const int[]){2, 1, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 0, NULL);
    expect_verdict(t, 1, 1, "lines 1 and 2 are swapped");
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 10, 9, 0}, 0, NULL);
    expect_verdict(t, 1, 9, "lines 9 and 10 are swapped");

    /* a middle line that is not a record */
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 6, "not json");
    expect_verdict(t, 1, 6, "not an audit record");
    rewrite(log, t, (const int[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0}, 6, "");
    expect_verdict(t, 1, 6, "not an audit record");
    free(l.buf);
    free(t);
    free(log);
}

/* A record forged with the right prev: its seq, or the next record, gives it away. */
static void test_verify_forged(void **state)
{
    (void)state;
    char *log = make_log("base.log", 10);
    char *t = tu_join(dir, "t.log");
    lines l;
    split(log, &l);
    char hash[65], forged[4096];
    pc_sha256_hex(l.v[4], strlen(l.v[4]), hash); /* line 5 */
    char *v[16];
    for (int good_seq = 0; good_seq < 2; good_seq++) {
        snprintf(forged, sizeof forged, "{\"v\":1,\"seq\":%d,\"command\":\"forged\",\"prev\":\"%s\"}",
                 good_seq ? 6 : 42, hash);
        size_t n = 0;
        for (size_t i = 0; i < 10; i++) {
            v[n++] = l.v[i];
            if (i == 4)
                v[n++] = forged;
        }
        join(t, v, n);
        expect_verdict(t, 1, 6, good_seq ? "record inserted (line 7 chains to line 5)" : "record inserted");
    }
    free(l.buf);
    free(t);
    free(log);
}

static void test_verify_truncated_and_garbage(void **state)
{
    (void)state;
    char *log = make_log("base.log", 4);
    char *t = tu_join(dir, "t.log");
    size_t len;
    char *data = read_all(log, &len);
    write_all(t, data, len - 40); /* the last line cut mid-way */
    expect_verdict(t, 1, 4, "last record is truncated");
    write_all(t, data, len - 1); /* only its newline missing */
    expect_verdict(t, 1, 4, "last record is truncated");
    char *more = malloc(len + 64);
    assert_non_null(more);
    memcpy(more, data, len);
    memset(more + len, 0, 64); /* zeros a crash left */
    write_all(t, more, len + 64);
    expect_verdict(t, 1, 5, "last record is truncated");
    memcpy(more + len, "garbage\n", 8);
    write_all(t, more, len + 8);
    expect_verdict(t, 1, 5, "not an audit record");
    write_all(t, more, len + 7);
    expect_verdict(t, 1, 5, "not an audit record");
    free(more);
    free(data);
    free(t);
    free(log);
}

static void test_verify_anchors(void **state)
{
    (void)state;
    char *log = make_log("base.log", 5);
    pc_audit_verdict v;
    pc_error err = {{0}};
    assert_int_equal(pc_audit_verify(log, NULL, &v, &err), 0);
    char last[65], third[65];
    memcpy(last, v.last_hash, 65);
    lines l;
    split(log, &l);
    pc_sha256_hex(l.v[2], strlen(l.v[2]), third);

    pc_audit_verify_opts o = {.expect_last = last};
    assert_int_equal(pc_audit_verify(log, &o, &v, &err), 0);
    o = (pc_audit_verify_opts){.anchor = third};
    assert_int_equal(pc_audit_verify(log, &o, &v, &err), 0);
    assert_int_equal(v.anchor_line, 3);
    o = (pc_audit_verify_opts){.expect_last = third};
    assert_int_equal(pc_audit_verify(log, &o, &v, &err), 1);
    assert_non_null(strstr(v.problem, "2 records follow the expected last record (line 3)"));

    /* the last two records removed: a valid chain, but not the anchored one */
    char *t = tu_join(dir, "t.log");
    join(t, l.v, 3);
    assert_int_equal(pc_audit_verify(t, NULL, &v, &err), 0);
    o = (pc_audit_verify_opts){.expect_last = last};
    assert_int_equal(pc_audit_verify(t, &o, &v, &err), 1);
    assert_non_null(strstr(v.problem, "not the expected one"));
    o = (pc_audit_verify_opts){.anchor = last};
    assert_int_equal(pc_audit_verify(t, &o, &v, &err), 1);
    assert_non_null(strstr(v.problem, "not in the log"));
    o = (pc_audit_verify_opts){.anchor = "xyz"};
    assert_int_equal(pc_audit_verify(t, &o, &v, &err), -1);
    free(l.buf);
    free(t);
    free(log);
}

/* ---- the helper for audit_test.py ---- */

static int helper(int argc, char **argv)
{
    if (argc != 5 || strcmp(argv[1], "append")) {
        fprintf(stderr, "usage: test_audit append LOG WRITER N\n");
        return 2;
    }
    pc_error err = {{0}};
    if (append_n(argv[2], argv[3], atoi(argv[4]), &err) < 0) {
        fprintf(stderr, "test_audit: %s\n", err.msg);
        return 1;
    }
    return 0;
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(int argc, char **argv)
{
    if (argc > 1)
        return helper(argc, argv);
    tu_filter_from_env();
    const struct CMUnitTest tests[] = {
        T(test_sha256_hex),
        T(test_append_chains),
        T(test_fields_rejected),
        T(test_string_sanitized),
        T(test_refuses_special_files),
        T(test_refuses_damaged_tail),
        T(test_failed_write_rolled_back),
        T(test_concurrent_appends),
        T(test_verify_valid_and_empty),
        T(test_verify_tampering),
        T(test_verify_forged),
        T(test_verify_truncated_and_garbage),
        T(test_verify_anchors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
