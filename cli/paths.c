#include "paths.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int push(pc_paths *p, const char *s, pc_error *err)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return pc_fail(err, "out of memory");
        p->v = v;
        p->cap = cap;
    }
    if (!(p->v[p->n] = strdup(s)))
        return pc_fail(err, "out of memory");
    p->n++;
    return 0;
}

int pc_paths_add_name(pc_paths *p, const char *name, pc_error *err)
{
    return push(p, name, err);
}

void pc_paths_free(pc_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static bool skip_dir(const char *dir, const char *name)
{
    static const char *const skip[] = {".git",        ".hg",          ".svn", "__pycache__", ".tox",
                                       ".nox",        ".venv",        "venv", ".mypy_cache", ".pytest_cache",
                                       ".ruff_cache", "node_modules", NULL};
    for (const char *const *s = skip; *s; s++)
        if (!strcmp(name, *s))
            return true;
    char cfg[4096];
    snprintf(cfg, sizeof cfg, "%s/%s/pyvenv.cfg", dir, name);
    return access(cfg, F_OK) == 0; /* a virtualenv */
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Depth-first with an explicit stack of directories. */
static int walk(pc_paths *out, const char *root, pc_error *err)
{
    pc_paths stack = {0};
    if (push(&stack, root, err) < 0)
        return -1;
    int rc = 0;
    while (stack.n && rc == 0) {
        char *dir = stack.v[--stack.n];
        DIR *d = opendir(dir);
        if (!d) {
            rc = pc_fail(err, "%s: cannot open directory: %s", dir, strerror(errno));
            free(dir);
            break;
        }
        pc_paths files = {0}, dirs = {0};
        struct dirent *e;
        while (rc == 0 && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char path[4096];
            if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
                continue;
            struct stat st;
            if (lstat(path, &st) < 0)
                continue;
            size_t len = strlen(e->d_name);
            bool py = len > 3 && !strcmp(e->d_name + len - 3, ".py");
            struct stat target;
            if (S_ISLNK(st.st_mode) && py && stat(path, &target) == 0 && S_ISREG(target.st_mode))
                st = target; /* a linked .py file is checked; linked directories are not followed */
            if ((S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && py)) && pc_excluded(out->exclude, path)) {
                out->excluded++;
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                if (!skip_dir(dir, e->d_name))
                    rc = push(&dirs, path, err);
                else if (strcmp(e->d_name, ".git") && strcmp(e->d_name, "__pycache__"))
                    fprintf(stderr,
                            "portcullis: note: skipped %s (a virtual environment or tool cache; "
                            "name it to check it)\n",
                            path);
            } else if (S_ISREG(st.st_mode) && py) {
                rc = push(&files, path, err);
            }
        }
        closedir(d);
        if (files.n > 1)
            qsort(files.v, files.n, sizeof *files.v, cmp);
        if (dirs.n > 1)
            qsort(dirs.v, dirs.n, sizeof *dirs.v, cmp);
        for (size_t i = 0; i < files.n && rc == 0; i++)
            rc = push(out, files.v[i], err);
        for (size_t i = dirs.n; i-- > 0 && rc == 0;) /* reversed: popped in order */
            rc = push(&stack, dirs.v[i], err);
        pc_paths_free(&files);
        pc_paths_free(&dirs);
        free(dir);
    }
    pc_paths_free(&stack);
    return rc;
}

int pc_paths_add(pc_paths *p, const char *path, pc_error *err)
{
    if (!strcmp(path, "-"))
        return push(p, path, err);
    if (pc_excluded(p->exclude, path)) { /* named files too: pre-commit names every file */
        p->excluded++;
        return 0;
    }
    struct stat st;
    if (stat(path, &st) < 0)
        return pc_fail(err, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        char root[4096];
        snprintf(root, sizeof root, "%s", path);
        size_t n = strlen(root);
        while (n > 1 && root[n - 1] == '/')
            root[--n] = '\0';
        return walk(p, root, err);
    }
    return push(p, path, err);
}

int pc_read_stream(int fd, size_t max, unsigned char **data, size_t *len, pc_error *err)
{
    size_t cap = 65536, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        return pc_fail(err, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                break; /* more than max: the analyzer reports it as too large */
            }
            unsigned char *v = realloc(buf, cap * 2);
            if (!v) {
                free(buf);
                return pc_fail(err, "out of memory");
            }
            buf = v;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            return pc_fail(err, "read error: %s", strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *data = buf;
    *len = n;
    return 0;
}

int pc_read_file(const char *path, size_t max, unsigned char **data, size_t *len, pc_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return pc_fail(err, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return pc_fail(err, "%s: is a directory", path);
    }
    pc_error e2;
    int rc = pc_read_stream(fd, max, data, len, &e2);
    close(fd);
    if (rc < 0)
        return pc_fail(err, "%s: %s", path, e2.msg);
    return 0;
}

const char *pc_path_relative(const char *base, const char *path, char *buf, size_t cap)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');
    /* resolve the directory part only: a linked file keeps its own name */
    if (slash) {
        size_t n = (size_t)(slash - path);
        if (n >= sizeof dir)
            return NULL;
        memcpy(dir, path, n);
        dir[n] = '\0';
        if (!n)
            strcpy(dir, "/");
    } else {
        strcpy(dir, ".");
    }
    char *real = realpath(dir, NULL);
    if (!real)
        return NULL;
    int w = snprintf(buf, cap, "%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path);
    free(real);
    if (w < 0 || (size_t)w >= cap)
        return NULL;
    size_t bl = strlen(base);
    if (!strcmp(base, "/"))
        return buf + 1;
    if (strncmp(buf, base, bl) || buf[bl] != '/')
        return NULL;
    return buf + bl + 1;
}

void pc_file_mode_default(int fd)
{
    mode_t m = umask(0);
    umask(m);
    (void)fchmod(fd, 0666 & ~m);
}
