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
