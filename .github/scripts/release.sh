#!/usr/bin/env bash
# The release archives of mentorbook, for .github/workflows/release.yml; run the
# same commands locally to try a release.
#
#   release.sh check-tag TAG               TAG is v<Cargo.toml's version>, and Cargo.toml's
#                                          repository is this GitHub repository (GITHUB_REPOSITORY)
#   release.sh archive TARGET DIR [BINARY] build for the Rust target TARGET (or take BINARY,
#                                          already built) and write DIR/mentorbook-vVERSION-TARGET.tar.gz
#                                          (.zip for Windows): a folder of that name holding
#                                          the binary, README.md and both licences
#   release.sh sums DIR                    write DIR/SHA256SUMS, a line per archive in DIR
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

manifest_value() { sed -n "s/^$1 = \"\\(.*\\)\"\$/\\1/p" Cargo.toml | head -n 1; }
version="$(manifest_value version)"

check_tag() {
  local tag="$1" repository
  repository="$(manifest_value repository)"
  [ "$tag" = "v$version" ] || { echo "::error::the tag $tag is not v$version, the version in Cargo.toml" >&2; exit 1; }
  case "$repository" in *placeholder*)
    echo "::error::Cargo.toml's repository is still the placeholder $repository: set it to this repository's address first (init and the action read it)" >&2
    exit 1
    ;;
  esac
  local here="https://github.com/${GITHUB_REPOSITORY:?GITHUB_REPOSITORY names this repository}"
  [ "$(echo "$repository" | tr '[:upper:]' '[:lower:]')" = "$(echo "$here" | tr '[:upper:]' '[:lower:]')" ] ||
    { echo "::error::Cargo.toml's repository is $repository, but this release is made in $here" >&2; exit 1; }
  echo "releasing mentorbook $version from $here"
}

archive() {
  local target="$1" out="$2" binary="${3:-}" exe=mentorbook
  case "$target" in *windows*) exe=mentorbook.exe ;; esac
  # The binary's name inside the archive is its target's, whatever BINARY is called.
  if [ -z "$binary" ]; then
    cargo build --release --locked --target "$target"
    binary="target/$target/release/$exe"
  fi
  local stem="mentorbook-v$version-$target" staging
  staging="$(mktemp -d)"
  mkdir -p "$staging/$stem" "$out"
  cp "$binary" "$staging/$stem/$exe"
  cp README.md LICENSE-MIT LICENSE-APACHE "$staging/$stem/"
  out="$(cd "$out" && pwd)"
  case "$target" in
  *windows*)
    rm -f "$out/$stem.zip"
    if command -v zip >/dev/null 2>&1; then
      (cd "$staging" && zip -qr "$out/$stem.zip" "$stem")
    else
      (cd "$staging" && 7z a -tzip -bd "$out/$stem.zip" "$stem" >/dev/null)
    fi
    echo "$out/$stem.zip"
    ;;
  *)
    tar -czf "$out/$stem.tar.gz" -C "$staging" "$stem"
    echo "$out/$stem.tar.gz"
    ;;
  esac
  rm -rf "$staging"
}

sums() {
  (
    cd "$1"
    rm -f SHA256SUMS
    local files=(mentorbook-v*.tar.gz mentorbook-v*.zip)
    local present=()
    for f in "${files[@]}"; do [ -f "$f" ] && present+=("$f"); done
    [ "${#present[@]}" -gt 0 ] || { echo "::error::no archives in $1" >&2; exit 1; }
    if command -v sha256sum >/dev/null 2>&1; then sha256sum "${present[@]}"; else shasum -a 256 "${present[@]}"; fi >SHA256SUMS
    cat SHA256SUMS
  )
}

case "${1:-}" in
check-tag) check_tag "${2:?TAG}" ;;
archive) archive "${2:?TARGET}" "${3:?DIR}" "${4:-}" ;;
sums) sums "${2:?DIR}" ;;
*) echo "usage: release.sh check-tag TAG | archive TARGET DIR [BINARY] | sums DIR" >&2; exit 2 ;;
esac
