#!/usr/bin/env bash
# Pushes FOLDER (a built dashboard) to PUBLIC_REPOSITORY's BRANCH as one orphan
# commit, force-pushed: the branch then holds exactly this dashboard and no
# history, so a consent withdrawn today is gone from the public repository today.
# Run by action/publish/action.yml.
#
# FOLDER             the built site (default site)
# PUBLIC_REPOSITORY  OWNER/NAME on GitHub; while empty, only a warning
# DEPLOY_KEY         the private half of a deploy key with write access to it
# BRANCH             the Pages branch (default gh-pages)
# MENTORBOOK_PUBLISH_REMOTE  push here instead of git@github.com:OWNER/NAME.git
#                    (the tests push to a local repository)
set -euo pipefail

folder="${FOLDER:-site}"
repository="${PUBLIC_REPOSITORY:-}"
branch="${BRANCH:-gh-pages}"

fail() {
  echo "::error::$1" >&2
  exit 1
}

if [ -z "$repository" ]; then
  echo "::warning::The dashboard was built but not published: set the repository variable MENTORBOOK_PUBLIC_REPOSITORY to the public repository (README.md, \"Publishing the dashboard\")."
  exit 0
fi
[[ "$repository" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]] ||
  fail "MENTORBOOK_PUBLIC_REPOSITORY is '$repository'; it should name a repository as OWNER/NAME, e.g. your-organisation/mentoring-dashboard"
if [ "$(echo "$repository" | tr '[:upper:]' '[:lower:]')" = "$(echo "${GITHUB_REPOSITORY:-}" | tr '[:upper:]' '[:lower:]')" ]; then
  fail "MENTORBOOK_PUBLIC_REPOSITORY names this records repository itself; it must be a separate, public repository"
fi
[ -n "${DEPLOY_KEY:-}" ] ||
  fail "the secret MENTORBOOK_DEPLOY_KEY is empty: add the deploy key's private half as a repository secret (README.md, \"Publishing the dashboard\")"
[ -f "$folder/index.html" ] || fail "$folder/index.html is missing: build the dashboard into $folder first"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The key and GitHub's host key, for this push only (GitHub publishes its host keys).
umask 077
printf '%s\n' "$DEPLOY_KEY" >"$work/key"
echo "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl" >"$work/known_hosts"
umask 022
export GIT_SSH_COMMAND="ssh -i '$work/key' -o IdentitiesOnly=yes -o UserKnownHostsFile='$work/known_hosts' -o StrictHostKeyChecking=yes"
remote="${MENTORBOOK_PUBLISH_REMOTE:-git@github.com:$repository.git}"

# A fresh repository holding a copy of the site: nothing of the records
# repository's history can come along.
mkdir "$work/site"
cp -R "$folder/." "$work/site/"
rm -f "$work/site/.mentorbook-site"
touch "$work/site/.nojekyll"
git_site() {
  git -C "$work/site" -c user.name="mentorbook" -c user.email="mentorbook@users.noreply.github.com" \
    -c commit.gpgsign=false "$@"
}
# A new repository's first commit has no parent: the orphan commit.
git init --quiet --initial-branch="$branch" "$work/site"
git_site add --all
git_site commit --quiet --message "The mentoring dashboard, built from ${GITHUB_SHA:-the records}"
git_site push --quiet --force "$remote" "HEAD:refs/heads/$branch"
echo "Published the dashboard to $repository ($branch): one commit, no history."
