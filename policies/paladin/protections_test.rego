package paladin_test

import rego.v1

test_protections_off if "protections.off" in fired(facts([cmd({"program": "setenforce", "markers": ["turns-off:selinux"]})]))

test_protections_off_needs_a_protection if not "protections.off" in fired(facts([cmd({"program": "systemctl", "markers": ["turns-off:power"]})]))

test_protections_plain_systemctl if not "protections.off" in fired(facts([cmd({"program": "systemctl"})]))

test_container_escape if "container.escape" in fired(facts([cmd({"program": "docker", "markers": ["container-escape:privileged"]})]))

test_container_plain_run if not "container.escape" in fired(facts([cmd({"program": "docker", "args": ["run", "alpine"]})]))
