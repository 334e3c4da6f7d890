package paladin_test

import rego.v1

test_unknown_construct if {
	inp := facts_with([cmd({"program": "eval"})], {"unknown": [{"construct": "eval", "detail": "eval runs text", "command_index": 0}]})
	"unknown.construct" in fired(inp)
	verdict_of(inp) == "ask"
}

test_unknown_construct_line_level if "unknown.construct" in fired(facts_with([cmd({})], {"unknown": [{"construct": "unsupported-syntax", "detail": "x", "command_index": -1}]}))

test_unknown_construct_none if not "unknown.construct" in fired(facts([cmd({})]))

test_unknown_program if "unknown.program" in fired(facts([cmd({"program": "frobnicate"})]))

test_unknown_program_function_is_known if not "unknown.program" in fired(facts_with([cmd({"program": "build_all"})], {"functions": [{"name": "build_all", "calls_self": false, "self_call_spawns": false, "shadows_program": false}]}))

test_unknown_program_known if not "unknown.program" in fired(facts([cmd({"program": "grep"})]))
