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

rewrite(c) if c.subcommand in {"filter-branch", "filter-repo", "rebase", "update-ref", "replace", "prune"}

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
	some f in c.flags
	f in {"D", "d", "delete"}
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
