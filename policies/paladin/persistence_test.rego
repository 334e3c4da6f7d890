package paladin_test

import rego.v1

test_shell_rc if "persistence.shell-rc" in fired(facts([cmd({"program": "echo", "writes": [p("~/.bashrc", ["home", "shell-rc"])]})]))

test_shell_rc_not_read if not "persistence.shell-rc" in fired(facts([cmd({"program": "cat", "reads": [p("~/.bashrc", ["home", "shell-rc"])]})]))

test_autostart if "persistence.autostart" in fired(facts([cmd({"program": "tee", "writes": [p("/etc/cron.d/x", ["persistence", "system"])]})]))

test_autostart_not_plain if not "persistence.autostart" in fired(facts([cmd({"program": "tee", "writes": [p("x", ["workspace"])]})]))

test_scheduler if "persistence.scheduler" in fired(facts([cmd({"program": "crontab", "args": ["-"]})]))

test_scheduler_systemctl if "persistence.scheduler" in fired(facts([cmd({"program": "systemctl", "subcommand": "enable"})]))

test_scheduler_listing_is_fine if not "persistence.scheduler" in fired(facts([cmd({"program": "crontab", "flags": ["l"]})]))

test_git_hooks if "persistence.git-hooks" in fired(facts([cmd({"program": "echo", "writes": [p(".git/hooks/pre-commit", ["git", "git-config", "workspace"])]})]))

test_git_hooks_editor if "persistence.git-hooks" in fired(facts([cmd({"program": "echo", "writes": [p(".vscode/tasks.json", ["editor-config", "workspace"])]})]))

test_git_hooks_not_plain if not "persistence.git-hooks" in fired(facts([cmd({"program": "echo", "writes": [p("src/a.ts", ["workspace"])]})]))

test_startup_file if "persistence.startup-file" in fired(facts([cmd({"program": "echo", "writes": [p("~/.gitconfig", ["home", "startup"])]})]))

test_startup_file_read_is_fine if not "persistence.startup-file" in fired(facts([cmd({"program": "cat", "reads": [p("~/.gitconfig", ["home", "startup"])]})]))

test_install_user_unit if "persistence.install" in fired(facts([cmd({"program": "systemctl", "flags": ["user"], "args": ["--user", "enable", "x.service"]})]))

test_install_system_unit_asks_only if not "persistence.install" in fired(facts([cmd({"program": "systemctl", "args": ["enable", "nginx"]})]))

test_global_git_config if "persistence.global-config" in fired(facts([cmd({"program": "git", "markers": ["git-config-global"]})]))

test_local_git_config if not "persistence.global-config" in fired(facts([cmd({"program": "git"})]))

test_crontab_from_file if "persistence.schedule-from-data" in fired(facts([cmd({"program": "crontab", "positionals": ["/tmp/x"]})]))

test_crontab_from_pipe if "persistence.schedule-from-data" in fired(facts([cmd({"program": "crontab", "positionals": ["-"], "stdin": "pipe"})]))

test_crontab_list_is_fine if not "persistence.schedule-from-data" in fired(facts([cmd({"program": "crontab", "flags": ["l"]})]))

test_at_from_file if "persistence.schedule-from-data" in fired(facts([cmd({"program": "at", "flags": ["f"], "positionals": ["now"]})]))

test_at_queue_list_is_fine if not "persistence.schedule-from-data" in fired(facts([cmd({"program": "at", "flags": ["l"]})]))

test_editor_extension_write if "persistence.editor-extension" in fired(write([p("/~/.vscode/extensions/x/e.js", ["home", "home-hidden"])]))

test_editor_server_write if "persistence.editor-extension" in fired(write([p("/~/.vscode-server/data/x", ["home", "home-hidden"])]))

test_other_dot_folder_is_not_editor if not "persistence.editor-extension" in fired(write([p("/~/.vscodex/x", ["home", "home-hidden"])]))

test_git_hook_write if "persistence.git-hook-write" in fired(write([p(".git/hooks/pre-commit", ["workspace", "git-config"])]))

test_git_config_write_is_not_a_hook if not "persistence.git-hook-write" in fired(write([p(".git/config", ["workspace", "git-config"])]))

test_tasks_json_write if "persistence.editor-task" in fired(write([p(".vscode/tasks.json", ["workspace", "editor-config"])]))

test_settings_terminal_shell if "persistence.editor-task" in fired(facts([cmd({"program": "echo", "args": ["{\"terminal.integrated.shell.linux\": \"/tmp/x\"}"], "writes": [p(".vscode/settings.json", ["workspace", "editor-config"])]})]))

test_settings_font_size_is_not_a_task if not "persistence.editor-task" in fired(facts([cmd({"program": "echo", "args": ["{\"editor.fontSize\": 14}"], "writes": [p(".vscode/settings.json", ["workspace", "editor-config"])]})]))

test_brace_names_shell_rc if "persistence.shell-rc" in fired(write([p("/~/.bash{rc,_profile}", ["home", "home-hidden"])]))

test_brace_names_other_files if not "persistence.shell-rc" in fired(write([p("/~/notes/{a,b}.txt", ["home"])]))
