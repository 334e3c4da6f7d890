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
