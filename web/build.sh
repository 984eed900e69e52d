#!/usr/bin/env bash
# Builds customer-first for the browser into OUT_DIR: a folder of static files that any web server
# serves (python3 -m http.server -d OUT_DIR 8000, then open http://localhost:8000); the whole game
# runs in the page, with no network after it has loaded.
#
#   web/build.sh OUT_DIR
#
# What it does: cargo builds the game for wasm32-unknown-unknown (profile wasm-release, features
# `gui` without the desktop's X11 and the CI hooks); wasm-bindgen, at exactly the version in
# Cargo.lock, writes the JavaScript bindings; wasm-opt -Oz shrinks the module; the page
# (web/index.html) gets its texts from the catalogues (assets/i18n) and the module's size for its
# progress bar. On a fresh machine it installs what it needs: the rustup target, wasm-bindgen-cli,
# brotli (apt) and, unless a wasm-opt of binaryen 116 or later is on the PATH, binaryen 116
# built from crates.io (`cargo install wasm-opt`: about 6.5 minutes once, then 2 minutes a
# build), or if that cannot be built, binaryen 132 from npm (compiled to WebAssembly: about 9
# minutes a build). Debian's binaryen 108 breaks wasm-bindgen's table of JavaScript values: the
# page fails with "WebAssembly.Table.set(): Argument 1 is invalid". It prints the sizes (raw,
# gzip, brotli) and fails when the gzipped module, the Chinese font inside it, exceeds the budget
# of 10 MB.
set -euo pipefail
out=${1:?usage: web/build.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
cd "$repo"
# Its own target folder: the wasm build shares nothing with the desktop's, and survives between
# builds (a cold build takes about half an hour on two cores).
export CARGO_TARGET_DIR=${CUSTOMER_FIRST_WASM_TARGET:-$HOME/.cache/customer-first-wasm-target}

step() { printf '== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen"; then
  step "installing wasm-bindgen-cli $bindgen (the version in Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$bindgen"
fi
missing=()
command -v brotli >/dev/null || missing+=(brotli)
command -v node >/dev/null || missing+=(nodejs npm)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  step "installing ${missing[*]} (apt)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi
fi

# wasm-opt: binaryen 116 or later (older ones break the module). On a machine without one,
# binaryen 116 from crates.io, compiled here once (it needs a C++ compiler) into cargo's bin
# folder beside wasm-bindgen; if that fails, binaryen 132 from npm (binaryen compiled to
# WebAssembly: it installs in seconds but runs about 9 minutes a build, against 2 natively).
tools=${CF_WEB_TOOLS:-$HOME/.cache/customer-first-web-tools}
# (No wasm-opt on the PATH is the usual case on a fresh machine: not an error, hence `|| true`.)
native_version() {
  ( (wasm-opt --version 2>/dev/null || true) | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p')
}
native_opt=$(native_version)
if [ -z "$native_opt" ] || [ "$native_opt" -lt 116 ]; then
  step "installing wasm-opt (binaryen 116, crates.io; about 6.5 minutes, once)"
  if command -v c++ >/dev/null && cargo install --locked wasm-opt --version 0.116.1; then
    hash -r
    native_opt=$(native_version)
  else
    echo "web/build.sh: could not build wasm-opt here; using binaryen from npm" >&2
  fi
fi
if [ -n "$native_opt" ] && [ "$native_opt" -ge 116 ]; then
  wasm_opt=(wasm-opt)
else
  if [ ! -x "$tools/node_modules/binaryen/bin/wasm-opt" ]; then
    step "installing binaryen 132 (npm) into $tools"
    mkdir -p "$tools"
    (cd "$tools" && npm install --no-audit --no-fund binaryen@132)
  fi
  wasm_opt=(node "$tools/node_modules/binaryen/bin/wasm-opt")
fi

step "cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build --locked --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features gui --bin customer-first
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/customer-first.wasm"

mkdir -p "$out"
step "wasm-bindgen $bindgen"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name customer-first "$wasm"
step "wasm-opt -Oz ($("${wasm_opt[@]}" --version))"
# The features rustc enables for wasm32 by default, so that wasm-opt keeps what the module uses.
"${wasm_opt[@]}" -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$out/customer-first_bg.opt.wasm" "$out/customer-first_bg.wasm"
mv "$out/customer-first_bg.opt.wasm" "$out/customer-first_bg.wasm"

step "the page"
cp web/platform.js "$out/platform.js"
# The Chinese font is inside the module (the game draws with it); its licence goes beside it.
cp assets/fonts/OFL.txt "$out/OFL.txt"
python3 - "$out" <<'PY'
import json, os, re, sys
out = sys.argv[1]

def catalogue(path):
    # Fluent `key = text` lines (the page's texts are one line each).
    texts = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^([a-z][a-z0-9-]*) = (.*)$", line.rstrip("\n"))
        if m:
            texts[m.group(1)] = m.group(2)
    return texts

en = catalogue("assets/i18n/en.ftl")
zh = catalogue("assets/i18n/zh-CN.ftl")
page = open("web/index.html", encoding="utf-8").read()

def text(m):
    lang, key = (zh, m.group(2)) if m.group(1) else (en, m.group(2))
    if key not in lang:
        sys.exit(f"web/index.html: no catalogue text for {m.group(0)}")
    # Written inside JavaScript strings and the title: escaped as JSON, without the quotes.
    return json.dumps(lang[key], ensure_ascii=False)[1:-1].replace("<", "\\u003c")

page = re.sub(r"\{\{(zh:)?([a-z0-9-]+)\}\}", text, page)
size = os.path.getsize(os.path.join(out, "customer-first_bg.wasm"))
page = page.replace("@WASM_BYTES@", str(size))
open(os.path.join(out, "index.html"), "w", encoding="utf-8").write(page)
PY

step "sizes (bytes: raw, gzip -9, brotli -q 11)"
total_gz=0
for f in customer-first_bg.wasm customer-first.js platform.js index.html; do
  raw=$(stat -c %s "$out/$f")
  gz=$(gzip -9 -c "$out/$f" | wc -c)
  br=$(brotli -q 11 -c "$out/$f" | wc -c)
  printf '%-26s %10s %10s %10s\n' "$f" "$raw" "$gz" "$br"
  case $f in customer-first_bg.wasm) total_gz=$gz ;; esac
done
budget=$((10 * 1000 * 1000))
printf 'gzipped module, the Chinese font inside it: %s bytes (budget %s)\n' "$total_gz" "$budget"
if ((total_gz > budget)); then
  echo "web/build.sh: over the size budget" >&2
  exit 1
fi
step "built into $out"
