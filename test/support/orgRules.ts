// An organisation policy the tier tests share: a deny, an ask, and an
// admin-approved waiver of one built-in ask for one command shape.

export const ORG_RULES = `package paladin.org.team_rules

import rego.v1

deny contains {"id": "no-curl", "reason": "curl is not used in this organisation", "command_index": c.index} if {
	some c in input.commands
	c.program == "curl"
}

ask contains {"id": "push-review", "reason": "pushes are reviewed", "command_index": c.index} if {
	some c in input.commands
	c.program == "git"
	c.subcommand == "push"
}

# An admin-approved shape: previewing a clean is fine for everyone.
waive_ask contains {"id": "repo.change", "command_index": c.index} if {
	some c in input.commands
	c.program == "git"
	c.args == ["clean", "-dx"]
}
`;
