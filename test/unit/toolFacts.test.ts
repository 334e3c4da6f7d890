// What the ecosystem-tool describers put into the facts: the action of a
// tool's subcommand, and the markers of the shell mistakes, each shown
// firing and not firing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy';

const facts = (c: string) => describeCommand(c, { workspace: '/home/dev/project' });
const action = (c: string, i = 0) => facts(c).commands[i]?.tool?.action;
const markers = (c: string) => facts(c).commands.flatMap((k) => k.markers);

test('a subcommand gets the action of what it does', () => {
  assert.equal(action('terraform validate'), 'read');
  assert.equal(action('terraform destroy'), 'destroy');
  assert.equal(action('terraform -chdir=infra apply'), 'change');
  assert.equal(action('terraform apply -auto-approve'), 'destroy');
  assert.equal(action('cargo +nightly build --release'), 'build');
  assert.equal(action('cargo publish'), 'publish');
  assert.equal(action('cargo publish --dry-run'), 'build');
  assert.equal(action('mvn -q clean verify'), 'build');
  assert.equal(action('mvn clean deploy'), 'publish');
  assert.equal(action('gradle publishToMavenLocal'), 'build');
  assert.equal(action('gradle :lib:publish'), 'publish');
  assert.equal(action('dotnet ef database drop -f'), 'destroy');
  assert.equal(action('dotnet ef migrations list'), 'read');
  assert.equal(action('kubectl -n prod get pods'), 'read');
  assert.equal(action('kubectl -n prod delete pod x'), 'destroy');
  assert.equal(action('rake db:migrate:status'), 'read');
  assert.equal(action('rake db:migrate db:drop'), 'destroy');
  assert.equal(action('sudo pacman -Syu'), 'change');
  assert.equal(action('pacman -Ss vim'), 'read');
  assert.equal(action('pacman -Rns vim'), 'destroy');
  assert.equal(action('terraform frobnicate'), 'unknown');
  assert.equal(action('kubectl $VERB pods'), 'unknown');
});

test('network reach is the describer\'s: go mod graph stays local, go mod download does not', () => {
  assert.equal(facts('go mod graph').commands[0].network, false);
  assert.equal(facts('go mod download').commands[0].network, true);
  assert.equal(facts('psql -c "select 1"').commands[0].network, false);
  assert.equal(facts('psql -h db.example.com -c "select 1"').commands[0].network, true);
  assert.equal(facts('psql "$DATABASE_URL" -c "select 1"').commands[0].network, true);
});

test('a run subcommand describes the command it runs', () => {
  const f = facts('poetry run rm -rf /');
  const rm = f.commands.find((c) => c.program === 'rm');
  assert.ok(rm);
  assert.equal(rm.parent, 0);
  assert.ok(rm.deletes.some((p) => p.classes.includes('root')));
});

test('a delete from a variable that may be empty is marked, unless guarded or set', () => {
  assert.ok(markers('rm -rf "$BUILD_DIR/"*').some((m) => m.startsWith('delete-if-empty:BUILD_DIR:')));
  assert.ok(markers('rm -rf "${OUT}/usr"').some((m) => m.startsWith('delete-if-empty:OUT:')));
  assert.ok(markers('rm -rf "$SRC/$DIR"').some((m) => m.startsWith('delete-if-empty:SRC:')));
  for (const c of ['rm -rf "${BUILD_DIR:?}/"*', 'rm -rf "${BUILD_DIR?}/"*', 'rm -rf "${BUILD_DIR:-build}/"*', 'BUILD_DIR=out; rm -rf "$BUILD_DIR/"*', 'rm -rf "$GOPATH/pkg/mod"', 'rm -rf "$HOME/.cache/x"', 'rm -rf "$DIR"', 'for d in build dist; do rm -rf "$d/"*; done']) {
    assert.ok(!markers(c).some((m) => m.startsWith('delete-if-empty')), c);
  }
});

test('recursive permission changes of the home folder are marked; a mode like -x is a mode', () => {
  for (const c of ['chmod -R 777 ~', 'chmod -R -x ~', 'chown -R root ~/', 'chmod -R a-w "$HOME"', 'chmod -R 755 /']) assert.ok(markers(c).some((m) => m.startsWith('recursive-permissions:')), c);
  assert.ok(markers('find ~ -type f -exec chmod 644 {} \\;').some((m) => m.startsWith('recursive-permissions:')));
  for (const c of ['chmod 755 ~', 'chmod -R 755 ./build', 'chmod -R u+w ~/project', 'chown -R me /home/other', 'chmod -R u+rwX ~', 'find ~ -type d -exec chmod +x {} \\;']) assert.ok(!markers(c).some((m) => m.startsWith('recursive-permissions:')), c);
  assert.deepEqual(facts('chmod -x run.sh').commands[0].writes.map((p) => p.path), ['run.sh']);
});

test('a cd whose failure is not checked is marked; && , || exit and set -e check it', () => {
  assert.ok(markers('cd build; rm -rf *').includes('cd-may-fail'));
  assert.ok(markers('cd build\nrm -rf *').includes('cd-may-fail'));
  for (const c of ['cd build && rm -rf *', 'cd build || exit 1; rm -rf *', 'set -e; cd build; rm -rf *', 'cd; ls', 'cd ~; ls']) assert.ok(!markers(c).includes('cd-may-fail'), c);
});

test('destructive query text is marked where it is written, and a client fed by a pipe runs it', () => {
  assert.ok(markers('echo "DROP TABLE x;" | psql').includes('destructive-query-text'));
  assert.ok(!markers('echo "SELECT 1" | psql').includes('destructive-query-text'));
  const psql = facts('cat q.sql | psql').commands[1];
  assert.ok(psql.markers.includes('query-from-pipe'));
  assert.equal(psql.runs_code, 'stdin');
});

test('git: every spelling of a rewriting push, and staged secrets', () => {
  for (const c of ['git push -f', 'git push --force-with-lease', 'git push origin +main', 'git push origin :old', 'git push --delete origin x', 'git push --mirror', 'git push --prune origin']) assert.equal(action(c), 'destroy', c);
  for (const c of ['git push', 'git push origin main', 'git push -u origin HEAD']) assert.equal(action(c), undefined, c);
  for (const c of ['git add .env', 'git add -f config/secrets.yml', 'git add .env*', 'git commit -m x server.key']) assert.equal(action(c), 'publish', c);
  for (const c of ['git add .env.example', 'git add src/*.ts', 'git add *', 'git add id_rsa.pub', 'git commit -m ".env is ignored"']) assert.equal(action(c), undefined, c);
});

test('asking a destructive subcommand for its help, or a dry run, only reads', () => {
  assert.equal(action('npm publish --dry-run'), 'build');
  for (const c of ['terraform destroy --help', 'kubectl delete --help', 'apt-get -s remove nginx', 'kubectl delete pod x --dry-run=client']) assert.equal(action(c), 'read', c);
  for (const c of ['kubectl delete ns x -- --help', 'kubectl delete ns x --dry-run=none', "psql -c 'DROP TABLE t' --help"]) assert.equal(action(c), 'destroy', c);
  assert.equal(action('git push -n --force'), undefined);
});
