/* portcullis run / exec: the gate, then the sandbox. */
#include "audit.h"
#include "commands.h"
#include "timeline.h"
#include "config.h"
#include "paths.h"
#include "report.h"
#include "runner.h"
#include "setup.h"

#include <getopt.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void usage_run(void)
{
    puts("usage: portcullis run  [--policy NAME|FILE] [--rules FILE|DIR]... [--audit LOG] [LIMITS] FILE|- "
         "[-- ARGS...]\n"
         "       portcullis exec [--policy NAME|FILE] [--audit LOG] [LIMITS] -- CMD [ARGS...]\n"
         "\n"
         "run checks FILE with the analyzer; if the policy approves it, the exact bytes\n"
         "that were analyzed run with Python (isolated mode) in the sandbox. exec runs\n"
         "any command in the same sandbox, without the analyzer.\n"
         "\n"
         "Limits (defaults from the policy's runner: section, else these):\n"
         "  --timeout DURATION   wall clock (10s)        --cpu DURATION   CPU time\n"
         "  --memory SIZE        memory (256MiB)         --processes N    processes (64)\n"
         "  --output SIZE        bytes kept per stream (1MiB; more ends the run)\n"
         "  --file-size SIZE     largest file written    --open-files N   descriptors\n"
         "  --disk SIZE          size of /tmp and of a fresh /work (256MiB; tmpfs)\n"
         "  --stdin FILE         standard input (default: none)\n"
         "  --workdir DIR        work directory (default: a fresh private one, removed)\n"
         "  --keep-workdir       keep the fresh work directory and print its path\n"
         "  --env NAME           pass this variable through (repeatable)\n"
         "  --python PATH        interpreter for run (default /usr/bin/python3)\n"
         "  --format text|json   text: the program's output as is; json: a result object\n"
         "  --audit LOG          append a record to this audit log (see 'portcullis help audit');\n"
         "                       nothing runs when the log cannot be written\n"
         "\n"
         "Exit status: the program's own; 128+N if killed by signal N; 124 timeout;\n"
         "125 the sandbox could not be set up, or the audit record could not be written;\n"
         "126 the gate denied the code.");
}

/* Valid UTF-8 for JSON, keeping every character (newlines included). */
static json_t *jtext(const char *s, size_t len)
{
    json_t *j = pc_audit_string(s, len);
    return j ? j : json_null();
}

static json_t *result_json(const pc_run_result *r, json_t *report)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string(pc_run_status_name(r->status)));
    json_object_set_new(o, "exit_code",
                        r->status == PC_RUN_OK || r->status == PC_RUN_NONZERO_EXIT
                            ? json_integer(r->exit_code)
                            : json_null());
    json_object_set_new(o, "signal", r->signal ? json_integer(r->signal) : json_null());
    json_object_set_new(o, "syscall", r->syscall[0] ? json_string(r->syscall) : json_null());
    json_object_set_new(o, "stdout", jtext(r->out ? r->out : "", r->out_len));
    json_object_set_new(o, "stderr", jtext(r->err ? r->err : "", r->err_len));
    json_object_set_new(o, "stdout_truncated", json_boolean(r->out_truncated));
    json_object_set_new(o, "stderr_truncated", json_boolean(r->err_truncated));
    json_object_set_new(o, "wall_ms", json_real(r->wall_ms));
    json_object_set_new(o, "cpu_ms", json_real(r->cpu_ms));
    json_object_set_new(o, "max_rss_kib", json_integer(r->max_rss_kib));
    json_t *layers = json_object();
    static const unsigned bits[] = {PC_LAYER_PROCESS, PC_LAYER_NAMESPACES, PC_LAYER_LANDLOCK,
                                    PC_LAYER_SECCOMP, PC_LAYER_RLIMITS,    PC_LAYER_CGROUP};
    for (size_t i = 0; i < sizeof bits / sizeof *bits; i++)
        json_object_set_new(layers, pc_layer_name(bits[i]), json_boolean(r->layers & bits[i]));
    json_t *deg = json_array();
    for (size_t i = 0; i < sizeof bits / sizeof *bits; i++)
        if (r->degraded & bits[i])
            json_array_append_new(deg, json_string(pc_layer_name(bits[i])));
    json_object_set_new(layers, "degraded", deg);
    json_object_set_new(layers, "landlock_detail", r->landlock[0] ? json_string(r->landlock) : json_null());
    json_object_set_new(o, "layers", layers);
    json_object_set_new(o, "setup_error",
                        r->setup_error[0] ? jtext(r->setup_error, strlen(r->setup_error)) : json_null());
    if (r->kept_workdir[0])
        json_object_set_new(o, "workdir", jtext(r->kept_workdir, strlen(r->kept_workdir)));
    if (report)
        json_object_set_new(o, "report", report);
    return o;
}

/* The analyzer's JSON report for one result, as a json_t. */
static json_t *report_json(const pc_result *res, const char *policy)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    pc_report_opts ro = {.format = PC_FORMAT_JSON, .policy = policy};
    pc_report *rep = pc_report_new(m, &ro);
    if (rep) {
        pc_report_add(rep, res);
        pc_report_finish(rep, res->ms);
        pc_report_free(rep);
    }
    fclose(m);
    json_t *j = buf ? json_loads(buf, 0, NULL) : NULL;
    free(buf);
    return j;
}

static int emit(const pc_run_result *r, bool json, json_t *report)
{
    if (json) {
        json_t *o = result_json(r, report);
        json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(o);
    } else {
        json_decref(report);
        fwrite(r->out ? r->out : "", 1, r->out_len, stdout);
        fflush(stdout);
        fwrite(r->err ? r->err : "", 1, r->err_len, stderr);
        if (r->kept_workdir[0])
            pc_errorf("work directory kept at %s", r->kept_workdir);
        switch (r->status) {
        case PC_RUN_SETUP_ERROR: pc_errorf("sandbox setup failed: %s", r->setup_error); break;
        case PC_RUN_TIMEOUT:
            pc_errorf("timed out after %.0f ms; the process tree was killed", r->wall_ms);
            break;
        case PC_RUN_MEMORY_LIMIT: pc_errorf("killed: memory limit"); break;
        case PC_RUN_OUTPUT_LIMIT: pc_errorf("killed: output limit (output truncated)"); break;
        case PC_RUN_SYSCALL_DENIED: pc_errorf("killed: syscall '%s' is not allowed", r->syscall); break;
        case PC_RUN_SIGNALED: pc_errorf("killed by signal %d", r->signal); break;
        default: break;
        }
    }
    fflush(stdout);
    return pc_run_exit_status(r);
}

/* ---- the audit record (docs/audit.md): digests and sizes, never the
 * program's output, its arguments or environment values ---------------- */

/* SHA-256 of argv[0..n), each argument followed by a NUL byte: what
 * `printf '%s\0' ARGS... | sha256sum` prints. */
static void argv_sha256(char *const *argv, int n, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    for (int i = 0; i < n; i++)
        sha256_update(&ctx, strlen(argv[i]) + 1, (const uint8_t *)argv[i]);
    sha256_digest(&ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[64] = '\0';
}

static json_t *jstr(const char *s)
{
    return s ? pc_audit_string(s, strlen(s)) : json_null();
}

static json_t *jhex(const char *hex)
{
    return json_string(hex);
}

static json_t *audit_limits(const pc_run_limits *l)
{
    return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "wall_ms", (json_int_t)l->wall_ms, "cpu_s",
                     (json_int_t)l->cpu_s, "memory_bytes", (json_int_t)l->memory_bytes, "processes",
                     (json_int_t)l->processes, "output_bytes", (json_int_t)l->output_bytes, "file_bytes",
                     (json_int_t)l->file_bytes, "disk_bytes", (json_int_t)l->disk_bytes, "open_files",
                     (json_int_t)l->open_files);
}

/* The part of a record known before anything is read or run: the policy,
 * digests of it and of the rules, the names of the variables passed
 * through, the limits. NULL with err set. */
static json_t *audit_base(bool exec_mode, const pc_policy *policy, const pc_setup *setup,
                          const pc_run_opts *o, pc_error *err)
{
    char hex[65];
    json_t *policy_sha = json_null(), *rules_sha = json_null();
    if (pc_setup_policy_digest(policy, hex, err) < 0)
        return NULL;
    if (hex[0])
        policy_sha = jhex(hex);
    if (!exec_mode) {
        if (pc_setup_rules_digest(setup, hex, err) < 0) {
            json_decref(policy_sha);
            return NULL;
        }
        rules_sha = jhex(hex);
    }
    json_t *env = json_array();
    for (size_t i = 0; env && i < o->nenv; i++)
        if (json_array_append_new(env, jstr(o->env_names[i])) < 0)
            json_decref(env), env = NULL;
    json_t *f = json_object();
    int bad = !f;
    if (f) {
        bad |= json_object_set_new(f, "command", json_string(exec_mode ? "exec" : "run"));
        bad |= json_object_set_new(f, "policy", jstr(policy->name));
        bad |= json_object_set_new(f, "policy_sha256", policy_sha);
        bad |= json_object_set_new(f, "rules_sha256", rules_sha);
        bad |= json_object_set_new(f, "env", env);
        bad |= json_object_set_new(f, "limits", audit_limits(&o->limits));
    } else {
        json_decref(policy_sha);
        json_decref(rules_sha);
        json_decref(env);
    }
    if (bad) {
        json_decref(f);
        pc_fail(err, "out of memory");
        return NULL;
    }
    return f;
}

/* exec: the program's name and a digest of its whole command line. */
static int audit_exec_code(json_t *f, char *const *argv, int argc)
{
    char hex[65];
    argv_sha256(argv, argc, hex);
    int bad = json_object_set_new(f, "program", jstr(argv[0]));
    bad |= json_object_set_new(f, "code_sha256", jhex(hex));
    bad |= json_object_set_new(f, "argc", json_integer(argc));
    bad |= json_object_set_new(f, "verdict", json_null());
    bad |= json_object_set_new(f, "findings", json_null());
    return bad ? -1 : 0;
}

/* run: the file, a digest of the exact bytes analyzed (and run), of the
 * program's arguments, the verdict and the rule ids found (each once). */
static int audit_run_code(json_t *f, const char *name, const unsigned char *data, size_t len,
                          char *const *args, int nargs, const pc_result *res)
{
    char hex[65];
    pc_sha256_hex(data, len, hex);
    int bad = json_object_set_new(f, "file", jstr(name));
    bad |= json_object_set_new(f, "code_sha256", jhex(hex));
    bad |= json_object_set_new(f, "code_bytes", json_integer((json_int_t)len));
    argv_sha256(args, nargs, hex);
    bad |= json_object_set_new(f, "argc", json_integer(nargs));
    bad |= json_object_set_new(f, "args_sha256", jhex(hex));
    bad |= json_object_set_new(f, "verdict", json_string(res->denied ? "deny" : "allow"));
    json_t *ids = json_array();
    for (size_t i = 0; ids && i < res->nfindings; i++) {
        const char *id = res->findings[i].rule->id;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = !strcmp(res->findings[k].rule->id, id);
        if (!seen && json_array_append_new(ids, jstr(id)) < 0)
            json_decref(ids), ids = NULL;
    }
    bad |= json_object_set_new(f, "findings", ids);
    return bad ? -1 : 0;
}

static json_t *layer_list(unsigned mask)
{
    static const unsigned bits[] = {PC_LAYER_PROCESS, PC_LAYER_NAMESPACES, PC_LAYER_LANDLOCK,
                                    PC_LAYER_SECCOMP, PC_LAYER_RLIMITS,    PC_LAYER_CGROUP};
    json_t *a = json_array();
    for (size_t i = 0; a && i < sizeof bits / sizeof *bits; i++)
        if ((mask & bits[i]) && json_array_append_new(a, json_string(pc_layer_name(bits[i]))) < 0)
            json_decref(a), a = NULL;
    return a;
}

/* What happened: sizes and digests of the output, not the output. */
static json_t *audit_result(const pc_run_result *r)
{
    bool exited = r->status == PC_RUN_OK || r->status == PC_RUN_NONZERO_EXIT;
    json_t *layers =
        json_pack("{s:o?, s:o?}", "active", layer_list(r->layers), "degraded", layer_list(r->degraded));
    return json_pack(
        "{s:s, s:o, s:o, s:o, s:I, s:I, s:I, s:o?, s:o?, s:o?, s:o}", "status", pc_run_status_name(r->status),
        "exit_code", exited ? json_integer(r->exit_code) : json_null(), "signal",
        r->signal ? json_integer(r->signal) : json_null(), "syscall",
        r->syscall[0] ? jstr(r->syscall) : json_null(), "wall_ms", (json_int_t)(r->wall_ms + 0.5), "cpu_ms",
        (json_int_t)(r->cpu_ms + 0.5), "max_rss_kib", (json_int_t)r->max_rss_kib, "stdout",
        pc_audit_digest_json(r->out ? r->out : "", r->out_len, r->out_truncated), "stderr",
        pc_audit_digest_json(r->err ? r->err : "", r->err_len, r->err_truncated), "layers", layers,
        "setup_error", r->setup_error[0] ? jstr(r->setup_error) : json_null());
}

/* Append the record (result: NULL when nothing ran), before anything is
 * shown. Returns 0, or -1 with err set. */
static int audit_finish(const char *log, json_t *fields, json_t *result, pc_error *err)
{
    if (!log || !fields) {
        json_decref(result);
        return 0;
    }
    if (json_object_set_new(fields, "result", result ? result : json_null()) < 0)
        return pc_fail(err, "out of memory");
    return pc_audit_append(log, fields, err);
}

/* The exit status once the record was (rc 0) or was not written. */
static int audit_status(int rc, const pc_error *err, bool exec_mode, int status)
{
    if (rc == 0)
        return status;
    pc_errorf("%s; this %s is not in the audit log", err->msg, exec_mode ? "exec" : "run");
    return 125;
}

/* run: the analysis is the runner's gate. It runs while the sandbox is set
 * up, and the program starts only if it approves the bytes it was given,
 * which are the bytes the sandbox holds. */
typedef struct gate_ctx {
    pc_setup *setup; /* the rules are loaded here when not yet loaded */
    const char *name;
    const unsigned char *data;
    size_t len;
    json_t *audit; /* the record's fields, or NULL */
    char *const *args;
    int nargs;
    bool ran, analyzed;
    pc_result res;    /* when analyzed */
    int error_status; /* 0, or the exit status of the error in err */
    pc_error err;
} gate_ctx;

static int gate(void *p)
{
    gate_ctx *g = p;
    g->ran = true;
    if (!g->setup->engine && pc_setup_load_rules(g->setup, &g->err) < 0) {
        g->error_status = 2;
        return 0;
    }
    pc_worker *w = pc_worker_new(g->setup->engine);
    if (!w || pc_analyze(w, g->name, g->data, g->len, &g->res, &g->err) < 0) {
        if (!w)
            pc_fail(&g->err, "out of memory");
        pc_worker_free(w);
        g->error_status = 125;
        return 0;
    }
    pc_worker_free(w);
    g->analyzed = true;
    if (g->audit && audit_run_code(g->audit, g->name, g->data, g->len, g->args, g->nargs, &g->res) < 0) {
        pc_fail(&g->err, "out of memory");
        g->error_status = 125;
        return 0;
    }
    return g->res.denied ? 0 : 1;
}

/* A denied file: its report on standard error (text), nothing run. */
static void denied(const pc_result *res, const char *name, const char *policy, bool json, pc_run_result *r)
{
    if (!json) {
        pc_report_opts ro = {
            .format = PC_FORMAT_TEXT, .policy = policy, .color = isatty(2) && !getenv("NO_COLOR")};
        pc_report *rep = pc_report_new(stderr, &ro);
        if (rep) {
            pc_report_add(rep, res);
            pc_report_free(rep);
        }
        pc_errorf("%s: denied by policy %s; nothing was run", name, policy);
    }
    memset(r, 0, sizeof *r);
    r->status = PC_RUN_DENIED;
}

int cmd_run(int argc, char **argv, bool exec_mode)
{
    static const struct option opts[] = {
        {"policy", required_argument, 0, 'p'},
        {"rules", required_argument, 0, 'r'},
        {"timeout", required_argument, 0, 't'},
        {"cpu", required_argument, 0, 'c'},
        {"memory", required_argument, 0, 'm'},
        {"processes", required_argument, 0, 'n'},
        {"output", required_argument, 0, 'O'},
        {"file-size", required_argument, 0, 'F'},
        {"open-files", required_argument, 0, 'N'},
        {"stdin", required_argument, 0, 'i'},
        {"disk", required_argument, 0, 'D'},
        {"workdir", required_argument, 0, 'w'},
        {"keep-workdir", no_argument, 0, 'k'},
        {"env", required_argument, 0, 'e'},
        {"python", required_argument, 0, 'P'},
        {"format", required_argument, 0, 'f'},
        {"audit", required_argument, 0, 'A'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    pc_setup setup = {0};
    pc_runner_config cfg;
    pc_runner_config_init(&cfg, pc_default_rules_dir());
    /* flags are applied over the policy's runner section: collect them first */
    struct {
        int opt;
        const char *val;
    } flags[64];
    int nflags = 0;
    const char *envs[64];
    size_t nenv = 0;
    bool json = false;
    const char *audit_flag = NULL;
    json_t *audit = NULL; /* the record's fields, when there is a log */
    int c, status = 125;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+p:r:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': setup.policy_name = optarg; break;
        case 'r':
            if (setup.nextra == 64) {
                pc_errorf("too many --rules options");
                return 2;
            }
            setup.extra_rules[setup.nextra++] = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
                pc_errorf("unknown format '%s' (use text or json)", optarg);
                return 2;
            }
            json = !strcmp(optarg, "json");
            break;
        case 'e':
            if (nenv < 64)
                envs[nenv++] = optarg;
            break;
        case 'A':
            if (!*optarg) {
                pc_errorf("--audit wants a file name");
                return 2;
            }
            audit_flag = optarg;
            break;
        case 'h': usage_run(); return 0;
        case '?':
            pc_errorf("%s: unknown or incomplete option '%s' (see 'portcullis help run')",
                      exec_mode ? "exec" : "run", argv[optind - 1]);
            return 2;
        default:
            if (nflags < 64)
                flags[nflags++].opt = c, flags[nflags - 1].val = optarg;
        }
    }
    pc_error err = {{0}};
    const char *rules_dir = pc_default_rules_dir();
    pc_policy *policy = NULL;
    if (exec_mode) {
        if (!(policy = pc_policy_load(setup.policy_name ? setup.policy_name : "standard", rules_dir, &err))) {
            pc_errorf("%s", err.msg);
            return 2;
        }
    } else if (pc_setup_load_policy(&setup, &err) < 0) { /* the rules: in the gate */
        pc_errorf("%s", err.msg);
        pc_setup_free(&setup);
        return 2;
    }
    pc_timeline("cli: policy loaded");
    const char *policy_path = exec_mode ? policy->path : setup.policy->path;
    const char *policy_name = exec_mode ? policy->name : setup.policy->name;
    if (pc_runner_config_load(&cfg, policy_path, &err) < 0) {
        pc_errorf("%s", err.msg);
        goto out2;
    }
    pc_timeline("cli: runner config loaded");
    pc_run_opts *o = &cfg.opts;
    o->title_area = pc_title_area;
    o->title_len = pc_title_len;
    for (int i = 0; i < nflags; i++) {
        const char *v = flags[i].val;
        uint64_t x;
        int bad = 0;
        switch (flags[i].opt) {
        case 't': bad = pc_parse_duration_ms(v, &o->limits.wall_ms); break;
        case 'c':
            bad = pc_parse_duration_ms(v, &x);
            o->limits.cpu_s = (x + 999) / 1000;
            break;
        case 'm': bad = pc_parse_size(v, &o->limits.memory_bytes); break;
        case 'O': bad = pc_parse_size(v, &o->limits.output_bytes); break;
        case 'F': bad = pc_parse_size(v, &o->limits.file_bytes); break;
        case 'D': bad = pc_parse_size(v, &o->limits.disk_bytes); break;
        case 'n': bad = (o->limits.processes = strtoull(v, NULL, 10)) == 0 ? -1 : 0; break;
        case 'N': bad = (o->limits.open_files = strtoull(v, NULL, 10)) < 8 ? -1 : 0; break;
        case 'i': o->stdin_path = v; break;
        case 'w': o->workdir = v; break;
        case 'k': o->keep_workdir = true; break;
        case 'P': o->python = v; break;
        }
        if (bad) {
            pc_errorf("bad value '%s' for option %s", v, argv[0]);
            status = 2;
            goto out2;
        }
    }
    if (nenv) {
        o->env_names = envs;
        o->nenv = nenv;
    }
    if (optind < argc && !strcmp(argv[optind], "--") && exec_mode)
        optind++;
    if (optind >= argc) {
        pc_errorf("%s: nothing to run (see 'portcullis help run')", exec_mode ? "exec" : "run");
        status = 2;
        goto out2;
    }
    /* no record, no run: the log must take a record before anything runs */
    const char *audit_log = pc_audit_path(audit_flag, exec_mode ? policy : setup.policy);
    if (audit_log && !exec_mode && pc_setup_load_rules(&setup, &err) < 0) { /* the record names them */
        pc_errorf("%s", err.msg);
        status = 2;
        goto out2;
    }
    if (audit_log && (pc_audit_check(audit_log, &err) < 0 ||
                      !(audit = audit_base(exec_mode, exec_mode ? policy : setup.policy, &setup, o, &err)))) {
        pc_errorf("%s; nothing was run", err.msg);
        status = 2;
        goto out2;
    }
    pc_run_result r;
    json_t *report = NULL;
    unsigned char *data = NULL;
    if (exec_mode) {
        if (audit && audit_exec_code(audit, argv + optind, argc - optind) < 0) {
            pc_errorf("out of memory");
            goto out2;
        }
        if (pc_run(o, argv + optind, &r, &err) < 0) {
            pc_errorf("%s", err.msg);
            goto out2;
        }
    } else {
        const char *path = argv[optind++];
        if (optind < argc && !strcmp(argv[optind], "--"))
            optind++;
        size_t len = 0;
        int rc = !strcmp(path, "-") ? pc_read_stream(0, PC_SOURCE_MAX_BYTES + 1, &data, &len, &err)
                                    : pc_read_file(path, PC_SOURCE_MAX_BYTES + 1, &data, &len, &err);
        if (rc < 0) {
            pc_errorf("%s", err.msg);
            status = 2;
            goto out2;
        }
        const char *name = !strcmp(path, "-") ? "<stdin>" : path;
        int extra = argc - optind;
        gate_ctx g = {.setup = &setup,
                      .name = name,
                      .data = data,
                      .len = len,
                      .audit = audit,
                      .args = argv + optind,
                      .nargs = extra};
        /* python -I -c BOOTSTRAP NAME ARGS...: the bootstrap runs fd 3, the sealed
         * copy, as __main__ with __file__ and sys.argv set. exec() of the bytes,
         * not compile(): the first compile() call builds the ast module's types,
         * 0.6 to 1 ms; tracebacks name the file "<string>" instead. */
        static char bootstrap[] = "import sys;sys.argv=sys.argv[1:];__file__=sys.argv[0];del sys;"
                                  "exec(open(3,'rb').read())";
        char **pargv = calloc((size_t)extra + 6, sizeof *pargv);
        if (!pargv) {
            free(data);
            goto out2;
        }
        pargv[0] = (char *)o->python;
        pargv[1] = "-I";
        pargv[2] = "-c";
        pargv[3] = bootstrap;
        pargv[4] = (char *)name;
        for (int i = 0; i < extra; i++)
            pargv[5 + i] = argv[optind + i];
        o->program = data;
        o->program_len = len;
        o->program_name = name;
        o->gate = gate;
        o->gate_ctx = &g;
        int rc2 = pc_run(o, pargv, &r, &err);
        free(pargv);
        if (rc2 == 0 && !g.ran)
            gate(&g); /* no sandbox: the verdict still comes first */
        if (rc2 < 0 || g.error_status) {
            pc_errorf("%s", rc2 < 0 ? err.msg : g.err.msg);
            status = rc2 < 0 ? status : g.error_status;
            if (rc2 == 0)
                pc_run_result_free(&r);
            if (g.analyzed)
                pc_result_release(&g.res);
            free(data);
            goto out2;
        }
        if (json)
            report = report_json(&g.res, policy_name);
        if (g.res.denied) {
            pc_run_result_free(&r);
            denied(&g.res, name, policy_name, json, &r);
            pc_result_release(&g.res);
            free(data);
            int arc = audit_finish(audit_log, audit, NULL, &err);
            status = audit_status(arc, &err, exec_mode, emit(&r, json, report));
            goto out2;
        }
        pc_result_release(&g.res);
        free(data);
    }
    int arc = audit_finish(audit_log, audit, audit ? audit_result(&r) : NULL, &err);
    status = audit_status(arc, &err, exec_mode, emit(&r, json, report));
    pc_run_result_free(&r);
out2:
    json_decref(audit);
    pc_runner_config_free(&cfg);
    pc_policy_free(policy);
    pc_setup_free(&setup);
    return status;
}
