/* Start-up timeline, for finding where a run's time goes: built only with
 * -DPORTCULLIS_TIMELINE=ON (bench/timeline.sh), a no-op otherwise. Each step
 * is one line on standard error: "portcullis-timeline SECONDS PID STEP",
 * CLOCK_MONOTONIC, which every process of the sandbox shares. */
#ifndef PC_TIMELINE_H
#define PC_TIMELINE_H

#ifdef PC_TIMELINE
#include <stdio.h>
#include <time.h>
#include <unistd.h>
static inline void pc_timeline(const char *step)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    dprintf(2, "portcullis-timeline %ld.%06ld %d %s\n", (long)t.tv_sec, t.tv_nsec / 1000, (int)getpid(),
            step);
}
#else
static inline void pc_timeline(const char *step)
{
    (void)step;
}
#endif

#endif
