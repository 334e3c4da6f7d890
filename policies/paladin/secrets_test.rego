package paladin_test

import rego.v1

test_secrets_read if {
	inp := facts([cmd({"program": "cat", "reads": [p("~/.ssh/id_rsa", ["home", "secret"])]})])
	"secrets.read" in fired(inp)
	verdict_of(inp) == "deny"
}

test_secrets_read_not_plain if not "secrets.read" in fired(facts([cmd({"program": "cat", "reads": [p("~/notes", ["home"])]})]))

test_secrets_read_workspace if {
	inp := facts([cmd({"program": "cat", "reads": [p(".env", ["secret", "workspace"])]})])
	"secrets.read-workspace" in fired(inp)
	not "secrets.read" in fired(inp)
}

test_secrets_read_workspace_not_plain if not "secrets.read-workspace" in fired(facts([cmd({"program": "cat", "reads": [p("a.txt", ["workspace"])]})]))

test_secrets_write if "secrets.write" in fired(facts([cmd({"program": "tee", "writes": [p("~/.aws/config", ["home", "secret"])]})]))

test_secrets_write_not_workspace if not "secrets.write" in fired(facts([cmd({"program": "tee", "writes": [p(".env", ["secret", "workspace"])]})]))

test_secrets_listing_is_not_reading if not "secrets.read" in fired(facts([cmd({"program": "ls", "markers": ["lists-only"], "reads": [p("~/.ssh", ["home", "secret"])]})]))

test_secret_variable if "secrets.variable" in fired(facts([cmd({"program": "echo", "markers": ["secret-variable:GITHUB_TOKEN"]})]))

test_plain_variable if not "secrets.variable" in fired(facts([cmd({"program": "echo", "markers": []})]))

test_environment_dump_asks if "secrets.environment-dump" in fired(facts([cmd({"program": "env", "markers": ["dumps-env"]})]))

test_environment_dump_asks_not_denies if verdict_of(facts([cmd({"program": "printenv", "markers": ["dumps-env"]})])) == "ask"

test_env_as_wrapper_is_no_dump if not "secrets.environment-dump" in fired(facts([cmd({"program": "npm", "wrappers": ["env"]})]))

test_secret_variable_printed_by_name if verdict_of(facts([cmd({"program": "printenv", "markers": ["prints-secret-env:GITHUB_TOKEN"]})])) == "deny"

test_plain_variable_printed_is_fine if not "secrets.environment-print" in fired(facts([cmd({"program": "printenv", "args": ["HOME"]})]))

test_home_dot_file_read_asks if verdict_of(facts([cmd({"program": "cat", "reads": [p("~/.boto", ["home", "home-hidden", "own-home"])]})])) == "ask"

test_home_dot_file_listed_is_fine if not "secrets.read-home-config" in fired(facts([cmd({"program": "ls", "markers": ["lists-only"], "reads": [p("~/.config", ["home", "home-hidden"])]})]))

test_home_plain_file_read_is_fine if not "secrets.read-home-config" in fired(facts([cmd({"program": "cat", "reads": [p("~/notes.txt", ["home", "own-home"])]})]))

test_home_credential_by_name_is_refused if verdict_of(facts([cmd({"program": "cat", "reads": [p("~/.cargo/credentials.toml", ["home", "home-hidden", "secret"])]})])) == "deny"

test_tool_credentials_maven if "secrets.read-tool-credentials" in fired(facts([cmd({"program": "cat", "reads": [p("/~/.m2/settings.xml", ["home", "home-hidden"])]})]))

test_tool_credentials_heroku if "secrets.read-tool-credentials" in fired(facts([cmd({"program": "cat", "reads": [p("/~/.config/heroku/config.json", ["home", "home-hidden"])]})]))

test_tool_settings_without_credentials_only_ask if not "secrets.read-tool-credentials" in fired(facts([cmd({"program": "cat", "reads": [p("/~/.m2/toolchains.xml", ["home", "home-hidden"])]})]))

test_tool_credentials_listing_is_fine if not "secrets.read-tool-credentials" in fired(facts([cmd({"program": "ls", "markers": ["lists-only"], "reads": [p("/~/.npmrc", ["home", "home-hidden"])]})]))

find_exec(name) := facts([
	cmd({"program": "find", "args": ["~", "-name", name, "-exec", "cat", "{}", ";"], "positionals": ["~"]}),
	cmd({"program": "cat", "via": "exec", "parent": 0, "reads": [p("/~/$?", ["home", "picked", "dynamic"])]}),
])

test_find_exec_credential_name if "secrets.read" in fired(find_exec("*.pem"))

test_find_exec_other_name_only_asks if not "secrets.read" in fired(find_exec("*.yml"))

test_git_show_secret if "secrets.git-history" in fired(facts([cmd({"program": "git", "subcommand": "show", "reads": [p("id_rsa", ["workspace", "secret"])]})]))

test_git_show_source_is_fine if not "secrets.git-history" in fired(facts([cmd({"program": "git", "subcommand": "show", "reads": [p("src/a.ts", ["workspace"])]})]))

test_echo_secret_variable if "secrets.environment-print" in fired(facts([cmd({"program": "echo", "markers": ["secret-variable:GITHUB_TOKEN"]})]))

test_secret_variable_to_a_program_only_asks if not "secrets.environment-print" in fired(facts([cmd({"program": "gh", "markers": ["secret-variable:GITHUB_TOKEN"]})]))

test_code_prints_environment if "secrets.environment-print" in fired(facts([cmd({"program": "node", "markers": ["code-prints-environment"]})]))

test_code_reads_plain_variable_is_fine if not "secrets.environment-print" in fired(facts([cmd({"program": "node", "markers": ["code-environment"]})]))

test_jq_env_dump if "secrets.environment-print" in fired(facts([cmd({"program": "jq", "markers": ["dumps-env"]})]))

test_env_dump_only_asks if not "secrets.environment-print" in fired(facts([cmd({"program": "env", "markers": ["dumps-env"]})]))

test_variable_names_by_prefix if "secrets.variable-names" in fired(facts_with([cmd({"program": "echo"})], {"unknown": [{"construct": "variable-names", "detail": "${!AWS*}", "command_index": 0}]}))

test_indirect_expansion_is_not_names if not "secrets.variable-names" in fired(facts_with([cmd({"program": "echo"})], {"unknown": [{"construct": "indirect-expansion", "detail": "${!x}", "command_index": 0}]}))

test_compgen_variables if "secrets.variable-names" in fired(facts([cmd({"program": "compgen", "flags": ["v"]})]))

test_compgen_commands_is_fine if not "secrets.variable-names" in fired(facts([cmd({"program": "compgen", "flags": ["c"]})]))

test_keychain_password if "secrets.keychain" in fired(facts([cmd({"program": "security", "positionals": ["find-generic-password", "x"], "flags": ["s", "w"]})]))

test_gpg_secret_export if "secrets.keychain" in fired(facts([cmd({"program": "gpg", "flags": ["export-secret-keys", "a"]})]))

test_gpg_public_export_is_fine if not "secrets.keychain" in fired(facts([cmd({"program": "gpg", "flags": ["export", "a"]})]))

test_security_list_is_fine if not "secrets.keychain" in fired(facts([cmd({"program": "security", "positionals": ["list-keychains"]})]))

test_folder_of_tool_credentials if "secrets.read-tool-credentials" in fired(facts([cmd({"program": "grep", "flags": ["r"], "reads": [p("/~/.m2", ["home", "home-hidden"])]})]))

test_cache_folder_of_a_tool_is_not_credentials if not "secrets.read-tool-credentials" in fired(facts([cmd({"program": "grep", "flags": ["r"], "reads": [p("/~/.m2/repository", ["home", "home-hidden"])]})]))

dump_then(program, pattern) := facts([
	cmd({"program": "env", "markers": ["dumps-env"], "pipeline": 0, "stage": 0}),
	cmd({"program": program, "args": ["-i", pattern], "pipeline": 0, "stage": 1, "stdin": "pipe"}),
])

test_environment_filtered_for_tokens if "secrets.environment-print" in fired(dump_then("grep", "token"))

test_environment_filtered_for_node if not "secrets.environment-print" in fired(dump_then("grep", "NODE"))

test_root_is_not_a_folder_of_tool_credentials if not "secrets.read-tool-credentials" in fired(facts([cmd({"program": "cat", "reads": [p("/", ["root"])]})]))

test_unknown_item_is_not_a_folder_of_tool_credentials if not "secrets.read-tool-credentials" in fired(facts([cmd({"program": "wc", "reads": [{"path": "$?", "dynamic": true, "glob": true, "resolved": "/~", "classes": ["dynamic"]}]})]))

test_vault_read_is_a_network_read_not_a_keychain if not "secrets.keychain" in fired(facts([cmd({"program": "vault", "positionals": ["kv", "get", "secret/app"], "network": true})]))
