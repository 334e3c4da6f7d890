package paladin_test

import rego.v1

test_history_cleared if "antiforensics.history" in fired(facts([cmd({"program": "history", "markers": ["turns-off:history"]})]))

test_history_listed if not "antiforensics.history" in fired(facts([cmd({"program": "history"})]))

test_histfile_unset_by_assignment if "antiforensics.history" in fired(facts_with([cmd({})], {"assignments": [{"name": "HISTFILE", "value": "/dev/null", "dynamic": false, "scope": "export", "command_index": 0}]}))

test_histfile_for_one_command_is_fine if not "antiforensics.history" in fired(facts_with([cmd({})], {"assignments": [{"name": "HISTFILE", "value": "x", "dynamic": false, "scope": "command", "command_index": 0}]}))

test_history_file_emptied if "antiforensics.history" in fired(facts([cmd({"program": ":redirect", "writes": [p("~/.bash_history", ["history", "home"])]})]))

test_history_file_appended_is_fine if not "antiforensics.history" in fired(facts([cmd({"program": "echo", "writes": [p("~/.bash_history", ["history", "home"])], "redirects": [{"op": ">>", "fd": null, "target": "~/.bash_history", "kind": "append", "dynamic": false, "classes": ["history"]}]})]))

test_logs_deleted if "antiforensics.logs" in fired(facts([cmd({"program": "rm", "deletes": [p("/var/log/syslog", ["logs", "system-data"])]})]))

test_logs_old_ones_picked_by_find_are_fine if not "antiforensics.logs" in fired(facts([cmd({"program": "rm", "deletes": [p("/var/log/$?", ["logs", "picked", "dynamic-tail"])]})]))

test_logs_new_file_by_tee_is_fine if not "antiforensics.logs" in fired(facts([cmd({"program": "tee", "writes": [p("/var/log/x.log", ["logs"])]})]))

test_journal_vacuum if "antiforensics.logs" in fired(facts([cmd({"program": "journalctl", "markers": ["turns-off:logs"]})]))
