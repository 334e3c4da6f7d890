// The embedded planner with its real knowledge and the real policy stage, on
// requests about names on the network (an address's name, a name server to
// ask, a record type), the machine's own name and devices, folders made with
// a mode, and text looked for inside a gzipped file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('network-names', ['src', 'logs'], ['notes.txt', 'logs/app.log.gz']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('the name of an address is a reverse lookup, and the address of a named host is no address of this machine', async () => {
  assert.equal(await plan('what is the domain name of 192.0.2.44'), 'dig +short -x 192.0.2.44');
  assert.equal(await plan('get the domain name of $ip'), 'dig +short -x "$ip"', 'a variable called ip holds an address');
  assert.equal(await plan('what is the ip address of example.org'), 'dig +short example.org');
  assert.equal(await plan('find the host name of 10.0.0.5'), 'host 10.0.0.5');
  assert.equal(await plan('show the hostname'), 'hostname', 'the name, not the addresses');
  assert.equal(await plan('what is my ip address'), 'ip -brief address');
});

test('a name server to ask and a record type are read from the words', async () => {
  assert.equal(await plan('look up example.org on the nameserver 1.1.1.1'), 'dig @1.1.1.1 example.org');
  assert.equal(await plan('print the A record of example.org from the 192.0.2.53 nameserver'), 'dig @192.0.2.53 example.org');
  assert.equal(await plan('show the txt records of example.org'), 'dig +short example.org TXT');
  assert.equal(await plan('mx records of example.org'), 'dig +short example.org MX');
});

test('devices on the buses are listed by their programs', async () => {
  assert.equal(await plan('list the pci devices'), 'lspci');
  assert.equal(await plan('which usb devices are plugged in'), 'lsusb');
});

test('a folder made with a mode gets it at once, and a folder named after the word folder is the one made', async () => {
  assert.equal(await plan('create a folder named shared with permissions 777'), 'mkdir -m 777 shared');
  assert.equal(await plan('create directory drop with permissions 733'), 'mkdir -m 733 drop');
  assert.equal(await plan('make a new folder reports'), 'mkdir -p reports');
});

test('text looked for in a gzipped file is searched there, in any case only when asked', async () => {
  assert.equal(await plan('search for timeout in logs/app.log.gz'), 'zgrep -n timeout logs/app.log.gz');
  assert.equal(await plan('search for timeout in logs/app.log.gz ignoring case'), 'zgrep -in timeout logs/app.log.gz');
  assert.equal(await plan('search for case-insensitive "refused" in logs/app.log.gz'), 'zgrep -in refused logs/app.log.gz');
});
