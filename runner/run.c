/* The supervisor side of a run: prepare, fork the sandbox, watch it (output,
 * time, denied syscalls), kill the whole tree, clean up, report. */
#include "cgroup.h"
#include "fdpass.h"
#include "netns.h"
#include "fileio.h"
#include "timeline.h"
#include "sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *const status_names[] = {"ok",           "nonzero_exit", "signaled",       "timeout",
                                           "memory_limit", "output_limit", "syscall_denied", "setup_error",
                                           "denied"};
const char *pc_run_status_name(pc_run_status s)
{
    return status_names[s];
}

const char *pc_layer_name(unsigned bit)
{
    switch (bit) {
    case PC_LAYER_NAMESPACES: return "namespaces";
    case PC_LAYER_LANDLOCK: return "landlock";
    case PC_LAYER_SECCOMP: return "seccomp";
    case PC_LAYER_CGROUP: return "cgroup";
    case PC_LAYER_RLIMITS: return "rlimits";
    case PC_LAYER_PROCESS: return "process";
    }
    return "?";
}

int pc_run_exit_status(const pc_run_result *r)
{
    switch (r->status) {
    case PC_RUN_OK:
    case PC_RUN_NONZERO_EXIT: return r->exit_code;
    case PC_RUN_SIGNALED: return 128 + r->signal;
    case PC_RUN_TIMEOUT: return 124;
    case PC_RUN_SETUP_ERROR: return 125;
    case PC_RUN_DENIED: return 126;
    case PC_RUN_MEMORY_LIMIT:
    case PC_RUN_OUTPUT_LIMIT: return 128 + SIGKILL;
    case PC_RUN_SYSCALL_DENIED: return 128 + SIGSYS;
    }
    return 125;
}

void pc_run_result_free(pc_run_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

static void rm_tree(const char *path)
{
    if (path && *path)
        nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* The run's private directory; with keep_work, all but work/. Its parts
 * are usually empty (the sandbox's files live in tmpfs mounts that died with
 * it), so plain rmdir first, and a walk only for what holds files. */
static void remove_run_dir(const char *base, bool keep_work)
{
    if (!*base)
        return; /* nothing was put on disk */
    static const char *const parts[] = {"root", "tmp", "work"};
    char p[600];
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (keep_work && i == 2)
            continue;
        snprintf(p, sizeof p, "%s/%s", base, parts[i]);
        if (rmdir(p) < 0 && errno != ENOENT)
            rm_tree(p);
    }
    if (!keep_work && rmdir(base) < 0 && errno != ENOENT)
        rm_tree(base);
}

/* ---- output capture ---- */

typedef struct stream {
    int fd;
    char *buf;
    size_t len, cap, limit;
    bool truncated;
} stream;

/* Read what is there; returns 1 on EOF, -1 when the cap was exceeded. */
static int drain(stream *s)
{
    char tmp[65536];
    for (;;) {
        ssize_t n = read(s->fd, tmp, sizeof tmp);
        if (n < 0)
            return errno == EAGAIN || errno == EINTR ? 0 : 1;
        if (n == 0)
            return 1;
        size_t keep = (size_t)n;
        if (s->len + keep > s->limit) {
            keep = s->limit - s->len;
            s->truncated = true;
        }
        if (keep) {
            if (s->len + keep + 1 > s->cap) {
                size_t cap = s->cap ? s->cap : 4096;
                while (cap < s->len + keep + 1)
                    cap *= 2;
                char *b = realloc(s->buf, cap);
                if (!b)
                    return -1;
                s->buf = b;
                s->cap = cap;
            }
            memcpy(s->buf + s->len, tmp, keep);
            s->len += keep;
        }
        if (s->truncated)
            return -1;
    }
}

/* Hand the cleaner a reference to the sandbox's mount and network
 * namespaces. The last process to leave a namespace tears it down (every
 * mount unmounted, the network devices unregistered), and that would be the
 * sandbox's PID 1, between the program's end and the supervisor seeing it;
 * with the cleaner holding them, it happens after the run, off our clock. */
static void give_namespaces(int cleaner, pid_t child)
{
    static const char *const kinds[] = {"mnt", "net"};
    for (size_t i = 0; cleaner >= 0 && i < 2; i++) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/ns/%s", (int)child, kinds[i]);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        pc_send_fd(cleaner, 'n', fd, MSG_NOSIGNAL | MSG_DONTWAIT); /* best effort: only speed is at stake */
        close(fd);
    }
}

/* ---- setup ---- */

static int setup_error(pc_run_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int setup_error(pc_run_result *res, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->setup_error, sizeof res->setup_error, fmt, ap);
    va_end(ap);
    res->status = PC_RUN_SETUP_ERROR;
    return 0;
}

static char **build_env(const pc_run_opts *o, const char *home, const char *tmp)
{
    size_t n = 0;
    char **env = calloc(o->nenv + 6, sizeof *env);
    if (!env)
        return NULL;
    if (asprintf(&env[n++], "PATH=/usr/local/bin:/usr/bin:/bin") < 0 ||
        asprintf(&env[n++], "LANG=C.UTF-8") < 0 || asprintf(&env[n++], "HOME=%s", home) < 0 ||
        asprintf(&env[n++], "TMPDIR=%s", tmp) < 0)
        return NULL;
    for (size_t i = 0; i < o->nenv; i++) {
        const char *v = getenv(o->env_names[i]);
        if (v && asprintf(&env[n++], "%s=%s", o->env_names[i], v) < 0)
            return NULL;
    }
    return env;
}

static void free_env(char **env)
{
    for (char **e = env; e && *e; e++)
        free(*e);
    free(env);
}

/* The exact bytes, in a sealed memfd: what runs is what was analyzed. */
static int program_memfd(const pc_run_opts *o)
{
    int fd = memfd_create("portcullis-program", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < o->program_len) {
        ssize_t n = write(fd, o->program + off, o->program_len - off);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        off += (size_t)n;
    }
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) < 0 ||
        lseek(fd, 0, SEEK_SET) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Where the interpreter lives, if outside the system directories bound read-only. */
static void python_prefix(const char *python, char *out, size_t cap)
{
    char real[PATH_MAX];
    out[0] = '\0';
    if (!python || !realpath(python, real))
        return;
    static const char *const sys[] = {"/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/", "/etc/"};
    for (size_t i = 0; i < sizeof sys / sizeof *sys; i++)
        if (!strncmp(real, sys[i], strlen(sys[i])))
            return;
    char *s = strrchr(real, '/');
    if (s && s != real)
        *s = '\0'; /* bin/ */
    s = strrchr(real, '/');
    if (s && s != real)
        *s = '\0'; /* the prefix */
    if (snprintf(out, cap, "%s", real) >= (int)cap)
        out[0] = '\0';
}

typedef struct fds {
    int out[2], err[2], go[2], error[2], status[2], info[2], sock[2], verdict[2];
    int in, prog;
} fds;

static void close_pair(int p[2])
{
    for (int i = 0; i < 2; i++)
        if (p[i] >= 0)
            close(p[i]);
    p[0] = p[1] = -1;
}

static void close_fds(fds *f)
{
    close_pair(f->out);
    close_pair(f->err);
    close_pair(f->go);
    close_pair(f->error);
    close_pair(f->status);
    close_pair(f->info);
    close_pair(f->sock);
    close_pair(f->verdict);
    if (f->in >= 0)
        close(f->in);
    if (f->prog >= 0)
        close(f->prog);
    f->in = f->prog = -1;
}

/* ---- cleaning up after a supervisor that was killed ---- */

/* A small process outside the sandbox that waits for the supervisor: if it
 * goes away without saying "done" (SIGKILL, a crash), this removes the run's
 * directory and cgroup. Returns the write end to close (after writing 'd'
 * when all is clean), or -1. */
static int start_cleaner(const char *base, pc_cgroup *cg, bool keep_work, char *title, size_t tlen,
                         unsigned pool, int slot, int slot_lock)
{
    int p[2]; /* records: 'n' with the sandbox's namespaces, 'd' for done */
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, p) < 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        if (title && tlen > 1) { /* not the program's command line: ours */
            memset(title, 0, tlen);
            snprintf(title, tlen, "portcullis-cleanup");
        }
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
        for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
            signal(sigs[i], SIG_IGN);
        int rfd = fcntl(p[0], F_DUPFD_CLOEXEC, 64);
        /* the network pool slot's lock, held until the slot is refilled */
        int lfd = slot_lock >= 0 ? fcntl(slot_lock, F_DUPFD_CLOEXEC, 65) : -1;
        int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (rfd < 0 || nul < 0)
            _exit(1);
        dup2(nul, 0); /* never hold the caller's stdout open */
        dup2(nul, 1);
        dup2(nul, 2);
        syscall(SYS_close_range, 3, (unsigned)rfd - 1, 0);
        syscall(SYS_close_range, (unsigned)rfd + 1, lfd >= 0 ? (unsigned)lfd - 1 : ~0u, 0);
        if (lfd >= 0)
            syscall(SYS_close_range, (unsigned)lfd + 1, ~0u, 0);
        /* waiting idle, so that waking us never preempts the supervisor's
         * last steps; the work itself runs at normal priority */
        struct sched_param sp = {0};
        sched_setscheduler(0, SCHED_IDLE, &sp);
        char c = 0;
        int held[2], nheld = 0;
        for (;;) {
            int fd = -1;
            ssize_t k = pc_recv_fd(rfd, &c, &fd);
            if (k < 0 && errno == EINTR)
                continue;
            if (fd >= 0 && nheld < 2)
                held[nheld++] = fd; /* released below */
            else if (fd >= 0)
                close(fd);
            if (k <= 0 || c != 'n')
                break;
        }
        sched_setscheduler(0, SCHED_OTHER, &sp);
        /* the supervisor is done (it closed the pipe) or gone: either way the
         * run's directory and cgroup go now, off the supervisor's clock */
        for (int pass = 0; pass < 2; pass++) {
            pc_cgroup_destroy(cg); /* kills what is left in it first */
            remove_run_dir(base, keep_work);
            if (c == 'd')
                break;         /* a clean finish: the tree is already dead */
            usleep(50 * 1000); /* after a crash, once more for late writers */
        }
        for (int i = 0; i < nheld; i++) /* now the namespaces' teardown */
            close(held[i]);
        if (pool) /* and the next runs' network namespaces */
            pc_netns_refill(pool, slot, lfd);
        _exit(0);
    }
    close(p[0]);
    return p[1];
}

/* ---- the run ---- */

/* The unprivileged user root runs the sandbox as: the nobody line of
 * /etc/passwd (name:password:uid:gid:...). Asking NSS costs a connection
 * attempt to nscd and a parse of nsswitch.conf, and fgetpwent asks the
 * kernel for the file position before every entry. */
static void nobody_ids(uid_t *uid, gid_t *gid)
{
    *uid = *gid = 65534;
    FILE *f = fopen("/etc/passwd", "re");
    char *line = NULL;
    size_t cap = 0;
    while (f && getline(&line, &cap, f) > 0) {
        if (strncmp(line, "nobody:", 7))
            continue;
        char *p = strchr(line + 7, ':'), *end;
        if (!p || !isdigit((unsigned char)p[1]))
            break;
        unsigned long u = strtoul(p + 1, &end, 10);
        if (*end != ':' || !isdigit((unsigned char)end[1]))
            break;
        unsigned long g = strtoul(end + 1, &end, 10);
        if (*end == ':' && u < UINT32_MAX && g < UINT32_MAX) {
            *uid = (uid_t)u;
            *gid = (gid_t)g;
        }
        break;
    }
    free(line);
    if (f)
        fclose(f);
}

/* The sandbox's user namespace maps one uid and one gid, the unprivileged
 * ones it runs as, to themselves. Root writes them for a child that is still
 * root (it then switches); an unprivileged caller may map only itself, and
 * must give up setgroups() in the namespace first. */
static int write_id_maps(pid_t pid, const pc_sandbox *sb)
{
    char path[64], map[64];
    if (!sb->root) {
        snprintf(path, sizeof path, "/proc/%d/setgroups", (int)pid);
        if (pc_write_text(path, "deny") < 0 && errno != ENOENT)
            return -1;
    }
    snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)sb->uid, (unsigned)sb->uid);
    if (pc_write_text(path, map) < 0)
        return -1;
    snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)sb->gid, (unsigned)sb->gid);
    return pc_write_text(path, map);
}

/* The sandbox's processes start one another in a chain: on one CPU, each
 * runs as soon as its parent waits, instead of waking an idle CPU (slow in a
 * VM). Keeps the caller's CPUs in *saved (the program gets them back before
 * exec); true when pinned. */
static bool pin_to_this_cpu(cpu_set_t *saved)
{
    if (sched_getaffinity(0, sizeof *saved, saved) < 0 || CPU_COUNT(saved) < 2)
        return false;
    int cpu = sched_getcpu();
    if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, saved))
        return false;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) == 0;
}

/* One of the run's directories, owned by the sandbox's user. */
static int private_dir(const pc_sandbox *sb, const char *path)
{
    if (mkdir(path, 0700) < 0)
        return -1;
    return sb->root && chown(path, sb->uid, sb->gid) < 0 ? -1 : 0;
}

typedef struct watch {
    pc_run_result *res;
    pid_t child;
    pc_cgroup *cg;
    bool killed;
} watch;

static void kill_tree(watch *w)
{
    if (w->killed)
        return;
    w->killed = true;
    kill(-w->child, SIGKILL); /* the session's group: the sandbox's PID 1 and all */
    kill(w->child, SIGKILL);
    if (w->cg->version)
        pc_cgroup_kill(w->cg);
}

/* Read a stream; past its cap the run ends (output_limit). False at EOF. */
static bool pump(stream *s, watch *w)
{
    int d = drain(s);
    if (d < 0 && w->res->status == PC_RUN_OK) {
        w->res->status = PC_RUN_OUTPUT_LIMIT;
        kill_tree(w);
    }
    return d == 0;
}

static void on_notify(watch *w, int nfd, bool errno_mode)
{
    struct seccomp_notif *req = NULL;
    struct seccomp_notif_resp *resp = NULL;
    if (seccomp_notify_alloc(&req, &resp) < 0)
        return;
    if (seccomp_notify_receive(nfd, req) == 0) {
        if (!w->res->syscall[0])
            pc_seccomp_name(req->data.nr, w->res->syscall, sizeof w->res->syscall);
        if (!errno_mode) {
            if (w->res->status == PC_RUN_OK)
                w->res->status = PC_RUN_SYSCALL_DENIED;
            /* the caller first (its pid is in our namespace), then the tree; no
             * answer, so the syscall never returns even if a kill were late */
            if (req->pid > 0)
                kill((pid_t)req->pid, SIGKILL);
            kill_tree(w);
            seccomp_notify_free(req, resp);
            return;
        }
        resp->id = req->id;
        resp->error = -EPERM;
        resp->val = 0;
        resp->flags = 0;
        seccomp_notify_respond(nfd, resp);
    }
    seccomp_notify_free(req, resp);
}

int pc_run(const pc_run_opts *o, char *const argv[], pc_run_result *res, pc_error *err)
{
    pc_timeline("run: start");
    memset(res, 0, sizeof *res);
    double t0 = now_ms();
    signal(SIGPIPE, SIG_IGN); /* a sandbox that died early must not take us with it */
    pc_sandbox sb = {.opts = o, .argv = argv};
    fds f = {.out = {-1, -1},
             .err = {-1, -1},
             .go = {-1, -1},
             .error = {-1, -1},
             .status = {-1, -1},
             .info = {-1, -1},
             .sock = {-1, -1},
             .verdict = {-1, -1},
             .in = -1,
             .prog = -1};
    pc_cgroup cg = {.v2fd = -1};
    char **env = NULL;
    char cgwhy[512] = "";
    bool made_base = false;
    int nfd = -1, cleaner = -1, slot = -1, slot_lock = -1, own_net = -1;
    unsigned pool = 0;
    pid_t child = -1;

    sb.root = geteuid() == 0;
    sb.uid = getuid();
    sb.gid = getgid();
    if (sb.root)
        nobody_ids(&sb.uid, &sb.gid);
    sb.use_ns = true;
    bool ns_optional = o->optional_layers & PC_LAYER_NAMESPACES;

    if (o->workdir && !realpath(o->workdir, sb.workdir)) {
        setup_error(res, "workdir: %s: %s", o->workdir, strerror(errno));
        goto done;
    }
    python_prefix(o->program ? o->python : NULL, sb.python_prefix, sizeof sb.python_prefix);
    sb.work_tmpfs = !o->workdir && !o->keep_workdir;

    /* Without namespaces the paths are the real ones and /proc is the host's:
     * probe now so the child gets a consistent view. */
    bool ns_possible = true;
    if (ns_optional) { /* the way the sandbox itself will be started */
        pc_cgroup none = {.v2fd = -1};
        bool j;
        pid_t p = pc_cgroup_fork(&none, CLONE_NEWUSER, &j);
        if (p == 0)
            _exit(0);
        ns_possible = p > 0 && waitpid(p, NULL, 0) == p;
    }

    /* Directories. With namespaces and a throw-away work directory, nothing
     * goes on disk: the new root is a tmpfs mounted over /tmp in the
     * sandbox's own mount namespace (nothing the sandbox needs is under the
     * host's /tmp then). Otherwise base/{root,tmp,work}, findable by pid. */
    struct stat tst;
    bool on_disk = !ns_possible || !sb.work_tmpfs || !strncmp(sb.python_prefix, "/tmp", 4) ||
                   lstat("/tmp", &tst) < 0 || !S_ISDIR(tst.st_mode);
    if (!on_disk) {
        snprintf(sb.newroot, sizeof sb.newroot, "/tmp");
    } else {
        snprintf(sb.base, sizeof sb.base, "/tmp/portcullis.%d.XXXXXX", (int)getpid());
        if (!mkdtemp(sb.base)) {
            setup_error(res, "workdir: cannot create a private directory: %s", strerror(errno));
            goto done;
        }
        made_base = true;
        snprintf(sb.newroot, sizeof sb.newroot, "%s/root", sb.base);
        snprintf(sb.tmpdir, sizeof sb.tmpdir, "%s/tmp", sb.base);
        if (!o->workdir)
            snprintf(sb.workdir, sizeof sb.workdir, "%s/work", sb.base);
        if (sb.root)
            chmod(sb.base, 0711); /* the sandbox runs as nobody: let it reach its directories */
        if (ns_possible && private_dir(&sb, sb.newroot) < 0) {
            setup_error(res, "workdir: %s: %s", sb.newroot, strerror(errno));
            goto done;
        }
    }

    pc_timeline("run: directories ready");
    /* resources */
    if (pc_cgroup_create(&cg, o->limits.memory_bytes, o->limits.processes, cgwhy, sizeof cgwhy) == 0) {
        res->layers |= PC_LAYER_CGROUP;
        sb.cgroup_active = true;
    } else if (o->optional_layers & PC_LAYER_CGROUP) {
        res->degraded |= PC_LAYER_CGROUP;
    } else {
        setup_error(res,
                    "cgroup: %s (the policy requires a cgroup: run portcullis in a cgroup delegated to it, "
                    "such as systemd-run --scope -p Delegate=yes, or list cgroup under runner: optional)",
                    cgwhy);
        goto done;
    }

    pc_timeline("run: cgroup created");
    /* as root, a network namespace made ahead of time, joined here so that
     * the sandbox's clone need not make one (see netns.c) */
    pool = ns_possible && sb.root ? o->netns_pool : 0;
    own_net = pool ? open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC) : -1; /* to come back to */
    sb.net_ready = own_net >= 0 && pc_netns_claim(pool, &slot, &slot_lock);
    cleaner = start_cleaner(sb.base, &cg, o->keep_workdir && !o->workdir, o->title_area, o->title_len,
                            own_net >= 0 ? pool : 0, slot, slot_lock);
    /* seccomp, built here so the child only loads it. Without a network
     * namespace, no inet sockets; without a PID namespace, no new sessions or
     * groups, so that killing the group kills everything. */
    pc_seccomp_opts so = {.groups_path = o->syscalls_path,
                          .groups = o->syscall_groups,
                          .ngroups = o->ngroups,
                          .errno_mode = o->seccomp_errno,
                          .inet = ns_possible,
                          .allow_setsid = ns_possible,
                          .unix_sockets = ns_possible};
    pc_error serr = {{0}};
    if (pc_seccomp_compile(&so, &sb.seccomp, &serr) < 0) {
        setup_error(res, "%s", serr.msg);
        goto done;
    }

    pc_timeline("run: cleaner started, seccomp filter ready");
    /* descriptors */
    if (pipe2(f.out, O_CLOEXEC) < 0 || pipe2(f.err, O_CLOEXEC) < 0 || pipe2(f.go, O_CLOEXEC) < 0 ||
        pipe2(f.error, O_CLOEXEC) < 0 || pipe2(f.status, O_CLOEXEC) < 0 || pipe2(f.info, O_CLOEXEC) < 0 ||
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, f.sock) < 0 ||
        (o->gate && pipe2(f.verdict, O_CLOEXEC) < 0)) {
        setup_error(res, "process: %s", strerror(errno));
        goto release_seccomp;
    }
    f.in = open(o->stdin_path ? o->stdin_path : "/dev/null", O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (f.in < 0) {
        setup_error(res, "stdin: %s: %s", o->stdin_path ? o->stdin_path : "/dev/null", strerror(errno));
        goto release_seccomp;
    }
    if (o->program && (f.prog = program_memfd(o)) < 0) {
        setup_error(res, "program: memfd: %s", strerror(errno));
        goto release_seccomp;
    }
    sb.fd_in = f.in;
    sb.fd_out = f.out[1];
    sb.fd_err = f.err[1];
    sb.fd_prog = f.prog;
    sb.fd_go = f.go[0];
    sb.fd_go_w = f.go[1];
    sb.fd_verdict = f.verdict[0];
    sb.fd_verdict_w = f.verdict[1];
    sb.fd_error = f.error[1];
    sb.fd_status = f.status[1];
    sb.fd_info = f.info[1];
    sb.fd_notify_sock = f.sock[1];

    /* Landlock: read where the system lives, write the work directory and /tmp */
    static const char *ro_ns[] = {"/usr",        "/bin",         "/sbin",     "/lib",      "/lib64",
                                  "/lib32",      "/etc",         "/dev/null", "/dev/zero", "/dev/full",
                                  "/dev/random", "/dev/urandom", "/proc",     NULL};
    const char *rd[16], *wr[4];
    size_t nrd = 0, nwr = 0;
    for (const char **p = ro_ns; *p; p++)
        rd[nrd++] = *p;
    if (sb.python_prefix[0])
        rd[nrd++] = sb.python_prefix;
    sb.ll.read = rd;
    sb.ll.nread = nrd;
    sb.ll.write = wr;

    char home[600], tmp[600];
    /* the namespace view; rewritten below if namespaces are refused */
    snprintf(home, sizeof home, "/work");
    snprintf(tmp, sizeof tmp, "/tmp");
    wr[nwr++] = "/work";
    wr[nwr++] = "/tmp";
    wr[nwr++] = "/dev/null";
    wr[nwr++] = "/dev/shm";
    sb.ll.nwrite = nwr;
    (void)tmp;

    static const char *ro_flat[16];
    static const char *wr_flat[4];
    if (!ns_possible) {
        if (!ns_optional) {
            setup_error(res,
                        "namespaces: cannot create a user namespace here (the policy requires namespaces)");
            goto release_seccomp;
        }
        sb.use_ns = false;
        res->degraded |= PC_LAYER_NAMESPACES;
        size_t k = 0;
        for (const char **p = ro_ns; *p; p++)
            if (strcmp(*p, "/proc")) /* the host's /proc would show the caller */
                ro_flat[k++] = *p;
        if (sb.python_prefix[0])
            ro_flat[k++] = sb.python_prefix;
        sb.ll.read = ro_flat;
        sb.ll.nread = k;
        wr_flat[0] = sb.workdir;
        wr_flat[1] = sb.tmpdir;
        wr_flat[2] = "/dev/null";
        sb.ll.write = wr_flat;
        sb.ll.nwrite = 3;
        snprintf(home, sizeof home, "%s", sb.workdir);
        snprintf(tmp, sizeof tmp, "%s", sb.tmpdir);
    }
    /* tmp/ and work/ on disk only where the sandbox has no tmpfs for them */
    const char *need = NULL;
    if (!ns_possible && private_dir(&sb, sb.tmpdir) < 0)
        need = sb.tmpdir;
    else if (made_base && !o->workdir && (!ns_possible || !sb.work_tmpfs) && private_dir(&sb, sb.workdir) < 0)
        need = sb.workdir;
    if (need) {
        setup_error(res, "workdir: %s: %s", need, strerror(errno));
        goto release_seccomp;
    }
    if (!(env = build_env(o, home, tmp))) {
        setup_error(res, "process: out of memory");
        goto release_seccomp;
    }
    sb.envp = env;

    /* With namespaces, one clone makes them all, and the child is the
     * sandbox's PID 1 (and, on cgroup v2, born in the run's cgroup). */
    const uint64_t nsflags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS |
                             CLONE_NEWCGROUP | (sb.net_ready ? 0 : CLONE_NEWNET);
    /* with a gate, the sandbox is set up on another CPU while the gate runs */
    sb.restore_cpus = !o->gate && pin_to_this_cpu(&sb.cpus);
    bool joined = false;
    pc_timeline("run: cloning the sandbox");
    child = pc_cgroup_fork(&cg, sb.use_ns ? nsflags : 0, &joined);
    if (child != 0 && sb.restore_cpus)
        sched_setaffinity(0, sizeof sb.cpus, &sb.cpus);
    if (child < 0) {
        if (sb.use_ns)
            setup_error(res, "namespaces: cannot create the sandbox's namespaces: %s%s", strerror(errno),
                        ns_optional ? "" : " (the policy requires namespaces)");
        else
            setup_error(res, "process: fork: %s", strerror(errno));
        goto release_seccomp;
    }
    if (child == 0) {
        if (sb.use_ns)
            pc_sandbox_ns_init(&sb);
        pc_sandbox_child(&sb);
    }

    pc_timeline("run: sandbox cloned");
    /* supervisor */
    close(f.go[0]);
    close(f.out[1]);
    close(f.err[1]);
    close(f.error[1]);
    close(f.status[1]);
    close(f.info[1]);
    close(f.sock[1]);
    f.go[0] = f.out[1] = f.err[1] = f.error[1] = f.status[1] = f.info[1] = f.sock[1] = -1;
    if (sb.use_ns && write_id_maps(child, &sb) < 0) {
        int e = errno;
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        setup_error(res, "namespaces: writing the sandbox's uid/gid maps: %s", strerror(e));
        goto release_seccomp;
    }
    if (sb.use_ns)
        give_namespaces(cleaner, child);
    if (cg.version && !joined && pc_cgroup_add(&cg, child) < 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        setup_error(res, "cgroup: adding the sandbox: %s", strerror(errno));
        goto release_seccomp;
    }
    /* if the child already failed, the write fails (EPIPE, SIGPIPE ignored) and
     * the loop below collects its error message */
    pc_timeline("run: maps written, go");
    (void)!write(f.go[1], "g", 1); /* the write end stays open: the sandbox checks we live */
    if (o->gate) {
        /* the sandbox gets ready meanwhile; its program starts only on 'r' */
        close(f.verdict[0]);
        f.verdict[0] = -1;
        int v = o->gate(o->gate_ctx);
        if (v != 1) {
            kill(child, SIGKILL); /* PID 1: the namespace dies with it */
            waitpid(child, NULL, 0);
            res->status = PC_RUN_DENIED;
            goto release_seccomp;
        }
        (void)!write(f.verdict[1], "r", 1);
        close(f.verdict[1]);
        f.verdict[1] = -1;
        t0 = now_ms(); /* the program's clock starts now */
    }

    watch w = {.res = res, .child = child, .cg = &cg};
    stream so_out = {.fd = f.out[0], .limit = o->limits.output_bytes ? o->limits.output_bytes : SIZE_MAX};
    stream so_err = {.fd = f.err[0], .limit = so_out.limit};
    fcntl(f.out[0], F_SETFL, O_NONBLOCK);
    fcntl(f.err[0], F_SETFL, O_NONBLOCK);
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    char errbuf[512] = "";
    size_t errlen = 0;
    pc_sandbox_info info = {0};
    size_t infolen = 0;
    int pst = 0;
    size_t pstlen = 0;
    bool out_open = true, err_open = true, error_open = true, child_done = false;
    double deadline = o->limits.wall_ms ? t0 + (double)o->limits.wall_ms : 0;
    while (!child_done || out_open || err_open) {
        struct pollfd pf[7];
        int n = 0, i_out = -1, i_err = -1, i_error = -1, i_sock = -1, i_n = -1, i_pid = -1, i_st = -1;
        if (out_open)
            pf[i_out = n++] = (struct pollfd){f.out[0], POLLIN, 0};
        if (err_open)
            pf[i_err = n++] = (struct pollfd){f.err[0], POLLIN, 0};
        if (error_open)
            pf[i_error = n++] = (struct pollfd){f.error[0], POLLIN, 0};
        if (f.sock[0] >= 0)
            pf[i_sock = n++] = (struct pollfd){f.sock[0], POLLIN, 0};
        if (nfd >= 0)
            pf[i_n = n++] = (struct pollfd){nfd, POLLIN, 0};
        if (!child_done && pidfd >= 0)
            pf[i_pid = n++] = (struct pollfd){pidfd, POLLIN, 0};
        if (f.status[0] >= 0)
            pf[i_st = n++] = (struct pollfd){f.status[0], POLLIN, 0};
        int timeout = -1;
        if (child_done)
            timeout = 200; /* only descendants hold the pipes: we kill them below */
        else if (pidfd < 0)
            timeout = 10;
        if (deadline && !w.killed) {
            double left = deadline - now_ms();
            if (left <= 0) {
                if (res->status == PC_RUN_OK)
                    res->status = PC_RUN_TIMEOUT;
                kill_tree(&w);
                continue;
            }
            if (timeout < 0 || left < timeout)
                timeout = (int)left + 1;
        }
        int r = poll(pf, (nfds_t)n, timeout);
        if (r < 0 && errno != EINTR)
            break;
        if (r == 0 && child_done) {
            kill_tree(&w); /* a descendant outlived the program: end it */
            out_open = err_open = false;
            break;
        }
        if (i_out >= 0 && pf[i_out].revents)
            out_open = pump(&so_out, &w);
        if (i_err >= 0 && pf[i_err].revents)
            err_open = pump(&so_err, &w);
        if (i_error >= 0 && pf[i_error].revents) {
            ssize_t k = read(f.error[0], errbuf + errlen, sizeof errbuf - 1 - errlen);
            if (k > 0)
                errlen += (size_t)k;
            else
                error_open = false;
        }
        if (i_sock >= 0 && pf[i_sock].revents) {
            /* layer report first (info pipe), then the listener */
            char b;
            pc_recv_fd(f.sock[0], &b, &nfd);
            close(f.sock[0]);
            f.sock[0] = -1;
        }
        if (i_n >= 0 && pf[i_n].revents) {
            if (pf[i_n].revents & POLLIN)
                on_notify(&w, nfd, o->seccomp_errno);
            else {
                close(nfd);
                nfd = -1;
            }
        }
        if (i_st >= 0 && pf[i_st].revents) {
            ssize_t k = read(f.status[0], (char *)&pst + pstlen, sizeof pst - pstlen);
            if (k > 0)
                pstlen += (size_t)k;
            else {
                close(f.status[0]);
                f.status[0] = -1;
            }
        }
        if (!child_done && (pidfd < 0 || (i_pid >= 0 && pf[i_pid].revents))) {
            struct rusage ru;
            int st;
            pid_t p = wait4(child, &st, pidfd < 0 ? WNOHANG : 0, &ru);
            if (p == child) {
                child_done = true;
                pc_timeline("run: sandbox reaped");
                res->cpu_ms = (double)ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
                              (double)ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
                res->max_rss_kib = ru.ru_maxrss;
            }
        }
    }
    if (!child_done) {
        kill_tree(&w);
        struct rusage ru;
        if (wait4(child, NULL, 0, &ru) == child)
            res->max_rss_kib = ru.ru_maxrss;
    }
    /* the rest of what the pipes hold */
    if (f.status[0] >= 0) {
        ssize_t k;
        while (pstlen < sizeof pst && (k = read(f.status[0], (char *)&pst + pstlen, sizeof pst - pstlen)) > 0)
            pstlen += (size_t)k;
    }
    {
        ssize_t k;
        while (infolen < sizeof info &&
               (k = read(f.info[0], (char *)&info + infolen, sizeof info - infolen)) > 0)
            infolen += (size_t)k;
        while (error_open && errlen < sizeof errbuf - 1 &&
               (k = read(f.error[0], errbuf + errlen, sizeof errbuf - 1 - errlen)) > 0)
            errlen += (size_t)k;
    }
    if (pidfd >= 0)
        close(pidfd);
    if (nfd >= 0)
        close(nfd);
    kill_tree(&w); /* whatever is left of the tree, always */
    res->wall_ms = now_ms() - t0;
    res->out = so_out.buf ? so_out.buf : strdup("");
    res->err = so_err.buf ? so_err.buf : strdup("");
    res->out_len = so_out.len;
    res->err_len = so_err.len;
    if (res->out)
        res->out[res->out_len] = '\0';
    if (res->err)
        res->err[res->err_len] = '\0';
    res->out_truncated = so_out.truncated;
    res->err_truncated = so_err.truncated;
    if (infolen == sizeof info) {
        res->layers |= info.layers;
        res->degraded |= info.degraded;
        snprintf(res->landlock, sizeof res->landlock, "%s", info.landlock);
    }
    if (errlen) {
        errbuf[errlen] = '\0';
        snprintf(res->setup_error, sizeof res->setup_error, "%s", errbuf);
        res->status = PC_RUN_SETUP_ERROR;
    } else if (res->status == PC_RUN_OK || res->status == PC_RUN_SYSCALL_DENIED) {
        if (pstlen == sizeof pst) {
            if (WIFEXITED(pst)) {
                res->exit_code = WEXITSTATUS(pst);
                if (res->status == PC_RUN_OK && res->exit_code)
                    res->status = PC_RUN_NONZERO_EXIT;
            } else if (WIFSIGNALED(pst)) {
                res->signal = WTERMSIG(pst);
                if (res->status == PC_RUN_OK)
                    res->status = PC_RUN_SIGNALED;
            }
        } else if (res->status == PC_RUN_OK) {
            res->status = PC_RUN_SIGNALED; /* the sandbox died without a word */
            res->signal = SIGKILL;
        }
    }
    if (cg.version && pc_cgroup_oom(&cg) && res->status != PC_RUN_SETUP_ERROR &&
        res->status != PC_RUN_TIMEOUT)
        res->status = PC_RUN_MEMORY_LIMIT;
release_seccomp:
done:
    pc_bpf_free(&sb.seccomp);
    close_fds(&f);
    free_env(env);
    if (made_base && o->keep_workdir && !o->workdir)
        snprintf(res->kept_workdir, sizeof res->kept_workdir, "%s", sb.workdir);
    /* nothing of the tree may outlive the run: wait until the cgroup is empty */
    pc_cgroup_empty(&cg);
    pc_timeline("run: cgroup empty");
    if (made_base)
        remove_run_dir(sb.base, o->keep_workdir && !o->workdir);
    if (cleaner >= 0) { /* removing the cgroup can take the kernel a while: not our clock */
        (void)!write(cleaner, "d", 1);
        close(cleaner);
    } else {
        pc_cgroup_destroy(&cg);
        pc_netns_drop(slot, slot_lock); /* no cleaner to refill it: the namespace taken is unbound */
        slot_lock = -1;
    }
    if (slot_lock >= 0) /* the cleaner holds it now */
        close(slot_lock);
    if (own_net >= 0) { /* the caller goes back to its own network namespace */
        if (sb.net_ready)
            (void)!setns(own_net, CLONE_NEWNET);
        close(own_net);
    }
    if (res->status == PC_RUN_SETUP_ERROR && !res->out) {
        res->out = strdup("");
        res->err = strdup("");
    }
    res->wall_ms = res->wall_ms ? res->wall_ms : now_ms() - t0;
    (void)err;
    return 0;
}
