# Persistence: changes that make something run again later.
package paladin

import rego.v1

deny contains hit(c, "persistence.shell-rc", sprintf("%s would change %s, a shell start-up file that runs in every new shell.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "shell-rc")
}

deny contains hit(c, "persistence.autostart", sprintf("%s would change %s, which makes code run at login, boot or on a schedule.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	has_class(p, "persistence")
}

deny contains hit(c, "persistence.startup-file", sprintf("%s would change %s, which a shell, an editor, a language runtime or a login reads when it starts.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "startup")
}

deny contains hit(c, "persistence.install", sprintf("%s would install commands to run later (%s).", [c.program, concat(" ", c.args)])) if {
	some c in input.commands
	installs_schedule(c)
}

installs_schedule(c) if {
	c.program == "systemctl"
	"user" in c.flags
	some a in c.args
	a in {"enable", "link", "reenable", "preset", "add-wants", "add-requires"}
}

ask contains hit(c, "persistence.global-config", "git config --global or --system changes settings for every repository of this user or machine.") if {
	some c in input.commands
	"git-config-global" in c.markers
}

ask contains hit(c, "persistence.scheduler", sprintf("%s schedules or enables something to run later.", [c.program])) if {
	some c in input.commands
	scheduler(c)
}

scheduler(c) if {
	c.program == "crontab"
	not has_flag(c, "l")
}

scheduler(c) if c.program in {"at", "batch", "anacron"}

scheduler(c) if {
	c.program in {"systemctl", "launchctl", "update-rc.d", "chkconfig"}
	c.subcommand in {"enable", "load", "bootstrap", "link", "reenable", "preset", "submit", "defaults", "on", "add"}
}

ask contains hit(c, "persistence.git-hooks", sprintf("%s would change %s, where git keeps hooks and settings that run commands.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "git-config")
}

ask contains hit(c, "persistence.git-hooks", sprintf("%s would change %s, editor settings that can run tasks.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "editor-config")
}

deny contains hit(c, "persistence.schedule-from-data", sprintf("%s installs scheduled jobs from a file or its input, which run later without asking.", [c.program])) if {
	some c in input.commands
	installs_jobs_from_data(c)
}

installs_jobs_from_data(c) if {
	c.program == "crontab"
	not crontab_other_action(c)
	count(c.positionals) > 0
}

installs_jobs_from_data(c) if {
	c.program == "crontab"
	not crontab_other_action(c)
	c.stdin in {"pipe", "file", "heredoc", "herestring"}
}

installs_jobs_from_data(c) if {
	c.program in {"at", "batch"}
	not at_other_action(c)
	has_flag(c, "f")
}

installs_jobs_from_data(c) if {
	c.program in {"at", "batch"}
	not at_other_action(c)
	c.stdin in {"pipe", "file", "heredoc", "herestring"}
}

crontab_other_action(c) if {
	some f in c.flags
	f in {"l", "e", "r", "i", "list", "edit", "remove"}
}

at_other_action(c) if {
	some f in c.flags
	f in {"l", "r", "d", "c", "V"}
}

deny contains hit(c, "persistence.editor-extension", sprintf("%s would change %s, where the editor loads extensions and server code from at start.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	startswith(p.resolved, "/~/.")
	regex.match(`^/~/\.(vscode|vscode-insiders|vscode-oss|vscode-server|vscode-server-insiders|cursor|cursor-server|windsurf|windsurf-server|vscodium|openvscode-server)(/|$)`, p.resolved)
}

deny contains hit(c, "persistence.git-hook-write", sprintf("%s would write %s, a git hook that runs on the next commit, checkout or push.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	contains(p.resolved, ".git/hooks")
	regex.match(`(^|/)\.git/hooks(/|$)`, p.resolved)
}

deny contains hit(c, "persistence.editor-task", sprintf("%s would write %s, editor settings that start a shell or run tasks when the folder opens.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	editor_runs_commands(c, p)
}

editor_runs_commands(_, p) if {
	endswith(p.resolved, ".vscode/tasks.json")
	regex.match(`(^|/)\.vscode/tasks\.json$`, p.resolved)
}

editor_runs_commands(c, p) if {
	endswith(p.resolved, "/settings.json")
	regex.match(`(^|/)(\.vscode|Code[^/]*/User|\.config/Code[^/]*/User)/settings\.json$`, p.resolved)
	some t in line_texts(c)
	regex.match(`terminal\.integrated\.(shell|defaultProfile|profiles|automationProfile|shellArgs|env)|task\.allowAutomaticTasks|"runOn"|php\.validate\.executablePath|python\.(defaultInterpreterPath|pythonPath)|git\.path|eslint\.runtime|npm\.packageManager`, t)
}

# The text a command writes that the line spells out: its words, a here-document, and what known stages pipe into it.
line_texts(c) := array.concat(array.concat(c.args, [c.inline_code]), [t | some u in upstream(c); some t in u.args])

deny contains hit(c, "persistence.shell-rc", sprintf("%s would write %s, whose brace expansion names a shell start-up file.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	contains(p.resolved, "{")
	some name in brace_names(p.resolved)
	startup_name(name)
}

brace_names(r) := {concat("", [m[1], alt, m[3]]) | some m in regex.find_all_string_submatch_n(`^(.*)\{([^{}]*)\}(.*)$`, r, 1); some alt in split(m[2], ",")}

startup_name(n) if regex.match(`^/~/\.(bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zshenv|zprofile|zlogin|zlogout|kshrc|mkshrc|cshrc|tcshrc|inputrc|bash_aliases|config/fish/config\.fish|config/fish/conf\.d/.*)$`, n)

startup_name(n) if regex.match(`^/(etc/(profile|bash\.bashrc|zsh/zshrc|environment)|etc/profile\.d/.*)$`, n)
