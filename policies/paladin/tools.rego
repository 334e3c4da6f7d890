# Ecosystem tools: package managers, builds, databases, clusters, clouds and
# infrastructure. The facts say what a known tool's subcommand does
# (`c.tool.action`); read and build add no rule here, so they are allowed
# unless another concern (network, paths, secrets) fires.
package paladin

import rego.v1

deny contains hit(c, "tools.destroy", sprintf("%s.", [c.tool.effect])) if {
	some c in input.commands
	c.tool.action == "destroy"
}

deny contains hit(c, "tools.publish", sprintf("%s.", [c.tool.effect])) if {
	some c in input.commands
	c.tool.action == "publish"
}

ask contains hit(c, "tools.change", sprintf("%s.", [c.tool.effect])) if {
	some c in input.commands
	c.tool.action == "change"
}

ask contains hit(c, "tools.unknown-subcommand", sprintf("%s: Paladin cannot tell what it does.", [c.tool.effect])) if {
	some c in input.commands
	c.tool.action == "unknown"
}

# rm -rf "$BUILD_DIR/"* with BUILD_DIR unset or empty is rm -rf /*.
deny contains hit(c, "tools.delete-if-empty", sprintf("If $%s is unset or empty, %s deletes %s. Write ${%s:?} to stop instead.", [parts[1], c.program, parts[2], parts[1]])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "delete-if-empty:")
	parts := split(m, ":")
}

deny contains hit(c, "tools.recursive-permissions", sprintf("%s -R would change the owner or permissions of everything under %s.", [c.program, substring(m, count("recursive-permissions:"), -1)])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "recursive-permissions:")
}

# cd build; rm -rf *   — when build does not exist, the glob is the current folder's.
deny contains hit(r, "tools.cd-then-delete", sprintf("If `cd %s` fails, %s deletes %s in the folder the command started in. Join them with && or use cd ... || exit.", [concat(" ", d.args), r.program, p.path])) if {
	some d in input.commands
	"cd-may-fail" in d.markers
	some r in input.commands
	r.index > d.index
	r.parent == d.parent
	recursive_delete(r)
	some p in r.deletes
	relative_sweep(p.path)
}

recursive_delete(r) if {
	some f in r.flags
	f in {"r", "R", "recursive"}
}

relative_sweep(path) if path in {".", "./", "..", "*", "./*", ".*", "./.*", "*/", "./*/"}

relative_sweep(path) if {
	contains(path, "*")
	not startswith(path, "/")
	not startswith(path, "~")
	not startswith(path, "$")
	not contains(trim_prefix(path, "./"), "/")
}

deny contains hit(c, "tools.piped-destructive-query", sprintf("%s is fed a statement that drops or empties data by %s.", [c.program, u.program])) if {
	some c in input.commands
	"query-from-pipe" in c.markers
	some u in upstream(c)
	"destructive-query-text" in u.markers
}

# The project's own build tools run by their usual path (./gradlew, ./mvnw,
# bin/rails, vendor/bin/phpunit, node_modules/.bin/tsc, php artisan test,
# python manage.py test): what they run is the build's business, as with
# make. Only for subcommands that read or build; anything written earlier in
# the same line and then run is still asked about (exec.write-then-run).
project_build_tool(c) if {
	c.tool.action in {"read", "build"}
	regex.match(`^(\./)?(gradlew|mvnw|configure|autogen\.sh|bin/(rails|rake|console|phpunit)|vendor/bin/[A-Za-z0-9_.-]+|node_modules/\.bin/[A-Za-z0-9_.-]+)$`, c.name)
}

project_build_tool(c) if {
	c.tool.action in {"read", "build"}
	c.runs_code == "script"
	c.program in {"php", "python", "python3"}
	some p in c.reads
	regex.match(`^(\./)?(artisan|manage\.py|bin/console)$`, p.path)
}

# rm -rf "$(dirname $X)"/ : a command that prints nothing (it failed, or was given nothing) leaves the path at the root.
deny contains hit(c, "tools.delete-if-output-empty", sprintf("If `%s` prints nothing (it fails, or is given nothing), %s deletes %s.", [parts[1], c.program, concat(":", array.slice(parts, 2, count(parts)))])) if {
	some c in input.commands
	some m in c.markers
	startswith(m, "delete-if-output-empty:")
	parts := split(m, ":")
}

# rm -rf ~/projects, rm -rf ~/.config, find ~/Documents -delete: a whole folder of the home folder.
deny contains hit(c, "tools.delete-home-folder", sprintf("%s would delete %s, a whole top-level folder of the home folder.", [c.program, p.path])) if {
	some c in input.commands
	sweeping_delete(c)
	some p in c.deletes
	has_class(p, "home")
	not has_class(p, "workspace")
	not has_class(p, "picked")
	regex.match(`^(/~|/home/[^/]+|/root|/Users/[^/]+)/([^/]+|\.local/(share|state|bin|lib))/?(\*|\.\*)?$`, p.resolved)
	not regex.match(`^(/~|/home/[^/]+|/root|/Users/[^/]+)/(\.cache|\.npm|\.pnpm-store|\.node-gyp|tmp|\.tmp|\.Trash)/?`, p.resolved)
}

# rm -rf /var/lib/docker, /var/lib/postgresql/15/main, /srv/www: the data of the machine's services.
deny contains hit(c, "tools.delete-service-data", sprintf("%s would delete %s, data a service of this machine keeps (databases, containers, packages).", [c.program, p.path])) if {
	some c in input.commands
	sweeping_delete(c)
	some p in c.deletes
	not has_class(p, "picked")
	startswith(p.resolved, "/")
	regex.match(`^/(var/lib|srv|var/www|var/backups|var/opt)(/|$)`, p.resolved)
	not regex.match(`^/var/lib/apt/lists(/|$)`, p.resolved)
}

# rm -rf /data, rm -rf /backup/*, rm -rf /mnt/disk: a whole folder at the top of the filesystem, or a mounted drive.
deny contains hit(c, "tools.delete-top-folder", sprintf("%s would delete %s, a whole folder at the top of the filesystem or a mounted drive.", [c.program, p.path])) if {
	some c in input.commands
	sweeping_delete(c)
	some p in c.deletes
	not has_class(p, "picked")
	startswith(p.resolved, "/")
	regex.match(`^(/[^/]+|/(mnt|media|Volumes)/[^/]+)/?(\*|\.\*)?$`, p.resolved)
	not regex.match(`^/(tmp|dev|proc|sys|run)(/|$)`, p.resolved)
}

# find . -delete, find . -type f -delete: no test picks what to delete, so the whole workspace goes.
deny contains hit(c, "tools.find-delete-all", sprintf("find %s -delete deletes everything under %s: no test (-name, -newer, -empty ...) picks what to delete.", [p.path, p.path])) if {
	some c in input.commands
	c.program == "find"
	"delete" in c.flags
	some p in c.deletes
	has_class(p, "workspace-root")
	not has_class(p, "picked")
}

# find . -type f -exec rm -f {} + : the same, one file at a time.
deny contains hit(r, "tools.find-delete-all", sprintf("find %s -exec %s deletes everything under %s: no test (-name, -newer, -empty ...) picks what to delete.", [concat(" ", f.positionals), r.program, f.positionals[0]])) if {
	some f in input.commands
	f.program == "find"
	some r in input.commands
	r.parent == f.index
	r.program in {"rm", "shred", "unlink", "rmdir"}
	some p in r.deletes
	has_class(p, "workspace-root")
	not has_class(p, "picked")
}

sweeping_delete(c) if recursive_delete(c)

sweeping_delete(c) if {
	c.program == "find"
	"delete" in c.flags
}

# rsync --delete makes the destination match the source: with an empty or wrong source, it empties the folder.
sweeping_delete(c) if c.program == "rsync"


# rm -rf build, rm -rf node_modules dist, rm -rf target/*: what a build or a
# package manager made and makes again. A folder of these names anywhere in
# the workspace, or everything in it; never a pattern that could reach
# further (`rm -rf *`), never a path only known at run time. `bin` and
# `public` are left out: projects keep their own scripts and pages there.
regenerable_output(p) if {
	not p.dynamic
	not has_class(p, "git")
	regex.match(`^(\./)?([^/]+/)*(build|dist|out|target|node_modules|coverage|\.nyc_output|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.next|\.nuxt|\.svelte-kit|\.turbo|\.parcel-cache|\.angular|\.gradle|\.eggs|[^/*?\[]+\.egg-info|cmake-build-[^/*?\[]+|\.terraform)(/.*)?$`, p.resolved)
	not contains(p.resolved, "..")
	# `out/lnk/`, `node_modules/mypkg/`, `out/*/..`, `find -L out`: through a link, or back up past a
	# name that may be one, the delete reaches what the link points to, not build output.
	not has_class(p, "through-link")
	not regex.match(`(^|/)\.\.(/|$)`, p.path)
}

# mkdir and touch create empty folders and files (or update a time): nothing
# that was there changes.
creates_only(c) if c.program in {"mkdir", "touch"}

# rm -rf ~/.cache/pip, ~/.npm/_cacache, ~/.m2/repository/..., /var/lib/apt/lists/*:
# download caches that tools fill again when they need them.
regenerable_cache(p) if {
	not p.dynamic
	not contains(p.resolved, "..")
	startswith(p.resolved, "/")
	regex.match(`^((/~|/home/[^/]+|/root|/Users/[^/]+)/(\.cache|\.npm|\.pnpm-store|\.node-gyp|\.m2/repository|\.gradle/caches|\.cargo/registry|Library/Caches/[^/*?\[]+)|/var/lib/apt/lists|/var/cache/apt)(/.*)?$`, p.resolved)
}
