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

deny contains hit(c, "secrets.read-tool-credentials", sprintf("%s would read %s, where a build, package or cloud tool keeps its credentials.", [c.program, p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	not has_class(p, "workspace")
	tool_credentials(p.resolved)
}

tool_credentials(r) if {
	startswith(r, "/~/.")
	regex.match(`^/~/\.(m2/settings(-security)?\.xml|gradle/gradle\.properties|terraformrc|terraform\.d/credentials[^/]*|yarnrc(\.yml)?|bundle/config|netrc|npmrc|pypirc|git-credentials|pgpass|my\.cnf|vault-token|docker/config\.json|cargo/credentials(\.toml)?|gem/credentials|nuget/NuGet/NuGet\.Config|composer/auth\.json|config/composer/auth\.json|config/gh/hosts\.yml|config/hub|config/heroku/.*|heroku/.*|config/gcloud/.*|azure/.*|aws/.*|kube/config|config/pip/pip\.conf|pip/pip\.conf|config/op/.*|op/.*|travis/config\.yml|circleci/cli\.yml|dbt/profiles\.yml|kaggle/kaggle\.json|huggingface/token|cache/huggingface/token|config/hcloud/.*|oci/.*|config/doctl/.*|ivy2/\.credentials|sbt/[^/]*credentials.*|config/rclone/.*|s3cfg|boto|config/configstore/.*|config/github-copilot/.*|config/netlify/.*|config/vercel/.*|local/share/com\.vercel\.cli/.*|wrangler/.*|config/.wrangler/.*|fly/config\.yml|docker/.*\.json|password-store/.*|config/sops/.*)$`, r)
}

# A pattern (`~/.gradle/[g]radle.properties`, `~/.m2/sett?ngs.xml`) that could name one of them names it.
deny contains hit(c, "secrets.read-tool-credentials", sprintf("%s would read %s, a pattern that names a file where a tool keeps its credentials.", [c.program, p.path])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	p.glob
	not has_class(p, "workspace")
	some f in tool_credential_files
	glob.match(p.resolved, ["/"], f)
}

tool_credential_files := {
	"/~/.m2/settings.xml", "/~/.m2/settings-security.xml", "/~/.gradle/gradle.properties", "/~/.terraformrc",
	"/~/.terraform.d/credentials.tfrc.json", "/~/.yarnrc", "/~/.yarnrc.yml", "/~/.bundle/config", "/~/.netrc", "/~/.npmrc",
	"/~/.pypirc", "/~/.git-credentials", "/~/.pgpass", "/~/.my.cnf", "/~/.vault-token", "/~/.docker/config.json",
	"/~/.cargo/credentials", "/~/.cargo/credentials.toml", "/~/.gem/credentials", "/~/.nuget/NuGet/NuGet.Config",
	"/~/.composer/auth.json", "/~/.config/composer/auth.json", "/~/.config/gh/hosts.yml", "/~/.config/hub",
	"/~/.config/heroku/config.json", "/~/.config/gcloud/application_default_credentials.json", "/~/.config/gcloud/credentials.db",
	"/~/.config/gcloud/access_tokens.db", "/~/.azure/accessTokens.json", "/~/.azure/msal_token_cache.json", "/~/.aws/credentials",
	"/~/.aws/config", "/~/.kube/config", "/~/.config/pip/pip.conf", "/~/.pip/pip.conf", "/~/.kaggle/kaggle.json",
	"/~/.huggingface/token", "/~/.cache/huggingface/token", "/~/.s3cfg", "/~/.boto", "/~/.dbt/profiles.yml",
}

deny contains hit(c, "secrets.read-tool-credentials", sprintf("%s would read %s, a folder that holds %s.", [c.program, p.path, f])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	not p.dynamic
	not has_class(p, "workspace")
	startswith(p.resolved, "/~/")
	some f in tool_credential_files
	startswith(f, concat("", [trim_right(p.resolved, "/"), "/"]))
}

# `grep -r x ~/.[m]2`: a pattern that could name such a folder names it.
deny contains hit(c, "secrets.read-tool-credentials", sprintf("%s would read %s, a pattern that names a folder holding %s.", [c.program, p.path, f])) if {
	some c in input.commands
	not "lists-only" in c.markers
	some p in c.reads
	p.glob
	not p.dynamic
	not has_class(p, "workspace")
	startswith(p.resolved, "/~/")
	parts := split(trim_right(p.resolved, "/"), "/")
	count(parts) > 2
	some f in tool_credential_files
	fparts := split(f, "/")
	count(fparts) > count(parts)
	glob.match(concat("/", parts), ["/"], concat("/", array.slice(fparts, 0, count(parts))))
}

deny contains hit(c, "secrets.read", sprintf("%s reads files find picks by a credential's name (%s) in %s.", [c.program, name, f.positionals[0]])) if {
	some c in input.commands
	c.via == "exec"
	not "lists-only" in c.markers
	some f in input.commands
	f.index == c.parent
	f.program == "find"
	some p in c.reads
	has_class(p, "picked")
	not has_class(p, "workspace")
	some i, a in f.args
	a in {"-name", "-iname", "-path", "-ipath", "-wholename", "-regex", "-iregex"}
	name := f.args[i + 1]
	credential_name(name)
}

credential_name(n) if regex.match(`(?i)(\.pem|\.key|id_(rsa|dsa|ecdsa|ed25519)|credential|secret|token|passw|\.env|\.p12|\.pfx|\.kdbx|netrc|npmrc|pypirc|git-credentials|wallet|keystore|\.jks|\.ovpn|\.asc|\.gpg|private|shadow|auth)`, n)

deny contains hit(c, "secrets.git-history", sprintf("git %s would print %s, a secret kept in the repository's history.", [c.subcommand, p.path])) if {
	some c in input.commands
	c.program == "git"
	c.subcommand in {"show", "cat-file", "archive", "grep"}
	some p in c.reads
	has_class(p, "secret")
}

deny contains hit(c, "secrets.environment-print", sprintf("%s prints %s, a variable that by its name holds a credential.", [c.program, substring(m, count("secret-variable:"), -1)])) if {
	some c in input.commands
	c.program in {"echo", "printf", "print"}
	some m in c.markers
	startswith(m, "secret-variable:")
}

deny contains hit(c, "secrets.environment-print", sprintf("%s prints the environment or a credential from it (%s).", [c.program, short(c.inline_code)])) if {
	some c in input.commands
	some m in c.markers
	environment_printed(m)
}

environment_printed("code-prints-environment")

environment_printed(m) if startswith(m, "code-prints-secret:")

deny contains hit(c, "secrets.environment-print", sprintf("%s prints the whole environment, tokens included.", [c.program])) if {
	some c in input.commands
	c.program in {"jq", "gojq", "yq"}
	"dumps-env" in c.markers
}

deny contains line_hit("secrets.variable-names", sprintf("%s: the names of the variables are listed to find the ones holding credentials.", [u.detail])) if {
	some u in input.unknown
	u.construct == "variable-names"
}

deny contains hit(c, "secrets.variable-names", "compgen lists the names of the shell's variables, to find the ones holding credentials.") if {
	some c in input.commands
	c.program == "compgen"
	lists_variables(c)
}

lists_variables(c) if {
	some f in c.flags
	f in {"v", "e"}
}

lists_variables(c) if {
	some a in c.args
	a in {"variable", "export"}
}

deny contains hit(c, "secrets.keychain", sprintf("%s would print passwords or secret keys from a keychain or key store.", [c.program])) if {
	some c in input.commands
	keychain_read(c)
}

keychain_read(c) if {
	c.program == "security"
	some a in c.positionals
	a in {"find-generic-password", "find-internet-password", "dump-keychain", "export", "find-identity", "find-key", "export-certificate"}
}

keychain_read(c) if {
	c.program in {"gpg", "gpg2"}
	some f in c.flags
	f in {"export-secret-keys", "export-secret-subkeys", "export-ssh-key", "export-secret-key"}
}

keychain_read(c) if {
	c.program == "secret-tool"
	some a in c.positionals
	a in {"lookup", "search"}
}

keychain_read(c) if {
	c.program in {"pass", "gopass", "lpass", "bw", "op", "keepassxc-cli", "kwallet-query", "keyctl"}
	some a in c.positionals
	a in {"show", "get", "read", "cat", "print", "pipe", "export", "item", "otp", "clip", "-r"}
}

deny contains hit(d, "secrets.environment-print", sprintf("%s picks the credential variables (%s) out of what %s prints.", [d.program, pattern, c.program])) if {
	some c in input.commands
	"dumps-env" in c.markers
	some d in input.commands
	c in upstream(d)
	d.program in {"grep", "egrep", "rg", "ag", "awk", "sed", "fgrep", "ack"}
	some pattern in d.args
	regex.match(`(?i)(token|secret|passw|api.?key|access.?key|private|credential|auth|aws|github|^gh_|npm|stripe|openai|session|cookie|bearer|\bkey\b|^key$)`, pattern)
}
