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
