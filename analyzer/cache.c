#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CACHE_DIR "/var/cache/portcullis"

int pc_cache_dir(char *buf, size_t cap)
{
    if (geteuid() != 0 || getenv("PORTCULLIS_NO_CACHE"))
        return -1;
    if (snprintf(buf, cap, "%s", CACHE_DIR) >= (int)cap)
        return -1;
    /* create the last component only if the parent exists; no mkdir -p games */
    struct stat st;
    if (lstat(buf, &st) < 0 &&
        (errno != ENOENT || (mkdir(buf, 0700) < 0 && errno != EEXIST) || lstat(buf, &st) < 0))
        return -1;
    if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022))
        return -1; /* not ours alone: do not trust it */
    return 0;
}

int pc_cache_build_id(unsigned long long out[7])
{
    struct stat st;
    if (stat("/proc/self/exe", &st) < 0)
        return -1;
    unsigned long long v[7] = {(unsigned long long)st.st_dev,          (unsigned long long)st.st_ino,
                               (unsigned long long)st.st_size,         (unsigned long long)st.st_mtim.tv_sec,
                               (unsigned long long)st.st_mtim.tv_nsec, (unsigned long long)st.st_ctim.tv_sec,
                               (unsigned long long)st.st_ctim.tv_nsec};
    memcpy(out, v, sizeof v);
    return 0;
}

/* An entry of ours that nobody else can write, of at most max bytes? */
static bool trusted(int fd, size_t max, struct stat *st)
{
    return fstat(fd, st) == 0 && S_ISREG(st->st_mode) && st->st_uid == geteuid() && !(st->st_mode & 022) &&
           st->st_size > 0 && (size_t)st->st_size <= max;
}

void *pc_cache_map(const char *path, size_t max, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *p = NULL;
    if (trusted(fd, max, &st)) {
        p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED)
            p = NULL;
        else
            *len = (size_t)st.st_size;
    }
    close(fd);
    return p;
}

void pc_cache_unmap(void *map, size_t len)
{
    if (map)
        munmap(map, len);
}

unsigned char *pc_cache_read(const char *path, size_t max, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *buf = NULL;
    if (trusted(fd, max, &st) && (buf = malloc((size_t)st.st_size))) {
        size_t n = 0;
        while (n < (size_t)st.st_size) {
            ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            n += (size_t)r;
        }
        if (n != (size_t)st.st_size) {
            free(buf);
            buf = NULL;
        }
        *len = n;
    }
    close(fd);
    return buf;
}

#define KEEP 32 /* entries of one kind: every rebuild and rule edit makes new ones */

typedef struct entry {
    char name[256];
    struct timespec mtime;
} entry;

static int newest_first(const void *x, const void *y)
{
    const struct timespec *a = &((const entry *)x)->mtime, *b = &((const entry *)y)->mtime;
    if (a->tv_sec != b->tv_sec)
        return a->tv_sec < b->tv_sec ? 1 : -1;
    return a->tv_nsec < b->tv_nsec ? 1 : a->tv_nsec > b->tv_nsec ? -1 : 0;
}

/* Keep the KEEP newest entries named like path (same prefix up to '-'). */
static void prune(const char *path)
{
    const char *slash = strrchr(path, '/'), *dash = slash ? strchr(slash, '-') : NULL;
    if (!dash)
        return;
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    size_t plen = (size_t)(dash - slash); /* the name's prefix, dash included */
    DIR *d = opendir(dir);
    if (!d)
        return;
    entry *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 65536) {
        struct stat st;
        if (strncmp(e->d_name, slash + 1, plen) || strlen(e->d_name) >= sizeof v->name ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            entry *w = realloc(v, (cap = cap ? cap * 2 : 64) * sizeof *v);
            if (!w)
                break;
            v = w;
        }
        snprintf(v[n].name, sizeof v[n].name, "%s", e->d_name);
        v[n++].mtime = st.st_mtim;
    }
    if (n > KEEP) {
        qsort(v, n, sizeof *v, newest_first);
        for (size_t i = KEEP; i < n; i++)
            unlinkat(dirfd(d), v[i].name, 0);
    }
    free(v);
    closedir(d);
}

void pc_cache_write(const char *path, const void *data, size_t len)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.%d.tmp", path, (int)getpid()) >= (int)sizeof tmp)
        return;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    const unsigned char *p = data;
    size_t n = 0;
    while (n < len) {
        ssize_t w = write(fd, p + n, len - n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        n += (size_t)w;
    }
    bool ok = n == len && fsync(fd) == 0; /* a reader after a crash sees all of it or nothing */
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) < 0)
        unlink(tmp);
    else
        prune(path);
}
