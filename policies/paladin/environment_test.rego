package paladin_test

import rego.v1

var_set(name, value) := {"name": name, "value": value, "dynamic": false, "scope": "export", "command_index": 0}

test_poison if "env.poison" in fired(facts_with([cmd({})], {"assignments": [var_set("LD_PRELOAD", "/tmp/x.so")]}))

test_poison_not_other if not "env.poison" in fired(facts_with([cmd({})], {"assignments": [var_set("NODE_ENV", "test")]}))

test_poison_pager_cat_is_fine if not "env.poison" in fired(facts_with([cmd({})], {"assignments": [var_set("PAGER", "cat")]}))

test_path if "env.path" in fired(facts_with([cmd({})], {"assignments": [var_set("PATH", "/tmp")]}))

test_path_not_other if not "env.path" in fired(facts_with([cmd({})], {"assignments": [var_set("HOME_DIR", "/tmp")]}))

test_ifs if "env.ifs" in fired(facts_with([cmd({})], {"assignments": [var_set("IFS", "/")]}))

test_ifs_for_read_alone if not "env.ifs" in fired(facts_with([cmd({"program": "read"})], {"assignments": [object.union(var_set("IFS", ""), {"scope": "command"})]}))

test_ifs_for_another_program if "env.ifs" in fired(facts_with([cmd({"program": "sh"})], {"assignments": [object.union(var_set("IFS", ""), {"scope": "command"})]}))

test_ifs_for_the_shell if "env.ifs" in fired(facts_with([cmd({"program": "read"})], {"assignments": [object.union(var_set("IFS", ""), {"scope": "shell"})]}))

test_ifs_not_other if not "env.ifs" in fired(facts([cmd({})]))

test_alias if "env.alias" in fired(facts_with([cmd({"program": "alias"})], {"aliases": [{"name": "ls", "value": "rm"}]}))

test_alias_none if not "env.alias" in fired(facts([cmd({"program": "alias"})]))

test_shadow_function if "env.shadow-function" in fired(facts_with([cmd({})], {"functions": [{"name": "ls", "calls_self": false, "self_call_spawns": false, "shadows_program": true}]}))

test_shadow_function_own_name if not "env.shadow-function" in fired(facts_with([cmd({})], {"functions": [{"name": "build_all", "calls_self": false, "self_call_spawns": false, "shadows_program": false}]}))

test_hash_path if "env.path" in fired(facts([cmd({"program": "hash", "markers": ["hash-path"]})]))

test_hash_plain if not "env.path" in fired(facts([cmd({"program": "hash"})]))

test_poison_git_config_env if "env.poison" in fired(facts_with([cmd({})], {"assignments": [{"name": "GIT_CONFIG_KEY_0", "value": "core.pager", "dynamic": false, "scope": "command", "command_index": 0}]}))

test_poison_ld_prefix if "env.poison" in fired(facts_with([cmd({})], {"assignments": [{"name": "LD_AUDIT", "value": "/x.so", "dynamic": false, "scope": "export", "command_index": 0}]}))

test_manpager_less_is_fine if not "env.poison" in fired(facts_with([cmd({})], {"assignments": [{"name": "MANPAGER", "value": "less", "dynamic": false, "scope": "command", "command_index": 0}]}))

test_enable_builtin if "env.enable-builtin" in fired(facts([cmd({"program": "enable", "flags": ["f"]})]))

test_enable_list_is_fine if not "env.enable-builtin" in fired(facts([cmd({"program": "enable"})]))

test_shell_option if "env.shell-option" in fired(facts([cmd({"program": "shopt", "args": ["-s", "expand_aliases"]})]))

test_shell_option_other if not "env.shell-option" in fired(facts([cmd({"program": "shopt", "args": ["-s", "nullglob"]})]))

less_env(value, dynamic) := facts_with([cmd({"program": "git"})], {"assignments": [{"name": "LESS", "value": value, "dynamic": dynamic, "scope": "command", "command_index": 0}]})

test_less_options_running_a_command if verdict_of(less_env("+!id", false)) == "deny"

test_less_options_piping_to_a_command if verdict_of(less_env("-R +|sh", false)) == "deny"

test_less_plain_options_are_fine if not "env.pager-command" in fired(less_env("-FRX", false))

test_less_options_at_run_time_ask if "env.pager-command" in fired(less_env("$?", true))

test_path_writable_entry if "env.path-writable" in fired(facts_with([cmd({})], {"assignments": [var_set("PATH", "/tmp:$?")]}))

test_path_shm_entry if "env.path-writable" in fired(facts_with([cmd({})], {"assignments": [var_set("PATH", "/usr/bin:/dev/shm/x")]}))

test_path_home_bin_only_asks if not "env.path-writable" in fired(facts_with([cmd({})], {"assignments": [var_set("PATH", "~/.local/bin:$?")]}))

test_alias_sudo if "env.alias-privileged" in fired(facts_with([cmd({})], {"aliases": [{"name": "sudo", "value": "/tmp/x"}]}))

test_alias_ll_only_asks if not "env.alias-privileged" in fired(facts_with([cmd({})], {"aliases": [{"name": "ll", "value": "ls -l"}]}))

test_make_shell if "exec.build-shell" in fired(facts([cmd({"program": "make", "positionals": ["SHELL=/tmp/x"]})]))

test_make_variable if not "exec.build-shell" in fired(facts([cmd({"program": "make", "positionals": ["CC=clang"]})]))

test_npm_script_shell if "exec.build-shell" in fired(facts([cmd({"program": "npm", "markers": ["outside-code:--script-shell /tmp/x"]})]))

test_git_dir_outside if "exec.build-shell" in fired(facts([cmd({"program": "git", "markers": ["outside-code:GIT_DIR=/tmp/x"]})]))

test_npm_prefix_outside_only_asks if not "exec.build-shell" in fired(facts([cmd({"program": "npm", "markers": ["outside-code:--prefix /tmp/x"]})]))

test_make_system_shell_is_fine if not "exec.build-shell" in fired(facts([cmd({"program": "make", "positionals": ["SHELL=/bin/bash"]})]))

test_npm_config_script_shell if "exec.build-shell" in fired(facts([cmd({"program": "npm", "positionals": ["config", "set", "script-shell", "/tmp/x"]})]))

test_npm_config_other_key_is_fine if not "exec.build-shell" in fired(facts([cmd({"program": "npm", "positionals": ["config", "set", "fund", "false"]})]))

test_alias_docker_to_podman_only_asks if not "env.alias-privileged" in fired(facts_with([cmd({})], {"aliases": [{"name": "docker", "value": "podman"}]}))
