/* Policies: which rule sets apply and how findings become a verdict. */
#ifndef PC_POLICY_H
#define PC_POLICY_H

#include "arena.h"
#include "error.h"
#include "rules.h"

#include <stdbool.h>

typedef struct pc_severity_override {
    const char *id;
    pc_severity severity;
} pc_severity_override;

typedef struct pc_policy {
    pc_arena arena;
    const char *name, *description, *path, *dir;
    const char **rulesets;
    size_t nrulesets;
    const char **disable;
    size_t ndisable;
    const char **only; /* when set, every other rule is off */
    size_t nonly;
    pc_severity_override *overrides;
    size_t noverrides;
    bool deny_never;
    pc_severity deny_severity;
    pc_confidence deny_confidence;
    const char **deny_rules;
    size_t ndeny_rules;
    bool deny_input;
    bool suppressions;
    const char *audit_log; /* audit: FILE, relative paths from the policy's directory; or NULL */
} pc_policy;

/* Load a policy by name (looked up in <rules_dir>/policies/NAME.yaml) or path. */
pc_policy *pc_policy_load(const char *name_or_path, const char *rules_dir, pc_error *err);
void pc_policy_free(pc_policy *p);

/* Load the rule sets the policy names into rs (rules_dir resolves names). */
int pc_policy_load_rules(const pc_policy *p, const char *rules_dir, pc_ruleset *rs, pc_error *err);

bool pc_policy_disabled(const pc_policy *p, const char *rule_id);
pc_severity pc_policy_severity(const pc_policy *p, const pc_rule *r);
/* Does one finding of rule r (at effective severity sev) deny? */
bool pc_policy_denies(const pc_policy *p, const pc_rule *r, pc_severity sev);

/* Where the shipped rules live: $PORTCULLIS_RULES, next to the binary
 * (../share/portcullis/rules), or the source tree the binary was built from. */
const char *pc_default_rules_dir(void);

#endif
