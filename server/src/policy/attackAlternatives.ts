// Safer ways for the rules that refuse attack-shaped commands (launchers,
// decoded names, credentials, code from data, ...), in the same shape as the
// table in alternatives.ts, which reads this one too.

export const ATTACK_ALTERNATIVES: Record<string, { program?: string; subcommand?: string; text: string }[]> = {
  'fs.delete-home-folder': [{ text: 'name exactly what you mean to delete inside that folder, and look first (`ls -la PATH`)' }],
  'fs.overwrite-home': [{ text: 'unpack or copy into a new folder first (`mkdir out && tar -xf A -C out`), read it, then move the files you want yourself' }],
  'persistence.schedule-from-data': [{ text: 'print the job (`cat FILE`), read it, and add it yourself with `crontab -e`' }],
  'persistence.editor-extension': [{ text: 'install extensions through the editor (`code --install-extension ID`) after reading what they are' }],
  'persistence.git-hook-write': [{ text: 'keep hooks in the repository (e.g. `.githooks/`) and enable them yourself with `git config core.hooksPath .githooks` after reading them' }],
  'persistence.editor-task': [{ text: 'edit the editor\'s settings yourself, in the editor, after reading what the task or shell would run' }],
  'secrets.read-tool-credentials': [{ text: 'check that the file exists (`test -f FILE`) instead of printing it; the tool reads it itself when it needs it' }],
  'secrets.git-history': [{ text: 'list which files the commit touched (`git show --stat REV`) instead of printing a secret' }],
  'secrets.environment-print': [{ text: 'check that the variable is set without printing it: `test -n "${NAME:+x}" && echo set`' }],
  'secrets.variable-names': [{ text: 'name the variable you need and check that it is set (`test -n "${NAME:+x}"`)' }],
  'secrets.keychain': [{ text: 'let the program that needs the secret read it from the keychain itself' }],
  'network.exfiltrate-code': [{ text: 'run the code without network access in the sandbox, or without reading the environment or files' }],
  'container.engine-socket': [{ text: 'use the `docker` command with its default context, run by yourself' }],
  'exec.launched-code': [{ text: 'run the program directly (`find … -exec PROGRAM {} +`) instead of through a shell string' }],
  'exec.pager-escape': [{ text: 'page the text without commands in it: `… | cat`' }],
  'exec.shell-from-data': [{ text: 'read the script first (`less FILE`), then run the file by name' }],
  'exec.source-outside': [{ text: 'copy the file into the workspace, read it, then source it' }],
  'exec.prompt-expansion': [{ text: 'print the value as text (`printf \'%s\\n\' "$NAME"`) instead of expanding it as a prompt' }],
  'exec.trap-substituted': [{ text: 'write the trap\'s command out in the line (`trap \'rm -f "$tmp"\' EXIT`)' }],
  'exec.build-shell': [{ text: 'run the build with its own shell and repository (drop SHELL=, --script-shell and GIT_DIR)' }],
  'obfuscation.decoded-command': [{ text: 'write the command out in the line instead of decoding it' }],
  'env.path-writable': [{ text: 'call the program by its full path, or put a folder only you can write ahead of PATH (`~/.local/bin`)' }],
  'env.alias-privileged': [{ text: 'call the program by its own name; do not redefine sudo, su or ssh' }],
};
