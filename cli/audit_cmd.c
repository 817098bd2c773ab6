/* portcullis audit verify: check an audit log's chain. */
#include "audit.h"
#include "commands.h"
#include "report.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

void usage_audit(void)
{
    puts("usage: portcullis audit verify [--expect-last HASH] [--anchor HASH] FILE\n"
         "\n"
         "Check the hash chain of an audit log (written by check, run and exec with\n"
         "--audit FILE). Prints the number of records and the last record's hash, or\n"
         "FILE:LINE and the first record that was edited, removed, inserted or\n"
         "reordered, or a last record cut short by a crash.\n"
         "\n"
         "Removing records from the end of a log leaves a valid chain: keep the last\n"
         "hash somewhere else and give it back here.\n"
         "  --expect-last HASH   the last record must be the one with this SHA-256\n"
         "  --anchor HASH        the record with this SHA-256 must still be in the log\n"
         "                       (records appended after it are fine)\n"
         "\n"
         "Exit status: 0 the chain is valid, 1 it is not, 2 error (e.g. no such file).");
}

/* A hash option: 64 hex digits, lowercased in place. */
static int hash_arg(char *s, const char *opt)
{
    size_t n = 0;
    for (; s[n]; n++) {
        if (!isxdigit((unsigned char)s[n]))
            break;
        s[n] = (char)tolower((unsigned char)s[n]);
    }
    if (n == 64 && !s[n])
        return 0;
    pc_errorf("audit verify: %s wants a SHA-256 (64 hex digits)", opt);
    return -1;
}

static void print_clean(const char *fmt_path, const char *rest)
{
    char path[1024], msg[1024];
    pc_report_clean(fmt_path, strlen(fmt_path), path, sizeof path, false);
    pc_report_clean(rest, strlen(rest), msg, sizeof msg, false);
    printf("%s%s\n", path, msg);
}

static int verify(const char *path, const pc_audit_verify_opts *o)
{
    pc_audit_verdict v;
    pc_error err = {{0}};
    int rc = pc_audit_verify(path, o, &v, &err);
    char rest[1024];
    if (rc < 0) {
        pc_errorf("audit verify: %s", err.msg);
        return 2;
    }
    if (rc > 0) {
        if (v.line)
            snprintf(rest, sizeof rest, ":%llu: %s", v.line, v.problem);
        else
            snprintf(rest, sizeof rest, ": %s", v.problem);
        print_clean(path, rest);
        return 1;
    }
    if (!v.records)
        snprintf(rest, sizeof rest, ": 0 records, chain valid (empty log)");
    else
        snprintf(rest, sizeof rest, ": %llu record%s, chain valid (last seq %lld, last hash %s)", v.records,
                 v.records == 1 ? "" : "s", v.last_seq, v.last_hash);
    if (o->anchor && v.anchor_line) {
        size_t n = strlen(rest);
        snprintf(rest + n, sizeof rest - n, "; anchored record at line %llu", v.anchor_line);
    }
    print_clean(path, rest);
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage_audit();
        return 0;
    }
    if (argc < 2 || strcmp(argv[1], "verify")) {
        pc_errorf("audit: expected 'verify' (see 'portcullis help audit')");
        return 2;
    }
    static const struct option opts[] = {
        {"expect-last", required_argument, 0, 'l'},
        {"anchor", required_argument, 0, 'a'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    pc_audit_verify_opts o = {0};
    int c;
    optind = 1;
    opterr = 0;
    argc--, argv++;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l':
            if (hash_arg(optarg, "--expect-last") < 0)
                return 2;
            o.expect_last = optarg;
            break;
        case 'a':
            if (hash_arg(optarg, "--anchor") < 0)
                return 2;
            o.anchor = optarg;
            break;
        case 'h': usage_audit(); return 0;
        default:
            pc_errorf("audit verify: unknown or incomplete option '%s' (see 'portcullis help audit')",
                      argv[optind - 1]);
            return 2;
        }
    }
    if (argc - optind != 1) {
        pc_errorf("audit verify: expected one FILE (see 'portcullis help audit')");
        return 2;
    }
    int rc = verify(argv[optind], &o);
    fflush(stdout);
    return rc;
}
