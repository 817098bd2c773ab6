/* Times commands interleaved: each round runs every command once, in turn,
 * so that a machine whose speed drifts from minute to minute treats them
 * alike. Like hyperfine -N: no shell, output to /dev/null, wall time from
 * just before the spawn to the reaped exit.
 *
 *   interleave ROUNDS WARMUP 'cmd one' 'cmd two' ...   (split on spaces)
 *
 * Prints one line per command: median and mean wall ms, median CPU ms. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

enum { MAXARGS = 64 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs argv once; returns wall ms, CPU ms in *cpu, or -1. */
static double run_once(char **argv, posix_spawn_file_actions_t *fa, double *cpu)
{
    pid_t pid;
    double t0 = now_ms();
    if (posix_spawnp(&pid, argv[0], fa, NULL, argv, environ) != 0)
        return -1;
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) != pid)
        return -1;
    double t1 = now_ms();
    *cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    return t1 - t0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: interleave ROUNDS WARMUP CMD...\n");
        return 2;
    }
    int rounds = atoi(argv[1]), warmup = atoi(argv[2]), ncmd = argc - 3;
    if (rounds < 1 || warmup < 0) {
        fprintf(stderr, "interleave: bad ROUNDS or WARMUP\n");
        return 2;
    }
    char *(*args)[MAXARGS] = calloc((size_t)ncmd, sizeof *args);
    double *wall = calloc((size_t)ncmd * (size_t)rounds, sizeof *wall);
    double *cpu = calloc((size_t)ncmd * (size_t)rounds, sizeof *cpu);
    if (!args || !wall || !cpu)
        return 2;
    for (int c = 0; c < ncmd; c++) {
        int n = 0;
        for (char *tok = strtok(argv[3 + c], " "); tok && n < MAXARGS - 1; tok = strtok(NULL, " "))
            args[c][n++] = tok;
        args[c][n] = NULL;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    for (int r = -warmup; r < rounds; r++)
        for (int c = 0; c < ncmd; c++) {
            double u, w = run_once(args[c], &fa, &u);
            if (w < 0) {
                fprintf(stderr, "interleave: cannot run %s\n", args[c][0]);
                return 2;
            }
            if (r >= 0) {
                wall[c * rounds + r] = w;
                cpu[c * rounds + r] = u;
            }
        }
    for (int c = 0; c < ncmd; c++) {
        double *w = wall + c * rounds, *u = cpu + c * rounds, sum = 0;
        for (int r = 0; r < rounds; r++)
            sum += w[r];
        qsort(w, (size_t)rounds, sizeof *w, cmp);
        qsort(u, (size_t)rounds, sizeof *u, cmp);
        double med = rounds % 2 ? w[rounds / 2] : (w[rounds / 2 - 1] + w[rounds / 2]) / 2;
        double umed = rounds % 2 ? u[rounds / 2] : (u[rounds / 2 - 1] + u[rounds / 2]) / 2;
        printf("%.3f %.3f %.3f\n", med, sum / rounds, umed);
    }
    return 0;
}
