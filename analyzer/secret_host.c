/* A credential named for one service (OPENAI_API_KEY, GITHUB_TOKEN) sent in
 * a request to a host of another: how stolen keys leave. Legitimate code
 * sends a service's key to that service (api.openai.com, api.github.com),
 * or to a proxy on its own network. */
#include "internal.h"

#include <ctype.h>
#include <string.h>

#define MAX_TEXT 4096

/* Is the call a request whose first argument (or url=) is the URL? */
static bool request_call(ctx *c, TSNode call, const vals *callee)
{
    static const char *const mods[] = {"requests.", "httpx.",   "urllib.request.",
                                       "urllib3.",  "aiohttp.", NULL};
    for (int i = 0; i < callee->n; i++)
        for (int j = 0; mods[j]; j++)
            if (!strncmp(callee->v[i].qual, mods[j], strlen(mods[j])))
                return true;
    if (callee->n)
        return false;
    TSNode fn = node_field(call, c->f_function);
    if (ts_node_is_null(fn) || ts_node_symbol(fn) != syms.attribute)
        return false;
    const char *m = ident_name(c, node_field(fn, c->f_attribute));
    return m && (!strcmp(m, "post") || !strcmp(m, "put") || !strcmp(m, "patch") || !strcmp(m, "get") ||
                 !strcmp(m, "urlopen"));
}

/* n, or what the name n (or self.NAME, an attribute the class body binds)
 * is bound to (once); *vs: the scope that value is read in. */
static TSNode value_of(ctx *c, TSNode n, scope *sc, scope **vs)
{
    *vs = sc;
    n = unparen(n);
    if (ts_node_is_null(n))
        return n;
    namebind *nb = NULL;
    scope *x = sc;
    if (ts_node_symbol(n) == syms.identifier && sc) {
        const char *name = ident_name(c, n);
        for (; name && x && !(nb = pc_strmap_get(&x->names, name)); x = x->parent)
            ;
    } else if (ts_node_symbol(n) == syms.attribute && sc) { /* self._ENDPOINT */
        TSNode o = node_field(n, c->f_object);
        const char *self = ts_node_symbol(o) == syms.identifier ? ident_name(c, o) : NULL;
        const char *attr = ident_name(c, node_field(n, c->f_attribute));
        scope *cls = NULL; /* the class of the method the code is in, also from a def nested in it */
        for (scope *m = sc; self && (!strcmp(self, "self") || !strcmp(self, "cls")) && m && !cls;
             m = m->parent)
            if (m->kind == SCOPE_FUNCTION && m->parent && m->parent->kind == SCOPE_CLASS)
                cls = m->parent;
        nb = cls && attr ? pc_strmap_get(&cls->names, attr) : NULL;
        x = cls;
    }
    if (nb && nb->list && !nb->list->next && nb->list->kind == BIND_ALIAS &&
        !ts_node_is_null(nb->list->value)) {
        *vs = nb->list->value_scope ? nb->list->value_scope : x;
        return nb->list->value;
    }
    return n;
}

/* The source text of value_of(n). */
static bool text_of(ctx *c, TSNode n, scope *sc, const char **s, size_t *len)
{
    scope *vs;
    n = value_of(c, n, sc, &vs);
    if (ts_node_is_null(n))
        return false;
    uint32_t st = ts_node_start_byte(n), en = ts_node_end_byte(n);
    if (en > c->len || en - st > MAX_TEXT)
        return false;
    *s = c->text + st;
    *len = en - st;
    return true;
}

/* The host after "://" in text, lowercased into buf. */
static bool host_of(const char *s, size_t len, char *buf, size_t cap)
{
    const char *p = memmem(s, len, "://", 3);
    if (!p)
        return false;
    p += 3;
    size_t n = 0;
    while (p < s + len && n + 1 < cap && (isalnum((unsigned char)*p) || *p == '.' || *p == '-'))
        buf[n++] = (char)tolower((unsigned char)*p++);
    buf[n] = '\0';
    return n > 0;
}

/* Hosts on the program's own machine or network, and bare addresses
 * (secret-to-ip-address judges those). */
static bool local_host(const char *h)
{
    size_t n = strlen(h);
    if (!strcmp(h, "localhost") || (n > 6 && !strcmp(h + n - 6, ".local")) ||
        (n > 9 && !strcmp(h + n - 9, ".internal")) || (n > 4 && !strcmp(h + n - 4, ".lan")))
        return true;
    for (const char *p = h; *p; p++)
        if (!isdigit((unsigned char)*p) && *p != '.')
            return false;
    return true; /* an address */
}

/* The service a variable name is for ("openai" for OPENAI_API_KEY), and
 * the words its hosts carry; NULL for a generic name (API_KEY, TOKEN). */
static const char *service_of(const char *name, size_t len, char *buf, size_t cap)
{
    size_t n = 0;
    while (n < len && n + 1 < cap && name[n] != '_')
        buf[n] = (char)tolower((unsigned char)name[n]), n++;
    buf[n] = '\0';
    if (n < 2 || n == len)
        return NULL;
    static const char *const generic[] = {
        "api", "secret", "access", "auth", "app", "bot", "my", "client", "private", "service", "user",
        "admin", "db", "database", "password", "token", "key", "master", "default", "prod", "dev", "test",
        "staging", "local", "web", "server", "session",
        /* protocols and kinds, not services */
        "oauth", "oauth2", "oidc", "sso", "jwt", "saml", "ldap", "smtp", "imap", "mail", "email", "ftp",
        "sftp", "ssh", "webhook", "signing", "hmac", "encryption", "cookie", "csrf", "ci", "deploy", "backup",
        "internal", "external", "upstream", "proxy", NULL};
    for (int i = 0; generic[i]; i++)
        if (!strcmp(buf, generic[i]))
            return NULL;
    /* hosts that do not carry the name ("|" separates alternatives) */
    static const char *const alias[][2] = {{"gh", "github"},
                                           {"github", "github"},
                                           {"hf", "huggingface|hf.co"},
                                           {"aws", "amazonaws|aws"},
                                           {"gcp", "google"},
                                           {"gemini", "google"},
                                           {"gcloud", "google"},
                                           {"youtube", "google"},
                                           {"gmail", "google"},
                                           {"az", "azure|microsoft"},
                                           {"azure", "azure|microsoft"},
                                           {"claude", "anthropic"},
                                           {"oai", "openai"},
                                           {"tg", "telegram"},
                                           {"jira", "atlassian|jira"},
                                           {"confluence", "atlassian|confluence"},
                                           {"hubspot", "hubapi|hubspot"},
                                           {"tmdb", "themoviedb|tmdb"},
                                           {"twitter", "twitter|x.com"},
                                           {"x", "x.com|twitter"},
                                           {"salesforce", "salesforce|force.com"},
                                           {NULL, NULL}};
    for (int i = 0; alias[i][0]; i++)
        if (!strcmp(buf, alias[i][0]))
            return alias[i][1];
    return buf;
}

/* Does host carry one of the "|"-separated words? */
static bool host_has(const char *host, const char *words)
{
    char w[64];
    while (*words) {
        size_t n = strcspn(words, "|");
        if (n && n < sizeof w) {
            memcpy(w, words, n);
            w[n] = '\0';
            if (strstr(host, w))
                return true;
        }
        words += n + (words[n] == '|');
    }
    return false;
}

/* A credential's name: a credential word in it, and not a name for where
 * or how one is used (OAUTH_TOKEN_URL, API_KEY_FILE, TOKEN_TTL). */
static bool secretish(const char *name, size_t len)
{
    static const char *const words[] = {"KEY",    "TOKEN",      "SECRET", "PASSWORD",
                                        "PASSWD", "CREDENTIAL", "PAT",    NULL};
    static const char *const about[] = {
        "URL",   "URLS",   "URI",  "HOST",   "HOSTNAME", "ENDPOINT", "DOMAIN",  "ADDR",   "ADDRESS",
        "PORT",  "PATH",   "FILE", "DIR",    "NAME",     "REGION",   "VERSION", "TYPE",   "HEADER",
        "SCOPE", "SCOPES", "TTL",  "EXPIRY", "TIMEOUT",  "LENGTH",   "FORMAT",  "PREFIX", NULL};
    const char *last = name;
    for (size_t i = 0; i < len; i++)
        if (name[i] == '_')
            last = name + i + 1;
    size_t n = len - (size_t)(last - name);
    for (int i = 0; about[i]; i++)
        if (n == strlen(about[i]) && !memcmp(last, about[i], n))
            return false;
    for (int i = 0; words[i]; i++)
        if (memmem(name, len, words[i], strlen(words[i])))
            return true;
    return false;
}

/* The first environment variable in text whose service is not in host,
 * into name; false when there is none. */
static bool foreign_secret(const char *s, size_t len, const char *host, char *name, size_t cap)
{
    for (size_t i = 0; i + 6 < len; i++) {
        if (memcmp(s + i, "environ", 7) && memcmp(s + i, "getenv", 6))
            continue;
        size_t j = i + 6;
        while (j < len && j < i + 24 && s[j] != '"' && s[j] != '\'')
            j++;
        if (j >= len || j >= i + 24)
            continue;
        size_t k = ++j;
        while (k < len && (isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k]) || s[k] == '_'))
            k++;
        if (k == j || k - j >= cap || (s[k] != '"' && s[k] != '\'') || !secretish(s + j, k - j))
            continue;
        char word[32];
        const char *svc = service_of(s + j, k - j, word, sizeof word);
        if (!svc || host_has(host, svc))
            continue;
        memcpy(name, s + j, k - j);
        name[k - j] = '\0';
        return true;
    }
    return false;
}

typedef struct secret_ud {
    ctx *c;
    scope *sc;
    const char *host;
    char *name;
    size_t cap;
    int depth; /* names followed so far */
} secret_ud;

/* param_any_arg's callback: what one call passes reads a foreign secret */
static bool secret_in_site(void *p, TSNode arg, scope *asc)
{
    secret_ud *u = p;
    const char *s;
    size_t len;
    (void)asc;
    return text_of(u->c, arg, asc, &s, &len) && foreign_secret(s, len, u->host, u->name, u->cap);
}

/* What name id is bound to reads a foreign secret; for a parameter, what a
 * call of its function passes (self._send({"k": os.environ["OPENAI_API_KEY"]})
 * for def _send(self, payload): requests.post(url, json=payload)). */
static bool secret_in_name(void *p, TSNode id)
{
    secret_ud *u = p;
    const char *s;
    size_t len;
    if (text_of(u->c, id, u->sc, &s, &len) && foreign_secret(s, len, u->host, u->name, u->cap))
        return true;
    /* ... or the names in that value, one more step (payload = {"k": KEY}
     * with KEY = os.environ["OPENAI_API_KEY"]) */
    scope *vs;
    TSNode v = value_of(u->c, id, u->sc, &vs);
    if (u->depth < 1 && !ts_node_is_null(v) && !ts_node_eq(v, id)) {
        secret_ud deeper = *u;
        deeper.sc = vs;
        deeper.depth++;
        int budget = 64;
        if (find_identifier(v, 0, &budget, secret_in_name, &deeper))
            return true;
    }
    const char *name = ts_node_symbol(id) == syms.identifier ? ident_name(u->c, id) : NULL;
    for (scope *x = u->sc; name && x; x = x->parent) {
        if (!pc_strmap_get(&x->names, name))
            continue;
        int budget = 64;
        return x->kind == SCOPE_FUNCTION && param_index(u->c, x, name) >= 0 &&
               param_any_arg(u->c, x, name, secret_in_site, u, &budget);
    }
    return false;
}

int check_secret_host(ctx *c, TSNode call, const vals *callee, scope *sc)
{
    if (!(c->eng->syntax_kinds & PC_SYN_SECRET_HOST) || !request_call(c, call, callee))
        return 0;
    TSNode args = node_field(call, c->f_arguments);
    if (ts_node_is_null(args) || ts_node_symbol(args) != syms.argument_list)
        return 0;
    /* the URL: the first argument, or the second after a method name */
    char host[256];
    const char *s;
    size_t len;
    bool found = false;
    for (uint32_t i = 0; i < 2 && !found; i++) {
        TSNode u = call_arg(args, i);
        found = !ts_node_is_null(u) && text_of(c, u, sc, &s, &len) && host_of(s, len, host, sizeof host);
    }
    if (!found || local_host(host))
        return 0;
    /* the secrets: in every argument's text, or what a name there holds */
    kids k;
    kids_init(&k, args, true);
    TSNode a;
    char name[128];
    bool hit = false;
    while (!hit && kids_next(&k, &a)) {
        TSSymbol t = ts_node_symbol(a);
        if (t == syms.comment)
            continue;
        TSNode v = t == syms.keyword_argument ? node_field(a, c->f_value) : a;
        if (ts_node_is_null(v))
            continue;
        uint32_t st = ts_node_start_byte(v), en = ts_node_end_byte(v);
        if (en <= c->len && en - st <= MAX_TEXT &&
            foreign_secret(c->text + st, en - st, host, name, sizeof name))
            hit = true;
        /* names inside the argument, one level (f"...{tok}", {"k": key}) */
        int budget = 256;
        secret_ud u = {c, sc, host, name, sizeof name, 0};
        hit = hit || find_identifier(v, 0, &budget, secret_in_name, &u);
    }
    kids_done(&k);
    if (!hit)
        return 0;
    return match_syntax(c, call, PC_SYN_SECRET_HOST, pc_arena_printf(c->a, "%s sent to %s", name, host));
}
