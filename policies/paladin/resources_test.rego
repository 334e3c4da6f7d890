package paladin_test

import rego.v1

fn(name, spawns) := {"name": name, "calls_self": true, "self_call_spawns": spawns, "shadows_program": false}

test_fork_bomb if {
	inp := facts_with([cmd({"program": ":"})], {"functions": [fn(":", true)]})
	"resources.fork-bomb" in fired(inp)
	verdict_of(inp) == "deny"
}

test_fork_bomb_plain_recursion if not "resources.fork-bomb" in fired(facts_with([cmd({})], {"functions": [fn("walk", false)]}))

test_endless_loop if "resources.endless-loop" in fired(facts_with([cmd({})], {"loops": [{"endless": true}]}))

test_endless_loop_not_bounded if not "resources.endless-loop" in fired(facts_with([cmd({})], {"loops": [{"endless": false}]}))

test_fill if "resources.fill" in fired(facts([cmd({"program": "yes", "writes": [p("big", ["workspace"])]})]))

test_fill_dd if "resources.fill" in fired(facts([cmd({"program": "dd", "markers": ["unbounded"], "reads": [p("/dev/zero", ["pseudo-device"])]})]))

test_fill_not_yes_to_pipe if not "resources.fill" in fired(facts([cmd({"program": "yes", "pipeline": 0, "stage": 0})]))

test_kill_all if "resources.kill-all" in fired(facts([cmd({"program": "kill", "flags": ["9"], "positionals": ["-1"]})]))

test_kill_all_flag_form if "resources.kill-all" in fired(facts([cmd({"program": "kill", "flags": ["1"]})]))

test_kill_one_pid if not "resources.kill-all" in fired(facts([cmd({"program": "kill", "positionals": ["1234"]})]))

test_shutdown if "system.shutdown" in fired(facts([cmd({"program": "reboot"})]))

test_shutdown_systemctl if "system.shutdown" in fired(facts([cmd({"program": "systemctl", "subcommand": "poweroff"})]))

test_shutdown_not_status if not "system.shutdown" in fired(facts([cmd({"program": "systemctl", "subcommand": "status"})]))

test_kill_all_by_behaviour if "resources.kill-all" in fired(facts([cmd({"program": "pkill", "markers": ["turns-off:processes"]})]))

test_pkill_one_name_is_fine if not "resources.kill-all" in fired(facts([cmd({"program": "pkill", "args": ["node"]})]))

test_power_by_behaviour if "system.shutdown" in fired(facts([cmd({"program": "loginctl", "markers": ["turns-off:power"]})]))

test_loginctl_list_is_fine if not "system.shutdown" in fired(facts([cmd({"program": "loginctl", "args": ["list-sessions"]})]))

test_kill_process_group if "resources.kill-all" in fired(facts([cmd({"program": "kill", "flags": ["9"], "positionals": ["0"]})]))

test_kill_padded_minus_one if "resources.kill-all" in fired(facts([cmd({"program": "kill", "flags": ["K", "I", "L", "L", "0001"]})]))

test_kill_signal_zero_check_is_fine if not "resources.kill-all" in fired(facts([cmd({"program": "kill", "flags": ["s"], "positionals": ["0", "1234"]})]))

test_kill_pid_ending_in_one_is_fine if not "resources.kill-all" in fired(facts([cmd({"program": "kill", "positionals": ["101"]})]))

test_pkill_every_process_of_user if "resources.kill-all" in fired(facts([cmd({"program": "pkill", "flags": ["u"], "positionals": ["$?"]})]))

test_pkill_user_and_name_is_narrow if not "resources.kill-all" in fired(facts([cmd({"program": "pkill", "flags": ["u"], "positionals": ["me", "node"]})]))

test_pkill_every_process_of_uid if "resources.kill-all" in fired(facts([cmd({"program": "pkill", "flags": ["U"], "positionals": ["1000"]})]))

test_kill_everything_ps_lists if "resources.kill-all" in fired(facts([
	cmd({"program": "kill", "positionals": ["$?"]}),
	cmd({"program": "ps", "via": "command-substitution", "parent": 0, "flags": ["e", "o"]}),
]))

test_kill_what_pgrep_finds_is_narrow if not "resources.kill-all" in fired(facts([
	cmd({"program": "kill", "positionals": ["$?"]}),
	cmd({"program": "pgrep", "via": "command-substitution", "parent": 0, "positionals": ["node"]}),
]))
