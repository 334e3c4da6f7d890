// Classes of request answered by programs other than find, with the real
// store, knowledge and policy: each request of a class must be planned with
// the program (and the values) that class calls for, never abstained.
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('programs', ['build', 'photos', 'docs', 'src'], ['notes.txt', 'todo.list', 'a.txt', 'b.txt', 'data.bin', 'setup.sh', 'old.log']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

const expect = (cases: [string, RegExp][]) => expectPlans(plan, cases);

test('text to print is printed as it is, or with the change asked for', () => expect([
  ['print the text "deploy finished"', /^(echo|printf '%s\\n') 'deploy finished'$/],
  ['display the message "all tests passed" on the screen', /^(echo|printf '%s\\n') 'all tests passed'$/],
  ['convert the string "Hello World" to lowercase', /^(printf|echo)\b.*\| tr '\[:upper:\]' '\[:lower:\]'$/],
  ['trim the spaces around "  padded value  "', /^(printf|echo)\b.*\| sed\b/],
  ['echo hello world', /^echo 'hello world'$/],
  ['write "done" to standard output', /^(echo|printf '%s\\n') done$/],
]));

test('a file shown whole is cat, not a listing or an archive reader', () => expect([
  ['output the contents of notes.txt', /^cat notes\.txt$/],
  ['print everything in todo.list', /^cat todo\.list$/],
  ['show me what notes.txt says', /^cat notes\.txt$/],
  ['print the whole of todo.list', /^cat todo\.list$/],
  ['print the contents of "report.md"', /^cat report\.md$/],
]));

test('copies that keep attributes, mirrors, and answers to prompts', () => expect([
  ['copy the photos folder to /mnt/backup preserving permissions and timestamps', /^(rsync -a\w*|cp -a)\b.*photos.*\/mnt\/backup/],
  ['mirror the docs directory into /srv/docs', /^rsync -a\w* docs\/? \/srv\/docs\/?$/],
  ['answer yes to every prompt of ./setup.sh', /^yes \| \.\/setup\.sh$/],
]));

test('folders to go to and names to take apart', () => expect([
  ['go to the build folder', /^cd build$/],
  ['change into the directory "/var/www"', /^cd \/var\/www$/],
  ['print just the file name of /usr/local/bin/python3 without its folders', /^basename \/usr\/local\/bin\/python3$/],
  ['make the directories x/y/z as needed', /^mkdir -p x\/y\/z$/],
]));

test('ownership is given to the user and group named', () => expect([
  ['make www-data the owner of the build folder and everything in it', /^chown -R www-data build$/],
  ['change the group of notes.txt to staff', /^(chgrp staff|chown :staff) notes\.txt$/],
]));

test('bytes, common lines, ranges and differences', () => expect([
  ['hex dump of data.bin', /^(od|xxd|hexdump)\b.*data\.bin/],
  ['which lines do a.txt and b.txt have in common', /^comm -12 <\(sort a\.txt\) <\(sort b\.txt\)$/],
  ['lines of a.txt that are missing from b.txt', /^comm -23 <\(sort a\.txt\) <\(sort b\.txt\)$/],
  ['print the numbers from 1 to 25', /^seq 1 25$/],
  ['what are the differences between a.txt and b.txt', /^diff\b.* a\.txt b\.txt$/],
]));

test('mounts, the shell itself, the network and signals', () => expect([
  ['list the mounted filesystems with their mount options', /^(mount|findmnt)\b/],
  ['mount /dev/sdb1 on /mnt/usb', /^mount \/dev\/sdb1 \/mnt\/usb$/],
  ['mount the windows share //fs1/public on /mnt/public as user bob', /^mount -t cifs \/\/fs1\/public \/mnt\/public -o username=bob$/],
  ['Mount the ntfs filesystem on /dev/sdc1 at /mnt/win read only', /^mount\b.*\/dev\/sdc1/],
  ['show my shell history', /^history\b/],
  ['enable the shell option extglob', /^shopt -s extglob$/],
  ['make the shell exit as soon as any command fails', /^set -e/],
  ['list all environment variables', /^(env|printenv)\b/],
  ['show the man page of rsync', /^man rsync$/],
  ['ping example.com 3 times', /^ping -c 3 example\.com$/],
  ['open an ssh session to deploy@build.example.com', /^ssh\b.*build\.example\.com$/],
  ['forward local port 8080 to port 80 on web.example.com over ssh', /^ssh\b.*web\.example\.com$/],
  ['send SIGKILL to process 4242', /^kill -s KILL 4242$/],
  ['Removes the file "old.log"', /^rm\b.* old\.log$/],
]));

test('remote copies, named package managers, calendars, logins and path parts', () => expect([
  ['copy report.pdf to alice@files.example.com:/srv/reports with scp', /^scp report\.pdf alice@files\.example\.com:\/srv\/reports$|^scp report\.pdf files\.example\.com:\/srv\/reports$/],
  ['install the package htop with yum', /^yum install -y htop$/],
  ['show the calendar for this month', /^cal\b/],
  ['who is logged in', /^(who|w)\b/],
  ['the folder part of /etc/nginx/nginx.conf', /^dirname \/etc\/nginx\/nginx\.conf$/],
  ['log in to the server app1.example.com through the gateway gw.example.com', /^ssh -J gw\.example\.com app1\.example\.com$/],
  ['show the manual of the find utility', /^man find$/],
  ['clear my shell history', /^history -c$/],
  ['answer "y" to every prompt of the program "installer"', /^yes \| installer$/],
  ['create a symbolic link named "current" to "releases"', /^ln -s\w* releases current$/],
]));

test('system questions, strings to decode, logs to follow and lines to count or reverse', () => expect([
  ['how long has this machine been running', /^uptime\b/],
  ['list the block devices', /^lsblk\b/],
  ['wait 5 seconds', /^sleep 5$/],
  ['resolve the address of example.com', /^(dig|host|nslookup|getent)\b.*example\.com/],
  ['decode the base64 string "aGVsbG8="', /^echo -n aGVsbG8= \| base64 -d$/],
  ['show the last 50 lines of old.log and keep following it', /^tail -n 50 -f old\.log$/],
  ['show notes.txt in reverse line order', /^tac notes\.txt$/],
  ['count how often each line occurs in a.txt', /^sort a\.txt \| uniq -c/],
  ['remove empty lines from notes.txt', /^(grep -v '\^\[\[:space:\]\]\*\$'|sed '\/\^\[\[:space:\]\]\*\$\/d'|sed -i '\/\^\[\[:space:\]\]\*\$\/d') notes\.txt$/],
  ['make notes.txt read only', /^chmod a-w notes\.txt$/],
]));

test('archives of a folder are written beside it; access, public addresses and programs by name', () => expect([
  ['zip the photos folder', /^zip -r \S+\.zip photos$/],
  ['create a tar archive of src without compression', /^tar -cf \S+\.tar src$/],
  ['give everyone read access to notes.txt', /^chmod a\+r notes\.txt$/],
  ['show my public ip address', /^curl\b/],
  ['print the path of the python3 executable', /^(which|command -v|type) python3$/],
]));

test('words in quotes order nothing, and a question about the shell changes nothing in it', () => expect([
  ['display the message "delete everything"', /^(echo|printf '%s\\n') 'delete everything'$/],
  ['echo "chmod 777"', /^echo 'chmod 777'$/],
  ['show the environment variable PATH', /^(printenv PATH|echo "\$PATH")$/],
  ['is extglob enabled', /^shopt extglob$/],
  ['what is the group of notes.txt', /^(stat|ls -l)\b.*notes\.txt$/],
  ['size of every file and folder here, biggest first', /^du -\w*s\w* (\.\/)?\* \| sort -rh$/],
  ['make all folders in the tree accessible to anybody', /^find \. -type d -exec chmod \S+ \{\} \+$/],
]));
