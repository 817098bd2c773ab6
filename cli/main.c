/* portcullis: the gate in front of running AI-written code. */
#include "timeline.h"
#include "commands.h"
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pc_errorf(const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char clean[2048];
    pc_report_clean(msg, strlen(msg), clean, sizeof clean, false);
    fprintf(stderr, "portcullis: %s\n", clean);
}

static void usage(void)
{
    puts("usage: portcullis COMMAND [OPTIONS]\n"
         "\n"
         "Commands:\n"
         "  check PATH...      analyze Python code against a policy; print findings and a verdict\n"
         "  rules list         list the rules a policy loads\n"
         "  run FILE           check FILE, then run it in the sandbox if approved\n"
         "  exec -- CMD        run any command in the sandbox\n"
         "  audit verify FILE  check the hash chain of an audit log\n"
         "  help [COMMAND]     show help for a command\n"
         "\n"
         "Options:\n"
         "  --version          print the version\n"
         "  --help             print this help\n"
         "\n"
         "Exit status: 0 allowed, 1 denied, 2 error.");
}

char *pc_title_area;
size_t pc_title_len;

int main(int argc, char **argv)
{
    pc_timeline("main");
    if (argc > 0) {
        pc_title_area = argv[0];
        pc_title_len = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]);
    }
    if (argc < 2) {
        usage();
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("portcullis %s (tree-sitter-python 0.23.6)\n", pc_version());
        return 0;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage();
        return 0;
    }
    if (!strcmp(cmd, "help")) {
        if (argc < 3)
            usage();
        else if (!strcmp(argv[2], "check"))
            usage_check();
        else if (!strcmp(argv[2], "rules"))
            usage_rules();
        else if (!strcmp(argv[2], "run") || !strcmp(argv[2], "exec"))
            usage_run();
        else if (!strcmp(argv[2], "audit"))
            usage_audit();
        else {
            pc_errorf("help: unknown command '%s'", argv[2]);
            return 2;
        }
        return 0;
    }
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "rules"))
        return cmd_rules(argc - 1, argv + 1);
    if (!strcmp(cmd, "run") || !strcmp(cmd, "exec"))
        return cmd_run(argc - 1, argv + 1, cmd[0] == 'e');
    if (!strcmp(cmd, "audit"))
        return cmd_audit(argc - 1, argv + 1);
    pc_errorf("unknown command '%s' (see 'portcullis --help')", cmd);
    return 2;
}
