/* audit verify: read a log and find the first record that breaks the chain. */
#include "audit.h"
#include "audit_record.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- verifying ----------------------------------------------------------- */

/* Lines of a file, each at most PC_AUDIT_MAX_RECORD bytes. */
typedef struct reader {
    int fd;
    bool bounded; /* read only `left` more bytes (a regular file's size at the start) */
    off_t left;
    char *buf;
    size_t cap, start, end;
    bool eof;
} reader;

enum { LINE_END, LINE_NL, LINE_LAST, LINE_LONG, LINE_ERROR };

/* The next line, without its newline: LINE_NL; LINE_LAST for the bytes after
 * the last newline; LINE_END; LINE_LONG; LINE_ERROR (errno). */
static int next_line(reader *r, const char **line, size_t *len)
{
    for (;;) {
        char *nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
        if (nl) {
            *line = r->buf + r->start;
            *len = (size_t)(nl - *line);
            r->start += *len + 1;
            return LINE_NL;
        }
        if (r->end - r->start > PC_AUDIT_MAX_RECORD)
            return LINE_LONG;
        if (r->eof) {
            if (r->end == r->start)
                return LINE_END;
            *line = r->buf + r->start;
            *len = r->end - r->start;
            r->start = r->end;
            return LINE_LAST;
        }
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        if (r->end == r->cap) {
            size_t cap = r->cap * 2;
            char *b = realloc(r->buf, cap);
            if (!b)
                return errno = ENOMEM, LINE_ERROR;
            r->buf = b;
            r->cap = cap;
        }
        size_t want = r->cap - r->end;
        if (r->bounded && (off_t)want > r->left)
            want = (size_t)r->left;
        ssize_t n = want ? read(r->fd, r->buf + r->end, want) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return LINE_ERROR;
        r->end += (size_t)n;
        r->left -= n;
        if (n == 0)
            r->eof = true;
    }
}

/* One line as the verifier sees it. */
typedef struct vrec {
    enum { V_END, V_RECORD, V_INVALID, V_TRUNCATED, V_LONG } kind;
    long long seq;
    char prev[65], hash[65];
    char why[300];
} vrec;

/* Whether the bytes after the last newline look like the start of a record
 * cut short (or the zeros some file systems leave after a crash). */
static bool looks_cut(const char *s, size_t len)
{
    if (len && s[0] == '{')
        return true;
    for (size_t i = 0; i < len; i++)
        if (s[i])
            return false;
    return true;
}

static int read_vrec(reader *r, vrec *v, pc_error *err, const char *path)
{
    const char *line = NULL;
    size_t len = 0;
    memset(v, 0, sizeof *v);
    switch (next_line(r, &line, &len)) {
    case LINE_END: v->kind = V_END; return 0;
    case LINE_LONG: v->kind = V_LONG; return 0;
    case LINE_ERROR: return pc_fail(err, "cannot read %s: %s", path, strerror(errno));
    case LINE_LAST:
        if (pc_audit_parse_record(line, len, &v->seq, v->prev, v->why, sizeof v->why) == 0 ||
            looks_cut(line, len)) {
            v->kind = V_TRUNCATED;
            return 0;
        }
        v->kind = V_INVALID;
        snprintf(v->why, sizeof v->why, "data after the last record");
        return 0;
    default: break;
    }
    pc_sha256_hex(line, len, v->hash);
    v->kind =
        pc_audit_parse_record(line, len, &v->seq, v->prev, v->why, sizeof v->why) == 0 ? V_RECORD : V_INVALID;
    return 0;
}

static int problem(pc_audit_verdict *v, unsigned long long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int problem(pc_audit_verdict *v, unsigned long long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->problem, sizeof v->problem, fmt, ap);
    va_end(ap);
    v->line = line;
    return 1;
}

/* The verifier's state: the two lines before the current one (line 0 is a
 * virtual record with seq 0 and the zero hash), and a line read ahead. */
typedef struct chain {
    reader r;
    const char *path;
    unsigned long long ln; /* the current line */
    long long pseq;        /* seq of line ln-1 */
    char phash[65], pphash[65];
    vrec cur, next;
    bool have_next;
} chain;

/* The line after the current one (kind V_END at the end). */
static int peek(chain *c, pc_error *err)
{
    if (c->have_next)
        return 0;
    if (read_vrec(&c->r, &c->next, err, c->path) < 0)
        return -1;
    c->have_next = true;
    return 0;
}

/* The current record does not follow the one before: say how. Returns 1, or
 * -1 when reading ahead failed. */
static int classify(chain *c, pc_audit_verdict *v, pc_error *err)
{
    const vrec *r = &c->cur, *n = &c->next;
    unsigned long long ln = c->ln;
    long long want = c->pseq + 1;
    bool chains = !strcmp(r->prev, c->phash);
    if (r->seq == want) {
        if (ln == 1)
            return problem(v, 1, "record edited (the first record's prev must be 64 zeros)");
        return problem(v, ln - 1, "record edited (its SHA-256 is not the prev recorded in line %llu)", ln);
    }
    if (chains) { /* the right prev, the wrong seq */
        if (peek(c, err) < 0)
            return -1;
        if (n->kind == V_RECORD && !strcmp(n->prev, c->phash))
            return problem(v, ln, "record inserted (line %llu chains to line %llu)", ln + 1, ln - 1);
        return problem(v, ln, "record edited (seq %lld does not follow seq %lld)", r->seq, c->pseq);
    }
    if (r->seq < want) { /* a seq again, or one from before */
        if (!strcmp(r->hash, c->phash))
            return problem(v, ln, "record inserted (a copy of line %llu)", ln - 1);
        if (ln >= 2 && r->seq == c->pseq && !strcmp(r->prev, c->pphash))
            return problem(v, ln - 1, "record inserted (line %llu chains to line %llu)", ln, ln - 2);
        return problem(v, ln, "record inserted or moved (seq %lld follows seq %lld)", r->seq, c->pseq);
    }
    if (peek(c, err) < 0) /* seq skips ahead */
        return -1;
    if (n->kind == V_RECORD && n->seq == want && !strcmp(n->prev, c->phash) && !strcmp(r->prev, n->hash))
        return problem(v, ln, "records reordered (lines %llu and %llu are swapped)", ln, ln + 1);
    long long gone = r->seq - want;
    if (ln == 1)
        return problem(v, ln, "%lld record%s removed before this line (the first record has seq %lld)", gone,
                       gone == 1 ? "" : "s", r->seq);
    return problem(v, ln, "%lld record%s removed before this line, or moved (seq %lld follows seq %lld)",
                   gone, gone == 1 ? "" : "s", r->seq, c->pseq);
}

/* Open path and set up the reader: a regular file is read up to its size
 * when the verify started, taken under a shared lock so that no append is
 * half done then. */
static int open_reader(reader *r, const char *path, pc_error *err)
{
    memset(r, 0, sizeof *r);
    r->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (r->fd < 0)
        return pc_fail(err, "cannot open %s: %s", path, strerror(errno));
    if (fstat(r->fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(r->fd);
        return pc_fail(err, "cannot read %s: %s", path, strerror(e));
    }
    if (S_ISREG(st.st_mode)) {
        bool locked = pc_audit_lock(r->fd, LOCK_SH) == 0;
        if (fstat(r->fd, &st) == 0)
            r->bounded = true, r->left = st.st_size;
        if (locked)
            pc_audit_lock(r->fd, LOCK_UN);
    }
    r->cap = 64 * 1024;
    if (!(r->buf = malloc(r->cap))) {
        close(r->fd);
        return pc_fail(err, "out of memory");
    }
    return 0;
}

/* The options, checked once every record was. */
static int check_anchors(const pc_audit_verify_opts *o, pc_audit_verdict *v)
{
    if (o->anchor && !v->anchor_line)
        return problem(v, 0,
                       "the anchored record %s is not in the log (records were removed from its end, "
                       "or the log was replaced)",
                       o->anchor);
    if (o->expect_last && strcmp(v->last_hash, o->expect_last)) {
        if (v->anchor_line && !o->anchor)
            return problem(v, 0, "%llu record%s follow the expected last record (line %llu)",
                           v->records - v->anchor_line, v->records - v->anchor_line == 1 ? "" : "s",
                           v->anchor_line);
        return problem(v, 0,
                       "the last record is not the expected one %s (records were removed from the end, "
                       "or the log was replaced)",
                       o->expect_last);
    }
    return 0;
}

static int walk(chain *c, const pc_audit_verify_opts *o, pc_audit_verdict *v, pc_error *err)
{
    const char *anchor = o->anchor ? o->anchor : o->expect_last;
    if (read_vrec(&c->r, &c->cur, err, c->path) < 0)
        return -1;
    while (c->cur.kind != V_END) {
        const vrec *r = &c->cur;
        c->ln++;
        switch (r->kind) {
        case V_TRUNCATED:
            return problem(v, c->ln, "last record is truncated (the writer crashed mid-write?)");
        case V_LONG: return problem(v, c->ln, "not an audit record (longer than any; edited or inserted)");
        case V_INVALID: return problem(v, c->ln, "not an audit record (edited or inserted): %s", r->why);
        default: break;
        }
        if (r->seq != c->pseq + 1 || strcmp(r->prev, c->phash))
            return classify(c, v, err);
        if (anchor && !v->anchor_line && !strcmp(r->hash, anchor))
            v->anchor_line = c->ln;
        v->records = c->ln;
        v->last_seq = r->seq;
        memcpy(v->last_hash, r->hash, 65);
        memcpy(c->pphash, c->phash, 65);
        memcpy(c->phash, r->hash, 65);
        c->pseq = r->seq;
        if (c->have_next) {
            c->cur = c->next;
            c->have_next = false;
        } else if (read_vrec(&c->r, &c->cur, err, c->path) < 0) {
            return -1;
        }
    }
    return check_anchors(o, v);
}

int pc_audit_verify(const char *path, const pc_audit_verify_opts *opts, pc_audit_verdict *v, pc_error *err)
{
    static const pc_audit_verify_opts none = {0};
    memset(v, 0, sizeof *v);
    memcpy(v->last_hash, pc_audit_zero_hash, 65);
    if (!opts)
        opts = &none;
    if ((opts->anchor && !pc_audit_is_hex64(opts->anchor)) ||
        (opts->expect_last && !pc_audit_is_hex64(opts->expect_last)))
        return pc_fail(err, "a record hash is 64 lowercase hex digits");
    chain *c = calloc(1, sizeof *c);
    if (!c)
        return pc_fail(err, "out of memory");
    c->path = path;
    memcpy(c->phash, pc_audit_zero_hash, 65);
    memcpy(c->pphash, pc_audit_zero_hash, 65);
    int rc = open_reader(&c->r, path, err);
    if (rc == 0) {
        rc = walk(c, opts, v, err);
        close(c->r.fd);
        free(c->r.buf);
    }
    free(c);
    return rc;
}
