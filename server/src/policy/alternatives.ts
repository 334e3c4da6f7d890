// Safer ways to get the same done, keyed by rule id and narrowed by the
// program (and subcommand) that fired the rule. A verdict shows one when it
// exists; none is invented where no safer form of the command exists.

import type { CommandFact } from './factsTypes';

interface Alternative {
  program?: string;
  subcommand?: string;
  text: string;
}

const TABLE: Record<string, Alternative[]> = {
  'repo.change': [
    { program: 'git', subcommand: 'clean', text: 'use `git clean -n` (add the same -d/-x flags) to preview what would be deleted' },
    { program: 'git', subcommand: 'reset', text: 'keep your work first: `git stash` (or `git branch backup`) before resetting' },
    { program: 'git', subcommand: 'checkout', text: '`git stash` first keeps uncommitted changes that a checkout would overwrite' },
  ],
  'repo.rewrite': [{ program: 'git', text: 'make a backup branch first (`git branch backup`), so the old history stays reachable' }],
  'repo.force-push': [{ program: 'git', text: 'push to a new branch instead (`git push origin HEAD:refs/heads/NEW-BRANCH`) and merge it there; never overwrite shared history' }],
  'repo.delete-history': [{ text: 'keep the history: to start over, clone a fresh copy into another folder instead of deleting .git' }],
  'fs.delete-workspace': [
    { program: 'git', subcommand: 'clean', text: 'use `git clean -n` (add the same -d/-x flags) to preview what would be deleted' },
    { program: 'rm', text: 'look first (`ls -la PATH`), or move it aside (`mv PATH PATH.old`) and delete it once you are sure' },
    { program: 'find', text: 'run the same `find` without `-delete` first to list what it would remove' },
  ],
  'fs.delete-root': [{ text: 'name exactly the folders you mean, inside the workspace (e.g. `rm -rf ./build`)' }],
  'fs.delete-system': [{ text: 'name exactly the folders you mean, inside the workspace (e.g. `rm -rf ./build`)' }],
  'fs.delete-home': [{ text: 'name exactly the folders you mean, inside the workspace (e.g. `rm -rf ./build`)' }],
  'fs.delete-outside': [{ text: 'delete only inside the workspace; for scratch files use the sandbox\'s /tmp' }],
  'fs.write-outside': [{ text: 'write inside the workspace (e.g. `./out/`) and copy the result out yourself' }],
  'fs.world-writable': [{ program: 'chmod', text: 'give write access to the owner only (`chmod u+w FILE`, or `chmod 755` for folders and `644` for files)' }],
  'remote.pipe-to-shell': [{ text: 'download to a file, read it, then run it: `curl -fsSLo install.sh URL && less install.sh`' }],
  'remote.download-then-run': [{ text: 'read what was downloaded before running it, or verify its checksum against the publisher\'s' }],
  'remote.process-substitution': [{ text: 'download to a file, read it, then run it: `curl -fsSLo install.sh URL && less install.sh`' }],
  'exec.pipe-to-shell': [{ text: 'write the script to a file, read it, then run the file' }],
  'obfuscation.decode-to-shell': [{ text: 'decode to a file and read it first (`base64 -d < IN > decoded.sh && less decoded.sh`)' }],
  'secrets.read': [
    { program: 'cat', text: 'check that the file exists (`test -f FILE`) instead of printing it; for SSH keys show the fingerprint of the public key (`ssh-keygen -lf KEY.pub`)' },
    { text: 'check that the secret exists without printing it (`test -f FILE`)' },
  ],
  'secrets.read-workspace': [{ text: 'list the variable names without their values: `cut -d= -f1 .env`' }],
  'privilege.sudo': [{ text: 'run it without sudo: the sandbox needs no root for work inside the workspace' }],
  'persistence.shell-rc': [{ text: 'print the line and add it to your shell\'s start-up file yourself, after reading it' }],
  'persistence.git-hooks': [{ text: 'keep hooks in the repository (e.g. `.githooks/`) and enable them yourself with `git config core.hooksPath .githooks` after reading them' }],
  'resources.kill-all': [{ text: 'stop one process by id: find it with `pgrep -a NAME`, then `kill PID`' }],
  'env.path': [{ text: 'call the program by its full path instead of changing PATH' }],
  'exec.git-config': [{ text: 'set the option in the repository\'s config yourself after reading it, not with -c on the command line' }],
  'network.access': [{ program: 'curl', text: 'run it offline in the sandbox first; if a download is needed, save it to a file (`curl -fsSLo FILE URL`) and read it before use' }],
  'unknown.program': [{ text: 'look it up first: `type PROGRAM` and `PROGRAM --help` tell what it is' }],
  'tools.destroy': [
    { program: 'terraform', subcommand: 'state', text: 'back the state up first (`terraform state pull > backup.tfstate`); to stop managing a resource, write a `removed` block and read the plan' },
    { program: 'terraform', text: 'preview first with `terraform plan -destroy` (or `terraform plan`), then run the apply yourself after reading the plan' },
    { program: 'tofu', text: 'preview first with `tofu plan -destroy` (or `tofu plan`), then run the apply yourself after reading the plan' },
    { program: 'kubectl', text: 'list what would go first: the same command with `--dry-run=client -o name`' },
    { program: 'helm', text: 'look at what the release owns first: `helm status RELEASE` and `helm get manifest RELEASE`' },
    { program: 'docker', text: 'look first (`docker system df`, `docker ps -a`, `docker volume ls`) and remove what you name, one by one' },
    { program: 'psql', text: 'count what it would touch first (`SELECT count(*) FROM … WHERE …`), then run it yourself inside BEGIN … ROLLBACK' },
    { program: 'mysql', text: 'count what it would touch first (`SELECT COUNT(*) FROM … WHERE …`), then run it yourself inside a transaction' },
    { program: 'git', subcommand: 'clean', text: 'use `git clean -n` (add the same -d/-x flags) to preview what would be deleted' },
    { program: 'git', subcommand: 'push', text: 'push to a new branch instead (`git push origin HEAD:refs/heads/NEW-BRANCH`) and merge it there' },
    { program: 'git', subcommand: 'branch', text: 'make sure its commits are merged or pushed first (`git branch -d` refuses otherwise), or keep a backup tag' },
    { program: 'git', text: 'keep a copy first: `git bundle create ../backup.bundle --all` holds every branch, tag and commit' },
    { program: 'aws', text: 'list first (`aws s3 ls --recursive`, `--dryrun` for s3 commands, `--dry-run` for ec2)' },
    { program: 'pulumi', text: 'preview first with `pulumi preview --diff` (or `pulumi destroy --preview-only`), then run it yourself' },
    { program: 'cdk', text: 'preview first with `cdk diff`, then run it yourself' },
    { program: 'cdktf', text: 'preview first with `cdktf diff`, then run it yourself' },
    { program: 'helmfile', text: 'preview first with `helmfile diff`, then run it yourself' },
    { program: 'gh', text: 'look first (`gh repo view`, `gh release view TAG`), then run it yourself; archive instead of deleting where you can (`gh repo archive`)' },
    { program: 'crontab', text: 'save a copy first (`crontab -l > crontab.bak`) and edit with `crontab -e`' },
    { program: 'brew', text: 'see what depends on it first (`brew uses --installed NAME`)' },
    { program: 'npm', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'pnpm', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'yarn', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'pip', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'pip3', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'gem', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'cargo', text: 'check what still uses it first; to remove a package from one project, remove it there (`npm uninstall NAME` without -g, or inside a virtual environment)' },
    { program: 'heroku', text: 'back up first (`heroku pg:backups:capture`), then run it yourself' },
    { program: 'supabase', text: 'dump first (`supabase db dump -f backup.sql`), then run it yourself' },
    { program: 'firebase', text: 'export first (`gcloud firestore export gs://BUCKET`), then run it yourself' },
    { program: 'vercel', text: 'look first (`vercel ls`, `vercel env ls`), then run it yourself' },
    { program: 'fly', text: 'look first (`fly status`, `fly volumes list`), then run it yourself' },
    { program: 'flyctl', text: 'look first (`flyctl status`, `flyctl volumes list`), then run it yourself' },
    { program: 'wrangler', text: 'export first (`wrangler d1 export DB --output backup.sql`), then run it yourself' },
  ],
  'tools.publish': [
    { program: 'npm', text: 'check what would be published with `npm pack --dry-run`, then publish yourself' },
    { program: 'cargo', text: 'check with `cargo publish --dry-run`, then publish yourself' },
    { program: 'docker', text: 'push a versioned tag (`docker push IMAGE:1.2.3`) and move `latest` yourself once that version is tested' },
    { program: 'git', text: 'keep the file out of the history: add it to .gitignore and commit an example without values (`.env.example`)' },
  ],
  'tools.delete-if-empty': [{ text: 'write the variable as `${NAME:?}` so the shell stops when it is unset or empty' }],
  'tools.delete-if-output-empty': [{ text: 'keep the output in a variable and stop when it is empty: `d=$(…) && rm -rf "${d:?}/"…`' }],
  'tools.delete-home-folder': [{ text: 'delete only what you mean inside it (e.g. `rm -rf ~/projects/old-app`), after `ls` shows it' }],
  'tools.delete-service-data': [{ text: 'let the service remove its own data (`docker system df`, then `docker volume rm NAME`; `dropdb NAME`), or stop it and move the folder aside first' }],
  'tools.delete-top-folder': [{ text: 'name the folders you mean inside it, after `ls` shows them; for a drive, unmount it rather than emptying it' }],
  'tools.find-delete-all': [{ text: 'run the same `find` without `-delete` first, and add the test that picks what you mean (`-name \'*.pyc\'`)' }],
  'tools.cd-then-delete': [{ text: 'join them so the delete only runs in the folder you meant: `cd DIR && rm -rf ./*`' }],
  'tools.recursive-permissions': [{ text: 'change only the folder you mean, inside it (e.g. `chmod -R u+rwX ./project`)' }],
};

export function alternativeFor(ruleId: string, command: CommandFact | undefined): string | undefined {
  const list = TABLE[ruleId];
  if (!list) return undefined;
  for (const a of list) {
    if (a.program !== undefined && a.program !== command?.program) continue;
    if (a.subcommand !== undefined && a.subcommand !== command?.subcommand) continue;
    return a.text;
  }
  return undefined;
}
