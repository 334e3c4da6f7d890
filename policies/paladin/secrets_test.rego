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
