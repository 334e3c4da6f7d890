// Requests that do order an act, built from the same parts as the look-only
// ones, so that a reader of intent cannot pass the look-only sets by never
// seeing an act: "find files larger than 10MB and delete them", "list the
// .tmp files in build, then remove them", "find scripts that are not
// executable and make them executable", "compress every log older than a
// week and move it to archive/". Each carries the acts it orders.
import { Choices, conditions, needs, place, qualities, things, wordActs, type Act } from './guardGrammar';

export interface Control {
  request: string;
  shape: string;
  /** The acts a reader of the request must see, by kind. */
  acts: Act['kind'][];
}

/** An act on "them", as the second part of a coordinated order: [phrase, kind]. */
const onThem: [string, Act['kind']][] = [
  ['delete them', 'delete'], ['remove them', 'delete'], ['rm them', 'delete'], ['get rid of them', 'delete'], ['erase them', 'delete'], ['delete them all', 'delete'],
  ['move them to archive/', 'move'], ['move them into backups', 'move'], ['rename them to end in .old', 'move'], ['mv them to tmp', 'move'],
  ['make them executable', 'change'], ['chmod +x them', 'change'], ['chmod them to 644', 'change'], ['truncate them', 'change'], ['make them read-only', 'change'], ['change their owner to root', 'change'],
  ['compress them', 'create'], ['gzip them', 'create'], ['copy them to backups', 'create'], ['tar them up into old.tar.gz', 'create'], ['back them up to backups/', 'create'], ['zip them', 'create'],
];

const looks = ['find', 'list', 'show', 'locate', 'look for', 'search for', 'get'];
const joins = [', then', ' and', ' and then', ', and', '; then', ' and afterwards'];

/** "find the .tmp files in build older than a week, then remove them". */
function lookThenAct(c: Choices): Control {
  const [phrase, kind] = c.pick(onThem);
  const head = [c.pick(looks), c.chance(0.5) ? 'the' : '', c.pick(qualities), c.pick(things).noun, place(c), c.pick(conditions)].filter((x) => x !== '').join(' ');
  return { request: `${head}${c.pick(joins)} ${phrase}`, shape: 'look-then-act', acts: [kind] };
}

/** "delete all the .tmp files in tmp older than a week". */
function directOrder(c: Choices): Control {
  const a = c.pick(wordActs.filter((x) => !/^(fix|edit|rewrite|overwrite|touch|archive)$/.test(x.base)));
  const det = c.pick(['all the', 'every one of the', 'the', 'all', 'please ' + c.pick(['all the', 'the'])]);
  const parts = det.startsWith('please') ? ['please', a.base, det.slice(7)] : [a.base, det];
  const request = [...parts, c.pick(qualities), c.pick(things).noun, place(c), c.pick(conditions)].filter((x) => x !== '').join(' ');
  return { request, shape: `direct/${a.kind}`, acts: [a.kind] };
}

/** "compress every log older than a week and move it to archive/". */
function twoActs(c: Choices): Control {
  const first = c.pick(wordActs.filter((x) => /^(compress|gzip|copy|back up|zip)$/.test(x.base)));
  const then: [string, Act['kind']] = c.pick([['move them to archive/', 'move'], ['delete the originals', 'delete'], ['remove the originals', 'delete'], ['move the copies into backups', 'move']]);
  const thing = c.pick(things.filter((t) => t.text)).noun;
  return { request: `${first.base} every one of the ${thing} ${place(c)} ${c.pick(conditions)} and ${then[0]}`.replace(/\s+/g, ' '), shape: 'two-acts', acts: [first.kind, then[1]] };
}

/** A tempting description followed by a real order: "find the scripts that need chmod +x and make them executable". */
function temptedThenAct(c: Choices): Control {
  const [phrase, kind] = c.pick(onThem);
  const thing = c.pick(things).noun;
  const described = c.pick([`that need ${c.pick(needs)}`, 'that are not executable', 'that nobody has touched since May', 'that the cleanup missed', 'with spaces in their names']);
  return { request: `${c.pick(looks)} the ${thing} ${place(c)} ${described}${c.pick(joins)} ${phrase} now`.replace(/\s+/g, ' ').replace(/ ,/g, ','), shape: 'tempted-then-act', acts: [kind] };
}

/** One control request. */
export function control(c: Choices): Control {
  return c.pick([lookThenAct, lookThenAct, directOrder, twoActs, temptedThenAct])(c);
}
