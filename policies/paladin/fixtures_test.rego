# Builders for facts documents in the policy tests: a command with every field
# at its harmless default, overridden where a test needs it.
package paladin_test

import data.paladin
import rego.v1

base_cmd := {
	"index": 0, "program": "ls", "name": "ls", "name_dynamic": false, "name_from_substitution": false, "name_obfuscated": false,
	"path_given": false, "args": [], "dynamic_args": [], "flags": [], "positionals": [], "subcommand": "", "wrappers": [],
	"privileged": false, "env": [], "redirects": [], "reads": [], "writes": [], "deletes": [], "network": false, "targets": [],
	"uploads": false, "listens": false, "shell": false, "interpreter": false, "runs_code": "none", "inline_code": "",
	"code_dynamic": false, "runs_command": [], "decodes": false, "stdin": "inherit", "pipeline": -1, "stage": -1, "parent": -1,
	"via": "top", "in_function": "", "in_loop": false, "background": false, "markers": [],
}

base_facts := {
	"version": 1, "source_length": 2, "parse": {"ok": true, "error": ""}, "limits": {"exceeded": false, "reasons": []},
	"commands": [], "unknown": [], "assignments": [], "functions": [], "aliases": [], "loops": [], "pipelines": [], "workspace": "",
}

cmd(o) := object.union(base_cmd, o)

# Commands get their index from their position.
facts(cmds) := object.union(base_facts, {"commands": [object.union(c, {"index": i}) | some i, c in cmds]})

facts_with(cmds, extra) := object.union(facts(cmds), extra)

p(path, classes) := {"path": path, "dynamic": false, "glob": false, "resolved": path, "classes": classes}

fired(inp) := {r.id | some r in d.rules} if {
	d := paladin.decision with input as inp
}

verdict_of(inp) := d.decision if {
	d := paladin.decision with input as inp
}

test_plain_read_is_allowed if {
	verdict_of(facts([cmd({"program": "cat", "reads": [p("README.md", ["workspace"])]})])) == "allow"
}

test_deny_beats_ask if {
	inp := facts([
		cmd({"program": "rm", "deletes": [p("/", ["root"])]}),
		cmd({"program": "cp", "writes": [p("x", ["workspace"])]}),
	])
	verdict_of(inp) == "deny"
	"fs.write-workspace" in fired(inp)
}

test_risk_summary if {
	d := paladin.decision with input as facts([cmd({"program": "curl", "network": true, "writes": [p("out", ["workspace"])]})])
	d.risk.network == true
	d.risk.writes == ["out"]
	d.decision == "ask"
}
