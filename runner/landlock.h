/* Landlock: filesystem, TCP and scope restrictions, best effort by ABI. */
#ifndef PC_LANDLOCK_H
#define PC_LANDLOCK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pc_landlock_paths {
    const char *const *read; /* read and execute */
    size_t nread;
    const char *const *write; /* read, write, create, remove */
    size_t nwrite;
} pc_landlock_paths;

/* Restrict the calling process (and what it execs). Returns the ABI version
 * enforced (>= 1) and describes it in `what`; -1 when Landlock is not
 * available or failed (errno set). */
int pc_landlock_apply(const pc_landlock_paths *p, char *what, size_t cap);

/* The kernel's Landlock ABI version, or -1. */
int pc_landlock_abi(void);

#endif
