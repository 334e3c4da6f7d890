// What the describers of platform CLIs, git history, global tool removals
// and whole-folder deletes put into the facts, each shown firing and not
// firing: the deny side is the honest mistake, the other side the everyday
// command it sits next to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy';

const facts = (c: string) => describeCommand(c, { workspace: '/home/dev/project' });
const action = (c: string, i = 0) => facts(c).commands[i]?.tool?.action;
const markers = (c: string) => facts(c).commands.flatMap((k) => k.markers);

test('platform CLIs: a verb that deletes destroys, whatever it acts on; a known read reads; the rest is unknown', () => {
  for (const c of ['pulumi destroy --yes', 'gh repo delete acme/x --yes', 'heroku apps:destroy -a x', 'wrangler kv namespace delete --namespace-id a', 'wrangler kv:namespace delete --binding C', 'databricks clusters permanent-delete 1', 'vercel env rm X production -y', 'supabase db reset', 'railway down', 'gh api -X DELETE repos/a/b', 'gh api --method=delete repos/a/b', 'influx bucket delete -n m']) {
    assert.equal(action(c), 'destroy', c);
  }
  assert.equal(action('gh pr list'), 'read');
  assert.equal(action('gh release list'), 'read', '`release` is a noun, not a verb');
  assert.equal(action('gh api repos/a/b/pulls'), 'read');
  assert.equal(action('pulumi preview'), 'read');
  assert.equal(action('cdk synth'), 'build');
  assert.equal(action('cdk deploy'), 'change');
  assert.equal(action('gh frobnicate'), 'unknown');
  assert.equal(action('pulumi $VERB'), 'unknown');
});

test('a deploy that skips its preview is as final as a destroy', () => {
  assert.equal(action('pulumi up --yes'), 'destroy');
  assert.equal(action('pulumi up'), 'change');
  assert.equal(action('cdk deploy --require-approval never'), 'destroy');
  assert.equal(action('cdk deploy --require-approval broadening'), 'change');
  assert.equal(action('cdktf deploy --auto-approve'), 'destroy');
  assert.equal(action('supabase stop --no-backup'), 'destroy');
  assert.equal(action('supabase stop'), 'change');
});

test('platform reads reach the network; local builds do not', () => {
  assert.equal(facts('gh pr list').commands[0].network, true);
  assert.equal(facts('cdk synth').commands[0].network, false);
  assert.equal(facts('wrangler dev').commands[0].network, false);
});

test('a platform run subcommand judges the command it runs', () => {
  assert.equal(action('doppler run -- npm test', 1), 'build');
  assert.ok(facts('doppler run -- rm -rf ~').commands.some((c) => c.program === 'rm'));
});

test('kubectl aliases, drain --force, podman and nerdctl', () => {
  assert.equal(action('k delete ns prod'), 'destroy');
  assert.equal(action('k get pods'), 'read');
  assert.equal(action('kubectl drain node-1 --force'), 'destroy');
  assert.equal(action('kubectl drain node-1 --ignore-daemonsets'), 'change');
  assert.equal(action('podman system reset'), 'destroy');
  assert.equal(action('podman system df'), 'read');
  assert.equal(action('podman rm -af'), 'destroy');
  assert.equal(action('podman rm web'), 'change');
  assert.equal(action('nerdctl system prune -a'), 'destroy');
});

test('pushing latest publishes; a versioned tag is a change', () => {
  assert.equal(action('docker push myorg/app:latest'), 'publish');
  assert.equal(action('docker push myorg/app'), 'publish');
  assert.equal(action('docker push registry.example.com:5000/app'), 'publish', 'a registry port is not a tag');
  assert.equal(action('docker push myorg/app:1.4.2'), 'change');
  assert.equal(action('terraform state rm aws_instance.x'), 'destroy');
  assert.equal(action('terraform state list'), 'read');
});

test('git: what destroys for good, and its everyday neighbour', () => {
  const pairs: [string, string | undefined][] = [
    ['git clean -fdx', 'destroy'],
    ['git clean -n -dx', undefined],
    ['git clean -d', undefined],
    ['git filter-branch --tree-filter x HEAD', 'destroy'],
    ['git filter-repo --analyze', undefined],
    ['git reflog expire --expire=now --all', 'destroy'],
    ['git reflog', undefined],
    ['git gc --prune=now', 'destroy'],
    ['git gc --prune=2.weeks.ago', undefined],
    ['git update-ref -d refs/heads/main', 'destroy'],
    ['git update-ref refs/heads/backup HEAD', undefined],
    ['git branch -D main', 'destroy'],
    ['git branch -D feature/spike', undefined],
    ['git branch -d main', undefined],
    ['git stash clear', undefined],
  ];
  for (const [c, want] of pairs) assert.equal(action(c), want, c);
});

test('removing a tool for the whole machine destroys; a project removal changes', () => {
  for (const c of ['brew uninstall node', 'npm uninstall -g typescript', 'npm rm --global yarn', 'yarn global remove x', 'pnpm remove -g x', 'cargo uninstall ripgrep', 'gem uninstall rails', 'pip uninstall -y pip', 'python3 -m pip uninstall setuptools', 'sudo pip uninstall requests', 'pipx uninstall black', 'rustup self uninstall', 'conda remove --all -n base', 'conda env remove -n x']) {
    assert.equal(action(c), 'destroy', c);
  }
  for (const c of ['npm uninstall lodash', 'pip uninstall -y requests', 'brew list', 'pipx list', 'conda list']) assert.notEqual(action(c), 'destroy', c);
});

test('a delete path led by a command\'s output is the root when the output is empty', () => {
  assert.ok(markers('rm -rf "$(dirname $X)"/').some((m) => m.startsWith('delete-if-output-empty:dirname:')));
  assert.ok(markers('rm -rf "$(git rev-parse --show-toplevel)/"*').some((m) => m.startsWith('delete-if-output-empty:')));
  assert.ok(!markers('rm -rf "$(pwd)/build"').some((m) => m.startsWith('delete-if-output-empty')), 'pwd always prints');
  assert.ok(!markers('rm -rf "$(dirname $X)/build"').some((m) => m.startsWith('delete-if-output-empty')), '/build is no folder anyone keeps');
});

test('rimraf deletes like rm -rf; crontab -r destroys', () => {
  const f = facts('npx rimraf ~/projects dist');
  const rimraf = f.commands.find((c) => c.program === 'rimraf');
  assert.deepEqual(rimraf?.deletes.map((d) => d.path), ['~/projects', 'dist']);
  assert.equal(action('crontab -r'), 'destroy');
  assert.equal(action('crontab -l'), undefined);
});

test('a cd whose failure is swallowed may fail; one that exits does not', () => {
  assert.ok(markers('cd "$D" || true; rm -rf *').includes('cd-may-fail'));
  assert.ok(markers('cd build || echo missing && rm -rf ./*').includes('cd-may-fail'));
  assert.ok(!markers('cd build || exit 1; rm -rf *').includes('cd-may-fail'));
  assert.ok(!markers('cd build || { echo no; exit 1; }; rm -rf *').includes('cd-may-fail'));
  assert.ok(!markers('cd build && rm -rf *').includes('cd-may-fail'));
});

test('formatters mark their workspace rewrite as their own; paths outside are plain writes', () => {
  const black = facts('black .').commands[0];
  assert.ok(black.writes.every((w) => w.classes.includes('tool-output')));
  const outside = facts('black ~/.bashrc').commands[0];
  assert.ok(outside.writes.some((w) => w.path === '~/.bashrc' && !w.classes.includes('tool-output')));
});

test('source of a workspace virtualenv activation script is no unknown construct; any other source is', () => {
  assert.equal(facts('source .venv/bin/activate').unknown.length, 0);
  for (const c of ['source ~/.venv/bin/activate', 'source $V/bin/activate', 'source */bin/activate', 'source ./setup.sh', 'source /tmp/x/bin/activate']) assert.ok(facts(c).unknown.length > 0, c);
});

test('npx of a project tool stays local; anything it must download reaches the network', () => {
  assert.equal(facts('npx eslint .').commands[0].network, false);
  for (const c of ['npx -y eslint .', 'npx eslint@8 .', 'npx cowsay hi', 'npx $T']) assert.equal(facts(c).commands[0].network, true, c);
});

test('cluster, VM, storage CLIs and version managers known by their verbs', () => {
  for (const c of ['eksctl delete cluster --name prod', 'vault kv delete secret/a', 'vault secrets disable kv', 'minikube delete --all', 'rclone purge r:b', 'rclone sync ./empty r:b', 'virsh undefine vm1', 'nvm uninstall 18', 'pyenv uninstall 3.9.1', 'vagrant destroy -f', 'heroku run rake db:drop -a app']) {
    assert.ok(facts(c).commands.some((k) => k.tool?.action === 'destroy'), c);
  }
  assert.equal(action('rclone copy a r:b'), 'change');
  assert.equal(action('nvm ls'), 'read');
  assert.equal(action('eksctl get clusters'), 'read');
  assert.equal(action('vault kv get secret/a'), 'read');
});

test('yarn and pnpm running a described tool by name are judged as it', () => {
  assert.ok(facts('yarn cdk destroy').commands.some((k) => k.program === 'cdk' && k.tool?.action === 'destroy'));
  assert.equal(facts('yarn test').commands.length, 1, 'a script name is the project\'s own build');
});

test('a platform CLI given options but no subcommand is not a read: `vercel --prod` deploys', () => {
  assert.equal(action('vercel --prod'), 'change');
  assert.equal(action('vercel --version'), 'read');
  assert.equal(action('pulumi --non-interactive'), 'unknown');
  assert.equal(action('gh'), 'read');
  assert.equal(action('vercel'), 'change');
});
