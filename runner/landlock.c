#include "landlock.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Debian 12's headers stop at ABI 2; the kernel here speaks ABI 7. */
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif
#define PC_LL_NET_BIND_TCP (1ULL << 0)
#define PC_LL_NET_CONNECT_TCP (1ULL << 1)
#define PC_LL_SCOPE_ABSTRACT_UNIX (1ULL << 0)
#define PC_LL_SCOPE_SIGNAL (1ULL << 1)

struct pc_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

int pc_landlock_abi(void)
{
    long v = syscall(__NR_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return v < 0 ? -1 : (int)v;
}

static uint64_t fs_access(int abi)
{
    uint64_t a = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
                 LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                 LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
                 LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                 LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2)
        a |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        a |= LANDLOCK_ACCESS_FS_TRUNCATE;
    if (abi >= 5)
        a |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
    return a;
}

static int allow(int ruleset, const char *path, uint64_t access, uint64_t handled)
{
    /* most paths are directories: one open tells, without an fstat */
    int fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == ENOTDIR) {
        fd = open(path, O_PATH | O_CLOEXEC);
        /* files take file rights only */
        access &= LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
                  LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_IOCTL_DEV;
    }
    if (fd < 0)
        return errno == ENOENT ? 0 : -1; /* absent paths need no rule */
    struct landlock_path_beneath_attr pb = {.allowed_access = access & handled, .parent_fd = fd};
    int rc = (int)syscall(__NR_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

int pc_landlock_apply(const pc_landlock_paths *p, char *what, size_t cap)
{
    int abi = pc_landlock_abi();
    if (abi < 1) {
        errno = abi < 0 ? errno : EOPNOTSUPP;
        return -1;
    }
    struct pc_ruleset_attr attr = {.handled_access_fs = fs_access(abi)};
    size_t size = sizeof(uint64_t);
    if (abi >= 4) { /* TCP bind and connect: handled, and nothing allowed */
        attr.handled_access_net = PC_LL_NET_BIND_TCP | PC_LL_NET_CONNECT_TCP;
        size = 2 * sizeof(uint64_t);
    }
    if (abi >= 6) { /* abstract unix sockets and signals stay inside the sandbox */
        attr.scoped = PC_LL_SCOPE_ABSTRACT_UNIX | PC_LL_SCOPE_SIGNAL;
        size = 3 * sizeof(uint64_t);
    }
    int rs = (int)syscall(__NR_landlock_create_ruleset, &attr, size, 0);
    if (rs < 0)
        return -1;
    uint64_t rd = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
    for (size_t i = 0; i < p->nread; i++)
        if (allow(rs, p->read[i], rd, attr.handled_access_fs) < 0)
            goto fail;
    for (size_t i = 0; i < p->nwrite; i++)
        if (allow(rs, p->write[i], attr.handled_access_fs, attr.handled_access_fs) < 0)
            goto fail;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || syscall(__NR_landlock_restrict_self, rs, 0) < 0)
        goto fail;
    close(rs);
    snprintf(what, cap, "abi %d: filesystem%s%s", abi, abi >= 4 ? ", tcp bind/connect denied" : "",
             abi >= 6 ? ", abstract unix sockets and signals scoped" : "");
    return abi;
fail:;
    int e = errno;
    close(rs);
    errno = e;
    return -1;
}
