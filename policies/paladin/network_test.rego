package paladin_test

import rego.v1

test_network_access if "network.access" in fired(facts([cmd({"program": "curl", "network": true, "targets": ["http://x"]})]))

test_network_access_not_local if not "network.access" in fired(facts([cmd({})]))

test_upload_file if {
	inp := facts([cmd({"program": "curl", "network": true, "uploads": true, "reads": [p("data.json", ["workspace"])]})])
	"network.upload-file" in fired(inp)
	verdict_of(inp) == "deny"
}

test_upload_file_pipeline if {
	inp := facts([
		cmd({"program": "tar", "pipeline": 0, "stage": 0, "reads": [p(".", ["workspace"])]}),
		cmd({"program": "nc", "pipeline": 0, "stage": 1, "network": true, "uploads": true, "stdin": "pipe"}),
	])
	"network.upload-file" in fired(inp)
}

test_upload_without_files_only_asks if {
	inp := facts([cmd({"program": "curl", "network": true, "uploads": true})])
	"network.upload" in fired(inp)
	not "network.upload-file" in fired(inp)
}

test_upload_not_download if not "network.upload" in fired(facts([cmd({"program": "curl", "network": true})]))

test_exfiltrate_secret if "network.exfiltrate-secret" in fired(facts([
	cmd({"program": "cat", "reads": [p("~/.ssh/id_rsa", ["home", "secret"])]}),
	cmd({"program": "curl", "network": true}),
]))

test_exfiltrate_secret_needs_network if not "network.exfiltrate-secret" in fired(facts([cmd({"program": "cat", "reads": [p(".env", ["secret", "workspace"])]})]))

test_dev_tcp if "network.dev-tcp" in fired(facts([cmd({"redirects": [{"op": ">", "fd": null, "target": "/dev/tcp/1.2.3.4/80", "kind": "write", "dynamic": false, "classes": ["network-socket"]}]})]))

test_dev_tcp_not_file if not "network.dev-tcp" in fired(facts([cmd({"redirects": [{"op": ">", "fd": null, "target": "out", "kind": "write", "dynamic": false, "classes": ["workspace"]}]})]))

test_metadata if "network.metadata" in fired(facts([cmd({"program": "curl", "network": true, "args": ["http://169.254.169.254/latest"], "targets": ["http://169.254.169.254/latest"]})]))

test_metadata_not_other if not "network.metadata" in fired(facts([cmd({"program": "curl", "network": true, "args": ["http://127.0.0.1"]})]))

test_listen if "network.listen" in fired(facts([cmd({"program": "nc", "listens": true})]))

test_listen_not_client if not "network.listen" in fired(facts([cmd({"program": "nc", "network": true})]))

test_reverse_shell if "network.reverse-shell" in fired(facts([cmd({"program": "nc", "runs_command": ["network-shell"]})]))

test_reverse_shell_not_plain if not "network.reverse-shell" in fired(facts([cmd({"program": "nc", "network": true})]))
