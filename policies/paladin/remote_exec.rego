# Code fetched from the network, decoded at run time, or written and then run.
package paladin

import rego.v1

deny contains hit(c, "remote.pipe-to-shell", sprintf("Output of %s (from the network) is piped into %s and run as code.", [u.program, c.program])) if {
	some c in input.commands
	runs_code_from_stdin(c)
	some u in upstream(c)
	u.network
}

deny contains hit(c, "remote.process-substitution", sprintf("%s runs code that %s downloads.", [c.program, k.program])) if {
	some c in input.commands
	c.runs_code == "process-substitution"
	some k in children(c)
	k.network
}

deny contains hit(c, "remote.substitution-code", sprintf("%s runs code produced by %s, which reaches the network.", [c.program, k.program])) if {
	some c in input.commands
	c.runs_code in {"inline", "script", "stdin"}
	c.code_dynamic
	some k in children(c)
	k.network
}

deny contains hit(c, "remote.substitution-code", sprintf("eval runs text produced by %s, which reaches the network.", [k.program])) if {
	some c in input.commands
	c.program == "eval"
	some k in children(c)
	k.network
}

deny contains hit(r, "remote.download-then-run", sprintf("%s runs %s, which %s downloaded earlier in the same command line.", [r.program, p.path, w.program])) if {
	some w in input.commands
	w.network
	some p in w.writes
	some r in input.commands
	r.index > w.index
	runs_path(r, p)
}

deny contains hit(c, "obfuscation.decode-to-shell", sprintf("%s decodes text that %s then runs as code.", [u.program, c.program])) if {
	some c in input.commands
	runs_code_from_stdin(c)
	some u in upstream(c)
	u.decodes
}

deny contains hit(c, "obfuscation.decode-to-shell", sprintf("%s runs code decoded at run time by %s.", [c.program, k.program])) if {
	some c in input.commands
	c.code_dynamic
	some k in children(c)
	k.decodes
}
