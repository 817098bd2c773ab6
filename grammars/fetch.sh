#!/bin/sh
# Fetch the pinned tree-sitter-python grammar from the npm registry, verify its
# integrity hash and unpack its C sources into DEST (default: grammars/.cache).
# Nothing fetched here is committed: .cache is ignored by git.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/.cache}
pin=$here/tree-sitter-python.pin
name=$(sed -n 's/^name=//p' "$pin")
version=$(sed -n 's/^version=//p' "$pin")
integrity=$(sed -n 's/^integrity=//p' "$pin")
out=$dest/$name-$version
if [ -f "$out/.verified" ] && [ "$(cat "$out/.verified")" = "$integrity" ]; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "grammars/fetch.sh: npm is required to fetch $name" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
tgz=$tmp/$name-$version.tgz
[ -f "$tgz" ] || { echo "grammars/fetch.sh: npm pack produced no tarball" >&2; exit 1; }
got=$(node -e 'const c=require("crypto"),f=require("fs");
process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
if [ "$got" != "$integrity" ]; then
    echo "grammars/fetch.sh: integrity mismatch for $name@$version: got $got" >&2
    exit 1
fi
rm -rf "$out"
mkdir -p "$out"
tar -xzf "$tgz" -C "$out" --strip-components=1 package/src package/LICENSE
grep -q '#define LANGUAGE_VERSION 14' "$out/src/parser.c" ||
    { echo "grammars/fetch.sh: $name@$version is not ABI 14" >&2; exit 1; }
echo "$integrity" > "$out/.verified"
