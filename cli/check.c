/* portcullis check: analyze files in parallel, report in order. */
#define _GNU_SOURCE /* sched_getcpu, pthread_attr_setaffinity_np */
#include "audit.h"
#include "baseline.h"
#include "commands.h"
#include "paths.h"
#include "project.h"
#include "report.h"
#include "setup.h"

#include <jansson.h>

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

void usage_check(void)
{
    puts("usage: portcullis check [--policy NAME|FILE] [--rules FILE|DIR]... [--format FORMAT]\n"
         "                        [-o FILE] [--exclude GLOB]... [--baseline FILE]\n"
         "                        [--write-baseline FILE] [--fail-on SEVERITY] [--audit FILE]\n"
         "                        [--jobs N] PATH... | -\n"
         "\n"
         "Analyze Python files (directories are searched for *.py; '-' reads standard\n"
         "input) and print a report with a verdict for each file.\n"
         "\n"
         "  --policy NAME|FILE     strict, standard (default), audit, or a policy file\n"
         "  --rules FILE|DIR       extra rule sets, on top of the policy's (repeatable)\n"
         "  --format FORMAT        text (default), json, sarif, markdown or html\n"
         "  -o, --output FILE      write the report to FILE (replaced atomically)\n"
         "  --exclude GLOB         leave out matching files and directories (repeatable;\n"
         "                         matches the path, a trailing part or a leading directory)\n"
         "  --baseline FILE        report and deny only findings not in this baseline\n"
         "  --write-baseline FILE  record every finding as accepted in FILE\n"
         "  --fail-on SEVERITY     exit 1 when a finding at or above SEVERITY remains\n"
         "                         (info, low, medium, high, critical), whatever the verdicts\n"
         "  --audit FILE           append a record of this check to the audit log FILE\n"
         "  --no-config            ignore .portcullis.yaml\n"
         "  -j, --jobs N           worker threads (default: the number of CPUs)\n"
         "\n"
         "Settings are also read from .portcullis.yaml in the current directory or\n"
         "above (policy, rules, exclude, baseline, fail-on, audit); flags win.\n"
         "\n"
         "Exit status: 0 every file allowed, 1 at least one file denied, 2 error.");
}

typedef struct slot {
    pc_result res;
    char sha256[65]; /* of the bytes read, when auditing */
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
    bool oom, digest;
} job;

#define PC_READ_MAX (PC_SOURCE_MAX_BYTES + 1)
#define WINDOW 256 /* how far workers may run ahead of the report */

/* The bytes of path ("-": standard input) and, when auditing, their digest;
 * false with the slot's error set. */
static bool read_input(const char *path, slot *s, bool digest, unsigned char **data, size_t *len)
{
    pc_error err;
    int rc = !strcmp(path, "-") ? pc_read_stream(0, PC_READ_MAX, data, len, &err)
                                : pc_read_file(path, PC_READ_MAX, data, len, &err);
    if (rc < 0) {
        snprintf(s->err, sizeof s->err, "%s", err.msg);
        s->state = 2;
        return false;
    }
    if (digest)
        pc_sha256_hex(*data, *len, s->sha256);
    return true;
}

/* The name a result carries for path. */
static const char *input_name(const char *path)
{
    return !strcmp(path, "-") ? "<stdin>" : path;
}

static void analyze_one(pc_worker *w, const char *path, slot *s, bool digest)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (!read_input(path, s, digest, &data, &len))
        return;
    pc_error err;
    int rc = pc_analyze(w, input_name(path), data, len, &s->res, &err);
    free(data);
    if (rc < 0) {
        snprintf(s->err, sizeof s->err, "%s", err.msg);
        s->state = 2;
    } else {
        s->state = 1;
    }
}

/* One file, read and parsed while the rules load (what the parse needs is
 * no rule): its slot, and the worker that holds the parse, which then
 * analyzes it. */
typedef struct prefetched {
    pc_worker *w; /* made before the engine exists */
    pc_prepared *p;
    unsigned char *data;
    size_t len;
    bool done; /* slot 0 comes from here */
    slot s;    /* its error */
} prefetched;

/* The digest an audit needs is taken later, when it is known to be needed. */
static void prefetch(prefetched *f, const char *path)
{
    if (!(f->w = pc_worker_new(NULL)))
        return;
    f->done = true;
    if (!read_input(path, &f->s, false, &f->data, &f->len))
        return;
    if (!(f->p = pc_analyze_prepare(f->w, input_name(path), f->data, f->len))) {
        snprintf(f->s.err, sizeof f->s.err, "%s: out of memory while analyzing", path);
        f->s.state = 2;
    }
}

/* Slot 0 from the prefetched file, analyzed now that the engine exists. */
static void prefetched_slot(prefetched *f, pc_worker *w, slot *s, bool digest)
{
    *s = f->s;
    if (digest && f->data)
        pc_sha256_hex(f->data, f->len, s->sha256);
    if (f->p) {
        pc_error err;
        if (pc_analyze_prepared(w, f->p, &s->res, &err) < 0) {
            snprintf(s->err, sizeof s->err, "%s", err.msg);
            s->state = 2;
        } else {
            s->state = 1;
        }
        f->p = NULL;
    }
    free(f->data);
    f->data = NULL;
    f->done = false;
}

static void prefetched_free(prefetched *f)
{
    if (f->p)
        pc_prepared_free(f->w, f->p);
    free(f->data);
    pc_worker_free(f->w);
    memset(f, 0, sizeof *f);
}

/* A lone file is read and parsed on a helper thread while this one loads
 * the rules (what a one-snippet check waits for). Whichever thread comes to
 * it first does it: on a busy machine the helper may start late, and this
 * thread then parses the file itself rather than wait. Static, as the
 * helper is detached: one that starts after the check still reads `state`. */
enum { LONE_FREE, LONE_TAKEN, LONE_DONE };
static double now_ms(void);
static struct lone {
    prefetched f;
    const char *path;
    atomic_int state;
    atomic_int cpu; /* where the helper that took the job runs */
    pthread_mutex_t mu;
    pthread_cond_t cv;
} lone = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static bool lone_take(void)
{
    int free_ = LONE_FREE;
    return atomic_compare_exchange_strong(&lone.state, &free_, LONE_TAKEN);
}

/* Marks the job done; with `work`, after doing it. */
static void lone_do(bool work)
{
    if (work) {
        prefetch(&lone.f, lone.path);
        pc_prepared_detach(lone.f.p); /* finished on the main thread */
    }
    pthread_mutex_lock(&lone.mu);
    atomic_store_explicit(&lone.state, LONE_DONE, memory_order_release);
    pthread_cond_broadcast(&lone.cv);
    pthread_mutex_unlock(&lone.mu);
}

static void *lone_helper(void *unused)
{
    (void)unused;
    atomic_store(&lone.cpu, sched_getcpu()); /* before the job can be seen taken */
    if (lone_take())
        lone_do(true);
    return NULL;
}

/* Not pinned to another CPU: setting a new thread's affinity waits for that
 * CPU, which on a virtual machine can take a millisecond to wake. Where the
 * scheduler puts the helper on this thread's CPU, this thread parses the
 * file itself once the rules are in. One CPU: a helper would only take
 * turns with this thread. */
static void lone_start(const char *path)
{
    lone.path = path;
    atomic_store(&lone.state, LONE_FREE);
    atomic_store(&lone.cpu, -1);
    pthread_attr_t attr;
    cpu_set_t all;
    if (sched_getaffinity(0, sizeof all, &all) != 0 || CPU_COUNT(&all) < 2 || pthread_attr_init(&attr) != 0)
        return;
    pthread_t tid;
    if (pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0)
        (void)pthread_create(&tid, &attr, lone_helper, NULL);
    pthread_attr_destroy(&attr);
}

static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    atomic_signal_fence(memory_order_seq_cst);
#endif
}

/* The job done, by this thread if the helper has not taken it (with `work`:
 * else it is only closed), or by the helper: waited for by spinning a while
 * (a sleeping thread takes long to wake on some machines, longer than a
 * small file takes to parse), then by sleeping. */
static void lone_settle(bool work)
{
    if (!lone.path)
        return;
    if (lone_take()) {
        lone_do(work);
        return;
    }
    /* spinning on the helper's own CPU would only keep it from running */
    int cpu = atomic_load(&lone.cpu);
    bool spin = cpu >= 0 && cpu != sched_getcpu();
    double until = now_ms() + 2.0;
    for (unsigned i = 1; spin && atomic_load_explicit(&lone.state, memory_order_acquire) != LONE_DONE; i++) {
        cpu_relax();
        if (!(i & 255) && now_ms() > until)
            break;
    }
    pthread_mutex_lock(&lone.mu);
    while (atomic_load_explicit(&lone.state, memory_order_acquire) != LONE_DONE)
        pthread_cond_wait(&lone.cv, &lone.mu);
    pthread_mutex_unlock(&lone.mu);
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
            analyze_one(w, j->paths->v[i], &s, j->digest);
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

typedef struct check_opts {
    pc_setup setup;
    const char *output, *baseline, *write_baseline, *audit;
    int fail_on; /* a pc_severity, or -1: the verdicts decide */
    pc_format format;
    long jobs;
    bool no_config;
    const char *exclude[256];
    size_t nexclude;
} check_opts;

/* Returns 0 to go on, 1 after --help, -1 on a usage error (reported). */
static int parse_args(int argc, char **argv, check_opts *o)
{
    enum { O_EXCLUDE = 256, O_BASELINE, O_WRITE_BASELINE, O_FAIL_ON, O_AUDIT, O_NO_CONFIG };
    static const struct option opts[] = {
        {"policy", required_argument, 0, 'p'},
        {"rules", required_argument, 0, 'r'},
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"jobs", required_argument, 0, 'j'},
        {"exclude", required_argument, 0, O_EXCLUDE},
        {"baseline", required_argument, 0, O_BASELINE},
        {"write-baseline", required_argument, 0, O_WRITE_BASELINE},
        {"fail-on", required_argument, 0, O_FAIL_ON},
        {"audit", required_argument, 0, O_AUDIT},
        {"no-config", no_argument, 0, O_NO_CONFIG},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "p:r:f:o:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': o->setup.policy_name = optarg; break;
        case 'r':
            if (o->setup.nextra == 64) {
                pc_errorf("too many --rules options (at most 64)");
                return -1;
            }
            o->setup.extra_rules[o->setup.nextra++] = optarg;
            break;
        case 'f':
            if (pc_format_parse(optarg, &o->format) < 0) {
                pc_errorf("unknown format '%s' (use text, json, sarif, markdown or html)", optarg);
                return -1;
            }
            break;
        case 'o': o->output = optarg; break;
        case 'j': {
            char *end;
            o->jobs = strtol(optarg, &end, 10);
            if (*end || o->jobs < 1 || o->jobs > 256) {
                pc_errorf("--jobs takes a number from 1 to 256");
                return -1;
            }
            break;
        }
        case O_EXCLUDE:
            if (o->nexclude == sizeof o->exclude / sizeof o->exclude[0]) {
                pc_errorf("too many --exclude options (at most 256)");
                return -1;
            }
            o->exclude[o->nexclude++] = optarg;
            break;
        case O_BASELINE: o->baseline = optarg; break;
        case O_WRITE_BASELINE: o->write_baseline = optarg; break;
        case O_FAIL_ON:
            if ((o->fail_on = pc_severity_parse(optarg)) < 0) {
                pc_errorf("--fail-on takes a severity: info, low, medium, high or critical");
                return -1;
            }
            break;
        case O_AUDIT: o->audit = optarg; break;
        case O_NO_CONFIG: o->no_config = true; break;
        case 'h': usage_check(); return 1;
        default:
            pc_errorf("check: unknown or incomplete option '%s' (see 'portcullis help check')",
                      argv[optind - 1]);
            return -1;
        }
    }
    if (optind >= argc) {
        pc_errorf("check: no files given (use '-' for standard input; see 'portcullis help check')");
        return -1;
    }
    return 0;
}

/* Fill what the flags left unset from .portcullis.yaml; its rules and
 * excludes come before the flags' own. */
static int apply_project(check_opts *o, const pc_project *pj, pc_excludes *ex, pc_error *err)
{
    for (size_t i = 0; i < pj->nexclude; i++)
        if (pc_excludes_add(ex, pj->exclude[i], pj->dir, err) < 0)
            return -1;
    for (size_t i = 0; i < o->nexclude; i++)
        if (pc_excludes_add(ex, o->exclude[i], NULL, err) < 0)
            return -1;
    if (!pj->path)
        return 0;
    if (!o->setup.policy_name)
        o->setup.policy_name = pj->policy;
    if (pj->nrules + (size_t)o->setup.nextra > 64)
        return pc_fail(err, "%s: too many rule sets (at most 64 with --rules)", pj->path);
    if (pj->nrules) {
        memmove(o->setup.extra_rules + pj->nrules, o->setup.extra_rules,
                (size_t)o->setup.nextra * sizeof o->setup.extra_rules[0]);
        for (size_t i = 0; i < pj->nrules; i++)
            o->setup.extra_rules[i] = pj->rules[i];
        o->setup.nextra += (int)pj->nrules;
    }
    if (!o->baseline && !o->write_baseline)
        o->baseline = pj->baseline;
    if (o->fail_on < 0 && pj->fail_on)
        o->fail_on = pc_severity_parse(pj->fail_on);
    if (!o->audit)
        o->audit = pj->audit;
    return 0;
}

/* The audit record's entry for one file: its digest, verdict and the ids
 * of the rules found (each once). */
static json_t *audit_file(const pc_result *res, const char *sha256, long baselined)
{
    json_t *ids = json_array();
    for (size_t i = 0; ids && i < res->nfindings; i++) {
        const char *id = res->findings[i].rule->id;
        size_t k, n = json_array_size(ids);
        for (k = 0; k < n; k++)
            if (!strcmp(json_string_value(json_array_get(ids, k)), id))
                break;
        if (k == n && json_array_append_new(ids, json_string(id)) < 0) {
            json_decref(ids);
            return NULL;
        }
    }
    json_t *path = pc_audit_string(res->path, strlen(res->path));
    if (!ids || !path) {
        json_decref(ids);
        json_decref(path);
        return NULL;
    }
    return json_pack("{s:o, s:s, s:s, s:I, s:o, s:I}", "path", path, "code_sha256", sha256, "verdict",
                     res->denied ? "deny" : "allow", "findings", (json_int_t)res->nfindings, "rules", ids,
                     "baselined", (json_int_t)baselined);
}

#define AUDIT_FILES_LISTED 500 /* beyond this, a digest of the list keeps records small */

/* A big check lists its denied files and a digest of the whole list. */
static json_t *audit_files_summary(json_t *files)
{
    size_t n = json_array_size(files);
    if (n <= AUDIT_FILES_LISTED)
        return json_incref(files);
    char *all = json_dumps(files, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_t *denied = json_array();
    if (!all || !denied) {
        free(all);
        json_decref(denied);
        return NULL;
    }
    char hex[65];
    pc_sha256_hex(all, strlen(all), hex);
    free(all);
    size_t i;
    json_t *f;
    json_array_foreach(files, i, f)
    {
        if (json_array_size(denied) < AUDIT_FILES_LISTED &&
            !strcmp(json_string_value(json_object_get(f, "verdict")), "deny"))
            json_array_append(denied, f);
    }
    return json_pack("{s:I, s:s, s:o}", "count", (json_int_t)n, "list_sha256", hex, "denied", denied);
}

static int write_audit(const check_opts *o, json_t *files, bool denied, size_t errors, pc_error *err)
{
    char rules[65], policy[65] = "";
    if (pc_setup_rules_digest(&o->setup, rules, err) < 0)
        return -1;
    if (pc_setup_policy_digest(o->setup.policy, policy, err) < 0)
        return -1;
    json_t *listed = audit_files_summary(files);
    json_t *rec =
        listed ? json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:I}", "command", "check", "policy",
                           o->setup.policy->name, "policy_sha256", policy, "rules_sha256", rules, "verdict",
                           denied   ? "deny"
                           : errors ? "error"
                                    : "allow",
                           "files", listed, "errors", (json_int_t)errors)
               : NULL;
    if (!rec)
        return pc_fail(err, "out of memory");
    int rc = pc_audit_append(o->audit, rec, err);
    json_decref(rec);
    return rc;
}

/* Does the exit status say "failed" for this file? */
static bool fails(const check_opts *o, const pc_result *res)
{
    if (o->fail_on < 0)
        return res->denied;
    for (size_t i = 0; i < res->nfindings; i++)
        if ((int)res->findings[i].severity >= o->fail_on)
            return true;
    return false;
}

static int check_files(check_opts *o, pc_paths *paths, pc_report *rep, pc_baseline *base, pc_baseline *wbase,
                       json_t *audit_files, size_t *errors, bool *any_denied, prefetched *pre)
{
    int status = 0;
    slot *slots = calloc(WINDOW, sizeof *slots);
    if (!slots) {
        pc_errorf("out of memory");
        return 2;
    }
    job j = {.setup = &o->setup, .paths = paths, .slots = slots, .digest = audit_files != NULL};
    pthread_mutex_init(&j.mu, NULL);
    pthread_cond_init(&j.cv, NULL);
    if (paths->n > 4)
        pc_engine_jit(o->setup.engine);
    long nthreads = o->jobs < (long)paths->n ? o->jobs : (long)paths->n;
    pthread_t tids[256];
    long started = 0;
    if (nthreads > 1)
        for (; started < nthreads; started++)
            if (pthread_create(&tids[started], NULL, worker_main, &j) != 0)
                break;
    pc_worker *self = NULL;
    if (!started && pre->w) { /* the worker that parsed the first file, ours now */
        self = pre->w;
        pre->w = NULL;
        pc_worker_set_engine(self, o->setup.engine);
    } else if (!started) {
        self = pc_worker_new(o->setup.engine);
    }
    for (size_t i = 0; i < paths->n; i++) {
        slot s;
        if (!started) {
            memset(&s, 0, sizeof s);
            if (i == 0 && pre->done && self)
                prefetched_slot(pre, self, &s, j.digest);
            else if (self)
                analyze_one(self, paths->v[i], &s, j.digest);
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
            pc_report_error(rep, paths->v[i], s.err);
            (*errors)++;
            status = 2;
            continue;
        }
        pc_error err;
        long dropped = 0;
        if (wbase) { /* the new baseline accepts what it can hold of what is found now */
            if (pc_baseline_record(wbase, &s.res, &err) < 0) {
                pc_errorf("%s", err.msg);
                status = 2;
            }
            dropped = pc_baseline_accept_all(&s.res);
        } else if (base && (dropped = pc_baseline_filter(base, &s.res)) < 0) {
            pc_errorf("out of memory");
            status = 2;
            dropped = 0;
        }
        pc_report_baselined(rep, (size_t)dropped);
        if (pc_report_add(rep, &s.res) < 0)
            status = 2;
        *any_denied |= s.res.denied;
        if (fails(o, &s.res) && status == 0)
            status = 1;
        if (audit_files) {
            json_t *f = audit_file(&s.res, s.sha256, dropped);
            if (!f || json_array_append_new(audit_files, f) < 0) {
                pc_errorf("out of memory");
                status = 2;
            }
        }
        pc_result_release(&s.res);
    }
    for (long i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    pc_worker_free(self);
    pthread_mutex_destroy(&j.mu);
    pthread_cond_destroy(&j.cv);
    free(slots);
    return status;
}

/* Put the report in place (or remove it when it is incomplete). */
static int close_output(const char *output, FILE *out, const char *tmp, bool failed)
{
    int status = 0;
    if (fclose(out) != 0) {
        if (!failed)
            pc_errorf("%s: write error", output);
        failed = true;
        status = 2;
    }
    if (tmp[0] && failed) { /* nothing half-written replaces the target */
        unlink(tmp);
    } else if (tmp[0] && rename(tmp, output) < 0) {
        pc_errorf("%s: cannot write: %s", output, strerror(errno));
        unlink(tmp);
        status = 2;
    }
    return status;
}

static int max_status(int a, int b)
{
    return a > b ? a : b;
}

int cmd_check(int argc, char **argv)
{
    check_opts o = {.fail_on = -1, .format = PC_FORMAT_TEXT, .jobs = ncpus()};
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    double t0 = now_ms();
    pc_error err = {{0}};
    pc_project pj = {0};
    pc_excludes ex = {0};
    pc_paths paths = {0};
    pc_baseline *base = NULL, *wbase = NULL;
    pc_report *rep = NULL;
    json_t *audit_files = NULL;
    FILE *out = NULL;
    char tmp[4096] = "";
    int status = 2;
    /* arguments that could not be read, and why: for the report and the audit record */
    pc_paths missing = {0}, why = {0};
    if (!o.no_config && pc_project_load(&pj, &err) < 0)
        goto fail;
    if (apply_project(&o, &pj, &ex, &err) < 0)
        goto fail;
    /* the paths before the policy: a lone file is parsed on a helper thread
     * while the policy and the rules load here */
    paths.exclude = &ex;
    bool unread = false;
    for (int i = optind; i < argc; i++) {
        if (pc_paths_add(&paths, argv[i], &err) < 0) {
            pc_errorf("%s", err.msg);
            unread = true;
            pc_error e2;
            if (pc_paths_add_name(&missing, argv[i], &e2) < 0) {
                pc_errorf("%s", e2.msg);
            } else if (pc_paths_add_name(&why, err.msg, &e2) < 0) {
                free(missing.v[--missing.n]); /* the two lists stay paired */
                pc_errorf("%s", e2.msg);
            }
        }
    }
    if (paths.n == 1)
        lone_start(paths.v[0]);
    if (pc_setup_load_policy(&o.setup, &err) < 0) {
        if (pj.policy && o.setup.policy_name == pj.policy && !o.setup.policy) { /* say where it came from */
            size_t n = strlen(err.msg);
            snprintf(err.msg + n, sizeof err.msg - n, " (policy set in %s)", pj.path);
        }
        goto fail;
    }
    o.audit = pc_audit_path(o.audit, o.setup.policy);
    if (o.audit && pc_audit_check(o.audit, &err) < 0) /* no record, no check */
        goto fail;
    if (o.write_baseline && !(wbase = pc_baseline_new(o.write_baseline, &err)))
        goto fail;
    if (!o.write_baseline && o.baseline && !(base = pc_baseline_load(o.baseline, &err)))
        goto fail;
    if (o.audit && !(audit_files = json_array())) {
        pc_fail(&err, "out of memory");
        goto fail;
    }
    status = unread ? 2 : 0;
    if (!(out = open_output(o.output, tmp, sizeof tmp))) {
        pc_fail(&err, "%s: cannot write: %s", o.output, strerror(errno));
        status = 2;
        goto fail;
    }
    if (tmp[0])
        pc_file_mode_default(fileno(out));
    if (pc_setup_load_rules(&o.setup, &err) < 0) {
        status = 2;
        goto fail;
    }
    lone_settle(true);
    bool color = !o.output && o.format == PC_FORMAT_TEXT && isatty(1) && !getenv("NO_COLOR") &&
                 !(getenv("TERM") && !strcmp(getenv("TERM"), "dumb"));
    pc_report_opts ro = {.format = o.format,
                         .policy = o.setup.policy->name,
                         .policy_def = o.setup.policy,
                         .rules = o.setup.rules,
                         .color = color};
    if (!(rep = pc_report_new(out, &ro))) {
        pc_fail(&err, "out of memory");
        status = 2;
        goto fail;
    }
    for (size_t i = 0; i < missing.n; i++)
        pc_report_error(rep, missing.v[i], why.v[i]);
    size_t errors = missing.n;
    bool denied = false;
    status =
        max_status(status, check_files(&o, &paths, rep, base, wbase, audit_files, &errors, &denied, &lone.f));
    bool write_failed = false;
    if (pc_report_finish(rep, now_ms() - t0) < 0) {
        pc_errorf("%s: write error", o.output ? o.output : "standard output");
        status = 2;
        write_failed = true;
    }
    if (o.output)
        status = max_status(status, close_output(o.output, out, tmp, write_failed));
    out = NULL;
    if (wbase) {
        if (pc_baseline_write(wbase, o.setup.policy->name, &err) < 0) {
            pc_errorf("%s", err.msg);
            status = 2;
        } else {
            fprintf(stderr, "portcullis: wrote %s: %zu finding%s accepted\n", o.write_baseline,
                    pc_baseline_count(wbase), pc_baseline_count(wbase) == 1 ? "" : "s");
        }
    }
    if (audit_files && write_audit(&o, audit_files, denied, errors, &err) < 0) {
        pc_errorf("%s", err.msg);
        status = 2;
    }
    goto done;
fail:
    pc_errorf("%s", err.msg);
done:
    lone_settle(false); /* never free what the helper still fills */
    prefetched_free(&lone.f);
    pc_paths_free(&missing);
    pc_paths_free(&why);
    if (out && o.output)
        close_output(o.output, out, tmp, true);
    pc_report_free(rep);
    json_decref(audit_files);
    pc_baseline_free(base);
    pc_baseline_free(wbase);
    pc_paths_free(&paths);
    pc_excludes_free(&ex);
    pc_setup_free(&o.setup);
    pc_project_free(&pj);
    return status;
}
