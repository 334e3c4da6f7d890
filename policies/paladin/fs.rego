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

deny contains hit(c, "fs.delete-home-folder", sprintf("%s would delete %s, a whole folder of the home folder.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	not p.dynamic
	home_top_folder(p.resolved)
}

# `~/Documents`, `~/.config`, `~/D*`: one step below the home folder. Caches that tools rebuild are not counted.
home_top_folder(r) if {
	startswith(r, "/~/")
	parts := regex.find_all_string_submatch_n(`^/~/([^/]+)/?$`, r, 1)
	count(parts) == 1
	not parts[0][1] in rebuilt_home_caches
	not parts[0][1] in {".", ".."}
}

rebuilt_home_caches := {".cache", ".npm", ".yarn", ".pnpm-store", ".node-gyp", ".pub-cache", ".ccache", ".sbt-cache", "tmp", ".tmp", ".gradle", ".expo", ".parcel-cache", ".turbo", "node_modules", ".pytest_cache", ".mypy_cache", "__pycache__", ".ruff_cache"}

deny contains hit(c, "fs.delete-system", sprintf("%s would delete %s, the home folders of the machine or a system's state folder.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.deletes
	not p.dynamic
	system_state_folder(p.resolved)
}

system_state_folder(r) if {
	startswith(r, "/")
	regex.match(`^/(home|Users|root|srv|mnt|media|opt|var|var/lib|var/spool|var/db|var/mail|var/backups|usr/local)/?$`, r)
}

system_state_folder(r) if {
	startswith(r, "/")
	regex.match(`^/(home|Users)/[^/]+/?$`, r)
}

system_state_folder(r) if {
	startswith(r, "/")
	regex.match(`^/var/(lib|spool|db|backups)/[^/]+/?$`, r)
}

deny contains hit(c, "fs.overwrite-home", sprintf("%s would unpack or copy a whole folder into the home folder (%s), over its start-up files and settings.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.writes
	fills_folder(c)
	home_root_target(p)
}

home_root_target(p) if has_class(p, "home-root")

# `/home/$USER`: a user's home folder named at run time.
home_root_target(p) if {
	startswith(p.path, "/")
	regex.match(`^/(home|Users)(/[^/]*\$\?[^/]*)?/?$`, p.path)
}

home_root_target(p) if {
	p.dynamic
	regex.match(`^/(home|Users)/?$`, p.resolved)
}

fills_folder(c) if c.program in {"tar", "bsdtar", "gtar", "unzip", "7z", "7za", "7zr", "unrar", "cpio", "ditto", "pax", "bunzip2", "unar"}

fills_folder(c) if {
	c.program == "cp"
	some f in c.flags
	f in {"T", "no-target-directory"}
}

fills_folder(c) if {
	c.program in {"cp", "rsync"}
	some a in array.slice(c.positionals, 0, count(c.positionals) - 1)
	regex.match(`(/|/\.|/\*|/\.\*)$`, a)
}

deny contains hit(c, "fs.delete-home-folder", sprintf("%s deletes what find picks one level below the home folder: whole folders of it.", [c.program])) if {
	some c in input.commands
	c.via == "exec"
	some f in input.commands
	f.index == c.parent
	f.program == "find"
	some r in f.reads
	has_class(r, "home-root")
	some i, a in f.args
	a == "-maxdepth"
	f.args[i + 1] in {"0", "1"}
	some p in c.deletes
	has_class(p, "picked")
}
