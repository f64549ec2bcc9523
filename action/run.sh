#!/usr/bin/env bash
# What the mentorbook action runs once mentorbook is on the PATH (action.yml).
#
#   run.sh check   compare with BASE (a commit; the pull request's base), one
#                  annotation per new problem, every problem in the step summary;
#                  exit 1 only on new errors. Without BASE, the plain check.
#   run.sh build   every problem in the step summary (never failing), then the
#                  dashboard into OUT (default site).
#
# RECORDS names the records folder (default records); GITHUB_STEP_SUMMARY the
# summary file (default: none).
set -euo pipefail

records="${RECORDS:-records}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
base=()
if [ -n "${BASE:-}" ]; then base=(--base "$BASE"); fi

case "${1:-}" in
check)
  status=0
  mentorbook check --records "$records" ${base[@]+"${base[@]}"} --format github || status=$?
  # Also (above all) when the check failed: GitHub shows only the first ten
  # annotations of a step; the summary lists every problem and what the change
  # does to each relationship.
  mentorbook check --records "$records" ${base[@]+"${base[@]}"} --format markdown >>"$summary" || true
  exit "$status"
  ;;
build)
  mentorbook check --records "$records" --format markdown >>"$summary" || true
  mentorbook build --records "$records" --out "${OUT:-site}"
  ;;
*)
  echo "::error::the mentorbook action's command is check, build, install or auto; got '${1:-}'" >&2
  exit 2
  ;;
esac
