package paladin_test

import rego.v1

test_pipe_to_shell_asks if "exec.pipe-to-shell" in fired(facts([cmd({"program": "echo", "pipeline": 0, "stage": 0}), sh_stage]))

test_pipe_to_shell_not_for_wc if not "exec.pipe-to-shell" in fired(facts([cmd({"program": "wc", "stdin": "pipe", "pipeline": 0, "stage": 1})]))

test_inline_code if "exec.inline-code" in fired(facts([cmd({"program": "python3", "interpreter": true, "runs_code": "inline", "inline_code": "print(1)"})]))

test_inline_code_awk if "exec.inline-code" in fired(facts([cmd({"program": "awk", "runs_command": ["awk-system"]})]))

test_inline_code_not_script if not "exec.inline-code" in fired(facts([cmd({"program": "awk", "inline_code": "{print $1}"})]))

test_dynamic_code if "exec.dynamic-code" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "inline", "code_dynamic": true})]))

test_dynamic_code_literal if not "exec.dynamic-code" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "inline"})]))

test_script if "exec.script" in fired(facts([cmd({"program": "bash", "shell": true, "runs_code": "script", "reads": [p("build.sh", ["workspace"])]})]))

test_script_relative_program if "exec.script" in fired(facts([cmd({"program": "run.sh", "name": "./run.sh", "path_given": true})]))

test_script_not_absolute_system_program if not "exec.script" in fired(facts([cmd({"program": "ls", "name": "/usr/bin/ls", "path_given": true})]))

test_script_program_elsewhere if "exec.script" in fired(facts([cmd({"program": "ls", "name": "/tmp/ls", "path_given": true})]))

test_write_then_run if "exec.write-then-run" in fired(facts([
	cmd({"program": "echo", "writes": [p("x.sh", ["workspace"])]}),
	cmd({"program": "sh", "shell": true, "runs_code": "script", "reads": [p("x.sh", ["workspace"])]}),
]))

test_write_then_run_other_order if not "exec.write-then-run" in fired(facts([
	cmd({"program": "sh", "shell": true, "runs_code": "script", "reads": [p("x.sh", ["workspace"])]}),
	cmd({"program": "echo", "writes": [p("x.sh", ["workspace"])]}),
]))

test_hidden_command if "exec.hidden-command" in fired(facts([cmd({"program": "rg", "runs_command": ["rg-preprocessor"]})]))

test_hidden_command_not_find_exec if not "exec.hidden-command" in fired(facts([cmd({"program": "find", "runs_command": ["exec"]})]))

test_git_config if "exec.git-config" in fired(facts([cmd({"program": "git", "subcommand": "log", "runs_command": ["git-config:core.pager"]})]))

test_git_config_plain if not "exec.git-config" in fired(facts([cmd({"program": "git", "subcommand": "log"})]))

test_ssh_command if "exec.ssh-command" in fired(facts([cmd({"program": "ssh", "runs_command": ["ssh-proxy-command"]})]))

test_ssh_command_plain if not "exec.ssh-command" in fired(facts([cmd({"program": "ssh", "network": true})]))

test_hidden_command_man_pager if "exec.hidden-command" in fired(facts([cmd({"program": "man", "runs_command": ["man-pager"]})]))

test_hidden_command_in_program_text if "exec.hidden-command" in fired(facts([cmd({"program": "sed", "runs_command": ["sed-command"]})]))

test_find_exec_is_not_hidden if not "exec.hidden-command" in fired(facts([cmd({"program": "find", "runs_command": ["exec"]})]))

test_git_subcommand_runs_command_asks if {
	inp := facts([cmd({"program": "git", "runs_command": ["git-rebase-command"]})])
	"exec.hidden-command" in fired(inp)
	not "exec.git-config" in fired(inp)
}

test_git_config_key_denies if "exec.git-config" in fired(facts([cmd({"program": "git", "runs_command": ["git-config:core.pager"]})]))

test_awk_script_file_asks if "exec.script" in fired(facts([cmd({"program": "awk", "runs_code": "script", "reads": [p("prog.awk", ["workspace"])]})]))

test_write_then_run_by_marker if "exec.write-then-run" in fired(facts([cmd({"program": "cp", "writes": [p("x", ["workspace"])]}), cmd({"program": "x", "markers": ["runs-file:x"]})]))

test_run_other_file_is_not_write_then_run if not "exec.write-then-run" in fired(facts([cmd({"program": "cp", "writes": [p("x", ["workspace"])]}), cmd({"program": "y", "markers": ["runs-file:y"]})]))

test_tool_pointed_outside_asks if verdict_of(facts([cmd({"program": "npm", "markers": ["outside-code:/tmp/x"]})])) == "ask"

test_tool_in_workspace_is_fine if not "exec.outside-code" in fired(facts([cmd({"program": "npm"})]))

test_launched_shell_by_find if "exec.launched-code" in fired(facts([
	cmd({"program": "find", "runs_command": ["exec"]}),
	cmd({"program": "sh", "shell": true, "runs_code": "inline", "inline_code": "echo hi", "via": "exec", "parent": 0}),
]))

test_launched_shell_by_xargs if "exec.launched-code" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "inline", "wrappers": ["xargs"]})]))

test_shell_string_inside_shell_is_not_launched if not "exec.launched-code" in fired(facts([
	cmd({"program": "sh", "shell": true, "runs_code": "inline", "inline_code": "bash -c ls"}),
	cmd({"program": "bash", "shell": true, "runs_code": "inline", "via": "shell-string", "parent": 0}),
]))

test_pager_escape if "exec.pager-escape" in fired(facts([cmd({"program": "less", "stdin": "pipe", "markers": ["pager-escape"]})]))

test_pager_plain_input_is_fine if not "exec.pager-escape" in fired(facts([cmd({"program": "less", "stdin": "pipe"})]))

test_shell_from_redirected_file if "exec.shell-from-data" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "script", "stdin": "file"})]))

test_shell_script_argument_is_not_from_data if not "exec.shell-from-data" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "script", "positionals": ["x.sh"]})]))

test_shell_fed_by_file_reader if "exec.shell-from-data" in fired(facts([
	cmd({"program": "cat", "pipeline": 0, "stage": 0, "reads": [p("f", ["workspace"])]}),
	cmd({"program": "bash", "shell": true, "runs_code": "stdin", "stdin": "pipe", "pipeline": 0, "stage": 1}),
]))

test_shell_fed_known_text_is_not_from_data if not "exec.shell-from-data" in fired(facts([
	cmd({"program": "echo", "pipeline": 0, "stage": 0, "args": ["ls"]}),
	cmd({"program": "bash", "shell": true, "runs_code": "stdin", "stdin": "pipe", "pipeline": 0, "stage": 1}),
]))

test_source_from_tmp if "exec.source-outside" in fired(facts([cmd({"program": ".", "runs_code": "script", "reads": [p("/tmp/x", ["tmp"])]})]))

test_source_workspace_is_not_outside if not "exec.source-outside" in fired(facts([cmd({"program": "source", "runs_code": "script", "reads": [p("venv/bin/activate", ["workspace"])]})]))

prompt(assignments) := facts_with([cmd({"program": "echo"})], {"unknown": [{"construct": "prompt-expansion", "detail": "${x@P} expands prompt escapes", "command_index": 0}], "assignments": assignments})

test_prompt_expansion_of_input if "exec.prompt-expansion" in fired(prompt([{"name": "x", "value": "$?", "dynamic": true, "scope": "shell", "command_index": -1}]))

test_prompt_expansion_of_known_text if not "exec.prompt-expansion" in fired(prompt([{"name": "x", "value": "\\u", "dynamic": false, "scope": "shell", "command_index": -1}]))

test_trap_substituted if "exec.trap-substituted" in fired(facts([cmd({"program": "trap", "markers": ["substituted-argument"]})]))

test_trap_plain if not "exec.trap-substituted" in fired(facts([cmd({"program": "trap", "args": ["rm -f x", "EXIT"]})]))

test_launched_shell_by_timeout if "exec.launched-code" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "inline", "wrappers": ["timeout"]})]))

test_shell_by_sudo_is_not_launched if not "exec.launched-code" in fired(facts([cmd({"program": "sh", "shell": true, "runs_code": "inline", "wrappers": ["sudo"]})]))

shell_of_substitution(reads) := facts([
	cmd({"program": "bash", "shell": true, "runs_code": "inline", "code_dynamic": true}),
	cmd({"program": "cat", "via": "command-substitution", "parent": 0, "reads": reads}),
])

test_shell_runs_file_contents if "exec.shell-from-data" in fired(shell_of_substitution([p("f", ["workspace"])]))

test_shell_runs_computed_text_only_asks if not "exec.shell-from-data" in fired(shell_of_substitution([]))

test_source_pattern_of_downloaded_file if "exec.source-outside" in fired(facts([
	cmd({"program": "curl", "network": true, "writes": [p("d.sh", ["workspace"])]}),
	cmd({"program": "source", "runs_code": "script", "reads": [{"path": "./d.s[h]", "dynamic": false, "glob": true, "resolved": "d.s[h]", "classes": ["workspace", "glob"]}]}),
]))

test_source_pattern_of_other_file if not "exec.source-outside" in fired(facts([
	cmd({"program": "curl", "network": true, "writes": [p("d.sh", ["workspace"])]}),
	cmd({"program": "source", "runs_code": "script", "reads": [{"path": "./e.s[h]", "dynamic": false, "glob": true, "resolved": "e.s[h]", "classes": ["workspace", "glob"]}]}),
]))
