# The decision document: every rule that fired, the strictest severity wins.
# Each concern's file adds to `deny` and `ask`; nothing here allows anything
# by itself: `allow` is what is left when no rule fired.
package paladin

import rego.v1

hit(c, id, reason) := {"id": id, "reason": reason, "command_index": c.index}

line_hit(id, reason) := {"id": id, "reason": reason, "command_index": -1}

deny_rules := [object.union(h, {"severity": "deny"}) | some h in deny]

ask_rules := [object.union(h, {"severity": "ask"}) | some h in ask]

verdict := "deny" if {
	count(deny) > 0
} else := "ask" if {
	count(ask) > 0
} else := "allow"

decision := {
	"decision": verdict,
	"rules": array.concat(deny_rules, ask_rules),
	"risk": risk,
}

risk := {
	"reads": sort({p.path | some c in input.commands; some p in c.reads}),
	"writes": sort({p.path | some c in input.commands; some p in c.writes}),
	"deletes": sort({p.path | some c in input.commands; some p in c.deletes}),
	"network": any_network,
	"privilege": any_privileged,
	"runs_code": any_code,
	"unknown_constructs": count(input.unknown),
	"commands": count(input.commands),
}

default any_network := false

any_network if {
	some c in input.commands
	c.network
}

default any_privileged := false

any_privileged if {
	some c in input.commands
	c.privileged
}

default any_code := false

any_code if {
	some c in input.commands
	c.runs_code != "none"
}

# Helpers shared by the concern files.

has_flag(c, f) if f in c.flags

has_class(p, k) if k in p.classes

# Commands that ran earlier in the same pipeline as `c`.
upstream(c) := {u | some u in input.commands; c.pipeline >= 0; u.pipeline == c.pipeline; u.stage < c.stage} | fed_by_parent(c)

# `cmd > >(sh)`: the shell inside reads what the outer command writes.
fed_by_parent(c) := {p | c.via == "process-substitution-out"; some p in input.commands; p.index == c.parent}

# Commands found inside `c`'s own words (substitutions, command strings), one level down.
children(c) := {k | some k in input.commands; k.parent == c.index}

runs_code_from_stdin(c) if {
	c.runs_code == "stdin"
	c.stdin == "pipe"
}
