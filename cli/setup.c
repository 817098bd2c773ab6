#include "setup.h"

int pc_setup_load(pc_setup *s, pc_error *err)
{
    const char *dir = pc_default_rules_dir();
    if (!s->policy_name)
        s->policy_name = "standard";
    if (!(s->policy = pc_policy_load(s->policy_name, dir, err)))
        return -1;
    if (!(s->rules = pc_ruleset_new()))
        return pc_fail(err, "out of memory");
    if (pc_policy_load_rules(s->policy, dir, s->rules, err) < 0)
        return -1;
    for (int i = 0; i < s->nextra; i++)
        if (pc_ruleset_load_path(s->rules, s->extra_rules[i], err) < 0)
            return -1;
    if (!(s->engine = pc_engine_new(s->policy, s->rules, err)))
        return -1;
    return 0;
}

void pc_setup_free(pc_setup *s)
{
    pc_engine_free(s->engine);
    pc_ruleset_free(s->rules);
    pc_policy_free(s->policy);
    s->engine = NULL;
    s->rules = NULL;
    s->policy = NULL;
}
