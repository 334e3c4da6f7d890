# Resource exhaustion and taking the machine down. The sandbox caps
# processes, memory, disk and time; the policy still names the attempt.
package paladin

import rego.v1

deny contains line_hit("resources.fork-bomb", sprintf("The function %s starts copies of itself without end (a fork bomb).", [f.name])) if {
	some f in input.functions
	f.self_call_spawns
}

ask contains line_hit("resources.endless-loop", "A loop has no end condition; it runs until the time limit stops it.") if {
	some l in input.loops
	l.endless
}

ask contains hit(c, "resources.fill", sprintf("%s produces endless output into %s.", [c.program, p.path])) if {
	some c in input.commands
	endless_source(c)
	some p in c.writes
}

ask contains hit(c, "resources.fill", "dd copies from an endless source with no count= limit.") if {
	some c in input.commands
	c.program == "dd"
	"unbounded" in c.markers
	some p in c.reads
	p.path in {"/dev/zero", "/dev/urandom", "/dev/random"}
}

ask contains hit(c, "resources.fill", sprintf("%s reserves a large file.", [c.program])) if {
	some c in input.commands
	c.program == "fallocate"
}

endless_source(c) if c.program == "yes"

endless_source(c) if {
	c.program == "cat"
	some p in c.reads
	p.path in {"/dev/zero", "/dev/urandom", "/dev/random"}
}

deny contains hit(c, "resources.kill-all", sprintf("%s would signal every process it can reach.", [c.program])) if {
	some c in input.commands
	c.program == "kill"
	"-1" in c.positionals
}

deny contains hit(c, "resources.kill-all", sprintf("%s would signal every process it can reach.", [c.program])) if {
	some c in input.commands
	c.program == "kill"
	"1" in c.flags
}

deny contains hit(c, "resources.kill-all", sprintf("%s would signal every process it can reach, or the init process.", [c.program])) if {
	some c in input.commands
	"turns-off:processes" in c.markers
}

deny contains hit(c, "resources.kill-all", sprintf("%s kills processes by name or kills all of them.", [c.program])) if {
	some c in input.commands
	c.program in {"killall5", "killall"}
}

deny contains hit(c, "system.shutdown", sprintf("%s would shut down or restart the machine.", [c.program])) if {
	some c in input.commands
	shutdown(c)
}

shutdown(c) if c.program in {"shutdown", "reboot", "halt", "poweroff", "kexec"}

shutdown(c) if "turns-off:power" in c.markers

shutdown(c) if {
	c.program in {"init", "telinit"}
	some a in c.positionals
	a in {"0", "6"}
}

shutdown(c) if {
	c.program == "systemctl"
	c.subcommand in {"reboot", "poweroff", "halt", "kexec", "suspend", "hibernate", "emergency", "rescue"}
}

deny contains hit(c, "resources.kill-all", sprintf("kill %s would signal every process it can reach, its own process group or the init process.", [a])) if {
	some c in input.commands
	c.program == "kill"
	not has_flag(c, "s")
	not has_flag(c, "n")
	some a in c.positionals
	regex.match(`^-?0*[01]$`, a)
}

deny contains hit(c, "resources.kill-all", "kill -0001 (any spelling of -1) would signal every process it can reach.") if {
	some c in input.commands
	c.program == "kill"
	some f in c.flags
	regex.match(`^0+1$`, f)
}

deny contains hit(c, "resources.kill-all", sprintf("%s -u would kill every process of a user.", [c.program])) if {
	some c in input.commands
	c.program in {"pkill", "killall", "slay"}
	some f in c.flags
	f in {"u", "U", "user", "euid", "uid"}
	count(c.positionals) <= 1
}

deny contains hit(c, "resources.kill-all", sprintf("%s is given every process id that ps lists.", [c.program])) if {
	some c in input.commands
	c.program == "kill"
	some u in (upstream(c) | children(c))
	u.program == "ps"
	lists_every_process(u)
}

lists_every_process(u) if {
	some f in u.flags
	f in {"e", "A"}
}

lists_every_process(u) if {
	some a in u.positionals
	a in {"aux", "ax", "-e", "-A", "auxw", "auxww", "axu"}
}
