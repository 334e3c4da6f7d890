# Switching protections off: mandatory access control, firewalls, auditing,
# platform integrity; and containers started with the host's files, devices,
# namespaces or capabilities, which is a way out of any sandbox.
package paladin

import rego.v1

protection_names := {
	"selinux": "SELinux enforcement",
	"apparmor": "AppArmor confinement",
	"firewall": "the firewall",
	"audit": "kernel auditing",
	"sip": "System Integrity Protection",
	"gatekeeper": "Gatekeeper",
	"service": "a security or logging service",
}

deny contains hit(c, "protections.off", sprintf("%s would switch off %s.", [c.program, protection_names[what]])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "turns-off:")
	what := substring(m, count("turns-off:"), -1)
	protection_names[what]
}

deny contains hit(c, "container.escape", sprintf("%s would start a container with %s: it reaches the host from inside.", [c.program, what])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "container-escape:")
	what := substring(m, count("container-escape:"), -1)
}
