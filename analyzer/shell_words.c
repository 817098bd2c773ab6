/* A shell command line read as the argument lists it runs: os.system("rm
 * -rf /srv") runs ["rm", "-rf", "/srv"], so the rules written for argument
 * lists read it too. A reading for rules, not a shell: quotes and
 * backslashes are undone, expansions ($x, ${x}, globs) are kept as written,
 * assignments before a program are left out, and each command that a
 * control operator (; & | && || newline), a parenthesis, a brace, a
 * backquote or $( starts is a list of its own. */
#include "internal.h"

#include <string.h>

#define WORDS_MAX 64        /* words read per command */
#define SHELL_LINE_MAX 4096 /* a longer command line is not read */

typedef struct words {
    char buf[SHELL_LINE_MAX]; /* the current command's words, each '\0'-ended */
    size_t len;
    uint32_t starts[WORDS_MAX];
    int n;
    bool in_word;
} words;

static bool word_start(words *w)
{
    if (!w->in_word) {
        if (w->n == WORDS_MAX || w->len + 2 >= sizeof w->buf)
            return false;
        w->starts[w->n++] = (uint32_t)w->len;
        w->in_word = true;
    }
    return true;
}

static void word_char(words *w, char ch)
{
    if (w->len + 2 < sizeof w->buf && word_start(w))
        w->buf[w->len++] = ch;
}

/* NAME=value: an assignment that prefixes a command */
static bool is_assignment(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
        return false;
    while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')
        s++;
    return *s == '=';
}

static void word_end(words *w)
{
    if (w->in_word && w->len < sizeof w->buf)
        w->buf[w->len++] = '\0';
    w->in_word = false;
}

typedef struct reader {
    ctx *c;
    words *w;
    /* each command's words, as (word, count): false stops the reading */
    bool (*command)(struct reader *r, const char *const *v, int n);
    strval *out; /* shell_argvs: the lists */
    int k, max;
    int (*word)(ctx *c, const strval *s, void *ud); /* shell_words_each */
    void *ud;
    int rc;
    bool stop;
} reader;

/* The command read so far, handed to the reader without the assignments
 * before its program (LD_PRELOAD=x prog: the program is prog). */
static void command_end(reader *r)
{
    words *w = r->w;
    word_end(w);
    const char *v[WORDS_MAX];
    int n = 0;
    for (int i = 0; i < w->n; i++)
        if (n || !is_assignment(w->buf + w->starts[i]))
            v[n++] = w->buf + w->starts[i];
    if (n && !r->stop && !r->command(r, v, n))
        r->stop = true;
    w->len = 0;
    w->n = 0;
}

/* shell_argvs' reader: the words as a list display, ["rm", "-rf", "/srv"];
 * a word holding both quote characters is "?". */
static bool as_list(reader *r, const char *const *v, int n)
{
    size_t need = 2;
    for (int i = 0; i < n; i++)
        need += strlen(v[i]) + 4;
    char *p = pc_arena_alloc(r->c->a, need + 1);
    if (!p)
        return false;
    size_t len = 0;
    p[len++] = '[';
    for (int i = 0; i < n; i++) {
        size_t sl = strlen(v[i]);
        bool dq = memchr(v[i], '"', sl) != NULL, sq = memchr(v[i], '\'', sl) != NULL;
        if (i) {
            memcpy(p + len, ", ", 2);
            len += 2;
        }
        if (dq && sq) {
            p[len++] = '?';
            continue;
        }
        p[len++] = dq ? '\'' : '"';
        memcpy(p + len, v[i], sl);
        len += sl;
        p[len++] = dq ? '\'' : '"';
    }
    p[len++] = ']';
    p[len] = '\0';
    r->out[r->k++] = (strval){p, len};
    return r->k < r->max;
}

/* shell_words_each's reader: each word to the callback */
static bool each_word(reader *r, const char *const *v, int n)
{
    for (int i = 0; i < n && r->rc == 0; i++)
        r->rc = r->word(r->c, &(strval){v[i], strlen(v[i])}, r->ud);
    return r->rc == 0;
}

static void read_line(reader *r, const strval *line)
{
    if (!line->len || line->len > SHELL_LINE_MAX || !(r->w = pc_arena_alloc(r->c->a, sizeof *r->w)))
        return;
    words *w = r->w;
    char quote = 0;          /* ' or " while inside one */
    int subst_in_dq = 0;     /* $( ... ) opened inside double quotes */
    bool tick_in_dq = false; /* ` ... ` opened inside double quotes */
    for (size_t i = 0; i < line->len && !r->stop; i++) {
        char ch = line->s[i];
        if (quote == '\'') {
            if (ch == '\'')
                quote = 0;
            else
                word_char(w, ch);
            continue;
        }
        if (ch == '\\' && i + 1 < line->len) { /* an escaped character, or a line continued */
            if (line->s[++i] != '\n')
                word_char(w, line->s[i]);
            continue;
        }
        if (quote == '"') {
            if (ch == '"')
                quote = 0;
            else if (ch == '`' || (ch == '$' && i + 1 < line->len && line->s[i + 1] == '(')) {
                /* "$(curl ...)": the command inside, read unquoted up to its end */
                command_end(r);
                quote = 0;
                i += ch == '$';
                if (ch == '`')
                    tick_in_dq = true;
                else
                    subst_in_dq++;
            } else
                word_char(w, ch);
            continue;
        }
        switch (ch) {
        case '\'':
        case '"':
            quote = ch;
            word_start(w); /* '' is an empty word */
            break;
        case '<':
        case '>':
            if (i + 1 < line->len && line->s[i + 1] == '&') /* 2>&1 */
                i++;
            /* fall through */
        case ' ':
        case '\t': word_end(w); break;
        case '#':
            if (w->in_word) {
                word_char(w, ch);
                break;
            }
            while (i + 1 < line->len && line->s[i + 1] != '\n') /* a comment */
                i++;
            break;
        case '$':
            if (i + 1 < line->len && line->s[i + 1] == '(') {
                command_end(r);
                i++;
            } else if (i + 1 < line->len && line->s[i + 1] == '{') { /* ${HOME}: one word */
                while (i < line->len && line->s[i] != '}')
                    word_char(w, line->s[i++]);
                if (i < line->len)
                    word_char(w, '}');
            } else {
                word_char(w, ch);
            }
            break;
        case ')':
            command_end(r);
            if (subst_in_dq) { /* back inside the quotes */
                subst_in_dq--;
                quote = '"';
            }
            break;
        case '`':
            command_end(r);
            if (tick_in_dq) {
                tick_in_dq = false;
                quote = '"';
            }
            break;
        case ';':
        case '&':
        case '|':
        case '\n':
        case '(':
        case '{':
        case '}': command_end(r); break;
        default: word_char(w, ch);
        }
    }
    command_end(r);
}

int shell_argvs(ctx *c, const strval *line, strval *out, int max)
{
    reader r = {.c = c, .command = as_list, .out = out, .max = max};
    if (max > 0)
        read_line(&r, line);
    return r.k;
}

int shell_words_each(ctx *c, const strval *line, int (*fn)(ctx *c, const strval *word, void *ud), void *ud)
{
    reader r = {.c = c, .command = each_word, .word = fn, .ud = ud};
    read_line(&r, line);
    return r.rc;
}

/* The command line argument of a call that hands it to a shell
 * (os.system(line), subprocess.run(line, shell=True)), or a null node. */
TSNode shell_line_of(ctx *c, TSNode call, const vals *callee)
{
    static const char *const runners[] = {"os.system",
                                          "os.popen",
                                          "posix.system",
                                          "nt.system",
                                          "os.popen2",
                                          "os.popen3",
                                          "os.popen4",
                                          "platform.popen",
                                          "subprocess.getoutput",
                                          "subprocess.getstatusoutput",
                                          "commands.getoutput",
                                          "commands.getstatusoutput",
                                          "asyncio.create_subprocess_shell"};
    static const char *const with_shell[] = {"subprocess.run", "subprocess.call", "subprocess.check_call",
                                             "subprocess.check_output", "subprocess.Popen"};
    TSNode args = node_field(call, c->f_arguments);
    if (ts_node_is_null(args) || !is_sym(args, syms.argument_list))
        return (TSNode){0};
    for (int i = 0; i < callee->n; i++) {
        const char *q = callee->v[i].qual;
        if (!q || callee->v[i].kind == VAL_NS)
            continue;
        if (str_listed(q, runners, sizeof runners / sizeof *runners))
            return call_arg(args, 0);
        if (!str_listed(q, with_shell, sizeof with_shell / sizeof *with_shell))
            continue;
        TSNode sh = kwarg(c, args, "shell");
        if (ts_node_is_null(sh) || node_is(sh, "false") || node_is(sh, "none") ||
            (node_is(sh, "integer") && ts_node_end_byte(sh) - ts_node_start_byte(sh) == 1 &&
             c->text[ts_node_start_byte(sh)] == '0'))
            continue;
        return call_arg(args, 0);
    }
    return (TSNode){0};
}
