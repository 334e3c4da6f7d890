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
