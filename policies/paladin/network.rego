# Network access and exfiltration. The sandbox has no network unless a run
# asks for it; the policy still says what a command would try to reach.
package paladin

import rego.v1

metadata_hosts := ["169.254.169.254", "metadata.google.internal", "100.100.100.200", "fd00:ec2::254", "metadata.azure.com"]

ask contains hit(c, "network.access", sprintf("%s reaches the network%s.", [c.program, target_text(c)])) if {
	some c in input.commands
	c.network
	not c.uploads
}

target_text(c) := sprintf(" (%s)", [concat(", ", c.targets)]) if count(c.targets) > 0

target_text(c) := "" if count(c.targets) == 0

# Sending files out: refused unless every file sent is an ordinary file of the workspace
# (a build archive, a dist folder), which only asks, as any upload does.
deny contains hit(c, "network.upload-file", sprintf("%s would send local files over the network.", [c.program])) if {
	some c in input.commands
	c.network
	c.uploads
	some p in c.reads
	not ordinary_workspace_file(p)
}

deny contains hit(c, "network.upload-file", sprintf("%s would send the output of %s over the network.", [c.program, u.program])) if {
	some c in input.commands
	c.network
	c.uploads
	some u in upstream(c)
	some p in u.reads
	not ordinary_workspace_file(p)
}

ordinary_workspace_file(p) if {
	has_class(p, "workspace")
	not has_class(p, "secret")
	not has_class(p, "dynamic")
	not has_class(p, "git")
	not has_class(p, "workspace-root")
}

ask contains hit(c, "network.upload", sprintf("%s would send data over the network.", [c.program])) if {
	some c in input.commands
	c.network
	c.uploads
}

deny contains hit(c, "network.exfiltrate-secret", sprintf("The command reads %s and also reaches the network: that is how credentials leak.", [p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	has_class(p, "secret")
	some n in input.commands
	n.network
}

deny contains hit(c, "network.dev-tcp", sprintf("A redirection to %s opens a raw network connection.", [r.target])) if {
	some c in input.commands
	some r in c.redirects
	"network-socket" in r.classes
}

deny contains hit(c, "network.metadata", sprintf("%s would query a cloud metadata service, which hands out credentials.", [c.program])) if {
	some c in input.commands
	some a in array.concat(c.args, c.targets)
	some h in metadata_hosts
	contains(a, h)
}

# Decimal, hex, octal, short and IPv6-mapped spellings of the same addresses.
deny contains hit(c, "network.metadata", sprintf("%s names a cloud metadata address, which hands out credentials.", [c.program])) if {
	some c in input.commands
	"metadata-address" in c.markers
}

deny contains hit(c, "network.exfiltrate-env", sprintf("%s would send the environment, which holds tokens and keys, over the network.", [c.program])) if {
	some c in input.commands
	c.network
	some u in (upstream(c) | children(c))
	"dumps-env" in u.markers
}

deny contains hit(c, "network.exfiltrate-env", sprintf("%s puts the secret %s into a network address, which sends it to whoever answers.", [c.program, substring(m, count("secret-address:"), -1)])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "secret-address:")
}

deny contains hit(c, "network.exfiltrate-env", sprintf("%s looks up a name built from data of the command line: name lookups carry data out.", [c.program])) if {
	some c in input.commands
	"dns-data" in c.markers
}

ask contains hit(c, "network.send-secret", sprintf("%s sends the secret %s over the network.", [c.program, substring(m, count("secret-variable:"), -1)])) if {
	some c in input.commands
	c.network
	some m in c.markers
	startswith(m, "secret-variable:")
}

ask contains hit(c, "network.listen", sprintf("%s would listen for incoming connections.", [c.program])) if {
	some c in input.commands
	c.listens
}

deny contains hit(c, "network.reverse-shell", sprintf("%s would hand a shell to a network connection.", [c.program])) if {
	some c in input.commands
	"network-shell" in c.runs_command
}

deny contains hit(c, "network.serve-secrets", sprintf("%s would serve %s to the network, with the keys and tokens in it.", [c.program, p.path])) if {
	some c in input.commands
	c.listens
	some p in c.reads
	serves_secrets(p)
}

serves_secrets(p) if has_class(p, "home-root")

serves_secrets(p) if has_class(p, "root")

serves_secrets(p) if has_class(p, "secret")

deny contains hit(c, "network.exfiltrate-env", sprintf("%s builds a network address from a command's output, which sends that output to whoever answers.", [c.program])) if {
	some c in input.commands
	c.network
	"substitution-address" in c.markers
}

deny contains hit(c, "network.exfiltrate-code", sprintf("%s runs code that reaches the network with the environment or file contents (%s).", [c.program, short(c.inline_code)])) if {
	some c in input.commands
	"code-network" in c.markers
	some m in c.markers
	m in {"code-environment", "code-reads-files"}
}

deny contains hit(c, "network.upload-file", sprintf("%s is told to upload %s, outside the workspace.", [c.program, path])) if {
	some c in input.commands
	c.program in {"sftp", "ftp", "lftp", "tftp", "smbclient", "ncftp", "ncftpput"}
	some script in transfer_scripts(c)
	some m in regex.find_all_string_submatch_n(`(?m)(?:^|;)\s*(?:m?put|mirror\s+-R|reput)\s+([^\s;]+)`, script, -1)
	path := m[1]
	regex.match(`^(/|~|\$)`, path)
}

deny contains hit(c, "container.engine-socket", sprintf("%s talks to a container engine's socket, which controls the host as root.", [c.program])) if {
	some c in input.commands
	some a in array.concat(c.args, [c.inline_code])
	engine_socket(a)
	not c.program in {"ls", "stat", "test", "["}
}

engine_socket(a) if {
	contains(a, ".sock")
	regex.match(`(docker|podman|containerd|crio|buildkitd?)\.sock\b`, a)
}

# `/run/doc?er.sock`: a pattern for a socket under /run could be the engine's.
engine_socket(a) if {
	endswith(a, ".sock")
	regex.match(`^(unix://)?(/var)?/run/[^ ]*[*?\[][^ ]*\.sock$`, a)
}

deny contains line_hit("container.engine-socket", sprintf("%s points container tools at an engine of the command's choosing (%s).", [a.name, a.value])) if {
	some a in input.assignments
	a.name in {"DOCKER_HOST", "CONTAINER_HOST", "PODMAN_HOST", "BUILDKIT_HOST", "CONTAINERD_ADDRESS"}
	not rootless_engine(a.value)
}

# A rootless engine's socket in the user's own runtime folder gives no more than the user has.
rootless_engine(v) if regex.match(`^unix:///run/user/[0-9]+/(docker|podman/podman)\.sock$`, v)

deny contains hit(c, "container.engine-socket", sprintf("%s is pointed at an engine of the command's choosing (-H/--host).", [c.program])) if {
	some c in input.commands
	c.program in {"docker", "podman", "nerdctl", "docker-compose"}
	some a in c.args
	engine_host_option(a)
}

engine_host_option(a) if a in {"-H", "--host", "--url"}

engine_host_option(a) if startswith(a, "--host=")

engine_host_option(a) if startswith(a, "--url=")

# What a transfer client is told to do: its input, or lftp's -e/-c command string.
transfer_scripts(c) := array.concat([c.inline_code], [c.args[i + 1] | some i, a in c.args; a in {"-e", "-c"}; i + 1 < count(c.args)])
