package paladin_test

import rego.v1

test_network_access if "network.access" in fired(facts([cmd({"program": "curl", "network": true, "targets": ["http://x"]})]))

test_network_access_not_local if not "network.access" in fired(facts([cmd({})]))

test_upload_file if {
	inp := facts([cmd({"program": "curl", "network": true, "uploads": true, "reads": [p("/etc/hosts", ["system"])]})])
	"network.upload-file" in fired(inp)
	verdict_of(inp) == "deny"
}

test_upload_workspace_file_only_asks if {
	inp := facts([cmd({"program": "scp", "network": true, "uploads": true, "reads": [p("build.tgz", ["workspace"])]})])
	not "network.upload-file" in fired(inp)
	verdict_of(inp) == "ask"
}

test_upload_workspace_secret_refused if verdict_of(facts([cmd({"program": "scp", "network": true, "uploads": true, "reads": [p(".env", ["secret", "workspace"])]})])) == "deny"

test_upload_whole_workspace_refused if verdict_of(facts([cmd({"program": "rsync", "network": true, "uploads": true, "reads": [p(".", ["workspace", "workspace-root"])]})])) == "deny"

test_upload_files_found_at_run_time_refused if verdict_of(facts([cmd({"program": "scp", "network": true, "uploads": true, "reads": [p("$?", ["dynamic", "unknown-location"])]})])) == "deny"

test_upload_file_pipeline if {
	inp := facts([
		cmd({"program": "tar", "pipeline": 0, "stage": 0, "reads": [p(".", ["workspace", "workspace-root"])]}),
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

test_metadata_any_spelling if "network.metadata" in fired(facts([cmd({"program": "curl", "network": true, "markers": ["metadata-address"]})]))

test_metadata_not_other_hosts if not "network.metadata" in fired(facts([cmd({"program": "curl", "network": true, "args": ["http://example.com"]})]))

test_env_dump_sent if "network.exfiltrate-env" in fired(facts([cmd({"program": "env", "pipeline": 0, "stage": 0, "markers": ["dumps-env"]}), cmd({"program": "curl", "network": true, "uploads": true, "pipeline": 0, "stage": 1})]))

test_env_dump_kept_local if not "network.exfiltrate-env" in fired(facts([cmd({"program": "env", "pipeline": 0, "stage": 0, "markers": ["dumps-env"]}), cmd({"program": "grep", "pipeline": 0, "stage": 1})]))

test_secret_in_address if "network.exfiltrate-env" in fired(facts([cmd({"program": "curl", "network": true, "markers": ["secret-variable:TOKEN", "secret-address:TOKEN"]})]))

test_dns_data if "network.exfiltrate-env" in fired(facts([cmd({"program": "dig", "network": true, "markers": ["dns-data"]})]))

test_send_secret_in_header_asks if {
	inp := facts([cmd({"program": "curl", "network": true, "markers": ["secret-variable:TOKEN"]})])
	"network.send-secret" in fired(inp)
	not "network.exfiltrate-env" in fired(inp)
}

test_send_secret_needs_network if not "network.send-secret" in fired(facts([cmd({"program": "echo", "markers": ["secret-variable:TOKEN"]})]))

test_serve_home if "network.serve-secrets" in fired(facts([cmd({"program": "python3", "listens": true, "reads": [p("~", ["home", "home-root"])]})]))

test_serve_workspace_is_fine if not "network.serve-secrets" in fired(facts([cmd({"program": "python3", "listens": true, "reads": [p(".", ["workspace", "workspace-root"])]})]))

test_substitution_in_address if "network.exfiltrate-env" in fired(facts([cmd({"program": "curl", "network": true, "markers": ["substitution-address"]})]))

test_plain_address_only_asks if not "network.exfiltrate-env" in fired(facts([cmd({"program": "curl", "network": true, "markers": ["substituted-argument"]})]))

test_code_sends_environment if "network.exfiltrate-code" in fired(facts([cmd({"program": "python3", "markers": ["code-network", "code-environment"]})]))

test_code_fetches_only_is_not_exfiltration if not "network.exfiltrate-code" in fired(facts([cmd({"program": "python3", "markers": ["code-network"]})]))

test_sftp_put_system_file if "network.upload-file" in fired(facts([cmd({"program": "sftp", "network": true, "inline_code": "put /etc/passwd"})]))

test_sftp_get_is_not_upload if not "network.upload-file" in fired(facts([cmd({"program": "sftp", "network": true, "inline_code": "get /srv/report.txt"})]))

test_engine_socket if "container.engine-socket" in fired(facts([cmd({"program": "curl", "args": ["--unix-socket", "/var/run/docker.sock", "http://x/info"]})]))

test_other_socket_is_fine if not "container.engine-socket" in fired(facts([cmd({"program": "curl", "args": ["--unix-socket", "/run/app.sock", "http://x/info"]})]))

test_docker_host_assignment if "container.engine-socket" in fired(facts_with([cmd({})], {"assignments": [{"name": "DOCKER_HOST", "value": "tcp://e:2375", "dynamic": false, "scope": "export", "command_index": 0}]}))

test_other_host_variable_is_fine if not "container.engine-socket" in fired(facts_with([cmd({})], {"assignments": [{"name": "DB_HOST", "value": "db", "dynamic": false, "scope": "export", "command_index": 0}]}))

test_docker_remote_host if "container.engine-socket" in fired(facts([cmd({"program": "docker", "args": ["-H", "tcp://e:2375", "ps"]})]))

test_docker_plain_is_fine if not "container.engine-socket" in fired(facts([cmd({"program": "docker", "args": ["ps"]})]))

test_rootless_docker_host_is_fine if not "container.engine-socket" in fired(facts_with([cmd({})], {"assignments": [{"name": "DOCKER_HOST", "value": "unix:///run/user/1000/docker.sock", "dynamic": false, "scope": "export", "command_index": 0}]}))

test_lftp_command_string_put if "network.upload-file" in fired(facts([cmd({"program": "lftp", "network": true, "args": ["-e", "put /etc/passwd; bye", "e.example"]})]))

test_lftp_command_string_get_is_not_upload if not "network.upload-file" in fired(facts([cmd({"program": "lftp", "network": true, "args": ["-e", "get /srv/x; bye", "e.example"]})]))
