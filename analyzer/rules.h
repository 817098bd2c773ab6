/* Rules and rule sets: the data model, and loading them from YAML. */
#ifndef PC_RULES_H
#define PC_RULES_H

#include "arena.h"
#include "error.h"
#include "needles.h"

#include <stdbool.h>
#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <tree_sitter/api.h>

typedef enum pc_severity { PC_SEV_INFO, PC_SEV_LOW, PC_SEV_MEDIUM, PC_SEV_HIGH, PC_SEV_CRITICAL } pc_severity;
typedef enum pc_confidence { PC_CONF_LOW, PC_CONF_MEDIUM, PC_CONF_HIGH } pc_confidence;

const char *pc_severity_name(pc_severity s);
int pc_severity_parse(const char *s); /* -1 if unknown */
const char *pc_confidence_name(pc_confidence c);
int pc_confidence_parse(const char *s); /* -1 if unknown */

typedef enum pc_match_kind {
    PC_MATCH_IMPORT,
    PC_MATCH_CALL,
    PC_MATCH_ATTRIBUTE,
    PC_MATCH_NAME,
    PC_MATCH_STRING,
    PC_MATCH_QUERY,
    PC_MATCH_DYNAMIC,
    PC_MATCH_INPUT,
    PC_MATCH_ASSIGN,
    PC_MATCH_SYNTAX,
    PC_MATCH_DEFINE,
} pc_match_kind;

const char *pc_match_kind_name(pc_match_kind k);

/* A literal value from YAML or from Python source. */
typedef enum pc_value_type { PC_VAL_NONE, PC_VAL_BOOL, PC_VAL_INT, PC_VAL_FLOAT, PC_VAL_STR } pc_value_type;
typedef struct pc_value {
    pc_value_type type;
    bool b;
    long long i;
    double f;
    const char *s;
    size_t slen;
} pc_value;

typedef enum pc_arg_is {
    PC_ARG_ANY,
    PC_ARG_LITERAL,
    PC_ARG_COMPUTED,
    PC_ARG_PRESENT,
    PC_ARG_ABSENT,
    PC_ARG_TRUTHY
} pc_arg_is;

#define PC_ARG_ANYWHERE (-2) /* position: any */
#define PC_ARG_RECEIVER (-3) /* position: receiver (x in x.method(...)) */
#define PC_ARG_RESULT (-4)   /* a writer's position: result (the bytes pickle.dumps returns) */

/* A call that writes a file, and where its path goes: `written_by`. */
typedef struct pc_file_writer {
    const char *callee;  /* a qualified name or glob, as in `callee:` */
    int position;        /* -1: by keyword only */
    const char *keyword; /* NULL: by position only */
} pc_file_writer;

typedef struct pc_argcond {
    int position;        /* -1: not by position; PC_ARG_ANYWHERE: any argument; PC_ARG_RECEIVER */
    const char *keyword; /* NULL: not by keyword */
    pc_arg_is is;
    bool has_equals;
    pc_value equals;
    pcre2_code *regex;              /* string value (a literal list: its items joined by spaces) */
    pcre2_code *text;               /* the argument's source text */
    pcre2_code *unless_text;        /* ... which must not match this (an absent argument holds) */
    pcre2_code *all_text;           /* every value a string literal whose text matches (all_text) ... */
    bool all_negate;                /* ... or not every one (unless_all_text; an absent argument holds) */
    unsigned char follow;           /* text: also the expressions assigned to names in the argument (1), or
                                     * to the argument when it is a name (2: follow: name) */
    const pc_file_writer *writers;  /* written_by / unless_written_by: calls in the same file writing */
    size_t nwriters;                /* the file the argument names (both paths fold to one string) */
    bool unless_written;            /* unless_written_by: holds when no such call writes it */
    bool text_first_known;          /* text is anchored and (pc_argcond_first_bytes) ... */
    unsigned char text_first[32];   /* ... can only match a text starting with these bytes */
    const pc_needles *text_needles; /* text: one of these is in any text it matches (NULL: unknown) */
} pc_argcond;

/* `syntax` constructs (bit flags). */
enum {
    PC_SYN_ASSERT = 1u << 0,
    PC_SYN_EXCEPT_PASS = 1u << 1,
    PC_SYN_EXCEPT_CONTINUE = 1u << 2,
    PC_SYN_STAR_IMPORT = 1u << 3,
    PC_SYN_GLOBAL = 1u << 4,
    PC_SYN_ANNOTATION_CALL = 1u << 5, /* a string annotation with a call in it */
    PC_SYN_SECRET_HOST = 1u << 6,     /* a service's credential sent to another host */
    PC_SYN_TREE_WIPE = 1u << 7,       /* files of a walk over home or / deleted one by one */
    PC_SYN_WRITTEN_CODE = 1u << 8,    /* Python written into a file, which this check would deny */
};

/* Dynamic-access kinds (bit flags). */
enum {
    PC_DYN_GETATTR = 1u << 0,
    PC_DYN_SETATTR = 1u << 1,
    PC_DYN_IMPORT = 1u << 2,
    PC_DYN_NAMESPACE = 1u << 3,
    PC_DYN_DEPTH = 1u << 4,   /* a name followed further than resolution goes */
    PC_DYN_HANDOFF = 1u << 5, /* a module handed to a call as an argument */
};
const char *pc_dynamic_kind_name(unsigned bit);

typedef enum pc_pred_op { PC_PRED_EQ, PC_PRED_NOT_EQ, PC_PRED_MATCH, PC_PRED_NOT_MATCH } pc_pred_op;
typedef struct pc_query_pred {
    pc_pred_op op;
    uint32_t capture;
    int other_capture; /* -1: compare with `text` */
    const char *text;
    pcre2_code *regex;
    struct pc_query_pred *next;
} pc_query_pred;

/* call rules: whether the call's value goes anywhere */
#define PC_RESULT_USED 1
#define PC_RESULT_DISCARDED 2
/* bound to a name (x = call, with call as x, self.x = call) that the
 * program stores into by subscript (x[k] = v), or not */
#define PC_RESULT_STORED_INTO 3
#define PC_RESULT_NOT_STORED_INTO 4

/* call rules: how the callee is written */
#define PC_CALLEE_PLAIN 1  /* by the name it is imported by: os.system, o.system, system */
#define PC_CALLEE_HIDDEN 2 /* any other way: getattr(os, "system"), sys.modules["os"].system */

typedef struct pc_rule {
    const char *id, *message, *cwe; /* cwe: "CWE-95" or "CWE-94, CWE-95" */
    const char **tags;
    size_t ntags;
    const char **bandit;
    size_t nbandit;
    const char **requires; /* rule ids: reported only in a file where one of these reports too */
    size_t nrequires;
    pc_severity severity;
    pc_confidence confidence;
    pc_match_kind kind;
    const char **patterns; /* import/call/attribute/name */
    size_t npatterns;
    bool except;          /* import: flag modules NOT in patterns */
    const char **excepts; /* call: callees matched by patterns but left out (globs) */
    size_t nexcepts;
    pc_argcond *args;
    size_t nargs;
    bool references_only;      /* call: references that are not calls, never the calls */
    bool references_also;      /* call with args: references match too (their arguments are not known) */
    unsigned char result;      /* call: 0 any call, or one of PC_RESULT_* */
    unsigned char callee_form; /* call: 0 any, or one of PC_CALLEE_* */
    pcre2_code *regex;         /* string (a list: its first item) */
    pcre2_code **more;         /* string: a list's other items, each tried on its own */
    size_t nmore;
    const pc_needles **needles; /* string: for regex and each of more (an entry NULL: unknown) */
    bool bytes;
    bool unless_parsed;  /* string: not when only handed to a def that parses it (parsed_only.c) */
    bool unless_key_use; /* string: not when only used as an SSH identity (key_use.c) */
    bool in_home_walk;   /* string: only in a def that walks home or / (key_walk.c) */
    bool unless_data;    /* string: not where no other kind of rule reports medium or above */
    bool docstrings;     /* string: also in docstrings (always when the file reads __doc__) */
    TSQuery *query;
    const char *query_src;
    int capture;           /* query: capture index for the span, -1 whole match */
    pc_query_pred **preds; /* query: per pattern */
    unsigned dynamic_kinds;
    bool target_module;   /* dynamic: only on modules */
    bool target_other;    /* dynamic: only on what is not a module */
    unsigned input_kinds; /* bit per pc_input_kind */
    pcre2_code *target;   /* assign: the bound name */
    pc_argcond *value;    /* assign: optional condition on the value */
    unsigned syntax_kinds;
    const char *file;
    unsigned line;
} pc_rule;

typedef struct pc_ruleset {
    pc_arena arena;
    pc_rule **rules;
    size_t count, cap;
    const char **files; /* files loaded, in order */
    size_t nfiles;
    struct pc_ruleset **parts; /* rule sets loaded in parallel and merged here */
    size_t nparts;
    void *map; /* the cache entry the rules came from: their strings point into it */
    size_t maplen;
} pc_ruleset;

pc_ruleset *pc_ruleset_new(void);
void pc_ruleset_free(pc_ruleset *rs);
/* Load one YAML rule file. Errors are "file:line:col: reason". */
int pc_ruleset_load_file(pc_ruleset *rs, const char *path, pc_error *err);
/* The rule-set names under dir: relative paths without ".yaml", sorted,
 * recursing, skipping policies/ and sandbox/. -1 when memory ran out. */
int pc_rules_collect(const char *dir, char ***names, size_t *n);
/* Load every rule set under dir (see pc_rules_collect). */
int pc_ruleset_load_dir(pc_ruleset *rs, const char *dir, pc_error *err);
/* Load several files, in parallel, merged in the order given (duplicate ids
 * across files are an error, as when loading one by one). */
int pc_ruleset_load_files(pc_ruleset *rs, const char *const *paths, size_t n, pc_error *err);
/* Load from a file or directory. */
int pc_ruleset_load_path(pc_ruleset *rs, const char *path, pc_error *err);

/* Works out which first bytes an anchored `text` regex can match a text
 * starting with (text_first), so that most arguments are turned away
 * without running it. 256 partial matches: done when the rules cache is
 * written, which keeps the result, or before checking many files. md: 16
 * pairs at least. */
void pc_argcond_first_bytes(pc_argcond *ac, pcre2_match_data *md);
const pc_rule *pc_ruleset_find(const pc_ruleset *rs, const char *id);

/* Python-source literal matching helpers shared with the analyzer. */
bool pc_glob_match(const char *pattern, const char *name);
/* Module-name semantics: a plain name matches the module and its submodules. */
bool pc_module_match(const char *pattern, const char *module);

/* The TSLanguage used for queries and parsing. */
const TSLanguage *pc_python_language(void);

#endif
