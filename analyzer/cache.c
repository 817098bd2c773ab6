#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_DIR "/var/cache/portcullis"

int pc_cache_dir(char *buf, size_t cap)
{
    if (geteuid() != 0 || getenv("PORTCULLIS_NO_CACHE"))
        return -1;
    if (snprintf(buf, cap, "%s", CACHE_DIR) >= (int)cap)
        return -1;
    /* create the last component only if the parent exists; no mkdir -p games */
    if (mkdir(buf, 0700) < 0 && errno != EEXIST)
        return -1;
    struct stat st;
    if (lstat(buf, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022))
        return -1; /* not ours alone: do not trust it */
    return 0;
}

unsigned char *pc_cache_read(const char *path, size_t max, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && !(st.st_mode & 022) &&
        st.st_size > 0 && (size_t)st.st_size <= max && (buf = malloc((size_t)st.st_size))) {
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

/* Remove the oldest entries named like path's (same prefix up to '-'). */
static void prune(const char *path)
{
    const char *slash = strrchr(path, '/'), *dash = slash ? strchr(slash, '-') : NULL;
    if (!dash)
        return;
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    size_t plen = (size_t)(dash - slash); /* "/rules-" minus the slash, plus the dash */
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct {
        char name[256];
        time_t mtime;
    } old[KEEP + 1];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        struct stat st;
        if (strncmp(e->d_name, slash + 1, plen) ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
            strlen(e->d_name) >= sizeof old[0].name)
            continue;
        /* keep the KEEP newest: insert sorted, newest first, drop the oldest beyond */
        size_t i = n < KEEP + 1 ? n++ : KEEP;
        if (i == KEEP && st.st_mtime <= old[KEEP].mtime) {
            unlinkat(dirfd(d), e->d_name, 0);
            continue;
        }
        if (i == KEEP)
            unlinkat(dirfd(d), old[KEEP].name, 0);
        while (i > 0 && old[i - 1].mtime < st.st_mtime) {
            old[i] = old[i - 1];
            i--;
        }
        snprintf(old[i].name, sizeof old[i].name, "%s", e->d_name);
        old[i].mtime = st.st_mtime;
    }
    if (n == KEEP + 1)
        unlinkat(dirfd(d), old[KEEP].name, 0);
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
    bool ok = close(fd) == 0 && n == len;
    if (!ok || rename(tmp, path) < 0)
        unlink(tmp);
    else
        prune(path);
}
