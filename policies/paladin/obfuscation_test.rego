package paladin_test

import rego.v1

test_substituted_command if {
	inp := facts([cmd({"program": "", "name": "$?", "name_dynamic": true, "name_from_substitution": true})])
	"obfuscation.substituted-command" in fired(inp)
	verdict_of(inp) == "deny"
}

test_substituted_command_not_variable if not "obfuscation.substituted-command" in fired(facts([cmd({"program": "", "name": "$?", "name_dynamic": true})]))

test_dynamic_command if {
	inp := facts([cmd({"program": "", "name": "$?", "name_dynamic": true})])
	"obfuscation.dynamic-command" in fired(inp)
	verdict_of(inp) == "ask"
}

test_dynamic_command_not_literal if not "obfuscation.dynamic-command" in fired(facts([cmd({})]))

test_decoded_command_name if "obfuscation.decoded-command" in fired(facts([
	cmd({"program": "base64", "decodes": true, "via": "command-substitution"}),
	cmd({"program": "ls", "markers": ["name-from-variable"]}),
]))

test_variable_command_without_decoding if not "obfuscation.decoded-command" in fired(facts([
	cmd({"program": "echo", "via": "command-substitution"}),
	cmd({"program": "ls", "markers": ["name-from-variable"]}),
]))

test_decoding_without_variable_command if not "obfuscation.decoded-command" in fired(facts([
	cmd({"program": "base64", "decodes": true, "via": "command-substitution"}),
	cmd({"program": "ls"}),
]))
