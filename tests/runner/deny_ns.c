/* deny_ns: run a command under a seccomp profile like an unprivileged
 * container's: no new namespaces. unshare, setns and clone with any
 * CLONE_NEW* flag fail with EPERM; clone3 fails with ENOSYS (so libraries
 * fall back to clone, where the flags can be seen).
 *
 * usage: deny_ns CMD [ARGS...] */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

static void add(scmp_filter_ctx ctx, int rc, const char *what)
{
    if (rc < 0) {
        fprintf(stderr, "deny_ns: %s: %s\n", what, strerror(-rc));
        _exit(125);
    }
    (void)ctx;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: deny_ns CMD [ARGS...]\n");
        return 2;
    }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) {
        fprintf(stderr, "deny_ns: seccomp_init failed\n");
        return 125;
    }
    static const unsigned long flags[] = {CLONE_NEWNS,  CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
                                          CLONE_NEWUSER, CLONE_NEWPID,   CLONE_NEWNET, CLONE_NEWTIME};
    add(ctx, seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(unshare), 0), "unshare");
    add(ctx, seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(setns), 0), "setns");
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        add(ctx,
            seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                             SCMP_A0(SCMP_CMP_MASKED_EQ, flags[i], flags[i])),
            "clone");
    add(ctx, seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "clone3");
    int rc = seccomp_load(ctx);
    if (rc < 0) {
        fprintf(stderr, "deny_ns: seccomp_load: %s\n", strerror(-rc));
        return 125;
    }
    seccomp_release(ctx);
    execvp(argv[1], argv + 1);
    fprintf(stderr, "deny_ns: %s: %s\n", argv[1], strerror(errno));
    return 127;
}
