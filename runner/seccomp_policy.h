/* seccomp-bpf: an allowlist built with libseccomp from named syscall groups. */
#ifndef PC_SECCOMP_POLICY_H
#define PC_SECCOMP_POLICY_H

#include "error.h"

#include <linux/filter.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pc_seccomp_opts {
    const char *groups_path;   /* rules/sandbox/syscalls.yaml */
    const char *const *groups; /* NULL: the file's `default` */
    size_t ngroups;
    bool errno_mode;   /* denied: EPERM (else the supervisor kills) */
    bool inet;         /* allow AF_INET/AF_INET6 sockets (empty netns only) */
    bool unix_sockets; /* allow socket(AF_UNIX): not without a mount namespace,
                          where host sockets would be reachable by path */
    bool allow_setsid; /* false without a PID namespace: keeps one process group */
} pc_seccomp_opts;

/* Build the filter (in the supervisor, before fork). Denied syscalls raise a
 * user notification the supervisor answers, so it names the syscall itself. */
scmp_filter_ctx pc_seccomp_build(const pc_seccomp_opts *o, pc_error *err);

/* The filter compiled to BPF (in the supervisor, before fork): the child then
 * loads it with one syscall, without running libseccomp. */
typedef struct pc_bpf {
    struct sock_filter *insns;
    unsigned short len;
} pc_bpf;
int pc_seccomp_export(scmp_filter_ctx ctx, pc_bpf *out, pc_error *err);

/* Build and export, through root's cache of compiled filters (libseccomp
 * takes milliseconds to generate one; a run should not). Unprivileged callers
 * build every time: their sandbox runs as them. */
int pc_seccomp_compile(const pc_seccomp_opts *o, pc_bpf *out, pc_error *err);
void pc_bpf_free(pc_bpf *b);

/* In the child, last step before execve: load, and return the notification
 * fd (to be passed to the supervisor), or -1 with errno set. */
int pc_seccomp_load(const pc_bpf *b);

/* The name of syscall nr on the native architecture, into buf. */
void pc_seccomp_name(int nr, char *buf, size_t cap);

#endif
