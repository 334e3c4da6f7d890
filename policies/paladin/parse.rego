# What could not be parsed, or is too big to judge, is never allowed.
package paladin

import rego.v1

deny contains line_hit("parse.error", sprintf("The command is not valid bash (%s), so Paladin cannot tell what it would do.", [input.parse.error])) if {
	not input.parse.ok
}

deny contains line_hit("limits.exceeded", sprintf("The command is too large or too deeply nested to judge (%s).", [concat(", ", input.limits.reasons)])) if {
	input.limits.exceeded
}
