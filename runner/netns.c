/* A new network namespace is the slowest single step of a sandbox's start
 * (about 0.5 ms of 2.5 on the benchmark machine: the kernel sets up every
 * protocol's per-namespace state and registers loopback). As root, each
 * run's cleaner makes the next runs' namespaces after its own run has
 * ended, off every run's clock, and binds them on files under
 * PC_NETNS_POOL_DIR as `ip netns add` does. A run takes one, joins it and
 * never gives it back: no two runs ever share a network namespace. Made by
 * root in the initial user namespace, they cannot be changed from a
 * sandbox, whose capabilities are those of its own user namespace only.
 *
 * Slot i is three files in a tmpfs of the pool's own:
 *   i        on which a namespace is bound;
 *   i.lock   flock()ed by whoever takes or fills the slot (the kernel drops
 *            the lock when they are gone, so a killed run leaks nothing);
 *   i.fresh  the inode number of the namespace the last fill bound, which
 *            the run that takes it removes.
 * A namespace is joined only when it is the one i.fresh names, and i.fresh
 * is gone once read: a mount namespace copied from this one (a container,
 * a service with a private /tmp) keeps its own binds of the same files, and
 * without the record a namespace used there could be taken again here. */
#include "netns.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/nsfs.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

void pc_loopback_up(void)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        return;
    struct ifreq ifr = {0};
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
    if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
        ifr.ifr_flags |= IFF_UP;
        ioctl(s, SIOCSIFFLAGS, &ifr);
    }
    close(s);
}

static void slot_path(unsigned i, const char *suffix, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%u%s", PC_NETNS_POOL_DIR, i, suffix);
}

/* Slot i's lock, held (a descriptor to close when done), or -1 when
 * another process holds it. */
static int lock_slot(unsigned i)
{
    char path[64];
    slot_path(i, ".lock", path, sizeof path);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* The slot's file, opened, when a network namespace is bound on it here. */
static int open_bound(unsigned i)
{
    char ns[64];
    slot_path(i, "", ns, sizeof ns);
    int fd = open(ns, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0 && ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Is namespace fd the one slot i's fill recorded? consume: the record goes,
 * whatever the answer (a namespace is fresh for one taker only). */
static bool is_fresh(unsigned i, int fd, bool consume)
{
    char path[64], buf[32];
    slot_path(i, ".fresh", path, sizeof path);
    int rf = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (rf < 0)
        return false;
    ssize_t n = read(rf, buf, sizeof buf - 1);
    close(rf);
    if (consume)
        unlink(path);
    struct stat st;
    if (n <= 0 || fstat(fd, &st) < 0)
        return false;
    buf[n] = '\0';
    char *end;
    unsigned long long ino = strtoull(buf, &end, 10);
    return end != buf && *end == '\n' && ino == (unsigned long long)st.st_ino;
}

bool pc_netns_claim(unsigned slots, int *slot, int *lock)
{
    *slot = -1;
    *lock = -1;
    struct stat st;
    if (stat(PC_NETNS_POOL_DIR "/.pool", &st) < 0)
        return false; /* no pool here (yet): the cleaner makes one */
    for (unsigned i = 0; i < slots && i < PC_NETNS_POOL_MAX; i++) {
        int l = lock_slot(i);
        if (l < 0)
            continue; /* another run's, or being filled */
        *slot = (int)i;
        *lock = l;
        /* opened only once the slot is ours, and joined only if it is the
         * namespace the last fill made: one another run has used is not */
        int fd = open_bound(i);
        bool joined = fd >= 0 && is_fresh(i, fd, true) && setns(fd, CLONE_NEWNET) == 0;
        if (fd >= 0)
            close(fd);
        return joined; /* else this run makes its own; its cleaner fills the slot */
    }
    return false;
}

/* First use: the directory becomes a private mount of its own, and a tmpfs
 * on it, so that the namespaces bound there are copied into no other mount
 * namespace (a shared /run would propagate them). Whoever creates the
 * directory sets it up; the marker file says it is done. */
static bool pool_ready(void)
{
    struct stat st;
    if (stat(PC_NETNS_POOL_DIR "/.pool", &st) == 0)
        return true;
    mkdir("/run/portcullis", 0755);
    if (mkdir(PC_NETNS_POOL_DIR, 0700) < 0)
        return false;
    if (mount(PC_NETNS_POOL_DIR, PC_NETNS_POOL_DIR, NULL, MS_BIND, NULL) < 0 ||
        mount(NULL, PC_NETNS_POOL_DIR, NULL, MS_PRIVATE, NULL) < 0 ||
        mount("portcullis-netns", PC_NETNS_POOL_DIR, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "mode=0700,size=64k") < 0)
        return false;
    int fd = open(PC_NETNS_POOL_DIR "/.pool", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

/* Slot i's namespace unbound (it is gone once its last process is), and
 * its record with it. */
static void unbind(unsigned i)
{
    char path[64];
    slot_path(i, "", path, sizeof path);
    umount2(path, MNT_DETACH | UMOUNT_NOFOLLOW);
    slot_path(i, ".fresh", path, sizeof path);
    unlink(path);
}

/* A fresh namespace on slot i, whose lock the caller holds. Changes the
 * calling process's network namespace. */
static void fill(unsigned i)
{
    char ns[64], rec[64], tmp[64];
    unbind(i);
    slot_path(i, "", ns, sizeof ns);
    int fd = open(ns, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    close(fd);
    if (unshare(CLONE_NEWNET) < 0)
        return;
    pc_loopback_up();
    struct stat st;
    if (mount("/proc/self/ns/net", ns, NULL, MS_BIND, NULL) < 0 || stat(ns, &st) < 0)
        return;
    /* the record appears whole or not at all */
    slot_path(i, ".fresh", rec, sizeof rec);
    slot_path(i, ".fresh.tmp", tmp, sizeof tmp);
    int rf = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (rf < 0)
        return;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%" PRIu64 "\n", (uint64_t)st.st_ino);
    bool ok = write(rf, buf, (size_t)n) == n;
    close(rf);
    if (!ok || rename(tmp, rec) < 0)
        unlink(tmp);
}

void pc_netns_drop(int taken, int lock)
{
    if (taken >= 0)
        unbind((unsigned)taken);
    if (lock >= 0)
        close(lock);
}

void pc_netns_refill(unsigned slots, int taken, int lock)
{
    /* the next run may already be starting: yield to it */
    setpriority(PRIO_PROCESS, 0, 19);
    if (!pool_ready()) {
        pc_netns_drop(taken, lock);
        return;
    }
    for (unsigned i = 0; i < slots && i < PC_NETNS_POOL_MAX; i++) {
        bool ours = (int)i == taken && lock >= 0;
        int l = ours ? lock : lock_slot(i);
        if (l < 0)
            continue; /* in use, or being filled */
        int fd = ours ? -1 : open_bound(i);
        bool ready = fd >= 0 && is_fresh(i, fd, false);
        if (fd >= 0)
            close(fd);
        if (!ready)
            fill(i);
        close(l);
    }
    if (taken >= 0 && lock < 0) /* its lock was lost: still, never leave it bound */
        unbind((unsigned)taken);
}
