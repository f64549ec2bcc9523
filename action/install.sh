#!/usr/bin/env bash
# Installs one mentorbook release into MENTORBOOK_INSTALL_DIR/bin, for the
# mentorbook action (action.yml) and anyone else.
#
#   install.sh             install it
#   install.sh --version   print `version=X.Y.Z` (the release it would install)
#
# The release binary for this machine is downloaded with the release's
# SHA256SUMS and installed only when its SHA-256 sum matches; a mismatch (or a
# SHA256SUMS without a line for it) refuses, installing nothing. When the
# release has no binary for this machine, or it cannot be downloaded, cargo
# builds it from crates.io instead (`cargo install --locked`).
#
# MENTORBOOK_VERSION  the release (default: the version in the Cargo.toml beside
#                     this folder, i.e. the release this action is tagged with)
# MENTORBOOK_RELEASES where releases are (default: the `repository` in that
#                     Cargo.toml, + /releases/download); a file:// address works
# MENTORBOOK_TARGET   the Rust target triple of the binary (default: this machine's)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest_value() { sed -n "s/^$1 = \"\\(.*\\)\"\$/\\1/p" "$here/Cargo.toml" | head -n 1; }
version="${MENTORBOOK_VERSION:-$(manifest_value version)}"
version="${version#v}"
if [ "${1:-}" = "--version" ]; then
  echo "version=$version"
  exit 0
fi
dir="${MENTORBOOK_INSTALL_DIR:?MENTORBOOK_INSTALL_DIR names the folder to install into}"
releases="${MENTORBOOK_RELEASES:-$(manifest_value repository)/releases/download}"

fail() {
  echo "::error::$1" >&2
  exit 1
}

# The Rust target triple of this machine's release binary; empty when there is none.
detect_target() {
  case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) echo x86_64-unknown-linux-gnu ;;
  Linux/aarch64 | Linux/arm64) echo aarch64-unknown-linux-gnu ;;
  Darwin/x86_64) echo x86_64-apple-darwin ;;
  Darwin/arm64 | Darwin/aarch64) echo aarch64-apple-darwin ;;
  MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) echo x86_64-pc-windows-msvc ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

from_cargo() {
  echo "No release binary of mentorbook $version for ${target:-this machine} ($1): building it from crates.io with cargo."
  cargo install mentorbook --version "$version" --locked --root "$dir"
}

# The binary runs on this machine and is the release asked for.
runs() {
  local said
  said="$("$1" --version 2>&1)" || fail "$1 does not run on this machine ($said): not installed"
  [ "$said" = "mentorbook $version" ] || fail "$1 says '$said', not 'mentorbook $version': not installed"
}

target="${MENTORBOOK_TARGET:-$(detect_target)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
exe=mentorbook
case "$target" in *windows*) exe=mentorbook.exe ;; esac
stem="mentorbook-v$version-$target"
archive="$stem.tar.gz"
case "$target" in *windows*) archive="$stem.zip" ;; esac

download() { curl --fail --silent --show-error --location --retry 3 --output "$work/$1" "$releases/v$version/$1"; }

if [ -z "$target" ]; then
  from_cargo "no release binary is built for $(uname -s) $(uname -m)"
elif ! download SHA256SUMS 2>"$work/error" || ! download "$archive" 2>>"$work/error"; then
  from_cargo "$(tr '\n' ' ' <"$work/error")"
else
  expected="$(awk -v name="$archive" '{ file = $2; sub(/^\*/, "", file) } file == name { print $1; exit }' "$work/SHA256SUMS")"
  [ -n "$expected" ] || fail "SHA256SUMS of mentorbook $version has no line for $archive: not installed"
  actual="$(sha256 "$work/$archive")"
  [ "$actual" = "$expected" ] ||
    fail "the SHA-256 sum of $archive is $actual, but the release's SHA256SUMS says $expected: not installed (download again; if it persists, report it)"
  mkdir -p "$work/unpacked"
  case "$archive" in
  *.zip) unzip -q "$work/$archive" -d "$work/unpacked" ;;
  *) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
  esac
  [ -f "$work/unpacked/$stem/$exe" ] || fail "$archive holds no $stem/$exe: not installed"
  chmod 755 "$work/unpacked/$stem/$exe"
  runs "$work/unpacked/$stem/$exe"
  mkdir -p "$dir/bin"
  # Copied beside its place, then renamed: a half-copied binary is never on the PATH.
  cp "$work/unpacked/$stem/$exe" "$dir/bin/.$exe.partial"
  mv -f "$dir/bin/.$exe.partial" "$dir/bin/$exe"
fi
runs "$dir/bin/$exe"
echo "Installed mentorbook $version into $dir/bin."
