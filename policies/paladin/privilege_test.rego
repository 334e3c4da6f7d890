package paladin_test

import rego.v1

test_sudo_asks if {
	inp := facts([cmd({"program": "apt-get", "privileged": true, "wrappers": ["sudo"]})])
	"privilege.sudo" in fired(inp)
}

test_sudo_not_without if not "privilege.sudo" in fired(facts([cmd({})]))

test_su if "privilege.sudo" in fired(facts([cmd({"program": "su"})]))

test_setuid if "privilege.setuid" in fired(facts([cmd({"program": "chmod", "markers": ["setuid"]})]))

test_setuid_not_plain_chmod if not "privilege.setuid" in fired(facts([cmd({"program": "chmod"})]))

test_escape if "privilege.escape" in fired(facts([cmd({"program": "nsenter"})]))

test_escape_sysctl_read_is_fine if not "privilege.escape" in fired(facts([cmd({"program": "sysctl", "args": ["kernel.pid_max"]})]))

test_escape_sysctl_write if "privilege.escape" in fired(facts([cmd({"program": "sysctl", "flags": ["w"], "args": ["-w", "a=1"]})]))

test_escape_docker if "privilege.escape" in fired(facts([cmd({"program": "docker", "markers": ["docker-host-access"]})]))

test_escape_docker_plain if not "privilege.escape" in fired(facts([cmd({"program": "docker"})]))

test_accounts if "privilege.accounts" in fired(facts([cmd({"program": "useradd"})]))

test_accounts_not_id if not "privilege.accounts" in fired(facts([cmd({"program": "id"})]))

test_escape_chroot_wrapper if "privilege.escape" in fired(facts([cmd({"program": "sh", "wrappers": ["chroot"]})]))

test_escape_other_wrapper if not "privilege.escape" in fired(facts([cmd({"program": "sh", "wrappers": ["nice"]})]))
