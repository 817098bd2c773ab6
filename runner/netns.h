/* The sandbox's network namespace: loopback, and namespaces made ahead of
 * time. Internal to the runner. */
#ifndef PC_NETNS_H
#define PC_NETNS_H

#include <stdbool.h>

/* Bring up loopback in the calling process's network namespace (best
 * effort: without it, loopback is down and nothing can be reached at all). */
void pc_loopback_up(void);

/* Where root keeps network namespaces made ahead of time, each bound on a
 * file (as `ip netns add` does) and each used by one run only. */
#define PC_NETNS_POOL_DIR "/run/portcullis/netns"
#define PC_NETNS_POOL_MAX 8

/* As root: take one of the first `slots` prepared namespaces and join it
 * (setns), so that the sandbox's clone need not make one. Returns true when
 * joined. *slot is the slot taken (to be refilled after the run), or -1;
 * *lock the descriptor that holds it, to hand on to whoever refills it and
 * close then (its last holder's exit frees the slot), or -1. */
bool pc_netns_claim(unsigned slots, int *slot, int *lock);

/* After a run, off its clock: replace the namespace of the slot the run took
 * (if any; lock as from pc_netns_claim, closed here) and fill every empty
 * one of the first `slots` with a fresh, unused namespace with loopback up.
 * Changes the calling process's network namespace and priority: for a
 * process that is about to exit. */
void pc_netns_refill(unsigned slots, int taken, int lock);

/* Without a process to refill it: unbind the taken slot's namespace and
 * free the slot. */
void pc_netns_drop(int taken, int lock);

#endif
