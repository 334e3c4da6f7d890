// Requests that reach another machine, planned with the real store, knowledge
// and policy: the plan keeps the host, user, port, paths and the command to
// run there, and the policy never lets it run without asking. A dry run
// between local folders only looks, and is judged so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('remote', ['build', 'site', 'docs'], ['notes.txt', 'big.iso', 'site/index.html']);
});

after(() => w.close());

const remote: [string, string][] = [
  ['copy notes.txt to bob@files.example.org:/srv/in connecting on port 2222', 'scp -P 2222 notes.txt bob@files.example.org:/srv/in'],
  ['fetch /var/log/syslog from admin@web1.example.com into the current directory', 'scp admin@web1.example.com:/var/log/syslog .'],
  ['upload the build folder to deploy@10.0.0.7:/var/www', 'scp -r build deploy@10.0.0.7:/var/www'],
  ['copy big.iso to user@mirror.example.net:/isos keeping partial transfers and showing progress', 'rsync -P big.iso user@mirror.example.net:/isos'],
  ['rsync site/ to deploy@web.example.com:/srv/site deleting files that are not in the source', 'rsync -a --delete site/ deploy@web.example.com:/srv/site'],
  ['allocate a pseudo-terminal and run "top" on host db.example.com', 'ssh -t db.example.com top'],
  ['run "make clean" in the background on machine buildbox', "ssh -f buildbox 'make clean'"],
  ['execute "df -h" on server storage.example.com', "ssh storage.example.com 'df -h'"],
  ['log in to 192.168.1.20 as root on port 2022', 'ssh -p 2022 root@192.168.1.20'],
  ['connect to app1.internal through the gateway bastion.example.com', 'ssh -J bastion.example.com app1.internal'],
  ['check the master ssh connection prod is running', 'ssh -O check prod'],
];

test('a copy to or from another machine, a command run there and a login are planned whole, and the policy asks before each', async () => {
  const wrong: string[] = [];
  for (const [request, want] of remote) {
    const result = await w.result(request);
    if (result.command !== want) wrong.push(`"${request}" → ${result.command || '(abstained)'}; wanted ${want}`);
    else if (result.policy.decision !== 'ask') wrong.push(`"${request}" → ${result.command}: the policy says ${result.policy.decision}, not ask`);
  }
  assert.deepEqual(wrong, []);
});

test('rsync options between local folders are kept, and a dry run is judged as only looking', async () => {
  const dry = await w.result('sync docs to /srv/docs as a dry run');
  assert.equal(dry.command, 'rsync -an --itemize-changes docs/ /srv/docs/');
  assert.deepEqual(dry.policy.risk.writes, []);
  assert.equal(await w.plan('mirror site to /var/www/site deleting extra files'), 'rsync -a --delete site/ /var/www/site/');
  assert.equal(await w.plan('archive directory site to /backup preserving relative paths'), 'rsync -aR site /backup');
});
