// Requests that involve another machine: every part they name (host, user,
// port, key, gateway, remote path, local path, the command to run there and
// options said in words) reaches the command, over many generated wordings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { remoteCandidates } from '../../server/src/planner/remoteActs';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';

const ws: WorkspaceNames = { files: new Set(['notes.txt', 'build/app.js']), dirs: new Set(['build', 'site']), byBase: new Map() } as unknown as WorkspaceNames;
const plan = (request: string) => remoteCandidates(readRequest(request, ws))[0]?.command ?? '(none)';

function expectAll(cases: [string, string][]): void {
  const wrong = cases.map(([request, want]) => [request, plan(request), want]).filter(([, got, want]) => got !== want);
  assert.deepEqual(wrong.map(([r, got, want]) => `"${r}" → ${got}; wanted ${want}`), []);
}

const hosts = [['bob', 'files.example.org'], ['deploy', '10.0.0.7'], ['ops', 'build.internal']];
const ports = ['2222', '2200'];

test('a local file copied to user@host:path keeps the user, the path and the port, said in several ways', () => {
  const cases: [string, string][] = [];
  for (const [user, host] of hosts) {
    for (const port of ports) {
      cases.push([`copy notes.txt to ${user}@${host}:/srv/in connecting on port ${port}`, `scp -P ${port} notes.txt ${user}@${host}:/srv/in`]);
      cases.push([`please upload report.pdf to ${user}@${host}:~/inbox using port ${port}`, `scp -P ${port} report.pdf ${user}@${host}:~/inbox`]);
      cases.push([`send the file deploy.tar.gz over to ${user}@${host}:/opt/releases, port ${port}`, `scp -P ${port} deploy.tar.gz ${user}@${host}:/opt/releases`]);
    }
    cases.push([`recursively copy all .csv files to ${user}@${host}:/data/incoming/`, `scp -r *.csv ${user}@${host}:/data/incoming/`]);
    cases.push([`transfer the folder build to ${user}@${host}:/var/www`, `scp -r build ${user}@${host}:/var/www`]);
  }
  expectAll(cases);
});

test('a copy from another machine puts the remote side first and the local end last', () => {
  expectAll([
    ['fetch /var/log/syslog from admin@web1.example.com into the current directory', 'scp admin@web1.example.com:/var/log/syslog .'],
    ['download report.pdf from the host nas.local', 'scp nas.local:report.pdf .'],
    ['pull ~/reports from analyst@data.example.net to /tmp/reports', 'scp analyst@data.example.net:~/reports /tmp/reports'],
    ['copy /var/backups/db.sql from host db.example.com to ./dumps', 'scp db.example.com:/var/backups/db.sql ./dumps'],
    ['grab the file /etc/hosts from 10.0.0.8', 'scp 10.0.0.8:/etc/hosts .'],
    ['copy /etc/motd on host gw.example.com to the current directory', 'scp gw.example.com:/etc/motd .'],
    ['connect as root to host "vault" and copy /root/token to the local machine', 'scp root@vault:/root/token .'],
    ['connect to port 2222 of example.com as ssh user "ann", and copy the local file "/tmp/a.txt" to remote directory "/srv/dest-folder"', 'scp -P 2222 /tmp/a.txt ann@example.com:/srv/dest-folder'],
  ]);
});

test('options said in words choose rsync and keep every one of them', () => {
  expectAll([
    ['copy big.iso to user@mirror.example.net:/isos keeping partial transfers and showing progress', 'rsync -P big.iso user@mirror.example.net:/isos'],
    ['send disk.img to me@nas.lan:/vol keeping partially transferred files', 'rsync --partial disk.img me@nas.lan:/vol'],
    ['sync the photos directory to media@nas.lan:/volume1/photos compressing data in transit', 'rsync -az photos media@nas.lan:/volume1/photos'],
    ['rsync site/ to deploy@web.example.com:/srv/site deleting files that are not in the source', 'rsync -a --delete site/ deploy@web.example.com:/srv/site'],
    ['copy build to ci@runner.example.com:/cache over port 2022 with progress', "rsync -a --progress -e 'ssh -p 2022' build ci@runner.example.com:/cache"],
  ]);
});

test('rsync options between two local places: relative paths, a dry run, deleting extra files, only newer files', () => {
  expectAll([
    ['archive directory photos to /backup preserving relative paths', 'rsync -aR photos /backup'],
    ['archive the folder site into /srv/copy keeping the relative path names', 'rsync -aR site /srv/copy'],
    ['sync docs to /srv/docs as a dry run', 'rsync -an --itemize-changes docs/ /srv/docs/'],
    ['do a dry run of syncing build to /srv/build', 'rsync -an --itemize-changes build/ /srv/build/'],
    ['mirror site to /var/www/site deleting extra files', 'rsync -a --delete site/ /var/www/site/'],
    ['mirror the music folder to /media/usb/music and delete extra files there', 'rsync -a --delete music/ /media/usb/music/'],
    ['copy the folder src to dst only if src is newer', 'cp -ru src dst'],
    ['copy notes.txt to /tmp/notes.txt only when newer', 'cp -u notes.txt /tmp/notes.txt'],
  ]);
});

test('a command to run on another machine goes to ssh, quoted, with the terminal and background asked for', () => {
  const commands = ['df -h', 'systemctl status nginx', 'ls -la /builds'];
  const cases: [string, string][] = [];
  for (const [user, host] of hosts) {
    for (const cmd of commands) {
      const q = `'${cmd}'`;
      cases.push([`execute "${cmd}" on server ${host}`, `ssh ${host} ${q}`]);
      cases.push([`on host ${host} run '${cmd}'`, `ssh ${host} ${q}`]);
      cases.push([`ssh into ${host} as ${user} and run '${cmd}'`, `ssh ${user}@${host} ${q}`]);
      cases.push([`run "${cmd}" in the background on machine ${host}`, `ssh -f ${host} ${q}`]);
      cases.push([`allocate a pseudo-terminal and run '${cmd}' on host ${host}`, `ssh -t ${host} ${q}`]);
    }
  }
  cases.push(['Execute "sleep 30; touch done" in the background on target machine "WORKER"', "ssh -f WORKER 'sleep 30; touch done'"]);
  cases.push(['ssh into host "$1" using key file /k/id and execute command "$2"', 'ssh -i /k/id "$1" "$2"']);
  expectAll(cases);
});

test('a login keeps the user, the port, the key and the gateway', () => {
  expectAll([
    ['log in to example.org as dave', 'ssh dave@example.org'],
    ['log in to 192.168.1.20 as root on port 2022', 'ssh -p 2022 root@192.168.1.20'],
    ['log into the server db1.internal on port 2222', 'ssh -p 2222 db1.internal'],
    ['ssh to gateway.example.com on port 2200 with key ~/.ssh/id_ed25519', 'ssh -p 2200 -i ~/.ssh/id_ed25519 gateway.example.com'],
    ['connect to 10.1.2.3 as admin with identity file ~/.ssh/ops.pem', 'ssh -i ~/.ssh/ops.pem admin@10.1.2.3'],
    ['connect to app1.internal through the gateway bastion.example.com', 'ssh -J bastion.example.com app1.internal'],
    ['log in to the box app1 through an ssh gateway system called gw', 'ssh -J gw app1'],
    ['open a shell on the machine devbox', 'ssh devbox'],
    ['ssh into 10.9.8.7 as user ops without allocating a pseudo-terminal', 'ssh -T ops@10.9.8.7'],
    ['SSH into "server" as user "user"', 'ssh user@server'],
    ['copy my public key to web1.example.com as user deploy', 'ssh-copy-id deploy@web1.example.com'],
  ]);
});

test('the master connection is asked whether it runs, or told to stop', () => {
  expectAll([
    ['check the master ssh connection prod is running', 'ssh -O check prod'],
    ['is the control connection officegw still up', 'ssh -O check officegw'],
    ['stop the master connection to prod.example.com', 'ssh -O exit prod.example.com'],
  ]);
});

test('requests that name no machine, or reach one without SSH, get nothing from here', () => {
  for (const request of ['copy notes.txt to backup', 'download https://example.com/file.tar.gz', 'send 3 pings to host gw.example.com', 'email the report to bob@example.com', 'list the log files', 'show the login history', 'list files in /var/log on this machine',
    'connect to the database mydb', 'log in to the docker registry', 'run the tests on node web', 'connect to localhost on port 5432 with psql', 'connect to the mysql server on db.example.com',
    'open an ssh tunnel to db.example.com forwarding port 5432', 'look up the dns records of example.com', 'set up a socks proxy through ssh to relay.example.com']) {
    assert.equal(plan(request), '(none)', request);
  }
});

test('a login, a remote command and a copy to a host each allow reaching the network', () => {
  for (const request of ['log in to 192.168.1.20 as root', 'run "make clean" in the background on machine buildbox', 'connect to app1.internal through the gateway gw.example.com']) {
    const intent = readIntent(readRequest(request, ws));
    assert.ok(intent.allows.network, `${request}: network`);
    assert.ok(intent.allows.runCode, `${request}: runs code there`);
  }
  assert.ok(readIntent(readRequest('mirror site to /var/www/site deleting extra files', ws)).allows.delete);
});
