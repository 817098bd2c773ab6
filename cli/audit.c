/* The audit log: appending a record under a lock, and verifying the chain.
 * See docs/audit.md for the format and what the chain can and cannot show. */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

static const char zero_hash[65] = "0000000000000000000000000000000000000000000000000000000000000000";

/* Keys the log sets itself; a caller's fields must not use them. */
static const char *const reserved_keys[] = {"v", "seq", "time", "user", "uid", "pid", "cwd", "prev"};

#define OPEN_TRIES 16 /* how often to reopen a log that is replaced under us */

void pc_sha256_hex(const void *data, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    if (len)
        sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[64] = '\0';
}

const char *pc_audit_path(const char *flag, const pc_policy *policy)
{
    return flag ? flag : policy ? policy->audit_log : NULL;
}

json_t *pc_audit_digest_json(const void *data, size_t len, bool truncated)
{
    char hex[65];
    pc_sha256_hex(data, len, hex);
    return json_pack("{s:I, s:s, s:b}", "bytes", (json_int_t)len, "sha256", hex, "truncated", truncated);
}

json_t *pc_audit_string(const char *s, size_t len)
{
    if (len > SIZE_MAX / 3 - 1)
        return NULL;
    char *buf = malloc(len * 3 + 1);
    if (!buf)
        return NULL;
    size_t o = 0, i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            s[i] ? utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp) : -1;
        if (n > 0) {
            memcpy(buf + o, s + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        } else {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    json_t *j = json_stringn(buf, o);
    free(buf);
    return j;
}

static bool is_hex64(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 64;
}

/* ---- reading and writing a descriptor --------------------------------- */

static int pread_full(int fd, void *buf, size_t len, off_t off)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = pread(fd, (char *)buf + done, len - done, off + (off_t)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO; /* the file shrank under the lock: someone does not take it */
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

static int lock_fd(int fd, int op)
{
    int rc;
    while ((rc = flock(fd, op)) < 0 && errno == EINTR)
        ;
    return rc;
}

/* ---- one record --------------------------------------------------------- */

/* Parse one line as a record: 0 with *seq and prev set, or -1 with why. */
static int parse_record(const char *line, size_t len, long long *seq, char prev[65], char *why, size_t whycap)
{
    json_error_t je;
    json_t *j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    int rc = -1;
    if (!j) {
        snprintf(why, whycap, "not JSON (%s at column %d)", je.text, je.column);
        return -1;
    }
    json_t *v = json_object_get(j, "v"), *s = json_object_get(j, "seq"), *p = json_object_get(j, "prev");
    if (!json_is_object(j))
        snprintf(why, whycap, "not a JSON object");
    else if (!json_is_integer(v))
        snprintf(why, whycap, "no format version \"v\"");
    else if (json_integer_value(v) != PC_AUDIT_VERSION)
        snprintf(why, whycap, "format version %lld is not supported (this portcullis writes %d)",
                 (long long)json_integer_value(v), PC_AUDIT_VERSION);
    else if (!json_is_integer(s) || json_integer_value(s) < 1)
        snprintf(why, whycap, "no positive integer \"seq\"");
    else if (!json_is_string(p) || !is_hex64(json_string_value(p)))
        snprintf(why, whycap, "no \"prev\" (64 lowercase hex digits)");
    else {
        *seq = (long long)json_integer_value(s);
        memcpy(prev, json_string_value(p), 65);
        rc = 0;
    }
    json_decref(j);
    return rc;
}

/* Who and where: found before taking the lock (user lookup may be slow). */
typedef struct ident {
    char user[256];
    long long uid, pid;
    char *cwd; /* malloc'd, or NULL when unknown */
} ident;

static void ident_get(ident *id)
{
    uid_t uid = getuid();
    id->uid = (long long)uid;
    id->pid = (long long)getpid();
    snprintf(id->user, sizeof id->user, "%lld", id->uid);
    struct passwd pw, *res = NULL;
    char buf[4096];
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res && res->pw_name && *res->pw_name)
        snprintf(id->user, sizeof id->user, "%s", res->pw_name);
    id->cwd = getcwd(NULL, 0);
}

/* RFC 3339, UTC, milliseconds: 2025-01-31T12:34:56.789Z */
static void now_rfc3339(char out[32])
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03ldZ", ts.tv_nsec / 1000000);
}

static int check_fields(const json_t *fields, pc_error *err)
{
    if (!fields)
        return 0;
    if (!json_is_object(fields))
        return pc_fail(err, "audit record: the fields must be a JSON object");
    for (size_t i = 0; i < sizeof reserved_keys / sizeof *reserved_keys; i++)
        if (json_object_get(fields, reserved_keys[i]))
            return pc_fail(err, "audit record: field \"%s\" is set by the log itself", reserved_keys[i]);
    return 0;
}

/* The line to write, newline included (malloc'd), or NULL with err set. */
static char *build_line(json_t *fields, long long seq, const char prev[65], const ident *id, size_t *len,
                        pc_error *err)
{
    char when[32];
    now_rfc3339(when);
    json_t *rec = json_object();
    if (!rec)
        goto oom;
    int bad = json_object_set_new(rec, "v", json_integer(PC_AUDIT_VERSION));
    bad |= json_object_set_new(rec, "seq", json_integer(seq));
    bad |= json_object_set_new(rec, "time", json_string(when));
    bad |= json_object_set_new(rec, "user", pc_audit_string(id->user, strlen(id->user)));
    bad |= json_object_set_new(rec, "uid", json_integer(id->uid));
    bad |= json_object_set_new(rec, "pid", json_integer(id->pid));
    bad |= json_object_set_new(rec, "cwd", id->cwd ? pc_audit_string(id->cwd, strlen(id->cwd)) : json_null());
    const char *key;
    json_t *val;
    if (fields)
        json_object_foreach(fields, key, val) bad |= json_object_set(rec, key, val);
    bad |= json_object_set_new(rec, "prev", json_string(prev));
    if (bad)
        goto oom; /* or a string that is not UTF-8: the callers pass only valid text */
    char *s = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(rec);
    rec = NULL;
    if (!s)
        goto oom;
    size_t n = strlen(s);
    if (n > PC_AUDIT_MAX_RECORD) {
        free(s);
        pc_fail(err, "audit record too large (%zu bytes; at most %zu)", n, PC_AUDIT_MAX_RECORD);
        return NULL;
    }
    char *line = malloc(n + 1);
    if (line) {
        memcpy(line, s, n);
        line[n] = '\n';
        *len = n + 1;
    }
    free(s);
    if (line)
        return line;
oom:
    json_decref(rec);
    pc_fail(err, "audit record: out of memory (or a field that is not valid UTF-8)");
    return NULL;
}

/* ---- the log file -------------------------------------------------------- */

/* Open the log for reading and appending and lock it (op: LOCK_SH or
 * LOCK_EX). Refuses symbolic links and anything but a regular file. Makes
 * sure the descriptor still is the file at path once locked (a log rotated
 * meanwhile is reopened). Returns the descriptor, or -1 with err set. */
static int open_locked(const char *path, int op, pc_error *err)
{
    if (!path || !*path)
        return pc_fail(err, "audit log: empty path");
    for (int tries = 0; tries < OPEN_TRIES; tries++) {
        int fd =
            open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0600);
        struct stat st, cur;
        if (fd < 0) {
            int e = errno;
            if (e == ELOOP && lstat(path, &cur) == 0 && S_ISLNK(cur.st_mode))
                return pc_fail(err, "audit log %s is a symbolic link (refused: name the file itself)", path);
            return pc_fail(err, "cannot open audit log %s: %s", path, strerror(e));
        }
        if (fstat(fd, &st) < 0) {
            int e = errno;
            close(fd);
            return pc_fail(err, "cannot open audit log %s: %s", path, strerror(e));
        }
        if (!S_ISREG(st.st_mode)) {
            close(fd);
            return pc_fail(err, "audit log %s is not a regular file (refused)", path);
        }
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || lock_fd(fd, op) < 0) {
            int e = errno;
            close(fd);
            return pc_fail(err, "cannot lock audit log %s: %s", path, strerror(e));
        }
        if (fstat(fd, &st) == 0 && lstat(path, &cur) == 0 && st.st_dev == cur.st_dev &&
            st.st_ino == cur.st_ino)
            return fd;
        close(fd); /* removed or replaced between open and lock: take the new one */
    }
    return pc_fail(err, "audit log %s keeps being replaced; giving up", path);
}

/* The seq and hash of the last record of a log of size bytes, opened and
 * locked: 0 and 64 zeros for an empty log. Refuses a log that does not end
 * with a whole record: chaining onto it would hide the damage. */
static int read_tail(int fd, off_t size, const char *path, long long *seq, char hash[65], pc_error *err)
{
    *seq = 0;
    memcpy(hash, zero_hash, 65);
    if (size == 0)
        return 0;
    char chunk[4096];
    if (pread_full(fd, chunk, 1, size - 1) < 0)
        return pc_fail(err, "cannot read audit log %s: %s", path, strerror(errno));
    if (chunk[0] != '\n')
        return pc_fail(err,
                       "audit log %s ends with a truncated record (a writer crashed mid-write?); "
                       "refusing to append: run 'portcullis audit verify %s'",
                       path, path);
    off_t end = size - 1, start = end;
    while (start > 0 && end - start <= (off_t)PC_AUDIT_MAX_RECORD) {
        size_t n = start < (off_t)sizeof chunk ? (size_t)start : sizeof chunk;
        if (pread_full(fd, chunk, n, start - (off_t)n) < 0)
            return pc_fail(err, "cannot read audit log %s: %s", path, strerror(errno));
        char *nl = memrchr(chunk, '\n', n);
        start -= (off_t)n;
        if (nl) {
            start += nl - chunk + 1;
            break;
        }
    }
    size_t len = (size_t)(end - start);
    if (len > PC_AUDIT_MAX_RECORD)
        return pc_fail(err,
                       "the last line of %s is longer than any audit record; refusing to append: run "
                       "'portcullis audit verify %s'",
                       path, path);
    char *line = malloc(len ? len : 1);
    if (!line)
        return pc_fail(err, "out of memory");
    char why[256], prev[65];
    int rc = 0;
    if (pread_full(fd, line, len, start) < 0)
        rc = pc_fail(err, "cannot read audit log %s: %s", path, strerror(errno));
    else if (parse_record(line, len, seq, prev, why, sizeof why) < 0)
        rc = pc_fail(err,
                     "the last line of %s is not an audit record (%s); refusing to append: run "
                     "'portcullis audit verify %s'",
                     path, why, path);
    else
        pc_sha256_hex(line, len, hash);
    free(line);
    return rc;
}

/* Make a new file's directory entry durable; best effort (not every file
 * system can sync a directory). */
static void sync_dir(const char *path)
{
    char *dir = strdup(path);
    if (!dir)
        return;
    char *slash = strrchr(dir, '/');
    const char *d = !slash ? "." : slash == dir ? "/" : (*slash = '\0', dir);
    int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* Write the whole line at the end and flush it to disk. On failure the file
 * is cut back to old_size, so that no partial record stays. Signals are held
 * meanwhile so that a Ctrl-C cannot leave half a record either. */
static int write_line(int fd, const char *line, size_t len, off_t old_size, const char *path, pc_error *err)
{
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    size_t done = 0;
    int e = 0;
    while (done < len) {
        ssize_t n = write(fd, line + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            e = n < 0 ? errno : EIO;
            break;
        }
        done += (size_t)n;
    }
    if (!e && fsync(fd) < 0)
        e = errno;
    if (e && ftruncate(fd, old_size) == 0)
        fsync(fd);
    if (e == EFBIG) { /* over RLIMIT_FSIZE: the error says so, the signal would kill */
        sigset_t xfsz;
        sigemptyset(&xfsz);
        sigaddset(&xfsz, SIGXFSZ);
        struct timespec zero = {0, 0};
        sigtimedwait(&xfsz, NULL, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (e)
        return pc_fail(err, "cannot write audit log %s: %s", path, strerror(e));
    return 0;
}

int pc_audit_append(const char *path, json_t *fields, pc_error *err)
{
    if (check_fields(fields, err) < 0)
        return -1;
    ident id;
    ident_get(&id);
    int rc = -1, fd = open_locked(path, LOCK_EX, err);
    char *line = NULL;
    struct stat st;
    long long seq;
    char prev[65];
    size_t len = 0;
    if (fd < 0)
        goto out;
    if (fstat(fd, &st) < 0) {
        pc_fail(err, "cannot read audit log %s: %s", path, strerror(errno));
        goto out;
    }
    if (read_tail(fd, st.st_size, path, &seq, prev, err) < 0)
        goto out;
    if (!(line = build_line(fields, seq + 1, prev, &id, &len, err)))
        goto out;
    if (write_line(fd, line, len, st.st_size, path, err) < 0)
        goto out;
    if (st.st_size == 0)
        sync_dir(path);
    rc = 0;
out:
    if (fd >= 0)
        close(fd); /* and the lock with it */
    free(line);
    free(id.cwd);
    return rc;
}

int pc_audit_check(const char *path, pc_error *err)
{
    int fd = open_locked(path, LOCK_SH, err);
    if (fd < 0)
        return -1;
    struct stat st;
    long long seq;
    char hash[65];
    int rc = fstat(fd, &st) < 0 ? pc_fail(err, "cannot read audit log %s: %s", path, strerror(errno))
                                : read_tail(fd, st.st_size, path, &seq, hash, err);
    close(fd);
    return rc;
}

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
        if (parse_record(line, len, &v->seq, v->prev, v->why, sizeof v->why) == 0 || looks_cut(line, len)) {
            v->kind = V_TRUNCATED;
            return 0;
        }
        v->kind = V_INVALID;
        snprintf(v->why, sizeof v->why, "data after the last record");
        return 0;
    default: break;
    }
    pc_sha256_hex(line, len, v->hash);
    v->kind = parse_record(line, len, &v->seq, v->prev, v->why, sizeof v->why) == 0 ? V_RECORD : V_INVALID;
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
        bool locked = lock_fd(r->fd, LOCK_SH) == 0;
        if (fstat(r->fd, &st) == 0)
            r->bounded = true, r->left = st.st_size;
        if (locked)
            lock_fd(r->fd, LOCK_UN);
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
    memcpy(v->last_hash, zero_hash, 65);
    if (!opts)
        opts = &none;
    if ((opts->anchor && !is_hex64(opts->anchor)) || (opts->expect_last && !is_hex64(opts->expect_last)))
        return pc_fail(err, "a record hash is 64 lowercase hex digits");
    chain *c = calloc(1, sizeof *c);
    if (!c)
        return pc_fail(err, "out of memory");
    c->path = path;
    memcpy(c->phash, zero_hash, 65);
    memcpy(c->pphash, zero_hash, 65);
    int rc = open_reader(&c->r, path, err);
    if (rc == 0) {
        rc = walk(c, opts, v, err);
        close(c->r.fd);
        free(c->r.buf);
    }
    free(c);
    return rc;
}
