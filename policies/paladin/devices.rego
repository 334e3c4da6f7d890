# Disks and devices.
package paladin

import rego.v1

format_programs := {"mkfs", "fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "parted", "wipefs", "mkswap", "blkdiscard", "mke2fs", "badblocks", "zpool", "mdadm", "pvcreate", "vgcreate", "lvcreate", "lvremove", "cryptsetup"}

mount_programs := {"umount", "losetup", "swapon", "swapoff", "mountpoint_bind"}

deny contains hit(c, "devices.write", sprintf("%s would write straight to the device %s.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	has_class(p, "device")
}

deny contains hit(c, "devices.format", sprintf("%s partitions, formats or wipes disks.", [c.program])) if {
	some c in input.commands
	is_format(c.program)
}

is_format(name) if name in format_programs

is_format(name) if startswith(name, "mkfs.")

deny contains hit(c, "devices.mount", sprintf("%s changes what is mounted.", [c.program])) if {
	some c in input.commands
	c.program in mount_programs
}

deny contains hit(c, "devices.mount", "mount with arguments changes what is mounted.") if {
	some c in input.commands
	c.program == "mount"
	count(c.args) > 0
	not c.args == ["-l"]
}

ask contains hit(c, "devices.read", sprintf("%s would read the raw device %s.", [c.program, p.path])) if {
	some c in input.commands
	some p in c.reads
	has_class(p, "device")
}
