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
