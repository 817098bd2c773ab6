/* A new network namespace is the slowest single step of a sandbox's start
 * (about 0.5 ms of 2.5 on the benchmark machine: the kernel sets up every
 * protocol's per-namespace state and registers loopback). As root, each
 * run's cleaner makes the next runs' namespaces after its run has ended,
 * off every run's clock, and binds them on files under
 * PC_NETNS_POOL_DIR as `ip netns add` does. A run takes one, joins it and
 * never gives it back: the cleaner unmounts it, so that no two runs ever
 * share a network namespace. Made by root in the initial user namespace,
 * they cannot be changed from a sandbox, whose capabilities are those of
 * its own user namespace only. */
#include "netns.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
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

/* Slot i is two files: "i", on which a namespace is bound, and "i.lock",
 * which exists while the slot is taken (by a run, or by a cleaner filling
 * it). O_EXCL makes taking a slot atomic between processes. */
static void slot_path(unsigned i, bool lock, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%u%s", PC_NETNS_POOL_DIR, i, lock ? ".lock" : "");
}

static bool take(unsigned i, int *err)
{
    char lock[64];
    slot_path(i, true, lock, sizeof lock);
    int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        *err = errno;
        return false;
    }
    close(fd);
    return true;
}

static void release(unsigned i)
{
    char lock[64];
    slot_path(i, true, lock, sizeof lock);
    unlink(lock);
}

/* The slot's file, opened, when a network namespace is bound on it. */
static int open_bound(unsigned i)
{
    char ns[64];
    slot_path(i, false, ns, sizeof ns);
    int fd = open(ns, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0 && ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
        close(fd);
        fd = -1;
    }
    return fd;
}

bool pc_netns_claim(unsigned slots, int *slot)
{
    *slot = -1;
    for (unsigned i = 0; i < slots && i < PC_NETNS_POOL_MAX; i++) {
        int err = 0;
        if (!take(i, &err)) {
            if (err == EEXIST)
                continue; /* another run's, or being filled */
            return false; /* no pool here (yet): the cleaner makes one */
        }
        /* opened only once the slot is ours: a namespace opened before
         * could be one that another run has used since */
        *slot = (int)i;
        int fd = open_bound(i);
        bool joined = fd >= 0 && setns(fd, CLONE_NEWNET) == 0;
        if (fd >= 0)
            close(fd);
        return joined; /* an empty slot: this run makes its own, its cleaner fills the slot */
    }
    return false;
}

/* First use: the directory gets a private tmpfs of its own, so that the
 * namespaces bound in it are copied into no other mount namespace (a
 * shared /run would propagate them). Whoever creates the directory sets it
 * up; the marker file says it is done. */
static bool pool_ready(void)
{
    struct stat st;
    if (stat(PC_NETNS_POOL_DIR "/.pool", &st) == 0)
        return true;
    mkdir("/run/portcullis", 0755);
    if (mkdir(PC_NETNS_POOL_DIR, 0700) < 0)
        return false;
    if (mount("portcullis-netns", PC_NETNS_POOL_DIR, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "mode=0700,size=64k") < 0)
        return false;
    if (mount(NULL, PC_NETNS_POOL_DIR, NULL, MS_PRIVATE, NULL) < 0)
        return false;
    int fd = open(PC_NETNS_POOL_DIR "/.pool", O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

/* A fresh namespace on slot i (which the caller has taken): whatever was
 * bound there goes; the slot is released either way, filled or not. */
static void fill(unsigned i)
{
    char ns[64];
    slot_path(i, false, ns, sizeof ns);
    umount2(ns, MNT_DETACH | UMOUNT_NOFOLLOW); /* the used one: gone once its last process is */
    int fd = open(ns, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
        close(fd);
        if (unshare(CLONE_NEWNET) == 0) {
            pc_loopback_up();
            mount("/proc/self/ns/net", ns, NULL, MS_BIND, NULL);
        }
    }
    release(i);
}

void pc_netns_refill(unsigned slots, int taken)
{
    /* the next run may already be starting: yield to it */
    setpriority(PRIO_PROCESS, 0, 19);
    if (!pool_ready()) {
        if (taken >= 0)
            release((unsigned)taken);
        return;
    }
    for (unsigned i = 0; i < slots && i < PC_NETNS_POOL_MAX; i++) {
        int err;
        if ((int)i != taken && !take(i, &err))
            continue; /* in use, or being filled */
        int fd = (int)i == taken ? -1 : open_bound(i);
        if (fd >= 0) { /* ready and unused */
            close(fd);
            release(i);
            continue;
        }
        fill(i);
    }
}
