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

deny contains hit(c, "obfuscation.decoded-command", sprintf("The program to run comes from a variable set by decoding text at run time (%s): decoding into a command is a way to hide what runs.", [decoders_text])) if {
	some c in input.commands
	name_from_variable(c)
	count(decoders) > 0
}

name_from_variable(c) if {
	c.name_dynamic
	not c.name_from_substitution
}

name_from_variable(c) if "name-from-variable" in c.markers

decoders := {d.program | some d in input.commands; d.decodes; d.via in {"command-substitution", "process-substitution-in"}}

decoders_text := concat(", ", decoders)
