/* The runner: execute a program in a fail-closed sandbox and report what
 * happened. One call, one run; the caller is the supervisor. */
#ifndef PC_RUNNER_H
#define PC_RUNNER_H

#include "error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Layers; each is required unless the policy allows degrading it. */
enum {
    PC_LAYER_NAMESPACES = 1u << 0, /* user, pid, net, mount, ipc, uts */
    PC_LAYER_LANDLOCK = 1u << 1,
    PC_LAYER_SECCOMP = 1u << 2,
    PC_LAYER_CGROUP = 1u << 3,
    PC_LAYER_RLIMITS = 1u << 4,
    PC_LAYER_PROCESS = 1u << 5, /* setsid, closed fds, no_new_privs, caps, uid, pdeathsig */
};
const char *pc_layer_name(unsigned bit);

typedef enum pc_run_status {
    PC_RUN_OK,
    PC_RUN_NONZERO_EXIT,
    PC_RUN_SIGNALED,
    PC_RUN_TIMEOUT,
    PC_RUN_MEMORY_LIMIT,
    PC_RUN_OUTPUT_LIMIT,
    PC_RUN_SYSCALL_DENIED,
    PC_RUN_SETUP_ERROR,
    PC_RUN_DENIED,
} pc_run_status;
const char *pc_run_status_name(pc_run_status s);

typedef struct pc_run_limits {
    uint64_t wall_ms; /* 0: none */
    uint64_t cpu_s;
    uint64_t memory_bytes;
    uint64_t processes;
    uint64_t output_bytes; /* per stream */
    uint64_t file_bytes;
    uint64_t disk_bytes; /* size of the sandbox's /tmp and of a fresh /work (tmpfs) */
    uint64_t open_files;
} pc_run_limits;

typedef struct pc_run_opts {
    pc_run_limits limits;
    unsigned optional_layers; /* layers the policy lets degrade */
    bool seccomp_errno;       /* denied syscalls fail with EPERM instead of killing */
    unsigned netns_pool;      /* as root: network namespaces made ahead of time (0: none) */
    const char *workdir;      /* NULL: a fresh private directory */
    bool keep_workdir;
    const char *stdin_path;       /* NULL: /dev/null */
    const char *const *env_names; /* variables passed through by name */
    size_t nenv;
    const char *syscalls_path;         /* the syscall group policy (YAML) */
    const char *const *syscall_groups; /* groups to allow; NULL: the policy's default */
    size_t ngroups;
    /* for `run`: the exact bytes to execute with `python` */
    const unsigned char *program;
    size_t program_len;
    const char *program_name;
    const char *python;
    /* Optional: the decision whether the program may start, taken while the
     * sandbox is being set up (on another CPU where there is one). Returns 1
     * to start it; anything else ends the run before the program's first
     * instruction, with status PC_RUN_DENIED. */
    int (*gate)(void *ctx);
    void *gate_ctx;
    /* the process's own argument area (argv[0] to the end of the last argument):
     * the cleaner overwrites it so that it never shows the caller's command */
    char *title_area;
    size_t title_len;
} pc_run_opts;

typedef struct pc_run_result {
    pc_run_status status;
    int exit_code;
    int signal;
    char syscall[64];
    char *out, *err; /* malloc'd, NUL-terminated */
    size_t out_len, err_len;
    bool out_truncated, err_truncated;
    double wall_ms, cpu_ms;
    long max_rss_kib;
    unsigned layers;   /* active */
    unsigned degraded; /* optional layers that could not be set up */
    char setup_error[512];
    char landlock[96];      /* what Landlock enforced, e.g. "abi 7: fs, net, scope" */
    char kept_workdir[512]; /* with keep_workdir: where the work directory is */
} pc_run_result;

/* Run argv (or, with opts->program, the Python program) in the sandbox.
 * Returns 0 with *res filled in (including setup errors, status
 * PC_RUN_SETUP_ERROR); -1 only when memory ran out. */
int pc_run(const pc_run_opts *opts, char *const argv[], pc_run_result *res, pc_error *err);
void pc_run_result_free(pc_run_result *res);

/* Shell-style exit status for a result: the program's status, 128+N,
 * 124 timeout, 125 setup error, 126 denied. */
int pc_run_exit_status(const pc_run_result *res);

#endif
