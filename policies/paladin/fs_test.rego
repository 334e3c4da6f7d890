package paladin_test

import rego.v1

rm(paths) := facts([cmd({"program": "rm", "deletes": paths})])

write(paths) := facts([cmd({"program": "cp", "writes": paths})])

test_delete_root if "fs.delete-root" in fired(rm([p("/", ["root"])]))

test_delete_root_not_for_workspace if not "fs.delete-root" in fired(rm([p("build", ["workspace"])]))

test_delete_system if "fs.delete-system" in fired(rm([p("/etc", ["system"])]))

test_delete_system_not_tmp if not "fs.delete-system" in fired(rm([p("/tmp/x", ["tmp"])]))

test_delete_home if "fs.delete-home" in fired(rm([p("~", ["home", "home-root"])]))

test_delete_home_not_workspace if not "fs.delete-home" in fired(rm([p("x", ["workspace"])]))

test_write_root if "fs.write-root" in fired(write([p("/*", ["root", "glob"])]))

test_write_root_not_workspace if not "fs.write-root" in fired(write([p("x", ["workspace"])]))

test_write_system if "fs.write-system" in fired(write([p("/etc/hosts", ["system"])]))

test_write_system_not_workspace if not "fs.write-system" in fired(write([p("etc/hosts", ["workspace"])]))

test_write_home_asks if {
	inp := write([p("~/notes", ["home"])])
	"fs.write-outside" in fired(inp)
	verdict_of(inp) == "ask"
}

test_delete_in_home_asks if {
	inp := rm([p("~/old/notes.txt", ["home"])])
	"fs.delete-outside" in fired(inp)
	not "fs.delete-home" in fired(inp)
}

test_delete_system_data_asks if {
	inp := rm([p("/var/log/app/x.log", ["system-data"])])
	verdict_of(inp) == "ask"
}

test_delete_outside if "fs.delete-outside" in fired(rm([p("/tmp/x", ["tmp"])]))

test_delete_outside_not_workspace if not "fs.delete-outside" in fired(rm([p("x", ["workspace"])]))

test_write_outside if "fs.write-outside" in fired(write([p("../x", ["outside", "parent"])]))

test_write_outside_not_workspace if not "fs.write-outside" in fired(write([p("x", ["workspace"])]))

test_delete_workspace_asks if {
	inp := rm([p("src", ["workspace"])])
	"fs.delete-workspace" in fired(inp)
	verdict_of(inp) == "ask"
}

test_delete_workspace_not_on_read if not "fs.delete-workspace" in fired(facts([cmd({"reads": [p("x", ["workspace"])]})]))

test_write_workspace_asks if {
	inp := write([p("out.txt", ["workspace"])])
	"fs.write-workspace" in fired(inp)
	verdict_of(inp) == "ask"
}

test_write_workspace_not_on_read if not "fs.write-workspace" in fired(facts([cmd({"reads": [p("x", ["workspace"])]})]))

test_unknown_target if "fs.unknown-target" in fired(rm([p("$?", ["unknown-location"])]))

test_unknown_target_not_known if not "fs.unknown-target" in fired(rm([p("x", ["workspace"])]))

test_world_writable if "fs.world-writable" in fired(facts([cmd({"program": "chmod", "markers": ["world-writable"]})]))

test_world_writable_not_plain if not "fs.world-writable" in fired(facts([cmd({"program": "chmod"})]))

test_delete_ancestor if "fs.delete-ancestor" in fired(facts([cmd({"program": "rm", "deletes": [p("..", ["outside", "parent", "workspace-ancestor"])]})]))

test_delete_sibling_is_not_ancestor if not "fs.delete-ancestor" in fired(facts([cmd({"program": "rm", "deletes": [p("../other", ["outside", "parent"])]})]))

test_modify_home_recursive if "fs.modify-home" in fired(facts([cmd({"program": "chmod", "flags": ["R"], "writes": [p("~", ["home", "home-root", "own-home"])]})]))

test_modify_home_not_recursive if not "fs.modify-home" in fired(facts([cmd({"program": "chmod", "writes": [p("~", ["home", "home-root", "own-home"])]})]))

test_modify_other_home if not "fs.modify-home" in fired(facts([cmd({"program": "chown", "flags": ["R"], "writes": [p("/home/bob", ["home", "home-root"])]})]))

test_write_home if "fs.write-home" in fired(facts([cmd({"program": "cp", "writes": [p("~", ["home", "home-root"])]})]))

test_write_home_subfolder_is_outside if not "fs.write-home" in fired(facts([cmd({"program": "cp", "writes": [p("~/x", ["home"])]})]))

home(path, classes) := {"path": path, "dynamic": false, "glob": false, "resolved": path, "classes": classes}

test_delete_home_top_folder if "fs.delete-home-folder" in fired(rm([home("/~/Documents", ["home", "own-home"])]))

test_delete_home_dot_folder if "fs.delete-home-folder" in fired(rm([home("/~/.config", ["home", "home-hidden"])]))

test_delete_home_cache_is_not_a_home_folder if not "fs.delete-home-folder" in fired(rm([home("/~/.cache", ["home", "home-hidden"])]))

test_delete_deeper_in_home_is_not_a_home_folder if not "fs.delete-home-folder" in fired(rm([home("/~/projects/old/build", ["home"])]))

test_delete_system_state if "fs.delete-system" in fired(rm([p("/var/lib/dpkg", ["system-data"])]))

test_delete_home_folders if "fs.delete-system" in fired(rm([p("/home", ["outside"])]))

test_delete_file_in_var_lib_is_not_state_folder if not "fs.delete-system" in fired(rm([p("/var/lib/app/cache/x.tmp", ["system-data"])]))

test_extract_into_home if "fs.overwrite-home" in fired(facts([cmd({"program": "tar", "flags": ["x", "f", "C"], "writes": [p("/~", ["home", "home-root"])]})]))

test_copy_contents_into_home if "fs.overwrite-home" in fired(facts([cmd({"program": "cp", "flags": ["r"], "positionals": ["x/.", "~/"], "writes": [p("/~", ["home", "home-root"])]})]))

test_copy_one_file_into_home_only_asks if not "fs.overwrite-home" in fired(facts([cmd({"program": "cp", "positionals": ["notes.txt", "~/"], "writes": [p("/~", ["home", "home-root"])]})]))

test_extract_into_workspace_is_fine if not "fs.overwrite-home" in fired(facts([cmd({"program": "tar", "flags": ["x", "f"], "writes": [p("out", ["workspace"])]})]))

find_delete(depth) := facts([
	cmd({"program": "find", "args": ["~", "-maxdepth", depth, "-name", "D*", "-exec", "rm", "-rf", "{}", "+"], "reads": [p("/~", ["home", "home-root"])]}),
	cmd({"program": "rm", "via": "exec", "parent": 0, "deletes": [{"path": "~/$?", "dynamic": true, "glob": false, "resolved": "/~", "classes": ["home", "picked", "dynamic"]}]}),
])

test_find_top_of_home_delete if "fs.delete-home-folder" in fired(find_delete("1"))

test_find_deep_in_home_delete_only_asks if not "fs.delete-home-folder" in fired(find_delete("4"))

test_copy_as_target_directory_into_home if "fs.overwrite-home" in fired(facts([cmd({"program": "cp", "flags": ["r", "T"], "positionals": ["dots", "~"], "writes": [p("/~", ["home", "home-root"])]})]))

test_extract_into_named_user_home if "fs.overwrite-home" in fired(facts([cmd({"program": "tar", "flags": ["x", "f", "C"], "writes": [{"path": "/home/$?", "dynamic": true, "glob": false, "resolved": "/home", "classes": ["outside", "dynamic"]}]})]))

test_extract_into_named_project_folder_is_not_home if not "fs.overwrite-home" in fired(facts([cmd({"program": "tar", "flags": ["x", "f", "C"], "writes": [p("/home/$?/src/app", ["outside", "dynamic"])]})]))
