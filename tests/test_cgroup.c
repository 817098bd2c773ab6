/* The run's cgroup: a child born inside a cgroup v2 (clone3 with
 * CLONE_INTO_CGROUP) or v1 (the forking thread steps in and back out), and
 * the fallback of fork plus a move. Proved by reading /proc/PID/cgroup from
 * outside. Needs root and a cgroup2 mount, or v1 memory and pids mounts;
 * skipped otherwise. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cgroup.h"

#ifndef CGROUP_SUPER_MAGIC
#define CGROUP_SUPER_MAGIC 0x27e0eb
#endif
#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

/* A cgroup2 mount we may create cgroups in, or NULL. */
static const char *v2_mount(void)
{
    static const char *const cands[] = {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"};
    if (geteuid() != 0)
        return NULL;
    for (size_t i = 0; i < 2; i++) {
        struct statfs sf;
        if (statfs(cands[i], &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC)
            return cands[i];
    }
    return NULL;
}

/* PID's cgroup path for a v1 controller, or for v2 with controller "":
 * the line "N:controller:path" of /proc/PID/cgroup ("0::path" for v2, the
 * only line with an empty controller list). */
static void cgroup_path_of(pid_t pid, const char *controller, char *out, size_t cap)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/cgroup", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    assert_true(fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    assert_true(n > 0);
    buf[n] = '\0';
    char needle[64];
    snprintf(needle, sizeof needle, ":%s:", controller);
    const char *l = strstr(buf, needle);
    assert_non_null(l);
    snprintf(out, cap, "%s", l + strlen(needle));
    out[strcspn(out, "\n")] = '\0';
}

static void v2_path_of(pid_t pid, char *out, size_t cap)
{
    cgroup_path_of(pid, "", out, cap);
}

typedef struct fixture {
    pc_cgroup cg;
    char rel[128];
} fixture;

static int setup(void **state)
{
    const char *mnt = v2_mount();
    if (!mnt)
        return 0;
    fixture *f = calloc(1, sizeof *f);
    f->cg.v2fd = -1;
    snprintf(f->rel, sizeof f->rel, "/pc-test-cgroup-%d", (int)getpid());
    snprintf(f->cg.v2, sizeof f->cg.v2, "%s%s", mnt, f->rel);
    if (mkdir(f->cg.v2, 0755) < 0) {
        free(f);
        return 0;
    }
    f->cg.version = 2;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f) {
        pc_cgroup_destroy(&f->cg); /* kills what is left, removes the cgroup */
        free(f);
    }
    return 0;
}

/* The child writes its own view of its cgroup into a pipe, then waits. */
static void check_child(fixture *f, bool expect_joined_at_birth)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    bool joined = false;
    pid_t pid = pc_cgroup_fork(&f->cg, 0, &joined);
    assert_true(pid >= 0);
    if (pid == 0) {
        char buf[512];
        close(p[0]);
        v2_path_of(getpid(), buf, sizeof buf); /* the first thing it does */
        (void)!write(p[1], buf, strlen(buf));
        _exit(0);
    }
    close(p[1]);
    assert_int_equal(joined, expect_joined_at_birth);
    char seen[512] = "";
    ssize_t n = read(p[0], seen, sizeof seen - 1);
    close(p[0]);
    assert_true(n > 0);
    seen[n] = '\0';
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (expect_joined_at_birth)
        assert_string_equal(seen, f->rel);
    else
        assert_string_not_equal(seen, f->rel);
}

static void born_inside_with_clone3(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    f->cg.v2fd = open(f->cg.v2, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    assert_true(f->cg.v2fd >= 0);
    check_child(f, true);
}

static void fork_then_add_without_fd(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    /* no directory fd: a plain fork, outside until the caller moves it */
    check_child(f, false);
    bool joined = true;
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = pc_cgroup_fork(&f->cg, 0, &joined);
    assert_true(pid >= 0);
    if (pid == 0) {
        char c;
        close(p[1]);
        (void)!read(p[0], &c, 1);
        _exit(0);
    }
    close(p[0]);
    assert_false(joined);
    assert_int_equal(pc_cgroup_add(&f->cg, pid), 0);
    char seen[512];
    v2_path_of(pid, seen, sizeof seen);
    assert_string_equal(seen, f->rel);
    close(p[1]);
    assert_int_equal(waitpid(pid, NULL, 0), pid);
}

static void destroy_kills_and_removes(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    f->cg.v2fd = open(f->cg.v2, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool joined = false;
    pid_t pid = pc_cgroup_fork(&f->cg, 0, &joined);
    assert_true(pid >= 0);
    if (pid == 0) {
        for (;;)
            pause();
    }
    assert_true(joined);
    char path[600];
    snprintf(path, sizeof path, "%s", f->cg.v2);
    pc_cgroup_destroy(&f->cg); /* must kill the sleeper, then rmdir */
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    struct stat sb;
    assert_int_equal(stat(path, &sb), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(f->cg.v2fd, -1);
}

/* ---- cgroup v1 ---- */

static int setup_v1(void **state)
{
    struct statfs sf;
    if (geteuid() != 0 || statfs("/sys/fs/cgroup/memory", &sf) < 0 || sf.f_type != CGROUP_SUPER_MAGIC ||
        statfs("/sys/fs/cgroup/pids", &sf) < 0 || sf.f_type != CGROUP_SUPER_MAGIC)
        return 0;
    fixture *f = calloc(1, sizeof *f);
    f->cg.v2fd = -1;
    char own_mem[400], own_pids[400];
    cgroup_path_of(getpid(), "memory", own_mem, sizeof own_mem);
    cgroup_path_of(getpid(), "pids", own_pids, sizeof own_pids);
    snprintf(f->cg.mem_home, sizeof f->cg.mem_home, "/sys/fs/cgroup/memory%s",
             strcmp(own_mem, "/") ? own_mem : "");
    snprintf(f->cg.pids_home, sizeof f->cg.pids_home, "/sys/fs/cgroup/pids%s",
             strcmp(own_pids, "/") ? own_pids : "");
    snprintf(f->rel, sizeof f->rel, "pc-test-cgroup-%d", (int)getpid());
    snprintf(f->cg.mem, sizeof f->cg.mem, "%s/%s", f->cg.mem_home, f->rel);
    snprintf(f->cg.pids, sizeof f->cg.pids, "%s/%s", f->cg.pids_home, f->rel);
    if (mkdir(f->cg.mem, 0755) < 0 || mkdir(f->cg.pids, 0755) < 0) {
        rmdir(f->cg.mem);
        free(f);
        return 0;
    }
    f->cg.version = 1;
    *state = f;
    return 0;
}

/* The child is in the run's memory and pids cgroups from its first
 * instruction; the parent is back where it was. */
static void v1_born_inside(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    char before_mem[512], before_pids[512], after[512];
    cgroup_path_of(getpid(), "memory", before_mem, sizeof before_mem);
    cgroup_path_of(getpid(), "pids", before_pids, sizeof before_pids);
    int p[2];
    assert_int_equal(pipe(p), 0);
    bool joined = false;
    pid_t pid = pc_cgroup_fork(&f->cg, 0, &joined);
    assert_true(pid >= 0);
    if (pid == 0) {
        char m[512], k[512], line[1100];
        close(p[0]);
        cgroup_path_of(getpid(), "memory", m, sizeof m); /* the first thing it does */
        cgroup_path_of(getpid(), "pids", k, sizeof k);
        int n = snprintf(line, sizeof line, "%s %s", m, k);
        (void)!write(p[1], line, (size_t)n);
        _exit(0);
    }
    close(p[1]);
    assert_true(joined);
    char seen[1100] = "";
    ssize_t n = read(p[0], seen, sizeof seen - 1);
    close(p[0]);
    assert_true(n > 0);
    seen[n] = '\0';
    assert_int_equal(waitpid(pid, NULL, 0), pid);
    char want[1100];
    snprintf(want, sizeof want, "%s/%s %s/%s", strcmp(before_mem, "/") ? before_mem : "", f->rel,
             strcmp(before_pids, "/") ? before_pids : "", f->rel);
    assert_string_equal(seen, want);
    cgroup_path_of(getpid(), "memory", after, sizeof after);
    assert_string_equal(after, before_mem);
    cgroup_path_of(getpid(), "pids", after, sizeof after);
    assert_string_equal(after, before_pids);
}

/* Without the home paths the child starts outside, for pc_cgroup_add. */
static void v1_without_home_forks_outside(void **state)
{
    fixture *f = *state;
    if (!f)
        skip();
    f->cg.mem_home[0] = '\0';
    bool joined = true;
    pid_t pid = pc_cgroup_fork(&f->cg, 0, &joined);
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(0);
    assert_false(joined);
    assert_int_equal(waitpid(pid, NULL, 0), pid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(born_inside_with_clone3, setup, teardown),
        cmocka_unit_test_setup_teardown(fork_then_add_without_fd, setup, teardown),
        cmocka_unit_test_setup_teardown(destroy_kills_and_removes, setup, teardown),
        cmocka_unit_test_setup_teardown(v1_born_inside, setup_v1, teardown),
        cmocka_unit_test_setup_teardown(v1_without_home_forks_outside, setup_v1, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
