/* The audit log: appending a record under a lock (verifying the chain is in
 * audit_verify.c). See docs/audit.md for the format and what the chain can
 * and cannot show. */
#include "audit.h"
#include "audit_record.h"

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

const char pc_audit_zero_hash[65] = "0000000000000000000000000000000000000000000000000000000000000000";

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

bool pc_audit_is_hex64(const char *s)
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

int pc_audit_lock(int fd, int op)
{
    int rc;
    while ((rc = flock(fd, op)) < 0 && errno == EINTR)
        ;
    return rc;
}

/* ---- one record --------------------------------------------------------- */

/* Parse one line as a record: 0 with *seq and prev set, or -1 with why. */
int pc_audit_parse_record(const char *line, size_t len, long long *seq, char prev[65], char *why,
                          size_t whycap)
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
    else if (!json_is_string(p) || !pc_audit_is_hex64(json_string_value(p)))
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
        if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || pc_audit_lock(fd, op) < 0) {
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
    memcpy(hash, pc_audit_zero_hash, 65);
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
    else if (pc_audit_parse_record(line, len, seq, prev, why, sizeof why) < 0)
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
