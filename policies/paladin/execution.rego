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
system_program_path(name) if {
	startswith(name, "/")
	regex.match(`^/(usr/)?(local/)?s?bin/[^/]+$`, name)
}

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

# A build tool or git pointed at a folder, manifest, repository or script shell outside the
# workspace runs, or is configured by, files the policy does not see.
ask contains hit(c, "exec.outside-code", sprintf("%s would run or be configured by files outside the workspace (%s).", [c.program, substring(m, count("outside-code:"), -1)])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "outside-code:")
}

ask contains hit(c, "exec.launched-code", sprintf("%s is started with inline code by %s, which hands it file names or input as code.", [c.program, launcher_of(c)])) if {
	some c in input.commands
	c.runs_code == "inline"
	launched_by_another(c)
}

launched_by_another(c) if "xargs" in c.wrappers

# `timeout 5 sh -c '…'`, `nohup bash -c '…'`: a program that only starts another hands it the code.
launched_by_another(c) if {
	some w in c.wrappers
	w in {"timeout", "nohup", "setsid", "nice", "ionice", "stdbuf", "chronic", "unbuffer", "taskset", "chrt", "caffeinate", "flock", "busybox", "toybox"}
}

launched_by_another(c) if {
	c.via in {"exec", "shell-string"}
	some l in input.commands
	l.index == c.parent
	l.program in {"find", "env", "parallel", "flock", "script", "watch", "sg", "runuser", "xargs", "strace", "ltrace"}
	not l.shell
}

launcher_of(c) := concat(" ", c.wrappers) if count(c.wrappers) > 0

launcher_of(c) := l.program if {
	count(c.wrappers) == 0
	some l in input.commands
	l.index == c.parent
}

deny contains hit(c, "exec.pager-escape", sprintf("The input given to %s holds a shell escape (!command), a way to run a command through it.", [c.program])) if {
	some c in input.commands
	"pager-escape" in c.markers
}

deny contains hit(c, "exec.shell-from-data", sprintf("%s runs as code what it reads from %s.", [c.program, data_source(c)])) if {
	some c in input.commands
	c.shell
	shell_reads_data(c)
}

# `sh < file`, `exec bash < file`: the script comes from a redirect, not from the line.
shell_reads_data(c) if {
	c.stdin == "file"
	count(c.positionals) == 0
	not c.runs_code == "inline"
}

# `cat f | bash`, `gzip -dc x | sh`: a stage that reads a file or decodes feeds the shell.
shell_reads_data(c) if {
	runs_code_from_stdin(c)
	some u in upstream(c)
	feeds_data(u)
}

# `tee >(sh)`, `cmd > >(bash)`: whatever the outer command writes is run.
shell_reads_data(c) if {
	c.via == "process-substitution-out"
	c.runs_code == "stdin"
}

feeds_data(u) if count(u.reads) > 0

feeds_data(u) if u.decodes

feeds_data(u) if u.network

data_source(c) := "a file redirected into it" if c.stdin == "file"

data_source(c) := "a process substitution" if c.via == "process-substitution-out"

data_source(c) := concat(", ", {u.program | some u in upstream(c)}) if {
	c.stdin == "pipe"
	c.via != "process-substitution-out"
}

deny contains hit(c, "exec.source-outside", sprintf("%s runs %s in the current shell, a file from outside the workspace or downloaded by this line.", [c.program, p.path])) if {
	some c in input.commands
	c.program in {"source", "."}
	some p in c.reads
	sourced_untrusted(p)
}

sourced_untrusted(p) if has_class(p, "tmp")

sourced_untrusted(p) if has_class(p, "unknown-location")

sourced_untrusted(p) if {
	some d in input.commands
	d.network
	some q in d.writes
	q.resolved == p.resolved
}

# `source ./d.s[h]`: a pattern that could name the downloaded file names it.
sourced_untrusted(p) if {
	p.glob
	some d in input.commands
	d.network
	some q in d.writes
	glob.match(p.resolved, ["/"], q.resolved)
}

deny contains line_hit("exec.prompt-expansion", sprintf("%s: text from outside the line is expanded as a prompt, which runs the commands in it.", [u.detail])) if {
	some u in input.unknown
	u.construct == "prompt-expansion"
	name := regex.find_all_string_submatch_n(`\$\{([A-Za-z_][A-Za-z0-9_]*)@`, u.detail, 1)[0][1]
	not known_static(name)
}

known_static(name) if {
	some a in input.assignments
	a.name == name
	not a.dynamic
}

deny contains hit(c, "exec.trap-substituted", "trap is given a command made by a command substitution: the text it runs comes from outside the line.") if {
	some c in input.commands
	c.program == "trap"
	"substituted-argument" in c.markers
}

deny contains hit(c, "exec.shell-from-data", sprintf("%s runs as code the contents of a file a command substitution reads.", [c.program])) if {
	some c in input.commands
	runs_substituted_text(c)
	some k in children(c)
	k.via == "command-substitution"
	feeds_data(k)
}

runs_substituted_text(c) if {
	c.shell
	c.runs_code == "inline"
	c.code_dynamic
}

runs_substituted_text(c) if c.program in {"eval", "source", "."}
