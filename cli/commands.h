/* The subcommands of the portcullis executable. Each returns the process
 * exit status: 0 allow/ok, 1 deny/failure found, 2 error. */
#ifndef PC_COMMANDS_H
#define PC_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

int cmd_check(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_run(int argc, char **argv, bool exec_mode);
int cmd_audit(int argc, char **argv);
/* main's argument area, for helper processes that must not show it */
extern char *pc_title_area;
extern size_t pc_title_len;
void usage_run(void);
void usage_check(void);
void usage_rules(void);
void usage_audit(void);

/* Print "portcullis: message" on stderr (one line). */
void pc_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
