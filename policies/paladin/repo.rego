# Repository history.
package paladin

import rego.v1

git_read_only := {"status", "log", "diff", "show", "blame", "grep", "ls-files", "ls-tree", "rev-parse", "describe", "shortlog", "cat-file", "count-objects", "help", "version", "whatchanged", "rev-list", "name-rev", "show-ref", "for-each-ref", "annotate", "cherry", "diff-tree", "diff-files", "diff-index", "check-ignore", "var", "verify-commit", "verify-tag", "--version", "--help", "ls-remote", "fsck", "bugreport"}

deny contains hit(c, "repo.force-push", "git push --force overwrites history on the remote; others lose their commits.") if {
	some c in input.commands
	c.program == "git"
	c.subcommand == "push"
	force_push(c)
}

force_push(c) if has_flag(c, "f")

force_push(c) if has_flag(c, "force")

force_push(c) if has_flag(c, "mirror")

force_push(c) if {
	some a in c.positionals
	startswith(a, "+")
}

deny contains hit(c, "repo.delete-history", sprintf("%s would delete the repository's history (%s).", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "git")
	p.resolved in {".git", ".git/objects", ".git/refs"}
}

ask contains hit(c, "repo.rewrite", sprintf("git %s discards or rewrites commits or uncommitted work.", [c.subcommand])) if {
	some c in input.commands
	c.program == "git"
	rewrite(c)
}

rewrite(c) if {
	c.subcommand == "reset"
	has_flag(c, "hard")
}

rewrite(c) if c.subcommand in {"filter-branch", "update-ref", "replace", "prune"}

rewrite(c) if {
	c.subcommand in {"rebase", "filter-repo"}
	not routine_git(c)
}

rewrite(c) if {
	c.subcommand == "reflog"
	some a in c.positionals
	a in {"expire", "delete"}
}

rewrite(c) if {
	c.subcommand == "gc"
	some f in c.flags
	startswith(f, "prune")
}

rewrite(c) if {
	c.subcommand == "branch"
	"D" in c.flags
}

rewrite(c) if {
	c.subcommand == "branch"
	some f in c.flags
	f in {"d", "delete"}
	some g in c.flags
	g in {"f", "force"}
}

rewrite(c) if {
	c.subcommand == "stash"
	some a in c.positionals
	a in {"drop", "clear"}
}

rewrite(c) if {
	c.subcommand in {"checkout", "restore", "switch"}
	some f in c.flags
	f in {"f", "force", "discard-changes"}
}

rewrite(c) if {
	c.subcommand in {"checkout", "restore"}
	some a in c.positionals
	a in {".", "*", ":/"}
	not routine_git(c)
}

rewrite(c) if {
	c.subcommand == "push"
	some f in c.flags
	f in {"d", "delete", "prune"}
}

ask contains hit(c, "repo.change", sprintf("git %s changes the repository or the working tree.", [c.subcommand])) if {
	some c in input.commands
	c.program == "git"
	not git_reads_only(c)
	not rewrite(c)
	not routine_git(c)
}

# Everyday local history work: it changes only the local repository and the
# working tree, and keeps what it replaces (the reflog, the stash, the
# branch): staging, committing, branching, stashing, merging, rebasing a
# local branch without running anything (-i opens an editor, --exec runs
# commands), tagging. What discards work (reset --hard, checkout FILE,
# restore FILE, stash drop, branch -D) stays in rewrite above. A checkout of
# a name that could be a file discards its changes, so only branch creation,
# `-` and the conventional shared branch names count.
routine_git(c) if c.subcommand in {"add", "stage", "commit", "merge", "cherry-pick", "revert", "init", "switch"}

routine_git(c) if {
	c.subcommand == "rebase"
	not rebase_runs_something(c)
}

routine_git(c) if {
	c.subcommand == "filter-repo"
	"analyze" in c.flags
}

routine_git(c) if {
	c.subcommand == "checkout"
	some f in c.flags
	f in {"b", "track", "t"}
	not "B" in c.flags
}

routine_git(c) if {
	c.subcommand == "checkout"
	count(c.flags) == 0
	count(c.positionals) == 1
	regex.match(`^(-|main|master|trunk|develop|development)$`, c.positionals[0])
}

routine_git(c) if {
	c.subcommand == "branch"
	not "D" in c.flags
	not "M" in c.flags
	not "C" in c.flags
	not "f" in c.flags
	not "force" in c.flags
}

routine_git(c) if {
	c.subcommand == "stash"
	count(c.positionals) == 0
}

routine_git(c) if {
	c.subcommand == "stash"
	c.positionals[0] in {"push", "save", "pop", "apply", "list", "show", "branch", "create", "store"}
}

routine_git(c) if {
	c.subcommand == "tag"
	count(c.positionals) > 0
	not has_tag_change_flag(c)
}

routine_git(c) if {
	c.subcommand == "restore"
	some f in c.flags
	f in {"staged", "S"}
	not "worktree" in c.flags
	not "W" in c.flags
}

routine_git(c) if {
	c.subcommand == "gc"
	not "prune" in c.flags
}

# reset without --hard (or --merge, --keep) moves the branch and the index; the working tree stays.
routine_git(c) if {
	c.subcommand == "reset"
	not has_worktree_reset_flag(c)
}

routine_git(c) if {
	c.subcommand == "clean"
	some f in c.flags
	f in {"n", "dry-run"}
}

routine_git(c) if {
	c.subcommand == "reflog"
	count(c.positionals) == 0
}

routine_git(c) if {
	c.subcommand in {"reflog", "worktree"}
	c.positionals[0] in {"show", "list", "exists"}
}

rebase_runs_something(c) if {
	some f in c.flags
	f in {"i", "interactive", "exec", "x", "root", "edit-todo"}
}

has_worktree_reset_flag(c) if {
	some f in c.flags
	f in {"hard", "merge", "keep", "recurse-submodules"}
}

has_tag_change_flag(c) if {
	some f in c.flags
	f in {"d", "delete", "f", "force"}
}

git_reads_only(c) if c.subcommand in git_read_only

git_reads_only(c) if {
	c.subcommand == "branch"
	not has_write_flag(c)
	not "a" in c.flags
	count(c.positionals) == 0
}

git_reads_only(c) if {
	c.subcommand == "branch"
	c.flags == ["a"]
	count(c.positionals) == 0
}

git_reads_only(c) if {
	c.subcommand == "tag"
	count(c.positionals) == 0
	not has_write_flag(c)
}

git_reads_only(c) if {
	c.subcommand == "remote"
	count(c.positionals) == 0
}

git_reads_only(c) if {
	c.subcommand == "config"
	some f in c.flags
	f in {"get", "list", "l", "get-all", "get-regexp"}
}

git_reads_only(c) if {
	c.subcommand == "stash"
	some a in c.positionals
	a in {"list", "show"}
}

git_reads_only(c) if c.subcommand == ""

has_write_flag(c) if {
	some f in c.flags
	f in {"d", "D", "m", "M", "c", "C", "delete", "move", "copy", "a", "f", "s", "u", "set-upstream-to", "unset-upstream", "edit-description"}
}
