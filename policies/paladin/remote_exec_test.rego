package paladin_test

import rego.v1

curl_stage := cmd({"program": "curl", "network": true, "pipeline": 0, "stage": 0})

sh_stage := cmd({"program": "sh", "shell": true, "runs_code": "stdin", "stdin": "pipe", "pipeline": 0, "stage": 1})

test_pipe_to_shell if {
	inp := facts([curl_stage, sh_stage])
	"remote.pipe-to-shell" in fired(inp)
	verdict_of(inp) == "deny"
}

test_pipe_to_shell_not_other_pipeline if not "remote.pipe-to-shell" in fired(facts([object.union(curl_stage, {"pipeline": 1}), sh_stage]))

test_process_substitution if "remote.process-substitution" in fired(facts([
	cmd({"program": "bash", "shell": true, "runs_code": "process-substitution"}),
	cmd({"program": "curl", "network": true, "parent": 0, "via": "process-substitution-in"}),
]))

test_process_substitution_local if not "remote.process-substitution" in fired(facts([
	cmd({"program": "bash", "shell": true, "runs_code": "process-substitution"}),
	cmd({"program": "echo", "parent": 0, "via": "process-substitution-in"}),
]))

test_substitution_code if "remote.substitution-code" in fired(facts([
	cmd({"program": "sh", "shell": true, "runs_code": "inline", "code_dynamic": true}),
	cmd({"program": "curl", "network": true, "parent": 0, "via": "command-substitution"}),
]))

test_substitution_code_eval if "remote.substitution-code" in fired(facts([
	cmd({"program": "eval", "runs_code": "inline", "code_dynamic": true}),
	cmd({"program": "wget", "network": true, "parent": 0, "via": "command-substitution"}),
]))

test_substitution_code_local if not "remote.substitution-code" in fired(facts([
	cmd({"program": "sh", "shell": true, "runs_code": "inline", "code_dynamic": true}),
	cmd({"program": "echo", "parent": 0, "via": "command-substitution"}),
]))

test_download_then_run if "remote.download-then-run" in fired(facts([
	cmd({"program": "curl", "network": true, "writes": [p("/tmp/x.sh", ["tmp"])]}),
	cmd({"program": "sh", "shell": true, "runs_code": "script", "reads": [p("/tmp/x.sh", ["tmp"])]}),
]))

test_download_then_run_other_file if not "remote.download-then-run" in fired(facts([
	cmd({"program": "curl", "network": true, "writes": [p("/tmp/x.sh", ["tmp"])]}),
	cmd({"program": "sh", "shell": true, "runs_code": "script", "reads": [p("build.sh", ["workspace"])]}),
]))

test_decode_to_shell if "obfuscation.decode-to-shell" in fired(facts([
	cmd({"program": "base64", "decodes": true, "pipeline": 0, "stage": 0}),
	sh_stage,
]))

test_decode_to_shell_substitution if "obfuscation.decode-to-shell" in fired(facts([
	cmd({"program": "sh", "shell": true, "runs_code": "inline", "code_dynamic": true}),
	cmd({"program": "base64", "decodes": true, "parent": 0}),
]))

test_decode_not_into_shell if not "obfuscation.decode-to-shell" in fired(facts([
	cmd({"program": "base64", "decodes": true, "pipeline": 0, "stage": 0}),
	cmd({"program": "wc", "stdin": "pipe", "pipeline": 0, "stage": 1}),
]))

test_download_then_run_program_path if "remote.download-then-run" in fired(facts([cmd({"program": "curl", "network": true, "writes": [p("x", ["workspace"])]}), cmd({"program": "x", "path_given": true, "name": "./x", "markers": ["runs-file:x"]})]))

test_download_then_run_other if not "remote.download-then-run" in fired(facts([cmd({"program": "curl", "network": true, "writes": [p("x", ["workspace"])]}), cmd({"program": "y", "path_given": true, "name": "./y", "markers": ["runs-file:y"]})]))

test_process_substitution_out_into_shell if "remote.pipe-to-shell" in fired(facts([cmd({"program": "curl", "network": true}), cmd({"program": "bash", "shell": true, "runs_code": "stdin", "stdin": "pipe", "parent": 0, "via": "process-substitution-out"})]))
