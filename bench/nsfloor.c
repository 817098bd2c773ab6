/* The kernel's share of a namespace sandbox's start-up on this machine: what
 * any sandbox that creates these namespaces pays before doing any setup of
 * its own. Run as root (bench/runner.sh builds and runs it):
 *   nsfloor RUNS
 * prints the median of each case in milliseconds. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct clone_args_v0 { /* struct clone_args, which glibc 2.36 does not declare */
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void map_root(pid_t pid)
{
    static const char *const files[] = {"uid_map", "gid_map"};
    for (int i = 0; i < 2; i++) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, files[i]);
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd >= 0) {
            (void)!write(fd, "0 0 1\n", 6);
            close(fd);
        }
    }
}

/* One start: clone with flags; the child waits for the parent (which writes
 * the id maps), then exits or execs /bin/true. Milliseconds until reaped. */
static double one(uint64_t flags, int exec_true)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0)
        return -1;
    double t0 = now_ms();
    struct clone_args_v0 a = {.flags = flags, .exit_signal = SIGCHLD};
    long pid = syscall(SYS_clone3, &a, sizeof a);
    if (pid == 0) {
        char c;
        close(p[1]);
        (void)!read(p[0], &c, 1);
        if (exec_true)
            execl("/bin/true", "true", (char *)NULL);
        _exit(0);
    }
    close(p[0]);
    if (pid < 0) {
        close(p[1]);
        return -1;
    }
    if (flags & CLONE_NEWUSER)
        map_root((pid_t)pid);
    close(p[1]);
    waitpid((pid_t)pid, NULL, 0);
    return now_ms() - t0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 200;
    if (runs < 1)
        runs = 1;
    const uint64_t all = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC |
                         CLONE_NEWUTS | CLONE_NEWCGROUP;
    const struct {
        const char *name;
        uint64_t flags;
        int exec_true;
    } cases[] = {
        {"fork, exit, wait", 0, 0},
        {"clone with user+pid+mount+ipc+uts+cgroup namespaces, exit, wait", all & ~(uint64_t)CLONE_NEWNET, 0},
        {"clone with those and a network namespace, exit, wait", all, 0},
        {"fork, exec /bin/true, wait", 0, 1},
        {"clone with all seven namespaces, exec /bin/true, wait", all, 1},
    };
    double *v = calloc((size_t)runs, sizeof *v);
    if (!v)
        return 1;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        int n = 0;
        for (int i = 0; i < runs; i++) {
            double t = one(cases[c].flags, cases[c].exec_true);
            if (t >= 0)
                v[n++] = t;
            usleep(3000); /* runs spaced as a caller would space them */
        }
        if (!n) {
            printf("| %s | failed |\n", cases[c].name);
            continue;
        }
        qsort(v, (size_t)n, sizeof *v, cmp);
        printf("| %s | %.3f |\n", cases[c].name, v[n / 2]);
    }
    free(v);
    return 0;
}
