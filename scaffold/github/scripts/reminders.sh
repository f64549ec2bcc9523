#!/usr/bin/env bash
# Keeps one issue titled "What is due" (label "reminders") in step with
# `mentorbook status --format markdown`; run by .github/workflows/reminders.yml.
#
#   nothing open, something due    → create the issue, then comment
#   open, the same items due       → replace the body (notifies nobody)
#   open, the items changed        → replace the body, then comment (notifies)
#   nothing overdue or due soon    → replace the body and close the issue
#   closed, something due again    → reopen it, replace the body, comment
#
# "The items" are what is overdue and what is due in the next 30 days, without the
# day counts (which change every day). Their fingerprint is kept at the end of the
# issue's body, so each run compares with the last. Needs `gh` (with GH_TOKEN and
# GH_REPO) and `mentorbook` on the PATH. MENTORBOOK_REMINDERS_TEAM, when set, is
# mentioned in each comment; MENTORBOOK_RECORDS names the records folder.
set -euo pipefail

title="What is due"
label="reminders"
records="${MENTORBOOK_RECORDS:-records}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mentorbook status --records "$records" --format markdown >"$work/status.md"

# The overdue and due-soon lines, without their trailing "(… days overdue)".
awk '/^## Later/ { exit } /^## / { section = $0 } /^- \[ \] / { sub(/ \([^()]*\)$/, ""); print section " " $0 }' \
  "$work/status.md" >"$work/items"
fingerprint=$(sha256sum <"$work/items" | cut -c1-16)
marker="<!-- mentorbook-reminders: $fingerprint -->"
{
  cat "$work/status.md"
  printf '\n%s\n' "$marker"
} >"$work/body.md"

mention=""
team="${MENTORBOOK_REMINDERS_TEAM:-}"
if [[ "$team" =~ ^@?[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$ ]]; then
  mention="@${team#@}"
elif [ -n "$team" ]; then
  echo "::warning::MENTORBOOK_REMINDERS_TEAM is not a team or user name (@organisation/team or @user); no one is mentioned"
fi

# The comment: the summary line and the sections that changed, so the
# notification e-mail says what is due without opening the issue.
{
  printf 'The list changed: %s\n\n' "$(head -n 1 "$work/status.md")"
  awk '/^## Later/ { exit } /^## / { on = 1 } on' "$work/status.md"
  if [ -n "$mention" ]; then printf '\n%s\n' "$mention"; fi
} >"$work/comment.md"

gh label create "$label" --color FBCA04 \
  --description "The \"$title\" issue kept by the reminders workflow" --force >/dev/null

issue=$(gh issue list --label "$label" --state all --limit 100 --json number,state,title \
  --jq "map(select(.title == \"$title\")) | sort_by(.number) | .[0] // empty | \"\\(.number) \\(.state)\"")
number="${issue%% *}"
state="${issue##* }"

if [ ! -s "$work/items" ]; then
  if [ -n "$issue" ] && [ "$state" = "OPEN" ]; then
    gh issue edit "$number" --body-file "$work/body.md" >/dev/null
    gh issue close "$number" --comment "Nothing is overdue or due in the next 30 days." >/dev/null
    echo "closed #$number: nothing is overdue or due in the next 30 days"
  else
    echo "nothing is overdue or due in the next 30 days; no open issue needed"
  fi
  exit 0
fi

if [ -z "$issue" ]; then
  url=$(gh issue create --title "$title" --label "$label" --body-file "$work/body.md")
  number="${url##*/}"
  echo "created #$number"
else
  if [ "$state" != "OPEN" ]; then
    gh issue reopen "$number" >/dev/null
    echo "reopened #$number"
  fi
  previous=$(gh issue view "$number" --json body --jq .body | grep -o 'mentorbook-reminders: [0-9a-f]*' || true)
  gh issue edit "$number" --body-file "$work/body.md" >/dev/null
  echo "updated #$number"
  if [ "$state" = "OPEN" ] && [ "$previous" = "mentorbook-reminders: $fingerprint" ]; then
    exit 0
  fi
fi
gh issue comment "$number" --body-file "$work/comment.md" >/dev/null
echo "commented on #$number: what is overdue or due soon changed"
