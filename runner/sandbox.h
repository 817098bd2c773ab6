/* Inside the sandbox: what the child processes do between fork and exec.
 * Internal to the runner. */
#ifndef PC_SANDBOX_H
#define PC_SANDBOX_H

#include "landlock.h"
#include "runner.h"
#include "seccomp_policy.h"

#include <sched.h>
#include <sys/types.h>

typedef struct pc_sandbox {
    const pc_run_opts *opts;
    char *const *argv;
    char **envp;
    bool use_ns; /* namespaces, created by the supervisor's clone */
    bool root;   /* started as root: drop to nobody */
    bool cgroup_active;
    bool work_tmpfs;
    bool net_ready; /* joined a network namespace made ahead of time: loopback is up */
    /* a fresh work directory that need not outlive the run: tmpfs */ /* else RLIMIT_NPROC has to bound
                                                                         processes */
    uid_t uid;                                                        /* the unprivileged uid/gid to run as */
    gid_t gid;
    char base[256];    /* private base directory (outside) */
    char workdir[512]; /* the work directory (outside path) */
    char tmpdir[512];  /* private /tmp (outside path) */
    char newroot[512];
    char python_prefix[512];            /* a --python prefix outside the usual dirs, or "" */
    int fd_in, fd_out, fd_err, fd_prog; /* child ends */
    int fd_go;                          /* read: the supervisor says go */
    int fd_go_w;                        /* the supervisor's end: closed at once */
    int fd_verdict;                     /* read: with a gate, 'r' lets the program start; else -1 */
    int fd_verdict_w;                   /* the supervisor's end, or -1 */
    int fd_error;                       /* write: setup errors (CLOEXEC) */
    int fd_status;                      /* write: the program's wait status */
    int fd_notify_sock;                 /* send the seccomp listener here */
    int fd_info;                        /* write: layers actually set up */
    pc_bpf seccomp;
    pc_landlock_paths ll;
    bool bset_empty;   /* the capability bounding set is already empty */
    bool restore_cpus; /* set up on one CPU: the program gets these back */
    cpu_set_t cpus;
} pc_sandbox;

/* PID 1 of a sandbox whose namespaces the supervisor created (clone with
 * CLONE_NEWUSER and the rest; it writes the uid/gid maps before "go"). */
void pc_sandbox_ns_init(pc_sandbox *sb) __attribute__((noreturn));
/* Without namespaces (a policy that lets them degrade, on a host that
 * refuses them): the first child, a subreaper under it. */
void pc_sandbox_child(pc_sandbox *sb) __attribute__((noreturn));

/* Messages from child to supervisor on fd_info. */
typedef struct pc_sandbox_info {
    unsigned layers;
    unsigned degraded;
    char landlock[96];
} pc_sandbox_info;

#endif
