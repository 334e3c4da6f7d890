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
