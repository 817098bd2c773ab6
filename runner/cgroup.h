/* A cgroup per run for memory, process count and CPU accounting:
 * cgroup v2 where its controllers are delegated to us, else v1. */
#ifndef PC_CGROUP_H
#define PC_CGROUP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct pc_cgroup {
    int version; /* 0: none, 1, 2 */
    int v2fd;    /* v2: the cgroup's directory, or -1 */
    char v2[512];
    char mem[512], pids[512]; /* v1 */
    /* v1: the cgroups we started in, where the forking thread steps back to
     * ("" if unknown: then the child is moved after the fork instead) */
    char mem_home[512], pids_home[512];
    pid_t owner; /* the supervisor: never killed with the cgroup's processes */
} pc_cgroup;

/* Create the run's cgroup with its limits. 0, or -1 with why[] filled. */
int pc_cgroup_create(pc_cgroup *cg, uint64_t memory, uint64_t pids, char *why, size_t cap);
int pc_cgroup_add(const pc_cgroup *cg, pid_t pid);
/* fork(), or clone with namespace flags (CLONE_NEW*), with the child born
 * inside the cgroup where the kernel allows it (v2: clone3 with
 * CLONE_INTO_CGROUP; v1: the calling thread steps in for the fork and back
 * out); *joined says so. Otherwise the caller still has to pc_cgroup_add()
 * the child. */
pid_t pc_cgroup_fork(const pc_cgroup *cg, uint64_t flags, bool *joined);
bool pc_cgroup_oom(const pc_cgroup *cg);
void pc_cgroup_kill(const pc_cgroup *cg);
/* Kill everything in it and wait (bounded) until no process is left. */
void pc_cgroup_empty(const pc_cgroup *cg);
void pc_cgroup_destroy(pc_cgroup *cg);

#endif
