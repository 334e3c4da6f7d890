# Command names the policy cannot read before the line runs.
package paladin

import rego.v1

deny contains hit(c, "obfuscation.substituted-command", "The program to run is produced by a command substitution, a common way to hide what runs.") if {
	some c in input.commands
	c.name_dynamic
	c.name_from_substitution
}

ask contains hit(c, "obfuscation.dynamic-command", sprintf("The program to run comes from a variable (%s), so the policy cannot tell which it is.", [c.name])) if {
	some c in input.commands
	c.name_dynamic
	not c.name_from_substitution
}
