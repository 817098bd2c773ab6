/* portcullis check: analyze files in parallel, report in order. */
#include "commands.h"
#include "paths.h"
#include "report.h"
#include "setup.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

void usage_check(void)
{
    puts("usage: portcullis check [--policy NAME|FILE] [--rules FILE|DIR]... [--format FORMAT]\n"
         "                        [-o FILE] [--jobs N] PATH... | -\n"
         "\n"
         "Analyze Python files (directories are searched for *.py; '-' reads standard\n"
         "input) and print a report with a verdict for each file.\n"
         "\n"
         "  --policy NAME|FILE   strict, standard (default), audit, or a policy file\n"
         "  --rules FILE|DIR     extra rule sets, on top of the policy's (repeatable)\n"
         "  --format FORMAT      text (default), json, sarif, markdown or html\n"
         "  -o, --output FILE    write the report to FILE (replaced atomically)\n"
         "  -j, --jobs N         worker threads (default: the number of CPUs)\n"
         "\n"
         "Exit status: 0 every file allowed, 1 at least one file denied, 2 error.");
}

typedef struct slot {
    pc_result res;
    char err[1024];
    int state; /* 0 pending, 1 done, 2 error */
} slot;

typedef struct job {
    pc_setup *setup;
    pc_paths *paths;
    slot *slots;
    size_t next, reported;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool oom;
} job;

#define PC_READ_MAX (PC_SOURCE_MAX_BYTES + 1)
#define WINDOW 256 /* how far workers may run ahead of the report */

static void analyze_one(pc_worker *w, const char *path, slot *s)
{
    unsigned char *data = NULL;
    size_t len = 0;
    pc_error err;
    int rc = !strcmp(path, "-") ? pc_read_stream(0, PC_READ_MAX, &data, &len, &err)
                                : pc_read_file(path, PC_READ_MAX, &data, &len, &err);
    if (rc == 0) {
        rc = pc_analyze(w, !strcmp(path, "-") ? "<stdin>" : path, data, len, &s->res, &err);
        free(data);
    }
    if (rc < 0) {
        snprintf(s->err, sizeof s->err, "%s", err.msg);
        s->state = 2;
    } else {
        s->state = 1;
    }
}

static void *worker_main(void *p)
{
    job *j = p;
    pc_worker *w = pc_worker_new(j->setup->engine);
    for (;;) {
        pthread_mutex_lock(&j->mu);
        while (j->next < j->paths->n && j->next >= j->reported + WINDOW)
            pthread_cond_wait(&j->cv, &j->mu);
        size_t i = j->next < j->paths->n ? j->next++ : SIZE_MAX;
        pthread_mutex_unlock(&j->mu);
        if (i == SIZE_MAX)
            break;
        slot s = {0};
        if (w)
            analyze_one(w, j->paths->v[i], &s);
        else {
            snprintf(s.err, sizeof s.err, "%s: out of memory", j->paths->v[i]);
            s.state = 2;
        }
        pthread_mutex_lock(&j->mu);
        j->slots[i % WINDOW] = s;
        pthread_cond_broadcast(&j->cv);
        pthread_mutex_unlock(&j->mu);
    }
    pc_worker_free(w);
    return NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long ncpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

/* Open the report destination; for -o a temporary file renamed at the end. */
static FILE *open_output(const char *path, char *tmp, size_t cap)
{
    if (!path)
        return stdout;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device or pipe (/dev/null, /dev/stdout): write to it, never replace it */
        tmp[0] = '\0';
        return fopen(path, "w");
    }
    if (snprintf(tmp, cap, "%s.XXXXXX", path) >= (int)cap)
        return NULL;
    int fd = mkstemp(tmp);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp);
    }
    return f;
}

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"policy", required_argument, 0, 'p'},
        {"rules", required_argument, 0, 'r'},
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"jobs", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    pc_setup setup = {0};
    const char *output = NULL;
    pc_format format = PC_FORMAT_TEXT;
    long jobs = ncpus();
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "p:r:f:o:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': setup.policy_name = optarg; break;
        case 'r':
            if (setup.nextra == 64) {
                pc_errorf("too many --rules options (at most 64)");
                return 2;
            }
            setup.extra_rules[setup.nextra++] = optarg;
            break;
        case 'f':
            if (pc_format_parse(optarg, &format) < 0) {
                pc_errorf("unknown format '%s' (use text, json, sarif, markdown or html)", optarg);
                return 2;
            }
            break;
        case 'o': output = optarg; break;
        case 'j': {
            char *end;
            jobs = strtol(optarg, &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                pc_errorf("--jobs takes a number from 1 to 256");
                return 2;
            }
            break;
        }
        case 'h': usage_check(); return 0;
        default:
            pc_errorf("check: unknown or incomplete option '%s' (see 'portcullis help check')",
                      argv[optind - 1]);
            return 2;
        }
    }
    if (optind >= argc) {
        pc_errorf("check: no files given (use '-' for standard input; see 'portcullis help check')");
        return 2;
    }
    double t0 = now_ms();
    pc_error err = {{0}};
    if (pc_setup_load(&setup, &err) < 0) {
        pc_errorf("%s", err.msg);
        pc_setup_free(&setup);
        return 2;
    }
    pc_paths paths = {0};
    int status = 0;
    bool write_failed = false;
    for (int i = optind; i < argc; i++) {
        if (pc_paths_add(&paths, argv[i], &err) < 0) {
            pc_errorf("%s", err.msg);
            status = 2;
        }
    }
    char tmp[4096];
    FILE *out = open_output(output, tmp, sizeof tmp);
    if (!out) {
        pc_errorf("%s: cannot write: %s", output, strerror(errno));
        pc_paths_free(&paths);
        pc_setup_free(&setup);
        return 2;
    }
    bool color = !output && format == PC_FORMAT_TEXT && isatty(1) && !getenv("NO_COLOR") &&
                 !(getenv("TERM") && !strcmp(getenv("TERM"), "dumb"));
    pc_report_opts ro = {.format = format, .policy = setup.policy->name, .rules = setup.rules, .color = color};
    pc_report *rep = pc_report_new(out, &ro);
    slot *slots = calloc(WINDOW, sizeof *slots);
    if (!rep || !slots) {
        pc_errorf("out of memory");
        status = 2;
        goto done;
    }
    job j = {.setup = &setup, .paths = &paths, .slots = slots};
    pthread_mutex_init(&j.mu, NULL);
    pthread_cond_init(&j.cv, NULL);
    if (paths.n > 4)
        pc_engine_jit(setup.engine);
    long nthreads = jobs < (long)paths.n ? jobs : (long)paths.n;
    pthread_t tids[256];
    long started = 0;
    if (nthreads > 1)
        for (; started < nthreads; started++)
            if (pthread_create(&tids[started], NULL, worker_main, &j) != 0)
                break;
    pc_worker *self = started ? NULL : pc_worker_new(setup.engine);
    for (size_t i = 0; i < paths.n; i++) {
        slot s;
        if (!started) {
            memset(&s, 0, sizeof s);
            if (self)
                analyze_one(self, paths.v[i], &s);
            else {
                snprintf(s.err, sizeof s.err, "out of memory");
                s.state = 2;
            }
        } else {
            pthread_mutex_lock(&j.mu);
            while (j.slots[i % WINDOW].state == 0)
                pthread_cond_wait(&j.cv, &j.mu);
            s = j.slots[i % WINDOW];
            memset(&j.slots[i % WINDOW], 0, sizeof(slot));
            j.reported = i + 1;
            pthread_cond_broadcast(&j.cv);
            pthread_mutex_unlock(&j.mu);
        }
        if (s.state == 2) {
            pc_errorf("%s", s.err);
            pc_report_error(rep, paths.v[i], s.err);
            status = 2;
            continue;
        }
        if (pc_report_add(rep, &s.res) < 0)
            status = 2;
        if (s.res.denied && status == 0)
            status = 1;
        pc_result_release(&s.res);
    }
    for (long i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    pc_worker_free(self);
    pthread_mutex_destroy(&j.mu);
    pthread_cond_destroy(&j.cv);
    if (pc_report_finish(rep, now_ms() - t0) < 0) {
        pc_errorf("%s: write error", output ? output : "standard output");
        status = 2;
        write_failed = true;
    }
done:
    pc_report_free(rep);
    free(slots);
    if (output) {
        if (fclose(out) != 0) {
            if (!write_failed)
                pc_errorf("%s: write error", output);
            status = 2;
            write_failed = true;
        }
        if (tmp[0] && write_failed) { /* nothing half-written replaces the target */
            unlink(tmp);
        } else if (tmp[0] && rename(tmp, output) < 0) {
            pc_errorf("%s: cannot write: %s", output, strerror(errno));
            unlink(tmp);
            status = 2;
        }
    }
    pc_paths_free(&paths);
    pc_setup_free(&setup);
    return status;
}
