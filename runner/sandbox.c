/* The child side of a run: namespaces, mounts, credentials, limits,
 * Landlock and seccomp, then exec. Every failure is reported to the
 * supervisor on fd_error and ends the child with status 125. */
#include "sandbox.h"
#include "netns.h"
#include "fdpass.h"
#include "timeline.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pc_sandbox *g_sb;

static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n > 0 && g_sb && g_sb->fd_error >= 0)
        (void)!write(g_sb->fd_error, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
    _exit(125);
}

/* When our parent dies, take the whole process group with us. */
static void on_parent_death(int sig)
{
    (void)sig;
    kill(0, SIGKILL);
    _exit(125);
}

static void die_with_parent(pid_t expected_parent)
{
    struct sigaction sa = {.sa_handler = on_parent_death};
    sigaction(SIGUSR1, &sa, NULL);
    if (prctl(PR_SET_PDEATHSIG, SIGUSR1) < 0)
        fail("process: PR_SET_PDEATHSIG: %s", strerror(errno));
    if (expected_parent > 0 && getppid() != expected_parent)
        on_parent_death(0); /* the parent is already gone */
}

/* mkdir -p for a path under the new root (which exists): only the parts
 * below it are tried. */
static void mkdirs(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    size_t skip = g_sb ? strlen(g_sb->newroot) : 0;
    if (strncmp(buf, g_sb ? g_sb->newroot : "", skip) || buf[skip] != '/')
        skip = 0;
    for (char *p = buf + skip + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(buf, 0755);
        *p = '/';
    }
    mkdir(buf, 0755);
}

static void set_ro(const char *path)
{
    struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV};
    if (syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &attr, sizeof attr) < 0)
        fail("namespaces: making %s read-only: %s", path, strerror(errno));
}

/* Bind host path `src` at the same path under the new root, read-only. */
static void bind_ro(const pc_sandbox *sb, const char *src)
{
    struct stat st;
    if (lstat(src, &st) < 0)
        return;
    char dst[1024];
    snprintf(dst, sizeof dst, "%s%s", sb->newroot, src);
    if (S_ISLNK(st.st_mode)) { /* /bin -> usr/bin on merged-/usr systems */
        char target[512];
        ssize_t n = readlink(src, target, sizeof target - 1);
        if (n > 0) {
            target[n] = '\0';
            if (symlink(target, dst) < 0 && errno != EEXIST)
                fail("namespaces: symlink %s: %s", dst, strerror(errno));
        }
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        mkdirs(dst);
    } else {
        int fd = open(dst, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
        if (fd >= 0)
            close(fd);
    }
    if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
        fail("namespaces: binding %s: %s", src, strerror(errno));
    set_ro(dst);
}

static void bind_rw(const char *src, const char *dst)
{
    mkdirs(dst);
    if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
        fail("namespaces: binding %s: %s", src, strerror(errno));
    struct mount_attr attr = {.attr_set = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV};
    syscall(SYS_mount_setattr, AT_FDCWD, dst, AT_RECURSIVE, &attr, sizeof attr);
}

/* The new root: a small tmpfs with the system read-only, private /tmp,
 * the work directory, a few devices. /proc is mounted by the PID-1 child. */
static void build_root(pc_sandbox *sb)
{
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        fail("namespaces: making mounts private: %s", strerror(errno));
    if (mount("tmpfs", sb->newroot, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=4m") < 0)
        fail("namespaces: mounting the new root: %s", strerror(errno));
    static const char *const sys[] = {"/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/etc"};
    for (size_t i = 0; i < sizeof sys / sizeof *sys; i++)
        bind_ro(sb, sys[i]);
    if (sb->python_prefix[0])
        bind_ro(sb, sb->python_prefix);
    char path[1024];
    static const char *const devs[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"};
    snprintf(path, sizeof path, "%s/dev", sb->newroot);
    mkdirs(path);
    for (size_t i = 0; i < sizeof devs / sizeof *devs; i++) {
        snprintf(path, sizeof path, "%s%s", sb->newroot, devs[i]);
        int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
        if (fd >= 0)
            close(fd);
        if (mount(devs[i], path, NULL, MS_BIND, NULL) < 0)
            fail("namespaces: binding %s: %s", devs[i], strerror(errno));
        struct mount_attr attr = {.attr_set = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC};
        syscall(SYS_mount_setattr, AT_FDCWD, path, 0, &attr, sizeof attr);
    }
    snprintf(path, sizeof path, "%s/dev/shm", sb->newroot);
    mkdirs(path);
    mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=16m");
    snprintf(path, sizeof path, "%s/proc", sb->newroot);
    mkdirs(path);
    /* /tmp and a throw-away /work are size-limited tmpfs: the disk stays safe */
    char opts[64];
    uint64_t disk = sb->opts->limits.disk_bytes ? sb->opts->limits.disk_bytes : (256ull << 20);
    snprintf(opts, sizeof opts, "mode=0755,size=%llu", (unsigned long long)disk);
    snprintf(path, sizeof path, "%s/tmp", sb->newroot);
    mkdirs(path);
    if (mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
        fail("namespaces: mounting /tmp: %s", strerror(errno));
    snprintf(path, sizeof path, "%s/work", sb->newroot);
    if (sb->work_tmpfs) {
        mkdirs(path);
        if (mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
            fail("namespaces: mounting /work: %s", strerror(errno));
    } else {
        bind_rw(sb->workdir, path);
    }
}

/* In the PID-1 child: /proc of our own, then the new root becomes "/". */
static void enter_root(pc_sandbox *sb)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/proc", sb->newroot);
    mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL); /* best effort */
    if (chdir(sb->newroot) < 0 || syscall(SYS_pivot_root, ".", ".") < 0)
        fail("namespaces: pivot_root: %s", strerror(errno));
    if (umount2(".", MNT_DETACH) < 0)
        fail("namespaces: detaching the old root: %s", strerror(errno));
    if (chdir("/") < 0 || mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
        fail("namespaces: making the new root read-only: %s", strerror(errno));
    sethostname("portcullis", 10);
}

static void set_limit(int res, uint64_t v)
{
    struct rlimit rl = {v, v};
    if (setrlimit(res, &rl) < 0)
        fail("rlimits: setrlimit(%d): %s", res, strerror(errno));
}

static void apply_rlimits(const pc_sandbox *sb, bool ns)
{
    const pc_run_limits *l = &sb->opts->limits;
    set_limit(RLIMIT_CORE, 0);
    if (l->cpu_s)
        set_limit(RLIMIT_CPU, l->cpu_s);
    if (l->memory_bytes) /* address space: a backstop; the cgroup is the real limit */
        set_limit(RLIMIT_AS, l->memory_bytes * 2 + (512ull << 20));
    if (l->file_bytes)
        set_limit(RLIMIT_FSIZE, l->file_bytes);
    if (l->open_files)
        set_limit(RLIMIT_NOFILE, l->open_files);
    /* processes are counted per uid: only meaningful for our own unprivileged uid */
    if (l->processes && (sb->root || !ns || !sb->cgroup_active))
        set_limit(RLIMIT_NPROC, l->processes);
}

/* Empty the capability bounding set. must: fail on EPERM too (we are root).
 * Dropping a capability that is not in the set is no error. */
static void drop_bounding_set(bool must)
{
    for (int c = 0; c <= 63; c++) {
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) == 0)
            continue;
        if (errno == EINVAL)
            break; /* past the last capability the kernel knows */
        if (must || errno != EPERM)
            fail("process: dropping capability %d: %s", c, strerror(errno));
        if (prctl(PR_CAPBSET_READ, c, 0, 0, 0) < 0)
            break; /* without CAP_SETPCAP, EPERM comes first: past the last one? */
    }
}

static void drop_caps(const pc_sandbox *sb)
{
    if (!sb->bset_empty) /* else PID 1 emptied it and we inherited that */
        drop_bounding_set(false);
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2] = {{0}};
    if (syscall(SYS_capset, &h, d) < 0)
        fail("process: dropping capabilities: %s", strerror(errno));
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        fail("process: no_new_privs: %s", strerror(errno));
}

static void move_fd(int from, int to)
{
    if (from == to) {
        int fl = fcntl(from, F_GETFD);
        fcntl(from, F_SETFD, fl & ~FD_CLOEXEC);
        return;
    }
    if (dup2(from, to) < 0)
        fail("process: dup2: %s", strerror(errno));
}

/* The program itself, after everything else. */
static void run_program(pc_sandbox *sb, pc_sandbox_info *info, bool ns)
{
    pc_timeline("program: forked");
    die_with_parent(0);
    /* descriptors: 0,1,2 and the program at 3; nothing else survives exec */
    int in = fcntl(sb->fd_in, F_DUPFD_CLOEXEC, 10), out = fcntl(sb->fd_out, F_DUPFD_CLOEXEC, 10),
        er = fcntl(sb->fd_err, F_DUPFD_CLOEXEC, 10);
    int prog = sb->fd_prog >= 0 ? fcntl(sb->fd_prog, F_DUPFD_CLOEXEC, 10) : -1;
    if (in < 0 || out < 0 || er < 0 || (sb->fd_prog >= 0 && prog < 0))
        fail("process: duplicating descriptors: %s", strerror(errno));
    move_fd(in, 0);
    move_fd(out, 1);
    move_fd(er, 2);
    if (prog >= 0)
        move_fd(prog, 3);
    const char *work = ns ? "/work" : sb->workdir;
    if (chdir(work) < 0)
        fail("process: chdir %s: %s", work, strerror(errno));
    umask(022);
    apply_rlimits(sb, ns);
    info->layers |= PC_LAYER_RLIMITS;
    drop_caps(sb);
    info->layers |= PC_LAYER_PROCESS;
    pc_timeline("program: capabilities dropped");
    int abi = pc_landlock_apply(&sb->ll, info->landlock, sizeof info->landlock);
    if (abi < 0) {
        if (!(sb->opts->optional_layers & PC_LAYER_LANDLOCK))
            fail("landlock: %s (the policy requires Landlock)", strerror(errno));
        info->degraded |= PC_LAYER_LANDLOCK;
    } else {
        info->layers |= PC_LAYER_LANDLOCK;
    }
    /* tell the supervisor which layers are up before seccomp narrows us */
    info->layers |= PC_LAYER_SECCOMP;
    if (write(sb->fd_info, info, sizeof *info) != (ssize_t)sizeof *info)
        fail("process: reporting layers: %s", strerror(errno));
    pc_timeline("program: landlock applied");
    int lfd = pc_seccomp_load(&sb->seccomp);
    if (lfd < 0)
        fail("seccomp: loading the filter: %s", strerror(errno));
    if (pc_send_fd(sb->fd_notify_sock, 'n', lfd, MSG_NOSIGNAL) < 0)
        fail("seccomp: passing the listener: %s", strerror(errno));
    close(lfd);
    /* nothing but 0-2 (and the program at 3 for `run`) survives exec */
    syscall(SYS_close_range, sb->fd_prog >= 0 ? 4 : 3, ~0u, 4 /* CLOSE_RANGE_CLOEXEC */);
    if (sb->restore_cpus)
        sched_setaffinity(0, sizeof sb->cpus, &sb->cpus); /* best effort: only speed is at stake */
    if (sb->fd_verdict >= 0) { /* everything is ready: only the verdict is missing */
        char v;
        if (read(sb->fd_verdict, &v, 1) != 1 || v != 'r')
            _exit(125);
    }
    pc_timeline("program: seccomp loaded, exec");
    execvpe(sb->argv[0], sb->argv, sb->envp);
    fail("exec %s: %s", sb->argv[0], strerror(errno));
}

/* PID 1 of the sandbox (or, without a PID namespace, the subreaper): start
 * the program, reap everything, report the program's status, then end the
 * tree. */
static void __attribute__((noreturn)) init_main(pc_sandbox *sb, pc_sandbox_info *info, bool ns)
{
    die_with_parent(0);
    if (ns)
        enter_root(sb);
    else
        prctl(PR_SET_CHILD_SUBREAPER, 1);
    pc_timeline("init: root entered");
    pid_t prog = fork();
    if (prog < 0)
        fail("process: fork: %s", strerror(errno));
    if (prog == 0)
        run_program(sb, info, ns);
    close(sb->fd_error);
    close(sb->fd_info);
    close(sb->fd_notify_sock);
    for (;;) {
        int st;
        pid_t p = waitpid(-1, &st, 0);
        if (p < 0 && errno == EINTR)
            continue;
        if (p == prog) {
            pc_timeline("init: program exited");
            (void)!write(sb->fd_status, &st, sizeof st);
            break;
        }
        if (p < 0)
            break;
    }
    /* the rest of the tree: in a PID namespace everything in it; without one,
     * our process group, which nothing inside can leave (setsid is denied).
     * Never kill(-1) there: that would reach every process of our uid. */
    if (ns)
        kill(-1, SIGKILL);
    else
        kill(0, SIGKILL);
    _exit(0);
}

/* The supervisor's death before PR_SET_PDEATHSIG was set would go unnoticed:
 * it holds the write end of the go pipe for the whole run, so a hang-up on
 * it (after the 'g' is read) means it is gone. */
static void check_supervisor(int go)
{
    struct pollfd p = {.fd = go, .events = POLLIN};
    if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)))
        on_parent_death(0);
}

/* Become the unprivileged user (the supervisor mapped it) with no
 * supplementary groups; root's bounding set goes first, while we may. */
static void become_user(pc_sandbox *sb)
{
    drop_bounding_set(true);
    sb->bset_empty = true;
    if (setgroups(0, NULL) < 0 || setresgid(sb->gid, sb->gid, sb->gid) < 0 ||
        setresuid(sb->uid, sb->uid, sb->uid) < 0)
        fail("process: dropping to uid %u: %s", (unsigned)sb->uid, strerror(errno));
    /* a uid change makes us undumpable, and /proc/self root's: we need it ours */
    prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
}

/* The supervisor's ends of our pipes: while we hold them, we could not see it
 * go away. */
static void close_supervisor_ends(const pc_sandbox *sb)
{
    close(sb->fd_go_w);
    if (sb->fd_verdict_w >= 0)
        close(sb->fd_verdict_w);
}

void pc_sandbox_ns_init(pc_sandbox *sb)
{
    g_sb = sb;
    close_supervisor_ends(sb);
    die_with_parent(0);
    /* the supervisor writes our uid/gid maps and joins us to the cgroup:
     * nothing happens here before it says so */
    pc_timeline("init: started");
    char go;
    if (read(sb->fd_go, &go, 1) != 1)
        _exit(125);
    pc_timeline("init: go");
    if (setsid() < 0)
        fail("process: setsid: %s", strerror(errno));
    pc_sandbox_info info = {.layers = PC_LAYER_NAMESPACES};
    if (sb->root) {
        become_user(sb);
        die_with_parent(0); /* credential changes clear the death signal */
    }
    check_supervisor(sb->fd_go);
    close(sb->fd_go);
    pc_timeline("init: user set");
    if (!sb->net_ready)
        pc_loopback_up();
    pc_timeline("init: loopback up");
    build_root(sb);
    pc_timeline("init: root built");
    init_main(sb, &info, true);
}

void pc_sandbox_child(pc_sandbox *sb)
{
    g_sb = sb;
    close_supervisor_ends(sb);
    pid_t supervisor = getppid();
    die_with_parent(supervisor);
    if (setsid() < 0)
        fail("process: setsid: %s", strerror(errno));
    pc_sandbox_info info = {.degraded = PC_LAYER_NAMESPACES};
    if (sb->root) { /* never run as root: become the unprivileged user first */
        become_user(sb);
        die_with_parent(supervisor); /* credential changes clear the death signal */
    }
    /* the supervisor moves us into the run's cgroup meanwhile (slow on v1):
     * nothing runs the program before it says so */
    char go;
    if (read(sb->fd_go, &go, 1) != 1)
        _exit(125);
    close(sb->fd_go);
    pid_t init = fork();
    if (init < 0)
        fail("process: fork: %s", strerror(errno));
    if (init == 0)
        init_main(sb, &info, false);
    close(sb->fd_error);
    close(sb->fd_info);
    close(sb->fd_status);
    close(sb->fd_notify_sock);
    int st;
    while (waitpid(init, &st, 0) < 0 && errno == EINTR)
        ;
    kill(0, SIGKILL); /* our process group: anything still running */
    _exit(0);
}
