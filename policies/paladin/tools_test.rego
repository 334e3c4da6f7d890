package paladin_test

import rego.v1

tool(action) := {"family": "x", "action": action, "effect": "x does something"}

test_tool_destroy_denied if {
	inp := facts([cmd({"program": "terraform", "tool": tool("destroy")})])
	"tools.destroy" in fired(inp)
	verdict_of(inp) == "deny"
}

test_tool_destroy_not_for_read if not "tools.destroy" in fired(facts([cmd({"program": "terraform", "tool": tool("read")})]))

test_tool_publish_denied if {
	inp := facts([cmd({"program": "npm", "tool": tool("publish")})])
	"tools.publish" in fired(inp)
	verdict_of(inp) == "deny"
}

test_tool_publish_not_for_build if not "tools.publish" in fired(facts([cmd({"program": "npm", "tool": tool("build")})]))

test_tool_change_asks if {
	inp := facts([cmd({"program": "kubectl", "tool": tool("change")})])
	"tools.change" in fired(inp)
	verdict_of(inp) == "ask"
}

test_tool_change_not_for_read if not "tools.change" in fired(facts([cmd({"program": "kubectl", "tool": tool("read")})]))

test_tool_unknown_subcommand_asks if {
	inp := facts([cmd({"program": "cargo", "tool": tool("unknown")})])
	"tools.unknown-subcommand" in fired(inp)
	verdict_of(inp) == "ask"
}

test_tool_unknown_subcommand_not_for_build if not "tools.unknown-subcommand" in fired(facts([cmd({"program": "cargo", "tool": tool("build")})]))

test_tool_read_and_build_allowed if {
	verdict_of(facts([cmd({"program": "cargo", "tool": tool("build")})])) == "allow"
	verdict_of(facts([cmd({"program": "kubectl", "tool": tool("read")})])) == "allow"
}

test_known_tool_is_not_unknown_program if not "unknown.program" in fired(facts([cmd({"program": "terraform", "tool": tool("read")})]))

test_tool_without_description_is_unknown_program if "unknown.program" in fired(facts([cmd({"program": "terraform"})]))

test_delete_if_empty_denied if {
	inp := facts([cmd({"program": "rm", "markers": ["delete-if-empty:BUILD_DIR:/*"]})])
	"tools.delete-if-empty" in fired(inp)
	verdict_of(inp) == "deny"
}

test_delete_if_empty_needs_marker if not "tools.delete-if-empty" in fired(facts([cmd({"program": "rm", "markers": ["xargs"]})]))

test_recursive_permissions_denied if {
	inp := facts([cmd({"program": "chmod", "markers": ["recursive-permissions:~"]})])
	"tools.recursive-permissions" in fired(inp)
	verdict_of(inp) == "deny"
}

test_recursive_permissions_needs_marker if not "tools.recursive-permissions" in fired(facts([cmd({"program": "chmod"})]))

cd_may_fail := cmd({"program": "cd", "args": ["build"], "markers": ["cd-may-fail"]})

rm_glob(path) := cmd({"program": "rm", "flags": ["r", "f"], "deletes": [p(path, ["workspace", "glob"])]})

test_cd_then_delete_denied if {
	inp := facts([cd_may_fail, rm_glob("*")])
	"tools.cd-then-delete" in fired(inp)
	verdict_of(inp) == "deny"
}

test_cd_then_delete_relative_glob_denied if "tools.cd-then-delete" in fired(facts([cd_may_fail, rm_glob("./*.o")]))

test_cd_then_delete_needs_unchecked_cd if not "tools.cd-then-delete" in fired(facts([cmd({"program": "cd", "args": ["build"]}), rm_glob("*")]))

test_cd_then_delete_needs_recursive if not "tools.cd-then-delete" in fired(facts([cd_may_fail, cmd({"program": "rm", "deletes": [p("*", ["workspace", "glob"])]})]))

test_cd_then_delete_not_for_absolute if not "tools.cd-then-delete" in fired(facts([cd_may_fail, rm_glob("/tmp/build/*")]))

test_cd_then_delete_only_after_cd if not "tools.cd-then-delete" in fired(facts([rm_glob("*"), cd_may_fail]))

piped(upstream_markers) := facts_with(
	[
		cmd({"program": "echo", "markers": upstream_markers, "pipeline": 0, "stage": 0}),
		cmd({"program": "psql", "markers": ["query-from-pipe"], "pipeline": 0, "stage": 1, "stdin": "pipe", "tool": tool("unknown")}),
	],
	{"pipelines": [{"id": 0, "stages": 2}]},
)

test_piped_destructive_query_denied if {
	inp := piped(["destructive-query-text"])
	"tools.piped-destructive-query" in fired(inp)
	verdict_of(inp) == "deny"
}

test_piped_query_unknown_asks if {
	inp := piped([])
	not "tools.piped-destructive-query" in fired(inp)
	verdict_of(inp) == "ask"
}

test_project_build_tool_by_path_is_not_a_script if {
	inp := facts([cmd({"program": "gradlew", "name": "./gradlew", "path_given": true, "tool": tool("build")})])
	not "exec.script" in fired(inp)
	verdict_of(inp) == "allow"
}

test_project_build_tool_by_path_changing_still_asks if {
	inp := facts([cmd({"program": "gradlew", "name": "./gradlew", "path_given": true, "tool": tool("change")})])
	"exec.script" in fired(inp)
}

test_other_program_by_path_is_a_script if "exec.script" in fired(facts([cmd({"program": "gradlew", "name": "/tmp/gradlew", "path_given": true, "tool": tool("build")})]))

test_project_task_script_is_not_a_script if {
	inp := facts([cmd({"program": "php", "runs_code": "script", "interpreter": true, "reads": [p("artisan", ["workspace"])], "tool": tool("build")})])
	not "exec.script" in fired(inp)
}

test_other_script_still_a_script if "exec.script" in fired(facts([cmd({"program": "php", "runs_code": "script", "interpreter": true, "reads": [p("evil.php", ["workspace"])], "tool": tool("build")})]))

test_delete_if_output_empty_denied if {
	inp := facts([cmd({"program": "rm", "markers": ["substituted-argument", "delete-if-output-empty:dirname:/"]})])
	"tools.delete-if-output-empty" in fired(inp)
	verdict_of(inp) == "deny"
}

test_delete_if_output_empty_needs_marker if not "tools.delete-if-output-empty" in fired(facts([cmd({"program": "rm", "markers": ["substituted-argument"]})]))

home_path(path, resolved) := {"path": path, "dynamic": false, "glob": false, "resolved": resolved, "classes": ["home", "own-home"]}

rm_r(del) := cmd({"program": "rm", "flags": ["r", "f"], "deletes": [del]})

test_delete_home_folder_denied if {
	every del in [home_path("~/projects", "/~/projects"), home_path("~/.config", "/~/.config"), home_path("~/Downloads/*", "/~/Downloads/*"), home_path("/home/dev/code/", "/home/dev/code/")] {
		inp := facts([rm_r(del)])
		"tools.delete-home-folder" in fired(inp)
		verdict_of(inp) == "deny"
	}
}

test_delete_home_folder_not_deeper if not "tools.delete-home-folder" in fired(facts([rm_r(home_path("~/projects/app/node_modules", "/~/projects/app/node_modules"))]))

test_delete_home_folder_not_caches if not "tools.delete-home-folder" in fired(facts([rm_r(home_path("~/.cache", "/~/.cache"))]))

test_delete_home_folder_needs_recursive if not "tools.delete-home-folder" in fired(facts([cmd({"program": "rm", "deletes": [home_path("~/notes.txt", "/~/notes.txt")]})]))

test_delete_home_folder_by_find if {
	inp := facts([cmd({"program": "find", "flags": ["delete"], "deletes": [home_path("~/projects", "/~/projects")]})])
	"tools.delete-home-folder" in fired(inp)
}

test_delete_home_folder_not_picked if not "tools.delete-home-folder" in fired(facts([cmd({"program": "find", "flags": ["name", "delete"], "deletes": [{"path": "~/projects/$?", "dynamic": true, "glob": false, "resolved": "/~/projects", "classes": ["home", "picked"]}]})]))

test_delete_service_data_denied if {
	every path in ["/var/lib/docker", "/var/lib/postgresql/15/main", "/var/lib/*", "/srv/www"] {
		inp := facts([rm_r(p(path, ["system-data"]))])
		"tools.delete-service-data" in fired(inp)
		verdict_of(inp) == "deny"
	}
}

test_delete_service_data_not_package_lists if not "tools.delete-service-data" in fired(facts([rm_r(p("/var/lib/apt/lists/*", ["system-data"]))]))

test_delete_service_data_not_elsewhere if not "tools.delete-service-data" in fired(facts([rm_r(p("/var/cache/app", ["system-data"]))]))

test_find_delete_all_denied if {
	inp := facts([cmd({"program": "find", "flags": ["type", "delete"], "deletes": [p(".", ["workspace", "workspace-root"])]})])
	"tools.find-delete-all" in fired(inp)
	verdict_of(inp) == "deny"
}

test_find_delete_picked_is_not_all if not "tools.find-delete-all" in fired(facts([cmd({"program": "find", "flags": ["name", "delete"], "deletes": [p(".", ["workspace", "workspace-root", "picked"])]})]))

test_find_delete_of_a_subfolder_is_not_all if not "tools.find-delete-all" in fired(facts([cmd({"program": "find", "flags": ["delete"], "deletes": [p("build", ["workspace"])]})]))

test_tool_output_in_workspace_is_not_a_workspace_write if {
	inp := facts([cmd({"program": "black", "tool": tool("build"), "writes": [p(".", ["workspace", "workspace-root", "tool-output"])]})])
	not "fs.write-workspace" in fired(inp)
	verdict_of(inp) == "allow"
}

test_tool_output_outside_is_still_a_write if "fs.write-outside" in fired(facts([cmd({"program": "black", "tool": tool("build"), "writes": [p("/tmp/x", ["tmp", "outside", "tool-output"])]})]))

test_other_workspace_write_still_asks if "fs.write-workspace" in fired(facts([cmd({"program": "black", "tool": tool("build"), "writes": [p(".", ["workspace", "workspace-root"])]})]))

rm_ws(path) := facts([cmd({"program": "rm", "flags": ["r", "f"], "deletes": [p(path, ["workspace"])]})])

test_regenerable_output_deleted_without_asking if {
	every path in ["build", "./dist", "node_modules", "packages/a/node_modules", "target/*", "__pycache__", "build/x/y", "app.egg-info"] {
		not "fs.delete-workspace" in fired(rm_ws(path))
		verdict_of(rm_ws(path)) == "allow"
	}
}

test_other_workspace_deletes_still_ask if {
	every path in ["src", "*", "build*", "src/build.ts", "build/../src", "bin", "public"] {
		"fs.delete-workspace" in fired(rm_ws(path))
	}
}

test_regenerable_output_not_when_dynamic if "fs.delete-workspace" in fired(facts([cmd({"program": "rm", "flags": ["r"], "deletes": [{"path": "build/$?", "dynamic": true, "glob": false, "resolved": "build", "classes": ["workspace"]}]})]))

test_mkdir_and_touch_create_without_asking if {
	every prog in ["mkdir", "touch"] {
		inp := facts([cmd({"program": prog, "writes": [p("out", ["workspace"])]})])
		not "fs.write-workspace" in fired(inp)
		verdict_of(inp) == "allow"
	}
}

test_other_programs_writing_still_ask if "fs.write-workspace" in fired(facts([cmd({"program": "cp", "writes": [p("out", ["workspace"])]})]))

test_mkdir_outside_still_asks if "fs.write-outside" in fired(facts([cmd({"program": "mkdir", "writes": [p("/opt/x", ["outside"])]})]))

test_delete_top_folder_denied if {
	every path in ["/data", "/backup/*", "/mnt/storage", "/Volumes/USB", "/opt"] {
		inp := facts([rm_r(p(path, ["outside"]))])
		"tools.delete-top-folder" in fired(inp)
		verdict_of(inp) == "deny"
	}
}

test_delete_top_folder_not_tmp_or_deeper if {
	every path in ["/tmp/build", "/tmp", "/opt/nvim", "/usr/local/go", "/mnt/storage/old"] {
		not "tools.delete-top-folder" in fired(facts([rm_r(p(path, ["outside"]))]))
	}
}

test_rsync_delete_onto_a_home_folder if "tools.delete-home-folder" in fired(facts([cmd({"program": "rsync", "flags": ["a", "delete"], "deletes": [home_path("~/projects/", "/~/projects/")]})]))

test_regenerable_cache_deleted_without_asking if {
	every path in ["/~/.cache/pip", "/~/.npm/_cacache", "/~/.m2/repository/com/acme", "/var/lib/apt/lists/*"] {
		inp := facts([rm_r({"path": path, "dynamic": false, "glob": false, "resolved": path, "classes": ["outside", "home"]})])
		not "fs.delete-outside" in fired(inp)
	}
}

test_other_home_deletes_still_ask if {
	every path in ["/~/notes", "/~/.config", "/~/.m2/settings.xml", "/~/.cache/../notes"] {
		"fs.delete-outside" in fired(facts([rm_r({"path": path, "dynamic": false, "glob": false, "resolved": path, "classes": ["outside", "home"]})]))
	}
}
