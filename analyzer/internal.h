/* Shared by the analyzer's own files (scope, resolve, literal, match, query,
 * analyze); not part of any public interface. */
#ifndef PC_INTERNAL_H
#define PC_INTERNAL_H

#include "analyze.h"
#include "strmap.h"
#include "tsalloc.h"

#include <string.h>
#include <tree_sitter/api.h>

/* ---- engine: rules indexed by what they match ---- */

typedef struct pc_rule_ref {
    const pc_rule *rule;
    const char *pattern;
    const char *tail; /* the literal end of a glob: a cheap test before fnmatch */
    struct pc_rule_ref *next;
} pc_rule_ref;

typedef struct pc_name_index {
    pc_strmap exact;    /* name -> pc_rule_ref list */
    pc_strmap suffixes; /* "*LITERAL" patterns, keyed by the literal's last dotted part */
    pc_rule_ref *globs; /* every other glob */
} pc_name_index;

/* All query rules compiled into one query, so the tree is walked once. */
typedef struct pc_combined_query {
    TSQuery *query;
    const pc_rule **owner; /* per combined pattern */
    uint32_t *first;       /* per combined pattern: the owner's first pattern */
    uint32_t **capmap;     /* per combined pattern: owner capture id -> combined id */
} pc_combined_query;

struct pc_engine {
    pc_arena arena;
    pc_combined_query cq;
    const pc_policy *policy;
    const pc_ruleset *rules;
    pc_name_index calls, attributes, names, defines;
    const pc_rule **imports, **strings, **queries, **dynamics, **inputs, **assigns, **syntax;
    size_t nimports, nstrings, nqueries, ndynamics, ninputs, nassigns, nsyntax;
    pc_needle_index *string_needles; /* the needles of string rules' regexes, one set per regex ... */
    size_t *string_slot;             /* ... the first of strings[i]'s at string_slot[i] */
    bool handoff;                    /* some rule wants modules handed to calls (worth looking for) */
    unsigned syntax_kinds;           /* every syntax kind some rule asks for: the checks others skip */
};

struct pc_worker {
    const pc_engine *eng;
    pc_tsarena *ts;         /* tree-sitter's memory for the file being analyzed */
    TSParser *parser;       /* in ts, while a file is parsed and analyzed */
    TSQueryCursor *qcursor; /* likewise */
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    struct pc_worker *nested; /* for code the file writes (embedded.c), made when first needed */
    bool is_nested;           /* this is one: no deeper */
};

/* ---- scopes and bindings ---- */

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS, SCOPE_LAMBDA, SCOPE_COMPREHENSION } scope_kind;

typedef enum {
    BIND_IMPORT, /* qual = module or module.attr */
    BIND_ALIAS,  /* value = an expression to resolve (assignment, default) */
    BIND_LOCAL,  /* defined by the program, value unknown */
    BIND_DEL,    /* del NAME: the builtin may show through again */
    BIND_DEF,    /* def NAME: value = the function_definition, value_scope = its own scope */
    BIND_PART,   /* a, b = value / for NAME in value: a part of value, unknown which */
    BIND_CLASS,  /* class NAME: value = the class_definition, value_scope = its body's scope */
} bind_kind;

typedef struct binding {
    bind_kind kind;
    const char *qual;
    bool is_module;
    TSNode value;
    struct scope *value_scope;
    uint32_t offset;
    bool conditional;
    bool busy;              /* being folded: cuts cycles such as a = b; b = a */
    struct vals *returns;   /* def or lambda: what a call returns, once worked out */
    bool returns_cut;       /* ... when the depth bound cut that short, */
    uint32_t until;         /* a loop variable: where its loop ends (it is bound inside) */
    bool returns_deep;      /* ... after many hops, */
    int returns_depth;      /* ... at this depth: a shallower call works it out again */
    TSNode *ret_values;     /* a def: the values of its return statements (text conditions), */
    int nret_values;        /* ... how many, */
    bool ret_values_done;   /* ... once gathered */
    signed char wrapped;    /* its function is decorated or a parameter's default (1), or not (-1); 0: not
                             * asked yet (ts_node_parent walks down from the root, so once) */
    signed char argv_state; /* a def: the argument list it returns (literal.c) read (1), none (-1), */
    struct strval *argv;    /* ... it, read once */
    struct binding *next;
} binding;

/* Everything a scope binds to one name, summarised once. */
typedef struct namebind {
    binding *list;
    uint32_t first_uncond; /* offset of the first unconditional binding, or UINT32_MAX */
    bool has_del;
    bool has_local;       /* some binding is a local definition (def included) */
    bool has_plain_local; /* some binding is local, not a def nor a part: value unknown */
    bool has_part;        /* some binding is a part of a value (BIND_PART) */
    bool busy;
    struct vals *cache; /* union of the values of all bindings */
    struct vals *sites; /* a parameter: what its def's calls pass (resolve.c), once */
    bool cache_cut;     /* ... which the depth bound cut short (at cache_depth), */
    bool cache_deep;    /* ... after many hops */
    int cache_depth;
} namebind;

typedef struct scope {
    scope_kind kind;
    struct scope *parent;
    pc_strmap names;   /* name -> namebind */
    pc_strmap globals; /* names declared global (value unused) */
    pc_strmap nonlocals;
    pc_strmap attrs;    /* a class: self.NAME = value in its methods (NAME -> namebind) */
    const char **stars; /* `from X import *` modules */
    size_t nstars;
    uint32_t start; /* the start byte of the node that makes it (0: the module) */
    TSNode node;    /* that node (null for the module) */
    /* a def's parameters that take an argument by position or keyword, in
     * order (self included), worked out when first asked for */
    const char **params;
    int nparams, kwonly_from; /* params[kwonly_from...] are keyword-only */
    const char *varargs;      /* the *args parameter's name, or NULL */
    const char *fname;        /* the def's name */
    bool params_done;
    uint64_t keyonly;    /* a def's parameters whose body only reads keys of them (bit per param), */
    bool keyonly_done;   /* ... once worked out */
    struct scope **subs; /* a class: the classes of the file that name it as a base, */
    int nsubs;           /* ... how many, */
    bool subs_done;      /* ... once worked out (match.c: subclasses) */
} scope;

struct ctx;

/* a string value: not NUL-terminated */
typedef struct strval {
    const char *s;
    size_t len;
} strval;

/* ---- resolved values ---- */

typedef enum { VAL_MODULE, VAL_QUAL, VAL_NS } val_kind;

typedef struct val {
    val_kind kind;
    const char *qual; /* for VAL_NS: whose namespace ("<globals>" for globals()) */
} val;

#define VALS_MAX 16
typedef struct vals {
    val v[VALS_MAX];
    int n;
    bool unknown; /* some possibility is not statically known */
    bool local;   /* some possibility is a name the program defines */
} vals;

/* ---- per-analysis context ---- */

/* Node kinds the passes tell apart, from a table indexed by symbol (named
 * kinds only): K_OTHER for every other node. */
typedef enum {
    K_OTHER,
    K_IDENTIFIER,
    K_ATTRIBUTE,
    K_CALL,
    K_SUBSCRIPT,
    K_STRING,
    K_CONCATENATED_STRING,
    K_COMMENT,
    K_BLOCK,
    K_MODULE,
    K_ERROR,
    K_ASSIGNMENT,
    K_AUGMENTED_ASSIGNMENT,
    K_KEYWORD_ARGUMENT,
    K_FUNCTION_DEFINITION,
    K_CLASS_DEFINITION,
    K_LAMBDA,
    K_DEFAULT_PARAMETER,
    K_TYPED_DEFAULT_PARAMETER,
    K_FOR_STATEMENT,
    K_FOR_IN_CLAUSE,
    K_NAMED_EXPRESSION,
    K_EXCEPT_CLAUSE,
    K_IMPORT_STATEMENT,
    K_IMPORT_FROM_STATEMENT,
    K_FUTURE_IMPORT_STATEMENT,
    K_EXEC_STATEMENT,
    K_PRINT_STATEMENT,
    K_DELETE_STATEMENT,
    K_PATTERN_LIST,
    K_TUPLE_PATTERN,
    K_GLOBAL_STATEMENT,
    K_NONLOCAL_STATEMENT,
    K_AS_PATTERN_TARGET,
    K_ASSERT_STATEMENT,
    K_PAIR,
    K_BINARY_OPERATOR,
    K_RETURN,          /* return and yield: a value handed out of a function */
    K_NOT_LOAD,        /* identifiers in it never read a name: parameters, dotted names, patterns */
    K_KEYWORD_PATTERN, /* case C(name=...): reads the subject's attribute name, loads nothing */
    K_DICT_PATTERN,    /* case {"key": ...}: reads the subject's item "key" */
} node_kind;

typedef struct frame {
    TSNode node;
    const char *type;
    scope *sc;                      /* the scope names in this node resolve in */
    scope *pending;                 /* a def/lambda/class: its scope, entered at its body */
    uint32_t cond;                  /* nesting of control-flow statements within sc */
    uint32_t brackets;              /* nesting of brackets, as Python's tokenizer counts */
    TSFieldId field;                /* field id of node within its parent */
    TSSymbol sym;                   /* ts_node_symbol(node), taken once */
    uint32_t ind_col, ind_prev_row; /* a block: its statements' column, the last one's end */
    unsigned flags;                 /* NF_* kinds of this node (scope.c) */
    node_kind kind;
} frame;

/* Node kinds that the passes look at, from a table indexed by symbol. */
enum {
    NF_SCOPE = 1u << 0,
    NF_COMPREHENSION = 1u << 1,
    NF_BRACKET = 1u << 2,
    NF_CONTROL = 1u << 3,
    NF_BIND = 1u << 4,   /* pass 1 binds names here */
    NF_ASSIGN = 1u << 5, /* name = value pairs for `assign` rules */
    NF_SYNTAX = 1u << 6, /* `syntax` constructs */
    NF_DEF = 1u << 7,    /* function and class definitions */
};

/* Pre-order traversal with a frame per level; no recursion. visit() is
 * called on entering each named node, and each MISSING one (frames[depth] is
 * the node, frames[0] the root); anonymous leaves (keywords, punctuation)
 * are passed over. visit() returning 1 skips the node's children, -1
 * aborts. With `record`, the nodes visited are also kept (c->tape). */
typedef int (*visit_fn)(struct ctx *c, frame *frames, uint32_t depth);
int traverse(struct ctx *c, visit_fn visit, bool record);
/* The recorded nodes again, in the same order, without moving a cursor over
 * the tree. Falls back to traverse() when nothing was recorded. */
int replay(struct ctx *c, visit_fn visit);

typedef struct tape_entry {
    TSNode node;
    const char *type;
    uint32_t depth;
    TSFieldId field;
    TSSymbol sym;
} tape_entry;

/* A call in the file and the scope it is in, chained by its callee's last
 * name (f in f(x) and obj.f(x)) */
typedef struct call_site {
    TSNode call;
    struct scope *sc;
    int32_t next;        /* the next site with the same last name, or -1 */
    struct vals *callee; /* what the callee resolves to, once asked (match.c) */
    bool writer;         /* a fill: a call the name is handed to writes into it */
    const char *attr;    /* a fill x.attr = v: the attribute, else NULL */
    /* a handoff, Thread(target=f, args=(x,)) or pool.submit(f, x): a call
     * of f, its arguments the items of hargs (a tuple or the call's own
     * list) from hskip on; target is f, null for an ordinary site */
    TSNode target, hargs;
    uint32_t hskip;
} call_site;

/* What one text condition found for one parameter at one depth (rules
 * ask again for every call that passes the parameter on) */
typedef struct param_memo {
    const struct scope *sc;
    int idx; /* the parameter's index in sc->params */
    const void *cond;
    int depth;
    bool deep, result;
} param_memo;
#define PARAM_MEMO_SIZE 256

/* with X as name: the name, X, and the with statement's span (the body
 * where the name holds what X gave) */
typedef struct with_bind {
    const char *name;
    TSNode value;
    uint32_t start, end;
    struct scope *sc;
} with_bind;

/* written_by: the folded paths that one list of writers gets in the file */
typedef struct writer_paths {
    const struct pc_file_writer *list;
    struct strval *keys;
    size_t n, cap;
    struct writer_paths *next;
} writer_paths;

typedef struct ctx {
    const pc_engine *eng;
    pc_worker *w;
    uint32_t depth_cuts;              /* times resolution stopped at its depth bound */
    uint32_t deep_cuts;               /* of those, after many bindings and returns followed (or more
                                       * possibilities than are kept): a name not seen through */
    int hops;                         /* bindings and returns followed on the current path */
    int branches;                     /* conditional and boolean expressions gone through */
    struct pc_strmap *nonlocal_names; /* names declared nonlocal anywhere (built on demand) */
    pc_arena *a;
    pc_result *res;
    const char *text;
    uint32_t len;
    TSTree *tree;
    scope *module;
    scope **scopes;    /* in pre-order of their nodes */
    size_t next_scope; /* traversal position in scopes */
    size_t nscopes, capscopes;
    pc_finding *findings;
    size_t nfindings, capfindings;
    uint32_t *line_starts;
    uint32_t nlines;
    bool parse_error_reported, nesting_reported;
    struct { /* fold_string inside a one-line helper: its parameters are the call's arguments */
        struct scope *fn_scope;
        const char *param; /* the first parameter's name, or NULL outside a helper */
        const char *params[4];
        TSNode args[4];
        int nparams;
        bool varargs; /* def f(*codes): params[0] is codes, args[0] the call's argument list */
        struct scope *arg_scope;
        struct binding *helper; /* busy while its body folds, not while its argument does */
    } subst;
    writer_paths *written; /* written_by, worked out per writer list */
    call_site *sites;      /* every call on the tape, once asked for */
    size_t nsites;
    struct pc_strmap *sites_by_name; /* last name -> 1 + index of its first site */
    struct alias_site *alias_sites;  /* calls through a name that holds functions (for f in (a, b):
                                      * f(x); T = {"k": a}; T[k](x)), once per function named */
    size_t nalias, alias_cap;
    struct pc_strmap *alias_by_name; /* function name -> 1 + index of its first alias site */
    call_site *fills;                /* x[k] = v, x += v, x.append(v), x.update(...): what
                                      * goes into a container a name holds (call: the value or
                                      * the argument list) */
    size_t nfills, fills_cap;
    struct pc_strmap *fills_by_name; /* x -> 1 + index of its first fill */
    with_bind *withs;                /* with X as name, in file order */
    size_t nwiths;
    bool sites_built;
    struct param_memo *param_memo; /* text conditions on parameters, answered once */
    struct pc_strmap *mutated;     /* names of containers the program may change (mutate.c) */
    bool mutated_built, mutated_all;
    struct pc_strmap *defs; /* names of the functions the program defines (mutate.c) */
    bool defs_built;
    /* match.c: x.a read as a whole follows x's fills but those of other
     * attributes (x.b = v): the name and the attribute being read */
    const char *fill_obj, *fill_attr;
    struct { /* parsed_only.c: the last list of test inputs looked at, and the answer */
        TSNode display;
        bool ok, set;
        bool in_attr;    /* reading the uses of a self.X the text was stored in */
        uint32_t walked; /* nodes its walks of the file visited, in all: bounded */
    } listed;
    bool tree_has_error;             /* ERROR or MISSING nodes somewhere: only then ask each node */
    uint32_t built_start, built_end; /* the last built string read by string rules */
    int8_t docs_read;                /* 0 not known yet, 1 the file may read docstrings, -1 not */
    strval built_path;               /* its value, when it is a path joined from parts */
    /* the last arguments folded for `text` conditions (rules test the
     * same few arguments over and over): their folded text, or none */
    struct {
        TSNode node;
        bool set, ok;
        const char *text;
        size_t len;
        strval *items; /* none folds, but inside a loop over a constant list: what */
        int nitems;    /* it folds to for each item, quoted */
        strval *argvs; /* a shell's command line: the argument lists it runs */
        int nargvs;
    } folded[8];
    TSNode shell_line; /* the command line argument of the call being matched, when it runs a shell */
    struct for_loop {  /* the file's for statements over names, in source order */
        uint32_t start, end;
        const char *vars[4]; /* the one name, or a target list's names (for k, v in ...), */
        int nvars;           /* ... how many */
        TSNode right;
    } * loops;
    int nloops;              /* -1 until gathered from the tape */
    unsigned folded_next;    /* the entry to take next */
    bool import_renames;     /* some import binds another name (import os as o) */
    const char *renames[16]; /* ... those names, when no more than 16 */
    int nrenames;            /* how many; -1 when more */
    /* the last texts rewritten with the names such imports bind (canonical_text) */
    struct {
        TSNode node;
        bool ok;
        const char *text;
        size_t len;
    } canon[4];
    unsigned canon_next;
    /* the texts a `text` condition reads for an argument (its own, then
     * what it follows), recorded once with the budget each was reached at,
     * so that the next rule asking about that argument only runs its regex
     * over them (match.c) */
    struct text_memo *texts[8];
    unsigned texts_next;
    struct text_memo *recording;  /* being recorded: text_re_matches records */
    bool test_data;               /* a string being matched is a pytest parameter's value */
    bool fold_holes;              /* f-strings fold with "{?}" for what does not (folded_text) */
    uint32_t (*code_comments)[2]; /* the file's comments (start, end), in order, for text */
    int ncode_comments;           /* conditions, which read code only; -1 until gathered */
    struct { /* shell_line_values: the last line asked about, for the call and the string rules */
        TSNode node;
        strval *v;
        int n;
    } shell_values;
    const char *code_copy;                /* the last text code_only blanked comments in, */
    uint32_t code_copy_at, code_copy_len; /* ... where it is in the file */
    struct text_seen *seen;               /* regex and text pairs already run, and the answers */
    uint32_t nseen, seen_misses;          /* its size (grown when most lookups miss) */
    uint64_t text_work;                   /* texts recorded and looked up in the file, */
    bool text_work_spent;                 /* and whether they hit the bound */
    int items;                            /* > 0 while following the items of a name (for x in xs) */
    struct strval *whole_args;            /* per call site: the *args list it passes (match.c) */
    size_t ncalls_cap;                    /* sites has room for twice this: calls and handoffs */
    struct deferred_call *deferred;       /* calls of rules whose `requires` was not met yet (match.c) */
    size_t ndeferred, capdeferred;
    bool deferring_off; /* run_deferred: each rule is tried on its call now */
    /* requires_met's answers: for rule r, whether the findings up to upto
     * hold one it requires (findings are only appended while it is used) */
    struct {
        const pc_rule *r;
        size_t upto;
        bool met;
    } req_memo[8];
    unsigned req_next;
    int *recording_budget;
    uint32_t confusables;
    /* folding for `text` conditions, where a folded value can only add a
     * match: tempfile.gettempdir() is "/tmp", self.NAME what the class's
     * methods assign it */
    bool text_folds;
    bool walk_home_only;             /* tree_wipe.c: only ~, / and $HOME count as home (key_walk.c) */
    bool home_walk_known, home_walk; /* key_walk.c: whether the def home_walk_def walks home */
    TSNode home_walk_def;
    uint32_t fold_work; /* fold_string calls so far in this file (literal.c bounds it) */
    uint32_t max_depth; /* deepest node seen by traverse */
    tape_entry *tape;   /* named nodes of the first pass, for the second */
    size_t ntape, captape;
    bool tape_off;  /* not recorded (too many nodes): walk the tree again */
    bool replaying; /* in replay(): children a visit skipped were never recorded */
    /* comments, collected only when the policy honours suppressions */
    struct {
        uint32_t line, start, end;
    } * comments;
    size_t ncomments, capcomments;
    /* field ids we test often */
    TSFieldId f_name, f_alias, f_value, f_left, f_right, f_object, f_attribute, f_function, f_arguments,
        f_module_name, f_subscript, f_body, f_parameters, f_type, f_key, f_superclasses;
} ctx;

/* The scope that node n (a def, class, lambda or comprehension) makes, or NULL. */
scope *scope_of_node(ctx *c, TSNode n);
/* scope.c: the innermost scope whose node spans n (the module's when none;
 * NULL when too many scopes stand before it to tell) */
scope *scope_around(ctx *c, TSNode n);
/* The class whose method sc is in (the nearest function scope around sc,
 * when a class body holds it), or NULL. */
scope *method_class(scope *sc);
/* match.c: the body of the program's class recv is an instance of (C(), a
 * name bound once to C(), a parameter annotated C), or NULL */
scope *instance_class(ctx *c, TSNode recv, scope *sc);

/* analyze.c */
/* the index of the tape's first entry starting at or after byte at
 * (c->ntape when none does) */
size_t tape_from(const ctx *c, uint32_t at);
/* A node's children (or named children) in order. ts_node_child(n, i)
 * walks from the first child on every call, so long lists go through a
 * cursor; short ones are cheaper by index (a cursor allocates). */
typedef struct kids {
    TSNode parent;
    TSTreeCursor cur;
    uint32_t i, count;
    bool named, cursor, more;
} kids;
void kids_init(kids *k, TSNode n, bool named);
bool kids_next(kids *k, TSNode *out);
void kids_done(kids *k);
/* Calls on_ident for each identifier under root (root included), in order,
 * counting every node visited against *budget, until it returns true;
 * true when it did. */
/* Calls on_ident for each identifier under root (and each node of symbol
 * `also`, when not 0) until it returns true; each node visited costs one
 * of *budget. */
/* Does the file's text hold any of the n words (anywhere, by bytes)? */
bool text_mentions(const ctx *c, const char *const *words, size_t n);
bool find_identifier(TSNode root, TSSymbol also, int *budget, bool (*on_ident)(void *ud, TSNode id),
                     void *ud);

/* Node kinds by symbol, for the files that test a few (each has one id in
 * the grammar); ready once pc_syms_init() ran (pc_worker_new calls it). */
typedef struct pc_syms {
    TSSymbol string, concatenated_string, interpolation, string_content, parenthesized_expression, identifier,
        call, binary_operator, subscript, true_, false_, none, integer, float_, unary_operator, tuple, list,
        set, dictionary, comment, pair, attribute, named_expression, conditional_expression, boolean_operator,
        keyword_argument, dictionary_splat, list_splat, argument_list, assignment, augmented_assignment;
    TSFieldId operator_;
} pc_syms;
extern pc_syms syms;
void pc_syms_init(void);
TSNode unparen(TSNode n); /* n without the parentheses around it */
/* Is n (possibly null) a node of symbol s? */
static inline bool is_sym(TSNode n, TSSymbol s)
{
    return !ts_node_is_null(n) && ts_node_symbol(n) == s;
}
/* Is s one of the n strings of list? */
static inline bool str_listed(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(s, list[i]))
            return true;
    return false;
}
/* May the container that `name` (or an attribute called `name`) holds be
 * changed by the program, so that its display is not what it holds? How:
 * 0 not at all, PC_GROWS items added at its end only (append, extend, +=),
 * PC_CHANGES anything. */
enum { PC_GROWS = 1, PC_CHANGES = 2 };
int name_change(ctx *c, const char *name);
/* Does the program define a function (def or lambda) called `name`,
 * anywhere? (true when that cannot be known) */
bool program_defines(ctx *c, const char *name);
bool name_may_change(ctx *c, const char *name);
/* The parent of *n past any parentheses around it; *n becomes the
 * outermost of those parentheses (or stays n). */
TSNode parent_past_parens(TSNode *n);
const char *node_text(ctx *c, TSNode n);  /* arena copy */
const char *ident_name(ctx *c, TSNode n); /* NFKC-normalised identifier */
bool node_is(TSNode n, const char *type);
bool node_within(TSNode n, TSNode outer); /* n's bytes are among outer's (false for a null outer) */
/* ts_node_child_by_field_id, remembered (analyze.c) */
TSNode node_field(TSNode n, TSFieldId field);
pc_span span_of(ctx *c, uint32_t start, uint32_t end);
pc_span node_span(ctx *c, TSNode n);

/* scope.c */
int scopes_build(ctx *c);
/* Shared by both passes: set frames[depth].sc/.cond/.pending from the
 * parent; new scopes are taken from c->scopes in order (creating them when
 * `create`). Returns -1 when memory ran out. */
int scope_enter(ctx *c, frame *frames, uint32_t depth, bool create);
bool is_scope_node(const char *type);
bool is_builtin_name(const char *name);
bool builtin_has_prefix(const char *prefix, size_t n); /* some builtin's name starts with it */

/* resolve.c */
void resolve_expr(ctx *c, TSNode n, scope *sc, int depth, vals *out);
void vals_add(ctx *c, vals *out, val_kind kind, const char *qual);
/* Positional argument i of an argument list (null node if absent or behind *x). */
TSNode call_arg(TSNode args, uint32_t i);
TSNode kwarg(ctx *c, TSNode args, const char *name); /* keyword argument name's value, or null */
/* The callee's last name (rglob in p.rglob(x)); recv, if not NULL, gets p. */
const char *callee_last_name(ctx *c, TSNode call, TSNode *recv);
/* Is o a name bound only to classes the program defines (class A: ...), or
 * the cls parameter of a method? */
bool names_own_class(ctx *c, TSNode o, scope *sc);
/* match.c: does o hold only the program's own classes (or containers of
 * them): a name bound to their __subclasses__(), popped from a stack filled
 * only with them, a parameter every call passes them for? */
bool names_own_subclasses(ctx *c, TSNode o, scope *sc);
/* operator.methodcaller("name", ...)(obj): the method it calls (obj.name);
 * false for another call. */
bool methodcaller_callee(ctx *c, TSNode call, scope *sc, vals *out);
/* Calls on_return with the value of each return statement in a def's body
 * (nested definitions, classes and lambdas not entered; a bare return
 * skipped) until it returns false, looking at `nodes` nodes at most.
 * Returns -1 when that bound cut the walk short, 1 when a yield was met
 * (the walk ends there with stop_at_yield), 0 otherwise. */
int each_return(TSNode body, int nodes, bool stop_at_yield, bool (*on_return)(void *ud, TSNode value),
                void *ud);
/* The same for the values a def gives its caller: what it returns and,
 * for a generator, what it yields (yield from: the iterable). */
int each_result(TSNode body, int nodes, bool (*on_value)(void *ud, TSNode value), void *ud);
/* The binding of fn when it is a name bound once, to a def of the program
 * (looked up from sc); NULL otherwise. */
binding *sole_def(ctx *c, TSNode fn, scope *sc);
/* The one binding of name where sc reads it (the nearest scope binding it),
 * when that scope has exactly one, of this kind and with a value; else NULL. */
binding *sole_binding(const char *name, scope *sc, bind_kind kind);
/* Does a value include a namespace (a __dict__, globals(), builtins, sys.modules)? */
bool vals_namespace(const vals *v);
/* fn(args) looks a name up by string ("get", "__getattribute__", ...): return the
 * method and set the object looked in and the key node; NULL otherwise. */
const char *lookup_target(ctx *c, TSNode fn, TSNode args, TSNode *obj, TSNode *key);
/* The module name a literal __import__/import_module call imports, or NULL. */
/* The modules an __import__/importlib.import_module call loads (at most max,
 * into out), 0 for another call; *computed when the name is not known. */
int import_call_modules(ctx *c, TSNode call, scope *sc, const vals *callee, bool *computed, const char **out,
                        int max);

/* literal.c */
bool string_value(ctx *c, TSNode n, strval *out); /* literal string/bytes, no interpolation */
bool fold_string(ctx *c, TSNode n, scope *sc, int depth, strval *out);
/* fold_string as `text` conditions fold: also what only adds a match
 * (tempfile.gettempdir() as /tmp, a parameter's one argument, an unset
 * variable's default) */
bool fold_text(ctx *c, TSNode n, scope *sc, strval *out);
/* The string that expression n builds from constants ("/etc/" + "shadow",
 * f"{base}/x", os.path.join("/etc", "shadow"), "-".join([...]),
 * "{}".format(x), Path("/etc") / "x"); false for a plain literal, for a
 * call that hands back its argument, and for anything that does not fold. */
/* value with JSON and unicode_escape escapes expanded, when it holds any */
bool unescape_text(ctx *c, const strval *in, strval *out);
bool fold_built(ctx *c, TSNode n, scope *sc, strval *out);
typedef bool (*loop_item_fn)(ctx *c, const strval *s, void *ud);
bool fold_loop_items(ctx *c, TSNode n, scope *sc, const char *var, binding *b, bool built, loop_item_fn fn,
                     void *ud);
/* ... the argument list n makes (argv_source) for each item instead */
bool fold_loop_argvs(ctx *c, TSNode n, scope *sc, const char *var, binding *b, loop_item_fn fn, void *ud);
/* [helper(x) for x in DISPLAY]: helper(item) for each item, to fn */
bool comp_helper_items(ctx *c, TSNode comp, scope *sc, loop_item_fn fn, void *ud);
/* n names the variable of a for loop around it (bound by nothing else)
 * that iterates over something: that variable and its binding. */
bool loop_var_in(ctx *c, TSNode n, scope *sc, const char **var, binding **b);
/* An argument list as source text again, each item folded: ["bash", "-c",
 * ?] for [shutil.which("bash"), "-c", cmd] ("?" for an item that does not
 * fold), and the same for "bash -c id".split() and shlex.split(...) of a
 * constant. False when a is none of these, or the text passes 4 KiB. */
bool argv_source(ctx *c, TSNode a, scope *sc, strval *out);
/* The list, tuple or set display v is or names (bound once, never changed),
 * with *vs the scope its items are read in; a null node otherwise. */
TSNode display_behind(ctx *c, TSNode v, scope **vs);
/* argv_source of a list display whose *splat item spreads the positional
 * arguments of argument list args (read in asc) from position from on:
 * ["security", *a] with ("dump-keychain", "-d") for a is
 * ["security", "dump-keychain", "-d"]. */
bool argv_spliced(ctx *c, TSNode list, TSNode splat, scope *sc, TSNode args, int from, scope *asc,
                  strval *out);
/* The argument list a *args parameter holds at one call: the positional
 * arguments of args from position from on, with a *splat of a constant
 * list spread (run("gpg", *OPTS, key) for def run(*cmd) is ["gpg", ...]). */
bool argv_of_varargs(ctx *c, TSNode args, int from, scope *asc, strval *out);
/* two argument lists' texts as one (["a"] and ["b", ?] read as ["a", "b", ?]) */
bool argv_concat(ctx *c, const strval *l, const strval *r, strval *out);
/* the operands of n, a chain a + b + c, left to right into out (room for
 * max); 0 when n is not a sum, has more than max operands, or starts with
 * another binary operation (a * b + c) */
int plus_operands(ctx *c, TSNode n, TSNode *out, int max);
/* literal.c: does the text of n name `name` as a whole word? */
bool names_word(ctx *c, TSNode n, const char *name);
/* The strings n may be (at most max): fold_string's one, or each string of a
 * literal list, tuple or set that a name only iterates over or is unpacked
 * from (for op in ("sqrt", "sin")). 0 when not all are known, or one holds a
 * NUL byte. */
int fold_choices(ctx *c, TSNode n, scope *sc, strval *out, int max);
/* The strings a sequence holds at first, in order: a list or tuple
 * display, a name bound once to one, even one the program changes later
 * (or a parameter of a def called once with one), or "a.b.c".split(".").
 * 0 when any item does not fold, or there are more than max. */
int fold_items(ctx *c, TSNode v, scope *sc, strval *out, int max);
/* The argument lists a shell command line runs, each as a list display
 * (["rm", "-rf", "/srv"]), at most max; 0 when none (shell_words.c). */
int shell_argvs(ctx *c, const strval *line, strval *out, int max);
/* The values a shell's command line a may have, as the plain-line test
 * (all_text) reads them: a literal, a loop's items, what each call of a
 * helper passes, each line an f-string makes of its interpolations'
 * literal values; at most max, each NUL-terminated (match.c). */
int shell_line_values(ctx *c, TSNode a, scope *sc, strval *out, int max);
/* Each word of those lists to fn, until it returns nonzero (returned). */
int shell_words_each(ctx *c, const strval *line, int (*fn)(ctx *c, const strval *word, void *ud), void *ud);
/* The command line argument of a call that hands it to a shell
 * (os.system(line), subprocess.run(line, shell=True)), or a null node. */
TSNode shell_line_of(ctx *c, TSNode call, const vals *callee);
bool literal_value(ctx *c, TSNode n, pc_value *out, bool *container);
bool value_truthy(const pc_value *v, bool container);
bool string_is_bytes(ctx *c, TSNode n);
bool string_has_code(ctx *c, TSNode n); /* an f-string with interpolations: its children hold code */
bool string_literal_parts(ctx *c, TSNode n, strval *out); /* decoded literal parts (f-strings too) */

/* match.c */
int emit(ctx *c, const pc_rule *r, TSNode n, const char *detail);
int emit_span(ctx *c, const pc_rule *r, uint32_t start, uint32_t end, const char *detail);
int match_import(ctx *c, TSNode at, const char *module, const char *name);
int match_call(ctx *c, TSNode call, const vals *callee, scope *sc);
/* f called later with arguments another call holds for it: atexit.register(f,
 * x), Thread(target=f, args=(x,)). args: the argument list or tuple display,
 * skip: its leading positional arguments that are not f's. */
int match_deferred(ctx *c, TSNode call, TSNode fn, const vals *callee, TSNode args, uint32_t skip, scope *sc);
/* p(k=v) with p = functools.partial(F, a, ...): F's call rules with the
 * partial's arguments (args, skip) and the keywords of the later call
 * (keywords: its argument list, keyword arguments only). */
int match_partial_call(ctx *c, TSNode call, TSNode fn, const vals *callee, TSNode args, uint32_t skip,
                       TSNode keywords, scope *sc);
int match_reference(ctx *c, TSNode at, const vals *v);
int match_attribute(ctx *c, TSNode at, const char *attr);
int match_name(ctx *c, TSNode at, const char *name);
int match_string(ctx *c, TSNode at, const strval *s, bool is_bytes);
/* on: the modules reached (NULL: not known), attr: which attribute of them
 * (NULL: computed), for rules with `modules` / `except_modules`. */
int match_dynamic(ctx *c, TSNode at, unsigned kind, bool on_module, const vals *on, const char *attr,
                  const char *detail);
int match_input(ctx *c, pc_input_kind kind, uint32_t start, uint32_t end, const char *detail);
int match_assign(ctx *c, TSNode at, const char *name, size_t len, TSNode value, scope *sc);
int match_syntax(ctx *c, TSNode at, unsigned kind, const char *detail);
int match_define(ctx *c, TSNode at, const char *name);

/* query.c */
int run_queries(ctx *c);
/* A rule with `requires`: has one of the rules it names reported in this file? */
bool requires_met(ctx *c, const pc_rule *r);
/* Tries the call rules put off while their `requires` was not met, once
 * the whole file is walked. */
int run_deferred(ctx *c);
int combine_queries(pc_engine *e);
void free_combined(pc_engine *e);

/* secret_host.c: OPENAI_API_KEY sent to a host that is not OpenAI's */
int check_secret_host(ctx *c, TSNode call, const vals *callee, scope *sc);
/* tree_wipe.c: files deleted one by one while walking home or / */
int check_tree_wipe(ctx *c, TSNode call, const vals *callee, scope *sc);
/* embedded.c: Python the program writes into a file, checked as a file */
int check_written_code(ctx *c, TSNode call, const vals *callee, scope *sc);
/* match.c: the path the file object (or bytes read from it) e was opened
 * with (with open(P) as f; f = open(P); Path(P).open()), and in *psc the
 * scope to fold it in; null when not known */
TSNode opened_path(ctx *c, TSNode e, scope *sc, uint32_t at, scope **psc, int depth);
/* match.c: what the one call of the def making scope s passes for its
 * parameter `name` (and the scope of that call) */
bool param_single_arg(ctx *c, scope *s, const char *name, TSNode *arg, scope **asc);
/* match.c: the default of that parameter when every call of the def (at
 * least one, and the def never handed on) leaves it out; else null */
TSNode param_default_if_omitted(ctx *c, scope *s, const char *name);
/* Calls fn with what each of the file's calls of that def passes for
 * `name` (and the call's scope) until fn returns true; each call looked at
 * costs one of *budget. False when name is not a parameter of it. */
bool param_any_arg(ctx *c, scope *s, const char *name, bool (*fn)(void *ud, TSNode arg, scope *asc), void *ud,
                   int *budget);

/* match.c: which parameter of the def that makes scope s `name` is (its
 * index in s->params), or -1: not one that takes an argument by position
 * or keyword. */
int param_index(ctx *c, scope *s, const char *name);
/* match.c: s->params, s->nparams, s->kwonly_from and s->fname, worked
 * out for a def's scope when first asked for */
void scope_params(ctx *c, scope *s);
/* parsed_only.c: is string node str an argument of a call of a def of the
 * program that only parses it (ast.parse), measures or shows it? */
bool string_only_parsed(ctx *c, TSNode str);
/* key_use.c: is string node str used only as an SSH identity (key_filename=,
 * from_private_key_file, ssh -i, a --key option's default), directly or
 * through path wrappers and the one name it is bound to? */
bool string_only_key_use(ctx *c, TSNode str);

/* match.c: the classes of the file that name class scope cls as a base
 * by its name, in document order (among the first 4,096 scopes), found
 * once: how many, and the list in *out */
int subclasses(ctx *c, scope *cls, scope ***out);
/* match.c: the first of the calls whose callee's last name is `last` (f
 * in f(x) and obj.f(x)), an index into c->sites chained by .next; -1 when
 * none */
int32_t call_sites_named(ctx *c, const char *last);
/* tree_wipe.c: is call v a walk of the home directory or the filesystem
 * (os.walk(root), Path.home().rglob(...), a glob of "~/" and more)? home_only:
 * not of the user's folders in it or the machine's data directories */
bool walks_home_dir(ctx *c, TSNode v, scope *sc, bool home_only);
/* key_walk.c: is string node str in a def (or the module) that walks the
 * home directory or the filesystem? */
bool string_in_home_walk(ctx *c, TSNode str);

/* walk.c: the main pass over the tree */
int walk_tree(ctx *c);

#endif
