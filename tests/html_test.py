#!/usr/bin/env python3
"""End-to-end test of `portcullis check --format html|markdown`.

Hostile Python files (and hostile file names) are checked; the HTML report is
rendered in a real headless Chromium, twice: as written, and with its
Content-Security-Policy removed, so that the escaping alone is proven. Every
payload, if it ever ran, would set the title to PWNED and add an element with
id "pwned". A positive control (a copy of the report with a real script in
it) proves that the browser runs scripts here and that the checks see it.
The Markdown report is checked structurally: no line of code can close its
fence, no HTML outside code, tables keep their columns.

usage: html_test.py PORTCULLIS FIXTURES_DIR   (Chromium must be installed)
"""
import base64
import hashlib
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

PORTCULLIS = os.path.abspath(sys.argv[1])
FIXTURES = os.path.abspath(sys.argv[2])
PAYLOAD_JS = ("document.title='PWNED';"
              "document.documentElement.appendChild(document.createElement('i')).id='pwned'")
IMG_NAME = '<img src=x onerror="%s">\'".py' % PAYLOAD_JS.replace('"', '&quot;')
MD_NAME = 'a|b`c`*d*_e_[x](javascript:alert(1)) <script>alert(1)</script>.py'

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print('FAIL:', what, flush=True)
    return cond


def run(args, expect, cwd):
    env = dict(os.environ, PORTCULLIS_CONFIG='')  # no project config found around the temp dir
    p = subprocess.run([PORTCULLIS, 'check'] + args, cwd=cwd, env=env, capture_output=True, timeout=120)
    check(p.returncode == expect,
          'portcullis check %s: exit %d, expected %d\n%s' % (' '.join(args), p.returncode, expect,
                                                           p.stderr.decode(errors='replace')))
    err = p.stderr.decode(errors='replace')
    check(not re.search(r'Sanitizer|runtime error:', err), 'portcullis check %s: sanitizer report:\n%s'
          % (' '.join(args), err[-4000:]))
    return p


# ---------------------------------------------------------------- Chromium

def find_chromium():
    for name in ('chromium', 'chromium-browser'):
        path = shutil.which(name)
        if path:
            return path
    print('FAIL: chromium is not installed (Debian package "chromium"); this test needs it',
          file=sys.stderr)
    sys.exit(1)


def dump_dom(chromium, path):
    """The DOM after load (and after 2 s of virtual time, so timers and
    meta refreshes would have fired)."""
    with tempfile.TemporaryDirectory(prefix='pc-chromium-') as profile:
        cmd = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
               '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-dev-shm-usage',
               '--user-data-dir=' + profile, '--virtual-time-budget=2000', '--dump-dom', 'file://' + path]
        p = subprocess.run(cmd, capture_output=True, timeout=180)
    dom = p.stdout.decode('utf-8', errors='replace')
    if not check(p.returncode == 0 and '<html' in dom,
                 'chromium failed on %s (exit %d):\n%s' % (path, p.returncode,
                                                          p.stderr.decode(errors='replace')[-2000:])):
        return None
    return dom


class Dom(html.parser.HTMLParser):
    """Tags, attributes, ids, the title and the text of a document."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.ids, self.texts, self.title = [], [], [], None
        self._in_title = False
        self.feed(text)
        self.close()
        self.text = ''.join(self.texts)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.ids += [v for k, v in attrs if k == 'id']
        self._in_title = tag == 'title'
        if self._in_title:
            self.title = ''

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        else:
            self.texts.append(data)


SAFE_TAGS = {'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'article', 'h1', 'h2',
             'h3', 'h4', 'p', 'strong', 'code', 'pre', 'span', 'mark', 'a', 'dl', 'dt', 'dd', 'ul', 'li', 'div',
             'table', 'thead', 'tbody', 'tr', 'th', 'td'}
ID_RE = re.compile(r'(verdict|by-severity|by-rule|files|clean|errors|findings|other-rules|file-\d+|f\d+-\d+)\Z')
HREF_RE = re.compile(r'(#f\d+-\d+|#file-\d+|https://cwe\.mitre\.org/data/definitions/\d+\.html)\Z')


def pwned(dom):
    """Did anything run? (the title, the marker element)"""
    return 'PWNED' in (dom.title or '') or 'pwned' in dom.ids


def check_dom(dom_text, label, expect_text):
    dom = Dom(dom_text)
    check(not pwned(dom), '%s: an injected payload ran (title %r)' % (label, dom.title))
    check(dom.title == 'Portcullis review: DENY', '%s: title changed: %r' % (label, dom.title))
    check('Portcullis security review' in dom.text, '%s: the report is gone (navigated away?)' % label)
    tags = [t for t, _ in dom.tags]
    check('script' not in tags, '%s: the DOM has a <script> element' % label)
    check(tags.count('style') == 1, '%s: %d <style> elements, expected 1' % (label, tags.count('style')))
    unexpected = sorted(set(tags) - SAFE_TAGS)
    check(not unexpected, '%s: unexpected elements in the DOM: %s' % (label, unexpected))
    for tag, attrs in dom.tags:
        for k, v in attrs:
            check(not k.startswith('on'), '%s: <%s %s=...> event handler in the DOM' % (label, tag, k))
            check(k in ('id', 'class', 'href', 'rel', 'lang', 'charset', 'name', 'content', 'http-equiv'),
                  '%s: unexpected attribute <%s %s=%r>' % (label, tag, k, v))
            if k == 'id':
                check(ID_RE.match(v or ''), '%s: unexpected id %r' % (label, v))
            if k == 'href':
                check(HREF_RE.match(v or ''), '%s: unexpected link %r' % (label, v))
            if k == 'http-equiv':
                check(v == 'Content-Security-Policy', '%s: unexpected <meta http-equiv=%r>' % (label, v))
    for s in expect_text:
        check(s in dom.text, '%s: the DOM text lacks %r' % (label, s))
    return dom


def balanced(doc):
    """Every element the report opens it closes, in order."""
    void = {'meta', 'br', 'hr', 'img', 'link', 'input'}
    stack = []

    class P(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in void:
                stack.append(tag)

        def handle_endtag(self, tag):
            if not stack or stack.pop() != tag:
                raise ValueError('</%s> at %s' % (tag, self.getpos()))

    P().feed(doc)
    return not stack


def test_html(chromium, work, hostile_lines, expect_text):
    out = os.path.join(work, 'report.html')
    p = run(['--format', 'html', '-o', out, '--', IMG_NAME, 'sub dir', MD_NAME, 'clean.py'], 1, work)
    check(p.stdout == b'', 'html: -o still wrote to standard output')
    if not check(os.path.isfile(out), 'html: -o did not write the report'):
        return
    doc = open(out, encoding='utf-8').read()
    check(doc.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'), 'html: head')
    check(not re.search(r'<\s*script', doc, re.I), 'html: the report has a <script>')
    check('<meta name="viewport" content="width=device-width, initial-scale=1">' in doc, 'html: no viewport')
    check('@media print' in doc, 'html: no print styles')
    try:
        check(balanced(doc), 'html: unclosed elements')
    except ValueError as e:
        check(False, 'html: misnested element %s' % e)
    # the CSP allows exactly the report's own style sheet
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', doc)
    style = re.search(r'<style>(.*?)</style>', doc, re.S)
    if check(csp and style, 'html: no CSP meta or no style'):
        digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
        check(csp.group(1).startswith("default-src 'none'; style-src 'sha256-%s'" % digest),
              "html: CSP %r does not allow the style sheet's hash %s" % (csp.group(1), digest))
    for line in hostile_lines:
        check(line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
              .replace('"', '&quot;').replace("'", '&#39;') in doc, 'html: source line not escaped as expected: ' + line)

    dom = dump_dom(chromium, out)
    if dom is not None:
        check_dom(dom, 'html with CSP', expect_text)
    # the same report without its CSP: escaping alone must hold
    bare, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', '', doc)
    check(n == 1, 'html: CSP meta not found to remove')
    bare_path = os.path.join(work, 'report-no-csp.html')
    with open(bare_path, 'w', encoding='utf-8') as f:
        f.write(bare)
    dom = dump_dom(chromium, bare_path)
    if dom is not None:
        check_dom(dom, 'html without CSP', expect_text)
    # positive control: a real script in the CSP-less copy does run and is seen
    control = bare.replace('</body>', '<script>%s</script><img src=x onerror="%s">\n</body>'
                           % (PAYLOAD_JS, PAYLOAD_JS.replace("'", '&#39;')))
    control_path = os.path.join(work, 'control.html')
    with open(control_path, 'w', encoding='utf-8') as f:
        f.write(control)
    dom = dump_dom(chromium, control_path)
    if dom is not None:
        check(pwned(Dom(dom)), 'control: a script that must run was not seen; the checks prove nothing')


# ---------------------------------------------------------------- Markdown

FENCE_OPEN = re.compile(r' {0,3}(`{3,}|~{3,})(.*)\Z')
EXCERPT_LINE = re.compile(r'(>>|  ) +\d+ \| |   +\| ')
PIPE = re.compile(r'(?<!\\)\|')


def md_blocks(md):
    """Split into (outside lines, fences) as CommonMark does: a fence closes
    only on a line of the same character, at least as long, nothing else."""
    outside, fences, lines, i = [], [], md.split('\n'), 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m or (m.group(1)[0] == '`' and '`' in m.group(2)):
            outside.append(lines[i])
            i += 1
            continue
        ch, n = m.group(1)[0], len(m.group(1))
        close = re.compile(r' {0,3}%s{%d,}[ \t]*\Z' % (re.escape(ch), n))
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        fences.append((lines[i], lines[i + 1:j], lines[j] if j < len(lines) else None))
        i = j + 1
    return outside, fences


def check_tables(outside, label):
    """Every table row has as many cells as its header."""
    cols = None
    for line in outside:
        if not line.startswith('|'):
            cols = None
            continue
        n = len(PIPE.findall(line))
        if cols is None:
            cols = n
        check(n == cols, '%s: table row with %d pipes, header has %d: %s' % (label, n, cols, line))


def test_markdown(work, hostile_lines):
    out = os.path.join(work, 'report.md')
    p = run(['--format', 'markdown', '-o', out, '--', IMG_NAME, 'sub dir', MD_NAME, 'clean.py'], 1, work)
    check(p.stdout == b'', 'markdown: -o still wrote to standard output')
    if not check(os.path.isfile(out), 'markdown: -o did not write the report'):
        return
    md = open(out, encoding='utf-8').read()
    outside, fences = md_blocks(md)
    for heading in ('# Portcullis security review: DENY', '## Findings by severity', '## Findings by rule',
                    '## Files with findings', '## Files allowed without findings (1)', '## Findings'):
        check(heading in outside, 'markdown: no heading %r' % heading)
    check(any(line.startswith('### ') and '&lt;img src=x onerror=' in line for line in outside),
          'markdown: no escaped heading for the <img> file')
    check(len(fences) >= 10, 'markdown: only %d code blocks' % len(fences))
    for opening, body, closing in fences:
        check(closing is not None and closing == opening[:-len('text')] and opening.endswith('text'),
              'markdown: code block %r closed by %r' % (opening, closing))
        for line in body:
            check(EXCERPT_LINE.match(line), 'markdown: a line escaped the excerpt: %r' % line)
    inside = '\n'.join(line for _, body, _ in fences for line in body)
    for line in hostile_lines:
        check(line in inside, 'markdown: source line missing from the excerpts: ' + line)
    check('``````` | <script>alert(1)</script>' in inside, 'markdown: the fence payload is not inside a fence')
    text = '\n'.join(outside)
    check('<' not in text, 'markdown: raw HTML outside code: %r' % [l for l in outside if '<' in l][:3])
    check(not re.search(r'(?<!\\)\]\(javascript:', text), 'markdown: a javascript: link outside code')
    check('a\\|b\\`c\\`\\*d\\*\\_e\\_\\[x\\](javascript:alert(1)) &lt;script&gt;' in text,
          'markdown: the file name is not escaped')
    check_tables(outside, 'markdown')


# ---------------------------------------------------------------- exit statuses and errors

def test_statuses(work):
    for fmt in ('html', 'markdown', 'md'):
        p = run(['--format', fmt, 'clean.py'], 0, work)
        out = p.stdout.decode()
        check('ALLOW' in out, '%s: allowed run does not say ALLOW' % fmt)
        p = run(['--format', fmt, 'sub dir'], 1, work)
        check('DENY' in p.stdout.decode(), '%s: denied run does not say DENY' % fmt)
    # an unreadable file is listed (escaped), and the status says error
    bad = 'unreadable <b>.py'
    os.symlink('/proc/self/mem', os.path.join(work, bad))
    p = run(['--format', 'html', bad, 'clean.py'], 2, work)
    out = p.stdout.decode()
    check('<title>Portcullis review: ERROR</title>' in out, 'html: error run is not ERROR')
    check('<li><code>unreadable &lt;b&gt;.py</code>: read error' in out, 'html: the unreadable file is not listed')
    p = run(['--format', 'markdown', bad, 'clean.py'], 2, work)
    out = p.stdout.decode()
    check('- unreadable &lt;b&gt;.py: read error' in out, 'markdown: the unreadable file is not listed')
    os.unlink(os.path.join(work, bad))


def main():
    chromium = find_chromium()
    work = tempfile.mkdtemp(prefix='pc-review-')
    try:
        hostile = open(os.path.join(FIXTURES, 'hostile.py'), encoding='utf-8').read()
        fences = open(os.path.join(FIXTURES, 'fences.py'), encoding='utf-8').read()
        for name, data in ((IMG_NAME, hostile), (os.path.join('sub dir', 'hostile.py'), hostile),
                           (MD_NAME, fences), ('clean.py', open(os.path.join(FIXTURES, 'clean.py')).read())):
            os.makedirs(os.path.dirname(os.path.join(work, name)), exist_ok=True)
            with open(os.path.join(work, name), 'w', encoding='utf-8') as f:
                f.write(data)
        hostile_lines = [l for l in hostile.split('\n') if l.startswith(('os.', 'eval', 'exec', 'subprocess.'))]
        assert len(hostile_lines) == 9, hostile_lines
        expect_text = ['shell-command', 'eval-exec', 'subprocess-shell-true', IMG_NAME, 'sub dir/hostile.py',
                       MD_NAME, 'clean.py', 'CWE-78'] + hostile_lines
        test_html(chromium, work, hostile_lines, expect_text)
        test_markdown(work, hostile_lines)
        test_statuses(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print('%d failure(s)' % len(failures))
        return 1
    print('ok: html and markdown reports')
    return 0


if __name__ == '__main__':
    sys.exit(main())
