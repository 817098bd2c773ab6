#include "cgroup.h"
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int write_file(const char *dir, const char *file, const char *value)
{
    char path[640];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return pc_write_text(path, value);
}

static int read_file(const char *dir, const char *file, char *buf, size_t cap)
{
    char path[640];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, cap - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return 0;
}

/* Our own cgroup path for a v1 controller (or "" for v2), from the text of
 * /proc/self/cgroup (read once per run). */
static int own_path(const char *table, const char *controller, char *out, size_t cap)
{
    for (const char *line = table; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[1024];
        if (len < sizeof buf) {
            memcpy(buf, line, len);
            buf[len] = '\0';
            char *a = strchr(buf, ':'), *b = a ? strchr(a + 1, ':') : NULL;
            if (b) {
                *b = '\0';
                const char *ctrls = a + 1, *path = b + 1;
                bool match = !*controller && !*ctrls;
                if (*controller) {
                    char *save = NULL;
                    for (char *tok = strtok_r((char *)ctrls, ",", &save); tok;
                         tok = strtok_r(NULL, ",", &save))
                        match |= !strcmp(tok, controller);
                }
                if (match) {
                    snprintf(out, cap, "%s", path);
                    return 0;
                }
            }
        }
        line += len + (end ? 1 : 0);
    }
    return -1;
}

static void unique_name(char *buf, size_t cap)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    snprintf(buf, cap, "portcullis-%d-%ld", (int)getpid(), ts.tv_nsec);
}

static int try_v2(pc_cgroup *cg, const char *table, uint64_t memory, uint64_t pids, char *why, size_t cap)
{
    static const char *const mounts[] = {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"};
    char own[512], name[96];
    if (own_path(table, "", own, sizeof own) < 0)
        return -1;
    unique_name(name, sizeof name);
    for (int i = 0; i < 2; i++) {
        char base[600], ctl[256] = "";
        snprintf(base, sizeof base, "%s%s", mounts[i], strcmp(own, "/") ? own : "");
        if (read_file(base, "cgroup.controllers", ctl, sizeof ctl) < 0)
            continue;
        if (!strstr(ctl, "memory") || !strstr(ctl, "pids")) {
            snprintf(why, cap, "cgroup v2 at %s lacks the memory and pids controllers", base);
            continue;
        }
        /* our cgroup must hand them to children; one that holds processes
         * (a login shell's session scope) cannot: "no internal processes" */
        char sub[256] = "";
        read_file(base, "cgroup.subtree_control", sub, sizeof sub);
        if ((!strstr(sub, "memory") || !strstr(sub, "pids")) &&
            write_file(base, "cgroup.subtree_control", "+memory +pids") < 0) {
            snprintf(why, cap, "cgroup v2 at %s cannot hand memory and pids to a child cgroup: %s", base,
                     errno == EBUSY ? "it holds processes of its own" : strerror(errno));
            continue;
        }
        snprintf(cg->v2, sizeof cg->v2, "%s/%s", base, name);
        if (mkdir(cg->v2, 0755) < 0) {
            snprintf(why, cap, "cannot create a cgroup under %s: %s", base, strerror(errno));
            continue;
        }
        char v[32];
        snprintf(v, sizeof v, "%llu", (unsigned long long)memory);
        bool ok = !memory || write_file(cg->v2, "memory.max", v) == 0;
        ok = ok && (!memory || write_file(cg->v2, "memory.swap.max", "0") == 0 || errno == ENOENT);
        snprintf(v, sizeof v, "%llu", (unsigned long long)pids);
        ok = ok && (!pids || write_file(cg->v2, "pids.max", v) == 0);
        if (ok) {
            cg->version = 2;
            /* for clone3(CLONE_INTO_CGROUP): the child starts inside */
            cg->v2fd = open(cg->v2, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            return 0;
        }
        snprintf(why, cap, "cannot set limits in %s: %s", cg->v2, strerror(errno));
        rmdir(cg->v2);
    }
    return -1;
}

static int try_v1(pc_cgroup *cg, const char *table, uint64_t memory, uint64_t pids, char *why, size_t cap)
{
    char own_mem[400], own_pids[400], name[96];
    if (own_path(table, "memory", own_mem, sizeof own_mem) < 0 ||
        own_path(table, "pids", own_pids, sizeof own_pids) < 0) {
        snprintf(why, cap, "no cgroup v1 memory and pids controllers");
        return -1;
    }
    unique_name(name, sizeof name);
    snprintf(cg->mem_home, sizeof cg->mem_home, "/sys/fs/cgroup/memory%s",
             strcmp(own_mem, "/") ? own_mem : "");
    snprintf(cg->pids_home, sizeof cg->pids_home, "/sys/fs/cgroup/pids%s",
             strcmp(own_pids, "/") ? own_pids : "");
    snprintf(cg->mem, sizeof cg->mem, "%s/%s", cg->mem_home, name);
    snprintf(cg->pids, sizeof cg->pids, "%s/%s", cg->pids_home, name);
    if (mkdir(cg->mem, 0755) < 0) {
        snprintf(why, cap, "cannot create %s: %s", cg->mem, strerror(errno));
        return -1;
    }
    if (mkdir(cg->pids, 0755) < 0) {
        snprintf(why, cap, "cannot create %s: %s", cg->pids, strerror(errno));
        rmdir(cg->mem);
        return -1;
    }
    char v[32];
    snprintf(v, sizeof v, "%llu", (unsigned long long)memory);
    bool ok = !memory || write_file(cg->mem, "memory.limit_in_bytes", v) == 0;
    if (ok && memory) /* no swap either, where swap accounting exists */
        write_file(cg->mem, "memory.memsw.limit_in_bytes", v);
    snprintf(v, sizeof v, "%llu", (unsigned long long)pids);
    ok = ok && (!pids || write_file(cg->pids, "pids.max", v) == 0);
    if (!ok) {
        snprintf(why, cap, "cannot set cgroup v1 limits: %s", strerror(errno));
        rmdir(cg->mem);
        rmdir(cg->pids);
        return -1;
    }
    cg->version = 1;
    return 0;
}

int pc_cgroup_create(pc_cgroup *cg, uint64_t memory, uint64_t pids, char *why, size_t cap)
{
    memset(cg, 0, sizeof *cg);
    cg->v2fd = -1;
    cg->owner = getpid();
    snprintf(why, cap, "no usable cgroup hierarchy");
    char table[4096];
    if (read_file("/proc/self", "cgroup", table, sizeof table) < 0) {
        snprintf(why, cap, "cannot read /proc/self/cgroup: %s", strerror(errno));
        return -1;
    }
    if (try_v2(cg, table, memory, pids, why, cap) == 0)
        return 0;
    char why2[256];
    if (try_v1(cg, table, memory, pids, why2, sizeof why2) == 0)
        return 0;
    size_t l = strlen(why);
    snprintf(why + l, cap - l, "; %s", why2);
    return -1;
}

int pc_cgroup_add(const pc_cgroup *cg, pid_t pid)
{
    char v[32];
    snprintf(v, sizeof v, "%d", (int)pid);
    if (cg->version == 2)
        return write_file(cg->v2, "cgroup.procs", v);
    if (cg->version == 1)
        return write_file(cg->mem, "cgroup.procs", v) == 0 && write_file(cg->pids, "cgroup.procs", v) == 0
                   ? 0
                   : -1;
    return -1;
}

#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

struct pc_clone_args { /* struct clone_args of linux/sched.h, which glibc 2.36 lacks */
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size,
        cgroup;
};

static pid_t plain_fork(uint64_t flags)
{
    if (!flags)
        return fork();
    struct pc_clone_args a = {.flags = flags, .exit_signal = SIGCHLD};
    long pid = syscall(SYS_clone3, &a, sizeof a);
    if (pid >= 0 || errno != ENOSYS)
        return (pid_t)pid;
    /* before clone3 (Linux 5.3): without a stack, clone forks */
    return (pid_t)syscall(SYS_clone, (unsigned long)flags | SIGCHLD, NULL, NULL, NULL, 0);
}

/* cgroup v1: move the calling thread ("0" written to tasks) into the run's
 * cgroups, or back home. A thread moving itself skips the global lock that a
 * move of another process takes, whose writer waits for an RCU grace period
 * (5-14 ms here when no move happened in the last milliseconds). */
static int v1_step(const pc_cgroup *cg, bool in)
{
    /* first prove the way back: a move into the cgroup we are in changes
     * nothing, and fails where we could not return */
    if (in && (write_file(cg->mem_home, "tasks", "0") < 0 || write_file(cg->pids_home, "tasks", "0") < 0))
        return -1;
    if (write_file(in ? cg->mem : cg->mem_home, "tasks", "0") < 0)
        return -1;
    if (write_file(in ? cg->pids : cg->pids_home, "tasks", "0") == 0)
        return 0;
    int e = errno;
    if (in)
        write_file(cg->mem_home, "tasks", "0");
    errno = e;
    return -1;
}

pid_t pc_cgroup_fork(const pc_cgroup *cg, uint64_t flags, bool *joined)
{
    *joined = false;
    if (cg->version == 2 && cg->v2fd >= 0) {
        /* No write to cgroup.procs: see v1_step */
        struct pc_clone_args a = {
            .flags = flags | CLONE_INTO_CGROUP, .exit_signal = SIGCHLD, .cgroup = (uint64_t)cg->v2fd};
        long pid = syscall(SYS_clone3, &a, sizeof a);
        if (pid >= 0) {
            *joined = true;
            return (pid_t)pid;
        }
        /* an old kernel, or a cgroup we may not start in: start outside, and
         * the caller's pc_cgroup_add() reports what is wrong */
    }
    if (cg->version == 1 && cg->mem_home[0] && cg->pids_home[0] && v1_step(cg, true) == 0) {
        pid_t pid = plain_fork(flags);
        if (pid == 0)
            return 0;
        int e = errno;
        if (v1_step(cg, false) < 0) {
            /* never stay inside: the run's cgroup is killed at the end */
            e = errno;
            if (pid > 0) {
                kill(pid, SIGKILL);
                waitpid(pid, NULL, 0);
            }
            errno = e;
            return -1;
        }
        *joined = pid > 0;
        errno = e;
        return pid;
    }
    return plain_fork(flags);
}

bool pc_cgroup_oom(const pc_cgroup *cg)
{
    char buf[1024];
    const char *dir = cg->version == 2 ? cg->v2 : cg->mem;
    const char *file = cg->version == 2 ? "memory.events" : "memory.oom_control";
    if (!cg->version || read_file(dir, file, buf, sizeof buf) < 0)
        return false;
    const char *k = strstr(buf, "oom_kill ");
    return k && atol(k + 9) > 0;
}

static bool kill_listed(const char *dir, pid_t owner)
{
    char buf[8192];
    if (read_file(dir, "cgroup.procs", buf, sizeof buf) < 0)
        return false;
    bool any = false;
    pid_t self = getpid();
    for (char *tok = strtok(buf, "\n"); tok; tok = strtok(NULL, "\n")) {
        pid_t p = (pid_t)atoi(tok);
        if (p > 0 && p != self && p != owner && kill(p, SIGKILL) == 0)
            any = true;
    }
    return any;
}

void pc_cgroup_kill(const pc_cgroup *cg)
{
    if (cg->version == 2 && write_file(cg->v2, "cgroup.kill", "1") == 0)
        return;
    const char *dir = cg->version == 2 ? cg->v2 : cg->pids;
    for (int i = 0; i < 100 && cg->version && kill_listed(dir, cg->owner); i++)
        usleep(1000);
}

static bool has_procs(const char *dir)
{
    char buf[64];
    return read_file(dir, "cgroup.procs", buf, sizeof buf) == 0 && buf[0] != '\0';
}

void pc_cgroup_empty(const pc_cgroup *cg)
{
    if (!cg->version)
        return;
    const char *dir = cg->version == 2 ? cg->v2 : cg->pids;
    for (int i = 0; i < 500 && has_procs(dir); i++) { /* up to about a second */
        pc_cgroup_kill(cg);
        usleep(2000);
    }
}

void pc_cgroup_destroy(pc_cgroup *cg)
{
    if (cg->v2fd >= 0)
        close(cg->v2fd);
    cg->v2fd = -1;
    if (!cg->version)
        return;
    pc_cgroup_kill(cg);
    for (int i = 0; i < 200; i++) { /* the kernel empties a cgroup asynchronously */
        bool done = true;
        if (cg->version == 2)
            done = rmdir(cg->v2) == 0 || errno == ENOENT;
        else
            done = (rmdir(cg->mem) == 0 || errno == ENOENT) & (rmdir(cg->pids) == 0 || errno == ENOENT);
        if (done)
            break;
        usleep(2000);
    }
    cg->version = 0;
}
