# Credentials and keys: reading them outside the workspace is how exfiltration starts.
package paladin

import rego.v1

deny contains hit(c, "secrets.read", sprintf("%s would read %s, which holds credentials or keys.", [c.program, p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	has_class(p, "secret")
	not has_class(p, "workspace")
}

ask contains hit(c, "secrets.read-workspace", sprintf("%s would read %s, which looks like a secret (keys, tokens, .env).", [c.program, p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	has_class(p, "secret")
	has_class(p, "workspace")
}

ask contains hit(c, "secrets.variable", sprintf("%s reads %s, a variable that holds a credential.", [c.program, substring(m, count("secret-variable:"), -1)])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "secret-variable:")
}

deny contains hit(c, "secrets.write", sprintf("%s would change %s, which holds credentials or keys.", [c.program, p.path])) if {
	some c in input.commands
	some p in array.concat(c.writes, c.deletes)
	has_class(p, "secret")
	not has_class(p, "workspace")
}
