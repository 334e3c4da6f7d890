# Environment and alias poisoning: changing what later commands mean.
package paladin

import rego.v1

poison_variables := {"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "BASH_ENV", "ENV", "PROMPT_COMMAND", "PS4", "SHELLOPTS", "BASHOPTS", "GCONV_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "PERL5OPT", "PERL5LIB", "NODE_OPTIONS", "PYTHONSTARTUP", "PYTHONPATH", "RUBYOPT", "GIT_SSH_COMMAND", "GIT_EXTERNAL_DIFF", "GIT_CONFIG_PARAMETERS", "GIT_PAGER", "PAGER", "LESSOPEN", "EDITOR", "VISUAL", "GIT_EDITOR", "GIT_ASKPASS", "SSH_ASKPASS"}

deny contains line_hit("env.poison", sprintf("Setting %s makes programs load or run code of the command's choosing.", [a.name])) if {
	some a in input.assignments
	a.name in poison_variables
	not harmless_pager(a)
}

# PAGER=cat and friends only turn paging off.
harmless_pager(a) if {
	a.name in {"PAGER", "GIT_PAGER", "EDITOR", "VISUAL", "GIT_EDITOR"}
	a.value in {"cat", "less", "more", "", "vi", "vim", "nano", "emacs", "code"}
}

ask contains line_hit("env.path", sprintf("PATH is changed to %s, which changes which programs later names run.", [a.value])) if {
	some a in input.assignments
	a.name == "PATH"
}

ask contains hit(c, "env.path", "hash -p makes a command name run another file.") if {
	some c in input.commands
	"hash-path" in c.markers
}

ask contains line_hit("env.ifs", "IFS is changed, which changes how later words are split.") if {
	some a in input.assignments
	a.name == "IFS"
}

ask contains line_hit("env.alias", sprintf("An alias %s is defined: it changes what a command name means.", [a.name])) if {
	some a in input.aliases
}

ask contains line_hit("env.shadow-function", sprintf("A shell function named %s hides the real program of that name.", [f.name])) if {
	some f in input.functions
	f.shadows_program
}
