/* A shell command line read as the argument lists it runs: os.system("rm
 * -rf /srv") runs ["rm", "-rf", "/srv"], so the rules written for argument
 * lists read it too. A reading for rules, not a shell: quotes and
 * backslashes are undone, expansions ($x, $(...), globs) are kept as
 * written, and each command a control operator (; & | && || newline,
 * parentheses, backquotes, $( ) starts is a list of its own. */
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

/* The command read so far as a list display, ["rm", "-rf", "/srv"], in
 * out[*k]; a word holding both quote characters is "?". */
static void command_end(ctx *c, words *w, strval *out, int *k, int max)
{
    word_end(w);
    int first = 0; /* LD_PRELOAD=x prog: the program is prog */
    while (first < w->n && is_assignment(w->buf + w->starts[first]))
        first++;
    size_t need = 2;
    for (int i = first; i < w->n; i++)
        need += strlen(w->buf + w->starts[i]) + 4;
    char *p = first < w->n && *k < max ? pc_arena_alloc(c->a, need + 1) : NULL;
    if (p) {
        size_t len = 0;
        p[len++] = '[';
        for (int i = first; i < w->n; i++) {
            const char *s = w->buf + w->starts[i];
            size_t sl = strlen(s);
            bool dq = memchr(s, '"', sl) != NULL, sq = memchr(s, '\'', sl) != NULL;
            if (i > first) {
                memcpy(p + len, ", ", 2);
                len += 2;
            }
            if (dq && sq) {
                p[len++] = '?';
                continue;
            }
            p[len++] = dq ? '\'' : '"';
            memcpy(p + len, s, sl);
            len += sl;
            p[len++] = dq ? '\'' : '"';
        }
        p[len++] = ']';
        p[len] = '\0';
        out[(*k)++] = (strval){p, len};
    }
    w->len = 0;
    w->n = 0;
}

int shell_argvs(ctx *c, const strval *line, strval *out, int max)
{
    if (!line->len || line->len > SHELL_LINE_MAX)
        return 0;
    words *w = pc_arena_alloc(c->a, sizeof *w);
    if (!w)
        return 0;
    int k = 0;
    char quote = 0;          /* ' or " while inside one */
    int subst_in_dq = 0;     /* $( ... ) opened inside double quotes */
    bool tick_in_dq = false; /* ` ... ` opened inside double quotes */
    for (size_t i = 0; i < line->len && k < max; i++) {
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
                command_end(c, w, out, &k, max);
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
                command_end(c, w, out, &k, max);
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
            command_end(c, w, out, &k, max);
            if (subst_in_dq) { /* back inside the quotes */
                subst_in_dq--;
                quote = '"';
            }
            break;
        case '`':
            command_end(c, w, out, &k, max);
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
        case '}': command_end(c, w, out, &k, max); break;
        default: word_char(w, ch);
        }
    }
    if (k < max)
        command_end(c, w, out, &k, max);
    return k;
}
