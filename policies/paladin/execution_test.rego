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
