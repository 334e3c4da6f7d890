package paladin_test

import rego.v1

test_parse_error_denies if {
	inp := object.union(base_facts, {"parse": {"ok": false, "error": "1:6: reached EOF"}})
	"parse.error" in fired(inp)
	verdict_of(inp) == "deny"
}

test_parse_ok_no_parse_error if not "parse.error" in fired(facts([cmd({})]))

test_limits_exceeded_denies if {
	inp := object.union(base_facts, {"limits": {"exceeded": true, "reasons": ["more than 256 commands"]}})
	verdict_of(inp) == "deny"
	"limits.exceeded" in fired(inp)
}

test_limits_within_no_hit if not "limits.exceeded" in fired(facts([cmd({})]))
