# Destructive filesystem operations.
package paladin

import rego.v1

deny contains hit(c, "fs.delete-root", sprintf("%s would delete the filesystem root (%s).", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "root")
}

deny contains hit(c, "fs.delete-system", sprintf("%s would delete %s, a system folder.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "system")
}

deny contains hit(c, "fs.delete-home", sprintf("%s would delete the home folder or everything in it (%s).", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "home-root")
}

deny contains hit(c, "fs.write-root", sprintf("%s would change everything under the filesystem root (%s).", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "root")
}

deny contains hit(c, "fs.write-system", sprintf("%s would write to %s, a system folder.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "system")
}

deny contains hit(c, "fs.delete-ancestor", sprintf("%s would delete %s, a folder that holds the whole workspace.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "workspace-ancestor")
}

deny contains hit(c, "fs.modify-home", sprintf("%s would change the owner or permissions of the home folder (%s).", [c.program, p.path])) if {
	some c in input.commands
	c.program in {"chmod", "chown", "chgrp", "chattr", "setfacl"}
	recursive(c)
	some p in c.writes
	has_class(p, "home-root")
	has_class(p, "own-home")
}

recursive(c) if has_flag(c, "R")

recursive(c) if has_flag(c, "recursive")

ask contains hit(c, "fs.write-home", sprintf("%s would write into the home folder itself (%s).", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "home-root")
}

ask contains hit(c, "fs.delete-outside", sprintf("%s would delete %s, outside the workspace.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	outside(p)
	not regenerable_cache(p)
}

ask contains hit(c, "fs.write-outside", sprintf("%s would write %s, outside the workspace.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	outside(p)
}

outside(p) if has_class(p, "outside")

outside(p) if has_class(p, "tmp")

outside(p) if has_class(p, "system-data")

outside(p) if {
	has_class(p, "home")
	not has_class(p, "home-root")
}

ask contains hit(c, "fs.delete-workspace", sprintf("%s would delete %s in the workspace.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	has_class(p, "workspace")
	not regenerable_output(p)
}

ask contains hit(c, "fs.write-workspace", sprintf("%s would create or change %s in the workspace.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	has_class(p, "workspace")
	not has_class(p, "tool-output")
	not creates_only(c)
}

ask contains hit(c, "fs.unknown-target", sprintf("%s would delete or write %s, a path only known when it runs.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.deletes, c.writes)
	has_class(p, "unknown-location")
}

ask contains hit(c, "fs.world-writable", "chmod would make files writable by every user.") if {
	some c in input.commands
	"world-writable" in c.markers
}
