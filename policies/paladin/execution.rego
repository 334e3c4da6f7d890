# Programs that run other code: shells and interpreters, tools with options
# that start commands, and files written then run in the same line.
package paladin

import rego.v1

ask contains hit(c, "exec.pipe-to-shell", sprintf("Text piped into %s is run as code; Paladin cannot see what it does.", [c.program])) if {
	some c in input.commands
	runs_code_from_stdin(c)
}

ask contains hit(c, "exec.inline-code", sprintf("%s runs inline code that the policy does not analyse: %s", [c.program, short(c.inline_code)])) if {
	some c in input.commands
	c.runs_code == "inline"
	c.interpreter
}

ask contains hit(c, "exec.inline-code", sprintf("%s runs code given in its program text (system() or a pipe).", [c.program])) if {
	some c in input.commands
	"awk-system" in c.runs_command
}

ask contains hit(c, "exec.dynamic-code", sprintf("%s runs a command string that is only known at run time.", [c.program])) if {
	some c in input.commands
	c.runs_code == "inline"
	c.shell
	c.code_dynamic
}

ask contains hit(c, "exec.script", sprintf("%s runs a script file (%s) whose contents the policy does not see.", [c.program, concat(", ", [p.path | some p in c.reads])])) if {
	some c in input.commands
	c.runs_code in {"script", "module"}
	not c.program in {"source", "."}
	not project_build_tool(c)
}

ask contains hit(c, "exec.script", sprintf("%s runs a program whose contents the policy does not see.", [c.name])) if {
	some c in input.commands
	c.path_given
	c.program != ""
	not system_program_path(c.name)
	not project_build_tool(c)
}

# /bin/ls is ls; /tmp/ls may be anything.
system_program_path(name) if regex.match(`^/(usr/)?(local/)?s?bin/[^/]+$`, name)

ask contains hit(r, "exec.write-then-run", sprintf("%s runs %s, which this command line writes first.", [r.program, p.path])) if {
	some w in input.commands
	some p in w.writes
	some r in input.commands
	r.index > w.index
	runs_path(r, p)
}

runs_path(r, p) if {
	r.runs_code == "script"
	some q in r.reads
	q.resolved == p.resolved
}

runs_path(r, p) if {
	r.path_given
	trim_prefix(r.name, "./") == p.resolved
}

runs_path(r, p) if {
	some m in r.markers
	m == concat("", ["runs-file:", p.resolved])
}

hidden_command_kinds := {"rg-preprocessor", "tar-command", "sed-execute", "zip-test-command", "sort-compress-program", "rsync-remote-shell", "man-pager"}

ask contains hit(c, "exec.hidden-command", sprintf("%s has an option that starts another program (%s).", [c.program, kind])) if {
	some c in input.commands
	some kind in c.runs_command
	hidden_command(kind)
}

hidden_command(kind) if kind in hidden_command_kinds

# Commands found in options and program text (sed e, awk system(), tar --to-command, git rebase --exec, ...).
hidden_command(kind) if {
	endswith(kind, "-command")
	not git_config_command(kind)
	kind != "ssh-proxy-command"
}

git_config_command(kind) if startswith(kind, "git-config:")

git_config_command("git-option-command")

deny contains hit(c, "exec.git-config", sprintf("git is told to run a program through its configuration or options (%s).", [kind])) if {
	some c in input.commands
	some kind in c.runs_command
	git_config_command(kind)
}

deny contains hit(c, "exec.ssh-command", "ssh is told to run a local command (ProxyCommand or LocalCommand).") if {
	some c in input.commands
	"ssh-proxy-command" in c.runs_command
}

short(s) := concat("", [substring(s, 0, 80), "..."]) if count(s) > 80

short(s) := s if count(s) <= 80
