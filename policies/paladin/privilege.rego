# Privilege: running as root, setuid bits, leaving the sandbox's namespaces.
package paladin

import rego.v1

escape_programs := {"nsenter", "unshare", "chroot", "capsh", "setcap", "pivot_root", "insmod", "modprobe", "rmmod", "kexec", "sysctl"}

account_programs := {"useradd", "usermod", "userdel", "adduser", "deluser", "groupadd", "groupmod", "groupdel", "passwd", "chpasswd", "visudo", "vipw", "chsh", "gpasswd"}

ask contains hit(c, "privilege.sudo", sprintf("%s runs as another user (%s), usually root.", [c.program, concat(" ", c.wrappers)])) if {
	some c in input.commands
	c.privileged
}

ask contains hit(c, "privilege.sudo", "su switches to another user, usually root.") if {
	some c in input.commands
	c.program == "su"
}

deny contains hit(c, "privilege.setuid", "chmod would set a setuid or setgid bit, which lets any user run the file with its owner's rights.") if {
	some c in input.commands
	"setuid" in c.markers
}

deny contains hit(c, "privilege.escape", sprintf("%s changes kernel, namespace or capability settings, a way out of the sandbox.", [c.program])) if {
	some c in input.commands
	c.program in escape_programs
	not sysctl_read(c)
}

sysctl_read(c) if {
	c.program == "sysctl"
	not has_flag(c, "w")
	every a in c.args {
		not contains(a, "=")
	}
}

deny contains hit(c, "privilege.escape", "docker would get access to the host (the Docker socket, a privileged container, or the host's root mounted).") if {
	some c in input.commands
	"docker-host-access" in c.markers
}

deny contains hit(c, "privilege.accounts", sprintf("%s changes user accounts or passwords.", [c.program])) if {
	some c in input.commands
	c.program in account_programs
}

# chroot is taken off like a wrapper so that the command it runs is judged too; changing root is still a way out.
deny contains hit(c, "privilege.escape", sprintf("%s runs inside chroot, which changes the root folder, a way out of the sandbox.", [c.program])) if {
	some c in input.commands
	"chroot" in c.wrappers
}
