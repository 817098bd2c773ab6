/* probe: makes one raw attempt from inside the sandbox and reports on
 * stdout what happened. The containment test (containment.py) decides from
 * outside whether the effect took place.
 *
 * Every attempt writes "BEFORE <what>" and, if the process is still alive
 * afterwards, "AFTER <what> rc=<n> errno=<name>". A sandbox that kills on a
 * denied syscall never lets the AFTER line out.
 *
 * usage: probe CMD [ARGS...]
 *   mount MARK           mount(MARK, "/tmp", "tmpfs")
 *   unshare              unshare(CLONE_NEWUSER)
 *   setns                setns(/proc/self/ns/uts)
 *   keyctl MARK          keyctl(JOIN_SESSION_KEYRING, MARK)
 *   bpf                  bpf(BPF_MAP_CREATE)
 *   perf                 perf_event_open(software cpu clock, this process)
 *   userfaultfd          userfaultfd(O_CLOEXEC)
 *   io_uring             io_uring_setup(4)
 *   ptrace ppid|PID      ptrace(PTRACE_ATTACH, pid)
 *   tiocsti CHARS [hi] [ctty]
 *                        ioctl(0, TIOCSTI, c) per char; "hi" sets bit 32 of
 *                        the request; "ctty" first makes fd 0 the controlling
 *                        terminal (setsid + TIOCSCTTY) so the kernel would allow it
 *   killall              kill(-1, SIGKILL), then sleep 1 and say SURVIVED
 *   forkbomb MAX         exponential fork bomb, stopping at MAX processes made
 *   ids                  print real/effective/saved uid and no_new_privs
 *   fds                  open /dev/null until it fails; print the count and errno
 *   spin                 burn CPU forever
 *   setsid CMD [ARGS]    setsid() first, then CMD
 *
 * After each attempt the probe also creates the file after-<what> in its
 * working directory, so that going on after an attempt shows from outside.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#ifndef KEYCTL_JOIN_SESSION_KEYRING
#define KEYCTL_JOIN_SESSION_KEYRING 1
#endif

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n > sizeof buf - 2)
        n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    (void)!write(1, buf, (size_t)n);
}

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ENOSYS: return "ENOSYS";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case EAGAIN: return "EAGAIN";
    case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";
    case EBADF: return "EBADF";
    case ENOTTY: return "ENOTTY";
    case EIO: return "EIO";
    case ENOMEM: return "ENOMEM";
    case ECONNREFUSED: return "ECONNREFUSED";
    default: return strerrorname_np(e) ? strerrorname_np(e) : "E?";
    }
}

#define ATTEMPT(what, expr)                                                         \
    do {                                                                            \
        say("BEFORE %s", what);                                                     \
        errno = 0;                                                                  \
        long rc_ = (long)(expr);                                                    \
        int e_ = errno;                                                             \
        say("AFTER %s rc=%ld errno=%s", what, rc_, rc_ < 0 ? ename(e_) : "0");      \
        evidence(what);                                                             \
    } while (0)

/* A file "after-WHAT" in the working directory: proof, visible from outside,
 * that the process ran on after the attempt. */
static void evidence(const char *what)
{
    char name[128];
    snprintf(name, sizeof name, "after-%s", what);
    int fd = open(name, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0)
        close(fd);
}

static int do_tiocsti(const char *chars, bool hi, bool ctty)
{
    if (ctty) {
        ATTEMPT("setsid", setsid());
        ATTEMPT("tiocsctty", ioctl(0, TIOCSCTTY, 0));
    }
    unsigned long req = TIOCSTI;
    if (hi)
        req |= 1ul << 32;
    for (const char *c = chars; *c; c++)
        ATTEMPT(hi ? "tiocsti-hi" : "tiocsti", syscall(SYS_ioctl, 0, req, c));
    return 0;
}

static int forkbomb(long max)
{
    atomic_long *made = mmap(NULL, sizeof *made, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (made == MAP_FAILED)
        return 1;
    atomic_store(made, 1);
    say("BOMB start");
    for (;;) {
        if (atomic_fetch_add(made, 1) >= max) { /* reserve a slot first: never more than MAX */
            atomic_fetch_sub(made, 1);
            pause(); /* hold our own slot */
            continue;
        }
        pid_t p = fork();
        if (p < 0) {
            atomic_fetch_sub(made, 1);
            usleep(1000); /* keep the pressure on */
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: probe CMD [ARGS]\n");
        return 2;
    }
    if (!strcmp(argv[1], "setsid") && argc > 2) { /* leave the process group first */
        ATTEMPT("setsid", setsid());
        argv++;
        argc--;
    }
    const char *cmd = argv[1];
    const char *arg = argc > 2 ? argv[2] : "";
    if (!strcmp(cmd, "mount")) {
        ATTEMPT("mount", mount(arg, "/tmp", "tmpfs", 0, "size=1m"));
    } else if (!strcmp(cmd, "unshare")) {
        ATTEMPT("unshare", unshare(CLONE_NEWUSER));
    } else if (!strcmp(cmd, "setns")) {
        int fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
        ATTEMPT("setns", syscall(SYS_setns, fd >= 0 ? fd : 0, 0));
    } else if (!strcmp(cmd, "keyctl")) {
        ATTEMPT("keyctl", syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, arg));
    } else if (!strcmp(cmd, "bpf")) {
        union bpf_attr a;
        memset(&a, 0, sizeof a);
        a.map_type = BPF_MAP_TYPE_ARRAY;
        a.key_size = 4;
        a.value_size = 8;
        a.max_entries = 1;
        ATTEMPT("bpf", syscall(SYS_bpf, BPF_MAP_CREATE, &a, sizeof a));
    } else if (!strcmp(cmd, "perf")) {
        struct perf_event_attr a;
        memset(&a, 0, sizeof a);
        a.size = sizeof a;
        a.type = PERF_TYPE_SOFTWARE;
        a.config = PERF_COUNT_SW_CPU_CLOCK;
        a.exclude_kernel = 1;
        ATTEMPT("perf_event_open", syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
    } else if (!strcmp(cmd, "userfaultfd")) {
        ATTEMPT("userfaultfd", syscall(SYS_userfaultfd, O_CLOEXEC));
    } else if (!strcmp(cmd, "io_uring")) {
        unsigned char params[512]; /* struct io_uring_params, zeroed, with room to spare */
        memset(params, 0, sizeof params);
        ATTEMPT("io_uring_setup", syscall(SYS_io_uring_setup, 4, params));
    } else if (!strcmp(cmd, "ptrace")) {
        pid_t pid = !strcmp(arg, "ppid") ? getppid() : (pid_t)atoi(arg);
        say("TARGET %d", (int)pid);
        ATTEMPT("ptrace", ptrace(PTRACE_ATTACH, pid, 0, 0));
    } else if (!strcmp(cmd, "tiocsti")) {
        bool hi = false, ctty = false;
        for (int i = 3; i < argc; i++) {
            hi |= !strcmp(argv[i], "hi");
            ctty |= !strcmp(argv[i], "ctty");
        }
        do_tiocsti(arg, hi, ctty);
    } else if (!strcmp(cmd, "killall")) {
        ATTEMPT("kill", kill(-1, SIGKILL));
        sleep(1);
        say("SURVIVED");
    } else if (!strcmp(cmd, "forkbomb")) {
        return forkbomb(atol(arg));
    } else if (!strcmp(cmd, "ids")) {
        uid_t r, e, s;
        getresuid(&r, &e, &s);
        say("IDS ruid=%u euid=%u suid=%u nnp=%d", (unsigned)r, (unsigned)e, (unsigned)s,
            prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    } else if (!strcmp(cmd, "fds")) {
        long n = 0;
        int e = 0;
        for (;;) {
            int fd = open("/dev/null", O_RDONLY);
            if (fd < 0) {
                e = errno;
                break;
            }
            if (++n > 1000000)
                break;
        }
        say("FDS opened=%ld errno=%s", n, ename(e));
        /* and the process still works: a pipe after closing one descriptor */
        close(10);
        close(11);
        int p[2];
        say("PIPE rc=%d", pipe(p));
    } else if (!strcmp(cmd, "spin")) {
        for (volatile unsigned long i = 0;; i++)
            ;
    } else {
        fprintf(stderr, "probe: unknown command %s\n", cmd);
        return 2;
    }
    say("DONE %s", cmd);
    return 0;
}
