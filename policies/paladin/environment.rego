# Environment and alias poisoning: changing what later commands mean.
package paladin

import rego.v1

poison_variables := {"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "BASH_ENV", "ENV", "PROMPT_COMMAND", "PS4", "SHELLOPTS", "BASHOPTS", "GCONV_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "PERL5OPT", "PERL5LIB", "NODE_OPTIONS", "PYTHONSTARTUP", "PYTHONPATH", "RUBYOPT", "GIT_SSH_COMMAND", "GIT_EXTERNAL_DIFF", "GIT_CONFIG_PARAMETERS", "GIT_PAGER", "PAGER", "LESSOPEN", "EDITOR", "VISUAL", "GIT_EDITOR", "GIT_ASKPASS", "SSH_ASKPASS"}

more_poison_variables := {"MANPAGER", "SYSTEMD_PAGER", "SYSTEMD_EDITOR", "BROWSER", "GIT_EXEC_PATH", "GIT_PROXY_COMMAND", "GIT_TEMPLATE_DIR", "GIT_SEQUENCE_EDITOR", "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_COUNT", "LESSKEY", "LESSKEYIN", "LESSCLOSE", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "PYTHONHOME", "PYTHONUSERBASE", "RUBYLIB", "SUDO_ASKPASS", "npm_config_script_shell", "NODE_PATH", "GEM_PATH", "LUA_INIT", "TCLLIBPATH", "R_PROFILE_USER", "ZDOTDIR"}

deny contains line_hit("env.poison", sprintf("Setting %s makes programs load or run code of the command's choosing.", [a.name])) if {
	some a in input.assignments
	poison_variable(a.name)
	not harmless_pager(a)
}

poison_variable(name) if name in poison_variables

poison_variable(name) if name in more_poison_variables

poison_variable(name) if startswith(name, "GIT_CONFIG_KEY_")

poison_variable(name) if startswith(name, "GIT_CONFIG_VALUE_")

poison_variable(name) if startswith(name, "BASH_FUNC_")

poison_variable(name) if startswith(name, "LD_")

deny contains hit(c, "env.enable-builtin", "enable -f loads a shared library into the shell as a new builtin.") if {
	some c in input.commands
	c.program == "enable"
	"f" in c.flags
}

ask contains hit(c, "env.shell-option", sprintf("shopt %s changes how the shell reads later commands.", [concat(" ", c.args)])) if {
	some c in input.commands
	c.program == "shopt"
	some a in c.args
	a in {"expand_aliases", "extdebug"}
}

# PAGER=cat and friends only turn paging off.
harmless_pager(a) if {
	a.name in {"PAGER", "GIT_PAGER", "EDITOR", "VISUAL", "GIT_EDITOR", "MANPAGER", "SYSTEMD_PAGER", "SYSTEMD_EDITOR"}
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
	not splits_one_read(a)
}

# `IFS= read -r line`, `IFS=, read -ra parts`: IFS given to read alone splits
# only the line that read takes, and is gone when read returns.
splits_one_read(a) if {
	a.scope == "command"
	some c in input.commands
	c.index == a.command_index
	c.program in {"read", "mapfile", "readarray"}
}

ask contains line_hit("env.alias", sprintf("An alias %s is defined: it changes what a command name means.", [a.name])) if {
	some a in input.aliases
}

ask contains line_hit("env.shadow-function", sprintf("A shell function named %s hides the real program of that name.", [f.name])) if {
	some f in input.functions
	f.shadows_program
}

# less (and more, and what systemd pages through less) read options from the environment;
# `+!cmd`, `+|cmd` and friends in them run a command when the pager opens.
deny contains line_hit("env.pager-command", sprintf("%s holds pager options that run a command (%s).", [a.name, a.value])) if {
	some a in input.assignments
	a.name in pager_option_variables
	regex.match(`[!|]`, a.value)
}

ask contains line_hit("env.pager-command", sprintf("%s sets pager options only known at run time; they may run a command.", [a.name])) if {
	some a in input.assignments
	a.name in pager_option_variables
	a.dynamic
}

pager_option_variables := {"LESS", "MORE", "SYSTEMD_LESS", "LV", "MOST_INITFILE"}

deny contains line_hit("env.path-writable", sprintf("PATH is given %s, a folder anyone can write to: a file dropped there runs instead of the real program.", [entry])) if {
	some a in input.assignments
	a.name == "PATH"
	some entry in split(a.value, ":")
	writable_folder(entry)
}

writable_folder(e) if regex.match(`^(/private)?/(tmp|var/tmp|dev/shm|run/shm|dev/mqueue|var/crash|var/lock|run/lock)(/|$)`, e)

# `/./tmp`, `/t?p`, `/[t]mp/x`: a spelling or a pattern that reaches one of them.
writable_folder(e) if {
	parts := split(replace(replace(e, "/./", "/"), "/./", "/"), "/")
	some w in {"/tmp", "/var/tmp", "/dev/shm", "/run/shm", "/private/tmp"}
	n := count(split(w, "/"))
	count(parts) >= n
	glob.match(concat("/", array.slice(parts, 0, n)), ["/"], w)
}

deny contains line_hit("env.alias-privileged", sprintf("An alias %s is defined: it replaces a program that asks for passwords or grants privileges.", [a.name])) if {
	some a in input.aliases
	a.name in {"sudo", "su", "doas", "pkexec", "runuser", "passwd", "login", "ssh", "scp", "sftp", "ssh-add", "gpg", "gpg2", "kinit", "security"}
}

deny contains hit(c, "exec.build-shell", sprintf("%s is told to run its recipes or scripts with another program (%s).", [c.program, what])) if {
	some c in input.commands
	some [i, what] in build_shell_overrides
	i == c.index
}

build_shell_overrides contains [c.index, a] if {
	some c in input.commands
	c.program in {"make", "gmake", "bmake", "remake"}
	some a in c.positionals
	startswith(a, "SHELL=")
	not system_shell(substring(a, 6, -1))
}

system_shell(s) if regex.match(`^((/usr)?/bin/)?(ba|da|z|k|mk|a)?sh$`, s)

build_shell_overrides contains [c.index, "script-shell"] if {
	some c in input.commands
	c.program in {"npm", "pnpm", "yarn"}
	"config" in c.positionals
	some a in c.positionals
	a in {"script-shell", "shell", "npm_config_script_shell"}
}

build_shell_overrides contains [c.index, e.name] if {
	some c in input.commands
	c.program in {"make", "gmake", "bmake", "remake"}
	some e in c.env
	e.name in {"SHELL", "MAKESHELL"}
	not system_shell(e.value)
}

build_shell_overrides contains [c.index, substring(m, count("outside-code:"), -1)] if {
	some c in input.commands
	some m in c.markers
	startswith(m, "outside-code:")
	regex.match(`^outside-code:(--script-shell|script-shell|npm_config_script_shell|NPM_CONFIG_SCRIPT_SHELL|GIT_[A-Z_]+=)`, m)
	not contains(m, "only known at run time")
}

deny contains line_hit("exec.build-shell", sprintf("%s is set to %s: npm runs every script with that program.", [a.name, a.value])) if {
	some a in input.assignments
	lower(a.name) == "npm_config_script_shell"
}
