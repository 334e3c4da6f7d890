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

# The whole environment printed (env, printenv, set, export -p, jq env, awk's ENVIRON):
# variables hold tokens, and the output leaves the machine.
ask contains hit(c, "secrets.environment-dump", sprintf("%s prints every environment variable, tokens included.", [c.program])) if {
	some c in input.commands
	"dumps-env" in c.markers
}

deny contains hit(c, "secrets.environment-print", sprintf("%s prints %s, a variable that by its name holds a credential.", [c.program, substring(m, count("prints-secret-env:"), -1)])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "prints-secret-env:")
}

# The home folder's dot-files and dot-folders (.config, .local, tools' settings) hold
# keys and tokens under names no list can know: reading one outside the workspace shows
# its contents in the output, which leaves the machine.
ask contains hit(c, "secrets.read-home-config", sprintf("%s would read %s, a settings file of the home folder that may hold credentials.", [c.program, p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	has_class(p, "home-hidden")
	not has_class(p, "workspace")
}
