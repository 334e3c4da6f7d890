package paladin_test

import rego.v1

git(sub, flags, positionals) := facts([cmd({"program": "git", "subcommand": sub, "flags": flags, "positionals": positionals})])

test_force_push if {
	inp := git("push", ["force"], ["origin", "main"])
	"repo.force-push" in fired(inp)
	verdict_of(inp) == "deny"
}

test_force_push_plus_refspec if "repo.force-push" in fired(git("push", [], ["origin", "+main"]))

test_push_plain if not "repo.force-push" in fired(git("push", [], ["origin", "main"]))

test_delete_history if "repo.delete-history" in fired(facts([cmd({"program": "rm", "deletes": [p(".git", ["git", "workspace"])]})]))

test_delete_history_not_file if not "repo.delete-history" in fired(facts([cmd({"program": "rm", "deletes": [p(".gitignore", ["workspace"])]})]))

test_rewrite if "repo.rewrite" in fired(git("reset", ["hard"], ["HEAD~1"]))

test_rewrite_branch_delete if "repo.rewrite" in fired(git("branch", ["D"], ["old"]))

test_rewrite_not_soft_reset if not "repo.rewrite" in fired(git("reset", ["soft"], ["HEAD~1"]))

test_change if "repo.change" in fired(git("notes", ["m"], ["add", "msg"]))

test_routine_local_work_allowed if {
	every inp in [
		git("commit", ["m"], ["msg"]),
		git("add", [], ["src/app.ts"]),
		git("switch", ["c"], ["feature/x"]),
		git("checkout", ["b"], ["feature/x"]),
		git("checkout", [], ["main"]),
		git("stash", [], []),
		git("stash", [], ["pop"]),
		git("merge", ["no-ff"], ["feature/x"]),
		git("rebase", [], ["main"]),
		git("rebase", ["continue"], []),
		git("branch", [], ["feature/new"]),
		git("branch", ["d"], ["feature/done"]),
		git("tag", ["a", "m"], ["v1.0.0", "Release"]),
		git("restore", ["staged"], ["src/app.ts"]),
		git("clean", ["n", "d"], []),
		git("gc", [], []),
		git("reflog", [], []),
	] {
		not "repo.change" in fired(inp)
		not "repo.rewrite" in fired(inp)
		verdict_of(inp) == "allow"
	}
}

test_routine_excludes_what_discards_work if {
	"repo.change" in fired(git("checkout", [], ["src/app.ts"]))
	"repo.change" in fired(git("restore", [], ["src/app.ts"]))
	"repo.change" in fired(git("tag", ["d"], ["v1"]))
	"repo.rewrite" in fired(git("gc", ["prune"], []))
	"repo.rewrite" in fired(git("rebase", ["i"], ["main"]))
	"repo.rewrite" in fired(git("rebase", ["exec"], ["make", "main"]))
	"repo.rewrite" in fired(git("branch", ["D"], ["feature/x"]))
	"repo.rewrite" in fired(git("branch", ["d", "f"], ["feature/x"]))
	"repo.rewrite" in fired(git("stash", [], ["drop"]))
	"repo.rewrite" in fired(git("filter-repo", ["path"], ["x"]))
}

test_change_not_status if {
	inp := git("status", [], [])
	not "repo.change" in fired(inp)
	verdict_of(inp) == "allow"
}

test_change_not_branch_list if not "repo.change" in fired(git("branch", ["a"], []))
