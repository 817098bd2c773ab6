#include "cache.h"
#include "seccomp_policy.h"
#include "yamlutil.h"

#include <errno.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <linux/seccomp.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_NR 1024

typedef struct syscall_set {
    bool allow[MAX_NR];
    bool never[MAX_NR];
} syscall_set;

static int add_name(pc_yaml *y, yaml_node_t *at, const char *name, bool *set, pc_error *err)
{
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR)
        return pc_yaml_fail(y, at, err, "unknown syscall '%s'", name);
    if (nr >= 0 && nr < MAX_NR)
        set[nr] = true;
    return 0; /* negative: a pseudo-syscall absent on this architecture */
}

static int add_list(pc_yaml *y, yaml_node_t *list, bool *set, pc_error *err)
{
    if (!list || list->type != YAML_SEQUENCE_NODE)
        return pc_yaml_fail(y, list, err, "expected a list of syscall names");
    for (yaml_node_item_t *i = list->data.sequence.items.start; i < list->data.sequence.items.top; i++) {
        yaml_node_t *n = yaml_document_get_node(&y->doc, *i);
        const char *s = pc_yaml_scalar(n);
        if (!s)
            return pc_yaml_fail(y, n, err, "expected a syscall name");
        if (add_name(y, n, s, set, err) < 0)
            return -1;
    }
    return 0;
}

static int load_groups(const pc_seccomp_opts *o, syscall_set *set, pc_error *err)
{
    pc_yaml y;
    if (pc_yaml_load(&y, o->groups_path, err) < 0) {
        pc_yaml_free(&y);
        return -1;
    }
    int rc = 0;
    yaml_node_t *root = pc_yaml_root(&y);
    static const char *const keys[] = {"groups", "default", "never", NULL};
    yaml_node_t *groups = pc_yaml_get(&y, root, "groups"), *def = pc_yaml_get(&y, root, "default");
    if (pc_yaml_check_keys(&y, root, keys, err) < 0 || !groups || groups->type != YAML_MAPPING_NODE || !def) {
        rc = err->msg[0] ? -1 : pc_yaml_fail(&y, root, err, "needs 'groups' (a mapping) and 'default'");
        goto out;
    }
    if ((rc = add_list(&y, pc_yaml_get(&y, root, "never"), set->never, err)) < 0)
        goto out;
    /* the groups wanted: the policy's, or the file's default */
    const char *want[64];
    size_t nwant = 0;
    if (o->groups) {
        for (size_t i = 0; i < o->ngroups && nwant < 64; i++)
            want[nwant++] = o->groups[i];
    } else {
        for (yaml_node_item_t *i = def->data.sequence.items.start;
             def->type == YAML_SEQUENCE_NODE && i < def->data.sequence.items.top && nwant < 64; i++)
            want[nwant++] = pc_yaml_scalar(yaml_document_get_node(&y.doc, *i));
    }
    for (size_t k = 0; k < nwant; k++) {
        const char *g = want[k] && want[k][0] == '@' ? want[k] + 1 : want[k];
        yaml_node_t *list = g ? pc_yaml_get(&y, groups, g) : NULL;
        if (!list) {
            rc = pc_fail(err, "%s: unknown syscall group '%s'", o->groups_path, want[k] ? want[k] : "?");
            goto out;
        }
        if ((rc = add_list(&y, list, set->allow, err)) < 0)
            goto out;
    }
    for (int nr = 0; nr < MAX_NR; nr++) {
        if (set->allow[nr] && set->never[nr]) {
            char name[64];
            pc_seccomp_name(nr, name, sizeof name);
            rc =
                pc_fail(err, "%s: syscall '%s' is in a group but may never be allowed", o->groups_path, name);
            goto out;
        }
    }
out:
    pc_yaml_free(&y);
    return rc;
}

void pc_seccomp_name(int nr, char *buf, size_t cap)
{
    char *n = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
    snprintf(buf, cap, "%s", n ? n : "unknown");
    if (!n)
        snprintf(buf, cap, "syscall %d", nr);
    free(n);
}

#define RULE(ctx, act, name, ...)                                                                            \
    do {                                                                                                     \
        int r_ = seccomp_rule_add(ctx, act, SCMP_SYS(name), __VA_ARGS__);                                    \
        if (r_ < 0 && r_ != -EDOM) {                                                                         \
            pc_fail(err, "seccomp: cannot add a rule for %s: %s", #name, strerror(-r_));                     \
            goto fail;                                                                                       \
        }                                                                                                    \
    } while (0)

scmp_filter_ctx pc_seccomp_build(const pc_seccomp_opts *o, pc_error *err)
{
    syscall_set *set = calloc(1, sizeof *set);
    if (!set) {
        pc_fail(err, "out of memory");
        return NULL;
    }
    err->msg[0] = '\0';
    if (load_groups(o, set, err) < 0) {
        free(set);
        return NULL;
    }
    /* Unknown numbers (not in libseccomp's table) are killed outright. */
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (!ctx) {
        free(set);
        pc_fail(err, "seccomp: cannot initialise libseccomp");
        return NULL;
    }
    uint32_t deny = SCMP_ACT_NOTIFY;
    const uint64_t nsflags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |
                             CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME;
    /* foreign ABIs (i386, x32) are killed: only the native arch is in the filter */
    if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) < 0 ||
        seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1) < 0) {
        pc_fail(err, "seccomp: cannot set filter attributes");
        goto fail;
    }
    /* a binary tree of syscall numbers: fewer instructions on each call, and
     * less for the kernel to check and JIT at load (optional: libseccomp >= 2.5) */
    (void)seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
    /* argument-filtered syscalls */
    set->allow[SCMP_SYS(setsid)] = o->allow_setsid;
    set->allow[SCMP_SYS(setpgid)] = o->allow_setsid;
    RULE(ctx, SCMP_ACT_ALLOW, clone, 1, SCMP_A0(SCMP_CMP_MASKED_EQ, nsflags, 0));
    for (int b = 0; b < 64; b++)
        if (nsflags & (1ull << b))
            RULE(ctx, deny, clone, 1, SCMP_A0(SCMP_CMP_MASKED_EQ, 1ull << b, 1ull << b));
    RULE(ctx, SCMP_ACT_ERRNO(ENOSYS), clone3, 0); /* libraries fall back to clone */
    /* socket and prctl: a few values allowed, every other one denied (the
     * exact matches win over the catch-all, as for ioctl below) */
    static const int families[] = {AF_UNIX, AF_INET, AF_INET6};
    for (size_t i = 0; i < sizeof families / sizeof *families; i++)
        if (families[i] == AF_UNIX ? o->unix_sockets : o->inet)
            RULE(ctx, SCMP_ACT_ALLOW, socket, 1, SCMP_A0(SCMP_CMP_EQ, (uint64_t)families[i]));
    RULE(ctx, deny, socket, 1, SCMP_A0(SCMP_CMP_GE, 0));
    /* ioctl: the kernel reads the request as 32 bits, so the dangerous ones are
     * matched under a 32-bit mask (these rules win over the ranges below) */
    static const unsigned long bad_ioctl[] = {TIOCSTI, TIOCLINUX, TIOCSETD};
    for (size_t i = 0; i < sizeof bad_ioctl / sizeof *bad_ioctl; i++)
        RULE(ctx, deny, ioctl, 1, SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, bad_ioctl[i]));
    RULE(ctx, SCMP_ACT_ALLOW, ioctl, 1, SCMP_A1(SCMP_CMP_LT, TIOCSTI));
    RULE(ctx, SCMP_ACT_ALLOW, ioctl, 1, SCMP_A1(SCMP_CMP_GT, TIOCSTI));
    static const int prctl_ok[] = {PR_SET_NAME,         PR_GET_NAME,      PR_SET_NO_NEW_PRIVS,
                                   PR_GET_NO_NEW_PRIVS, PR_GET_DUMPABLE,  PR_SET_PDEATHSIG,
                                   PR_GET_PDEATHSIG,    PR_GET_SECCOMP,   PR_CAPBSET_READ,
                                   PR_GET_KEEPCAPS,     PR_GET_TIMERSLACK};
    for (size_t i = 0; i < sizeof prctl_ok / sizeof *prctl_ok; i++)
        RULE(ctx, SCMP_ACT_ALLOW, prctl, 1, SCMP_A0(SCMP_CMP_EQ, (uint64_t)prctl_ok[i]));
    RULE(ctx, SCMP_ACT_ALLOW, prctl, 1, SCMP_A0(SCMP_CMP_EQ, (uint64_t)PR_SET_VMA));
    RULE(ctx, deny, prctl, 1, SCMP_A0(SCMP_CMP_GE, 0));
    /* personality: only queries and the plain Linux persona */
    RULE(ctx, SCMP_ACT_ALLOW, personality, 1, SCMP_A0(SCMP_CMP_EQ, 0xffffffffu));
    RULE(ctx, SCMP_ACT_ALLOW, personality, 1, SCMP_A0(SCMP_CMP_EQ, 0));
    int filtered[] = {SCMP_SYS(clone), SCMP_SYS(clone3), SCMP_SYS(socket),
                      SCMP_SYS(ioctl), SCMP_SYS(prctl),  SCMP_SYS(personality)};
    for (int nr = 0; nr < MAX_NR; nr++) {
        bool skip = false;
        for (size_t i = 0; i < sizeof filtered / sizeof *filtered; i++)
            skip |= filtered[i] == nr;
        if (skip)
            continue;
        char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
        if (!name)
            continue;
        free(name);
        int r = seccomp_rule_add(ctx, set->allow[nr] ? SCMP_ACT_ALLOW : deny, nr, 0);
        if (r < 0) {
            pc_fail(err, "seccomp: cannot add a rule for syscall %d: %s", nr, strerror(-r));
            goto fail;
        }
    }
    (void)o->errno_mode; /* denials reach the supervisor, which answers per policy */
    free(set);
    return ctx;
fail:
    free(set);
    seccomp_release(ctx);
    return NULL;
}

int pc_seccomp_export(scmp_filter_ctx ctx, pc_bpf *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    int fd = memfd_create("portcullis-bpf", MFD_CLOEXEC);
    if (fd < 0)
        return pc_fail(err, "seccomp: memfd: %s", strerror(errno));
    int r = seccomp_export_bpf(ctx, fd);
    off_t size = r == 0 ? lseek(fd, 0, SEEK_END) : -1;
    if (size <= 0 || size % (off_t)sizeof(struct sock_filter) ||
        size / (off_t)sizeof(struct sock_filter) > 65535) {
        close(fd);
        return pc_fail(err, "seccomp: exporting the filter failed");
    }
    out->insns = malloc((size_t)size);
    if (!out->insns || pread(fd, out->insns, (size_t)size, 0) != size) {
        close(fd);
        pc_bpf_free(out);
        return pc_fail(err, "seccomp: reading the filter back failed");
    }
    close(fd);
    out->len = (unsigned short)(size / (off_t)sizeof(struct sock_filter));
    return 0;
}

void pc_bpf_free(pc_bpf *b)
{
    free(b->insns);
    b->insns = NULL;
    b->len = 0;
}

int pc_seccomp_load(const pc_bpf *b)
{
    struct sock_fprog prog = {.len = b->len, .filter = b->insns};
    /* SECCOMP_FILTER_FLAG_NEW_LISTENER: the fd on which denials are notified */
    long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
    return fd < 0 ? -1 : (int)fd;
}

/* ---- the compiled-filter cache ---- */

static void fnv(uint64_t *h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= b[i];
        *h *= 1099511628211ULL;
    }
}

/* An entry is the key (8 bytes) and the filter's instructions. */
static bool cache_read(const char *path, uint64_t key, pc_bpf *out)
{
    size_t len = 0;
    unsigned char *data = pc_cache_read(path, 8 + 65535 * sizeof(struct sock_filter), &len);
    uint64_t k = 0;
    if (data && len > 8)
        memcpy(&k, data, 8);
    if (!data || len <= 8 || (len - 8) % sizeof(struct sock_filter) || k != key) {
        free(data);
        return false;
    }
    out->len = (unsigned short)((len - 8) / sizeof(struct sock_filter));
    out->insns = malloc(len - 8);
    if (out->insns)
        memcpy(out->insns, data + 8, len - 8);
    free(data);
    return out->insns != NULL;
}

static void cache_write(const char *path, uint64_t key, const pc_bpf *b)
{
    size_t n = (size_t)b->len * sizeof *b->insns;
    unsigned char *data = malloc(8 + n);
    if (!data)
        return;
    memcpy(data, &key, 8);
    memcpy(data + 8, b->insns, n);
    pc_cache_write(path, data, 8 + n);
    free(data);
}

int pc_seccomp_compile(const pc_seccomp_opts *o, pc_bpf *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    uint64_t key = 1469598103934665603ULL;
    const struct scmp_version *v = seccomp_version();
    /* the filter also depends on this build's code: a rebuilt binary starts afresh */
    static const char build[] = "portcullis-bpf-v3";
    fnv(&key, build, sizeof build);
    unsigned long long exe[7];
    bool identified = pc_cache_build_id(exe) == 0;
    fnv(&key, exe, sizeof exe);
    if (v)
        fnv(&key, v, sizeof *v);
    unsigned flags = (o->errno_mode ? 1u : 0) | (o->inet ? 2u : 0) | (o->allow_setsid ? 4u : 0) |
                     (o->unix_sockets ? 8u : 0);
    fnv(&key, &flags, sizeof flags);
    for (size_t i = 0; o->groups && i < o->ngroups; i++)
        fnv(&key, o->groups[i], strlen(o->groups[i]) + 1);
    char dir[512], path[600];
    bool cacheable = false;
    int fd = open(o->groups_path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buf[65536];
        ssize_t n;
        cacheable = true;
        while ((n = read(fd, buf, sizeof buf)) > 0)
            fnv(&key, buf, (size_t)n);
        cacheable = n == 0;
        close(fd);
    }
    if (cacheable && identified && pc_cache_dir(dir, sizeof dir) == 0) {
        snprintf(path, sizeof path, "%s/seccomp-%016llx.bpf", dir, (unsigned long long)key);
        if (cache_read(path, key, out))
            return 0;
    } else {
        cacheable = false;
    }
    scmp_filter_ctx ctx = pc_seccomp_build(o, err);
    if (!ctx)
        return -1;
    int rc = pc_seccomp_export(ctx, out, err);
    seccomp_release(ctx);
    if (rc == 0 && cacheable)
        cache_write(path, key, out);
    return rc;
}
