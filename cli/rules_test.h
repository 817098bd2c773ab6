/* portcullis rules test PATH... (see rules_test.c). */
#ifndef PC_RULES_TEST_H
#define PC_RULES_TEST_H

#include "analyze.h"

/* argv[0] is "test". Exit status: 0 all passed, 1 a failure, 2 an error. */
int cmd_rules_test(int argc, char **argv);

#endif
