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
