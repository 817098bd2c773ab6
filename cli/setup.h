/* Loading the policy and rules that a command runs with. */
#ifndef PC_SETUP_H
#define PC_SETUP_H

#include "analyze.h"

typedef struct pc_setup {
    const char *policy_name; /* as given, default "standard" */
    const char *extra_rules[64];
    int nextra;
    pc_policy *policy;
    pc_ruleset *rules;
    pc_engine *engine;
} pc_setup;

/* Load policy, its rule sets and the extra ones; build the engine. */
int pc_setup_load(pc_setup *s, pc_error *err);
/* The same in two steps: the policy, then its rules and the engine. */
int pc_setup_load_policy(pc_setup *s, pc_error *err);
int pc_setup_load_rules(pc_setup *s, pc_error *err);
void pc_setup_free(pc_setup *s);

/* Hex SHA-256 over the policy file and every rule file loaded, in load
 * order (each file's length, then its bytes): what an audit record names as
 * the rules a verdict came from. */
int pc_setup_rules_digest(const pc_setup *s, char out[65], pc_error *err);

/* Hex SHA-256 of the policy file as it is (what sha256sum prints); "" for
 * a policy that has no file. */
int pc_setup_policy_digest(const pc_policy *p, char out[65], pc_error *err);

#endif
