/* Root's cache of derived data (compiled seccomp filters, loaded rule sets)
 * in /var/cache/portcullis. Only root's: an unprivileged caller's sandbox
 * runs as that same uid, and a file it could reach (its home may be the
 * work directory) must never decide what the gate or the filter allows.
 * Every entry is keyed by a digest of all its inputs; a stale or damaged
 * entry is never an error, just a miss. */
#ifndef PC_CACHE_H
#define PC_CACHE_H

#include <stdbool.h>
#include <stddef.h>

/* The cache directory (created if its parent exists), or -1 when there is
 * no trustworthy one: not root, PORTCULLIS_NO_CACHE set, or the directory
 * is not root's alone. */
int pc_cache_dir(char *buf, size_t cap);

/* This build, for cache keys: the running executable's device, inode,
 * size, mtime and ctime (every rebuild or reinstall changes them), or -1
 * when it cannot be identified (then nothing should be cached). */
int pc_cache_build_id(unsigned long long out[7]);

/* Read a whole entry if it is a regular file of ours that nobody else can
 * write, at most max bytes. Returns a malloc'd buffer or NULL. */
unsigned char *pc_cache_read(const char *path, size_t max, size_t *len);

/* The same, mapped read-only instead of copied (entries are replaced by
 * rename, never rewritten in place). Returns NULL on any doubt. */
void *pc_cache_map(const char *path, size_t max, size_t *len);
void pc_cache_unmap(void *map, size_t len);

/* Write an entry atomically (a temporary file renamed into place). */
void pc_cache_write(const char *path, const void *data, size_t len);

#endif
