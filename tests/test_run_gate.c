/* pc_run's gate: the decision taken while the sandbox is set up. A denying
 * gate runs nothing (a program that would leave a file in the given work
 * directory leaves none), an approving one runs the program, and the wall
 * clock limit starts only once the gate has approved. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "runner.h"

typedef struct gate_state {
    int calls;
    int verdict;
    long delay_ms;
} gate_state;

static int slow_gate(void *p)
{
    gate_state *g = p;
    g->calls++;
    struct timespec ts = {g->delay_ms / 1000, (g->delay_ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
    return g->verdict;
}

typedef struct fixture {
    pc_runner_config cfg;
    char wd[64];
    char marker[128];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    pc_runner_config_init(&f->cfg, PC_RULES_DIR);
    /* the gate is under test, not the layers: let any the host lacks degrade */
    f->cfg.opts.optional_layers = PC_LAYER_NAMESPACES | PC_LAYER_LANDLOCK | PC_LAYER_CGROUP;
    snprintf(f->wd, sizeof f->wd, "/tmp/pc-gate-XXXXXX");
    assert_non_null(mkdtemp(f->wd));
    chmod(f->wd, 0777); /* the sandbox runs as nobody when we are root */
    snprintf(f->marker, sizeof f->marker, "%s/ran", f->wd);
    f->cfg.opts.workdir = f->wd;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->marker);
    rmdir(f->wd);
    pc_runner_config_free(&f->cfg);
    free(f);
    return 0;
}

static char *const touch_argv[] = {"/bin/sh", "-c", "echo ran > ran", NULL};

static void denying_gate_runs_nothing(void **state)
{
    fixture *f = *state;
    gate_state g = {.verdict = 0, .delay_ms = 300}; /* time enough for the sandbox to be ready */
    f->cfg.opts.gate = slow_gate;
    f->cfg.opts.gate_ctx = &g;
    pc_run_result r;
    pc_error err = {{0}};
    assert_int_equal(pc_run(&f->cfg.opts, touch_argv, &r, &err), 0);
    assert_int_equal(g.calls, 1);
    assert_int_equal(r.status, PC_RUN_DENIED);
    assert_int_equal(pc_run_exit_status(&r), 126);
    struct stat st;
    assert_int_equal(stat(f->marker, &st), -1);
    pc_run_result_free(&r);
}

static void approving_gate_runs_the_program(void **state)
{
    fixture *f = *state;
    /* a gate slower than the wall limit: the limit counts from its approval */
    gate_state g = {.verdict = 1, .delay_ms = 600};
    f->cfg.opts.gate = slow_gate;
    f->cfg.opts.gate_ctx = &g;
    f->cfg.opts.limits.wall_ms = 400;
    pc_run_result r;
    pc_error err = {{0}};
    assert_int_equal(pc_run(&f->cfg.opts, touch_argv, &r, &err), 0);
    assert_int_equal(g.calls, 1);
    if (r.status != PC_RUN_OK)
        fail_msg("status %s: %s", pc_run_status_name(r.status), r.setup_error);
    struct stat st;
    assert_int_equal(stat(f->marker, &st), 0);
    pc_run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(denying_gate_runs_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(approving_gate_runs_the_program, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
