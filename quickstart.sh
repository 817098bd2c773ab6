#!/bin/bash
# Set up portcullis on Debian 12 and either run it on a demo snippet or run
# every test.
#   ./quickstart.sh demo   install dependencies, build, check corpus/demo/
#   ./quickstart.sh test   install dependencies, build (plain and with
#                          ASan+UBSan) and run all tests in both builds
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

need_pkgs() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "quickstart: installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

need_pkgs build-essential cmake pkg-config ca-certificates python3 \
    libtree-sitter-dev libpcre2-dev libyaml-dev libseccomp-dev libcmocka-dev \
    libjansson-dev libutf8proc-dev nettle-dev
# npm fetches the pinned grammar; keep a node/npm that is already installed.
command -v npm >/dev/null 2>&1 || need_pkgs nodejs npm

build() { # dir, extra cmake args...
    local dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" -j "$jobs" >/dev/null
}

case "$mode" in
demo)
    build build -DPORTCULLIS_TESTS=OFF
    echo "== portcullis check corpus/demo (policy standard)"
    set +e
    ./build/cli/portcullis check corpus/demo
    rc=$?
    set -e
    echo "== exit status $rc (0 allowed, 1 denied, 2 error)"
    [ "$rc" -le 1 ] || exit "$rc"
    echo "== portcullis run corpus/demo/agent_report.py (checked, then run in the sandbox)"
    set +e
    ./build/cli/portcullis run corpus/demo/agent_report.py
    echo "== exit status $? (the program's own; 125 if this host cannot build the sandbox)"
    ./build/cli/portcullis run corpus/demo/agent_cleanup.py
    echo "== exit status $? (126: the gate denied it; nothing ran)"
    exit 0
    ;;
test)
    # the report, pre-commit and SARIF tests use the real tools
    need_pkgs chromium pre-commit git
    if [ -f tests/package.json ]; then
        (cd tests && npm install --no-audit --no-fund --loglevel=error >/dev/null)
    fi
    build build
    (cd build && ctest --output-on-failure -j "$jobs")
    echo "== the same tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    build build-asan -DPORTCULLIS_SANITIZE=ON
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --output-on-failure -j "$jobs")
    ;;
*)
    echo "usage: ./quickstart.sh demo|test" >&2
    exit 2
    ;;
esac
