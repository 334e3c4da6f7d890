# Hiding what happened: clearing or switching off shell history, and
# changing the system's logs and journals.
package paladin

import rego.v1

deny contains hit(c, "antiforensics.history", sprintf("%s would clear or stop the shell's history.", [c.program])) if {
	some c in input.commands
	"turns-off:history" in c.markers
}

deny contains line_hit("antiforensics.history", sprintf("Setting %s stops commands from being recorded in the shell's history.", [a.name])) if {
	some a in input.assignments
	a.name in {"HISTFILE", "HISTSIZE", "HISTFILESIZE"}
	a.scope != "command"
}

deny contains hit(c, "antiforensics.history", sprintf("%s would empty, replace or delete %s, a record of commands run.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	erases(c, p)
	has_class(p, "history")
	not appends_only(c, p)
}

# Deleted, or written over by something that empties or replaces it (appending a line is not erasing).
erases(c, p) if p in c.deletes

erases(c, p) if {
	p in c.writes
	c.program in erasers
}

erasers := {"truncate", "shred", "dd", "cp", "mv", "ln", "rsync", "install", ":redirect", "echo", "printf", "cat", "true", ":"}

deny contains hit(c, "antiforensics.logs", sprintf("%s would delete or rewrite the system's logs.", [c.program])) if {
	some c in input.commands
	"turns-off:logs" in c.markers
}

deny contains hit(c, "antiforensics.logs", sprintf("%s would change %s, where the system keeps its logs.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	erases(c, p)
	has_class(p, "logs")
	not has_class(p, "picked")
	not appends_only(c, p)
}

# `>> /var/log/x` and `tee -a` add to a log; they do not erase it.
appends_only(c, p) if {
	some r in c.redirects
	r.kind == "append"
	r.target == p.path
}

appends_only(c, p) if {
	c.program == "tee"
	has_flag(c, "a")
}

appends_only(c, _) if {
	c.program == "tee"
	has_flag(c, "append")
}
