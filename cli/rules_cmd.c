/* portcullis rules list: what a policy loads; rules test: see rules_test.c. */
#include "commands.h"
#include "rules_test.h"
#include "setup.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

void usage_rules(void)
{
    puts("usage: portcullis rules list [--policy NAME|FILE] [--rules FILE|DIR]...\n"
         "       portcullis rules test [RULES.yaml|DIR]...\n"
         "\n"
         "list: every rule the policy loads: id, severity, match kind and a one-line\n"
         "summary. Loading validates the rule files: errors name file:line:column.\n"
         "\n"
         "test: run each rule file (default: every shipped one) against its test\n"
         "files, X.py beside X.yaml and X-cases/*.py, annotated as in Semgrep's rule\n"
         "repositories: '# ruleid: ID' before a line that must produce ID, '# ok: ID'\n"
         "before one that must not ('todoruleid' / 'todook' mark known gaps).\n"
         "Findings of the file's rules on lines without an annotation fail, and every\n"
         "rule needs a 'ruleid' case. Prints each failure as file:line and a summary;\n"
         "exit status 0 all passed, 1 a failure, 2 an error.");
}

/* The first sentence of a message, at most cap-1 bytes. */
static void summary(const char *msg, char *buf, size_t cap)
{
    size_t n = 0;
    for (const char *p = msg; *p && n + 1 < cap; p++) {
        if (*p == '\n' || *p == '\t') {
            buf[n++] = ' ';
            continue;
        }
        buf[n++] = *p;
        if (*p == '.' && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0'))
            break;
    }
    buf[n] = '\0';
}

int cmd_rules(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "test"))
        return cmd_rules_test(argc - 1, argv + 1);
    if (argc < 2 || strcmp(argv[1], "list")) {
        pc_errorf("rules: expected 'list' or 'test' (see 'portcullis help rules')");
        return 2;
    }
    static const struct option opts[] = {
        {"policy", required_argument, 0, 'p'},
        {"rules", required_argument, 0, 'r'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    pc_setup s = {0};
    int c;
    optind = 1;
    opterr = 0;
    argc--;
    argv++;
    while ((c = getopt_long(argc, argv, "p:r:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': s.policy_name = optarg; break;
        case 'r':
            if (s.nextra == 64) {
                pc_errorf("too many --rules options");
                return 2;
            }
            s.extra_rules[s.nextra++] = optarg;
            break;
        case 'h': usage_rules(); return 0;
        default: pc_errorf("rules list: unknown option '%s'", argv[optind - 1]); return 2;
        }
    }
    pc_error err;
    if (pc_setup_load(&s, &err) < 0) {
        pc_errorf("%s", err.msg);
        pc_setup_free(&s);
        return 2;
    }
    for (size_t i = 0; i < s.rules->count; i++) {
        const pc_rule *r = s.rules->rules[i];
        char sum[160];
        summary(r->message, sum, sizeof sum);
        printf("%-32s %-8s %-9s %s%s\n", r->id, pc_severity_name(pc_policy_severity(s.policy, r)),
               pc_match_kind_name(r->kind), sum, pc_policy_disabled(s.policy, r->id) ? " (disabled)" : "");
    }
    printf("%zu rules from %zu files; policy %s\n", s.rules->count, s.rules->nfiles, s.policy->name);
    pc_setup_free(&s);
    return 0;
}
