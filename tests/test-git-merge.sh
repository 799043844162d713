#!/bin/bash
# test-git-merge.sh ROLLOUT_CLI — rollout-cli as git's diff command and
# merge driver for .rollout files, in a throwaway repository, set up as the
# README says. Prints TAP.
set -u

cli=$1
src=${G_TEST_SRCDIR:-$(dirname "$0")}
data="$src/data/merge"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# expect STATUS DESCRIPTION -- COMMAND...; output in $tmp/out, $tmp/err
expect () {
  local want=$1 desc=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$desc"; else not_ok "$desc" "exit $got, wanted $want" "$(head -c 600 "$tmp/err")"; fi
}
contains () {
  local file=$1 text=$2 desc=$3
  if grep -qF -- "$text" "$file"; then ok "$desc"; else not_ok "$desc" "missing: $text" "$(head -c 600 "$file")"; fi
}
same_file () {
  local got=$1 want=$2 desc=$3
  if cmp -s "$got" "$want"; then ok "$desc"; else not_ok "$desc" "$(diff "$want" "$got" | head -20)"; fi
}

if ! command -v git >/dev/null; then
  echo "1..0 # SKIP git is not installed"
  exit 0
fi

# A repository that knows nothing of the user's own git settings.
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Maya GIT_AUTHOR_EMAIL=maya@example.com \
       GIT_COMMITTER_NAME=Maya GIT_COMMITTER_EMAIL=maya@example.com GIT_PAGER=cat PAGER=cat
mkdir -p "$HOME"
repo="$tmp/repo"
git init -q -b main "$repo"
cd "$repo" || exit 1
git config merge.rollout.name "Rollout plan merge"
git config merge.rollout.driver "\"$cli\" merge %O %A %B"
git config diff.rollout.command "\"$cli\" diff --git"
echo '*.rollout merge=rollout diff=rollout' > .gitattributes
cp "$data/base.rollout" plan.rollout
git add .gitattributes plan.rollout
git commit -q -m "Base plan"

# Two people edit different fields and objects: git merges cleanly.
git checkout -q -b theirs-clean
cp "$data/different-fields.theirs.rollout" plan.rollout
git commit -q -am "Their edits"
git checkout -q main
git checkout -q -b ours-clean
cp "$data/different-fields.ours.rollout" plan.rollout
git commit -q -am "Our edits"
expect 0 "git merge with the driver merges edits to different fields" -- git merge --no-edit theirs-clean
same_file plan.rollout "$data/different-fields.expected.rollout" "the merged plan keeps both sides' edits"
expect 0 "the merged plan validates" -- "$cli" validate plan.rollout
expect 0 "nothing is left unmerged" -- test -z "$(git ls-files -u)"

# The same field changed differently: a conflict, written into the plan.
git checkout -q main
git checkout -q -b theirs-conflict
cp "$data/same-field.theirs.rollout" plan.rollout
git commit -q -am "Their duration"
git checkout -q main
git checkout -q -b ours-conflict
cp "$data/same-field.ours.rollout" plan.rollout
git commit -q -am "Our duration"
expect 1 "git merge stops on a conflict" -- git merge --no-edit theirs-conflict
contains "$tmp/out" "CONFLICT (content): Merge conflict in plan.rollout" "git reports the plan as conflicted"
contains "$tmp/err" "CONFLICT: Task ‘Train support agents’: changed on both sides — ours: duration 3 → 5 days; theirs: duration 3 → 7 days" \
  "the driver says what conflicts, in words"
expect 0 "the path is unmerged" -- test -n "$(git ls-files -u plan.rollout)"
same_file plan.rollout "$data/same-field.expected.rollout" "the conflicted plan holds ours and the conflict record"
expect 1 "validate refuses a plan with conflicts" -- "$cli" validate plan.rollout
contains "$tmp/err" "plan.rollout: conflicts[0]: unresolved merge conflict: Task ‘Train support agents’" \
  "validate says which conflict remains"
expect 1 "diff reads a plan with conflicts" -- "$cli" diff "$data/base.rollout" plan.rollout
contains "$tmp/out" "Plan: 1 unresolved merge conflict" "diff counts the unresolved conflicts"
expect 0 "merge --resolve=theirs resolves them" -- "$cli" merge --resolve=theirs plan.rollout
expect 0 "the resolved plan validates" -- "$cli" validate plan.rollout
expect 0 "the resolved plan has their duration, like theirs" -- "$cli" diff "$data/same-field.theirs.rollout" plan.rollout
git add plan.rollout
expect 0 "the merge commits" -- git commit -q --no-edit

# A dependency cycle made by both sides is a conflict, never written.
git checkout -q main
git checkout -q -b theirs-cycle
cp "$data/cycle.theirs.rollout" plan.rollout
git commit -q -am "Routing waits for the FAQ"
git checkout -q main
git checkout -q -b ours-cycle
cp "$data/cycle.ours.rollout" plan.rollout
git commit -q -am "FAQ waits for routing"
expect 1 "git merge stops on a dependency cycle" -- git merge --no-edit theirs-cycle
same_file plan.rollout "$data/cycle.expected.rollout" "the plan leaves their dependency out and records it"
git merge --abort

# Both branches add the same plan: git gives the driver an empty base.
git checkout -q main
git checkout -q -b theirs-new
cp "$data/lists.theirs.rollout" second.rollout
git add second.rollout
git commit -q -m "Their new plan"
git checkout -q main
git checkout -q -b ours-new
cp "$data/lists.ours.rollout" second.rollout
git add second.rollout
git commit -q -m "Our new plan"
expect 1 "a plan added on both branches is merged from nothing" -- git merge --no-edit theirs-new
contains "$tmp/err" "added on both sides, differently" "what both added differently is a conflict"
expect 0 "the plan added on both branches reads back, with its conflicts" -- "$cli" diff second.rollout second.rollout
git merge --abort

# git diff speaks in changes to the plan.
git checkout -q main
sed 's/"likelihood": 2,/"likelihood": 4,/' plan.rollout > plan.new && mv plan.new plan.rollout
expect 0 "git diff runs rollout-cli diff" -- git diff
contains "$tmp/out" "diff --rollout a/plan.rollout b/plan.rollout" "git diff names the plan"
contains "$tmp/out" "Risk ‘No-shows’: likelihood 2 → 4" "git diff says what changed, in words"
expect 0 "git diff --no-ext-diff still shows the text" -- git diff --no-ext-diff
contains "$tmp/out" '+      "likelihood": 4,' "the line diff is there too"
git commit -q -am "More likely"
expect 0 "git log -p --ext-diff" -- git log -p --ext-diff -1
contains "$tmp/out" "Risk ‘No-shows’: likelihood 2 → 4" "history reads in words too"
rm plan.rollout
expect 0 "git diff of a deleted plan" -- git diff
contains "$tmp/out" "Deleted plan ‘Launch in-app support chat’" "a deleted plan is named"
git checkout -q plan.rollout

# The command line itself.
expect 0 "diff of a plan with itself" -- "$cli" diff "$data/base.rollout" "$data/base.rollout"
[ ! -s "$tmp/out" ] && ok "diff prints nothing for the same plan" || not_ok "diff prints nothing for the same plan"
expect 1 "diff of two versions" -- "$cli" diff "$data/base.rollout" "$data/different-fields.ours.rollout"
contains "$tmp/out" "Task ‘Train support agents’: duration 3 → 5 days; now depends on ‘Write FAQ’" "diff in words"
expect 1 "diff --json" -- "$cli" diff --json "$data/base.rollout" "$data/different-fields.ours.rollout"
contains "$tmp/out" '"change" : "modified"' "diff --json lists the changes"
contains "$tmp/out" '"field" : "duration"' "diff --json names the fields"
expect 2 "diff with one file is a usage error" -- "$cli" diff "$data/base.rollout"
expect 2 "diff of a missing file" -- "$cli" diff "$data/base.rollout" "$tmp/nope.rollout"
contains "$tmp/err" "nope.rollout" "the missing file is named"
expect 0 "diff --help" -- "$cli" diff --help
expect 0 "merge of a clean change to standard output" -- \
  "$cli" merge -o - "$data/base.rollout" "$data/lists.ours.rollout" "$data/lists.theirs.rollout"
same_file "$tmp/out" "$data/lists.expected.rollout" "merge -o - prints the merged plan"
cp "$data/reorder.ours.rollout" "$tmp/ours.rollout"
expect 0 "merge writes over OURS by default" -- \
  "$cli" merge "$data/base.rollout" "$tmp/ours.rollout" "$data/reorder.theirs.rollout"
same_file "$tmp/ours.rollout" "$data/reorder.expected.rollout" "OURS holds the merge"
expect 2 "merge with two files is a usage error" -- "$cli" merge "$data/base.rollout" "$tmp/ours.rollout"
expect 1 "merge of an unreadable plan fails" -- "$cli" merge "$data/base.rollout" "$tmp/nope.rollout" "$data/base.rollout"
expect 1 "merge refuses a side that still has conflicts" -- \
  "$cli" merge "$data/base.rollout" "$data/same-field.expected.rollout" "$data/base.rollout"
expect 2 "merge --resolve takes ours, theirs or base" -- "$cli" merge --resolve=mine plan.rollout
expect 0 "merge --help" -- "$cli" merge --help

echo "1..$n"
[ "$failed" -eq 0 ]
