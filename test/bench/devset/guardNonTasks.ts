// Requests that are no shell task though they share words with one: a verb
// a shell performs (find, list, count, delete, kill, compress, chmod, touch,
// mount, tar) or a noun a computer also has (keys, permissions, branches,
// ports, shells, terminals, a remote) said of everyday things: belongings,
// people, animals, feelings, food, places. Phrasings a reasonable person
// could read as a shell task are left out: no "my keys" beside a delete (SSH
// keys), no photos, documents, notes, passwords, accounts or phones.
import type { Choices } from './guardGrammar';

type Category = 'crowds' | 'produce' | 'clothes' | 'furniture' | 'belongings' | 'people' | 'animals' | 'pets' | 'pests' | 'feelings' | 'life' | 'food' | 'places' | 'home';

const objects: Record<Category, string[]> = {
  crowds: ['my neighbours', 'my friends', 'my cousins', 'the guests', 'the kids', 'the sheep', 'the birds in the garden', 'the cows in the field', 'the ducks in the pond', 'my aunts'],
  produce: ['the apples', 'the vegetables', 'the potatoes', 'the strawberries', 'the onions', 'the carrots', 'the grapes'],
  clothes: ['my socks', 'the laundry', 'my shoes', 'my sweaters', 'the towels', 'my jeans', 'my shirts'],
  furniture: ['the couch', 'the piano', 'the fridge', 'my bed', 'the dining table', 'the bookshelf'],
  belongings: ['my car keys', 'my wallet', 'my glasses', 'my umbrella', 'my socks', 'my winter coat', 'my passport', 'my sunglasses', 'the TV remote', 'my backpack', 'my bike', 'the laundry', 'my shoes', 'my sleeping bag', 'the couch'],
  people: ['my sister', 'my brother', 'my neighbours', 'my friends', 'my cousins', 'the guests', 'my grandma', 'the kids', 'my uncle'],
  animals: ['my cat', 'my dog', 'my goldfish', 'my hamster', 'the sheep', 'the birds in the garden', 'the cows in the field', 'the ducks in the pond'],
  pets: ['my cat', 'my dog', 'my goldfish', 'my hamster', 'my parrot', 'my rabbit'],
  pests: ['the spider', 'the mosquitoes', 'the ants in the kitchen', 'the wasps', 'the fruit flies', 'the weeds in the garden', 'the cockroach', 'the moths in the closet'],
  feelings: ['my feelings', 'my anger', 'my worries', 'my fears', 'my doubts', 'my regrets', 'my stress', 'my bad habits', 'my sadness', 'my jealousy'],
  life: ['my life', 'my diet', 'my morning routine', 'my weekend plans', 'my sleep schedule', 'my love life'],
  food: ['the leftovers', 'the cookies', 'the apples', 'the vegetables', 'the sandwiches', 'the potatoes', 'the eggs', 'the strawberries', 'the onions'],
  places: ['the planets', 'the capitals of Europe', 'the rivers of France', 'the countries in Africa', 'the museums in Paris', 'the beaches near Lisbon', 'the mountains in Spain',
    'the moons of Jupiter', 'the oceans', 'the sea ports of Spain', 'the branches of the city library', 'the terminals at the airport', 'the shells on the beach', 'the branches of the oak tree'],
  home: ['the kitchen', 'my room', 'the garage', 'the bathroom', 'the fish tank', 'the windows', 'the oven', 'the attic', 'the barbecue'],
};

/** Verbs a shell also performs, with the everyday things they are said of here. */
const verbs: [string, Category[]][] = [
  ['find', ['belongings', 'people', 'animals', 'pets']], ['where did I put', ['belongings', 'clothes']], ['look for', ['belongings', 'pets']], ['help me find', ['belongings', 'pets', 'people']],
  ['list', ['places', 'crowds', 'feelings']], ['name', ['places']], ['count', ['places', 'crowds', 'food']], ['sort', ['clothes', 'food']],
  ['delete', ['feelings']], ['remove', ['feelings']], ['get rid of', ['feelings', 'pests']], ['erase', ['feelings']], ['kill', ['pests']], ['compress', ['feelings']],
  ['chmod', ['pets', 'life']], ['change the permissions on', ['life', 'pets']], ['move', ['furniture']], ['rename', ['pets']], ['clean', ['home', 'clothes', 'furniture']],
  ['wash', ['produce', 'clothes']], ['feed', ['pets', 'animals']], ['cook', ['produce']], ['peel', ['produce']], ['pack', ['clothes', 'belongings']], ['reset', ['life']],
];

/** Whole phrasings where a program word is plainly an everyday word. */
const idioms = ['touch the grass', 'touch my toes', 'make a sandwich', 'make my bed', 'make some tea', 'make a salad', 'mount the horse', 'mount the painting on the wall',
  'tar the roof', 'tar the driveway', 'kill some time', 'kill the lights', 'empty the dishwasher', 'empty the kitchen bin', 'empty my pockets', 'clear my schedule', 'clear my head',
  'clear the table', 'save the whales', 'head to the beach', 'head to the station', 'link arms with my friends', 'find my keys', 'chmod my cat', 'list the planets', 'compress my feelings',
  'kill the spider', 'delete my bad habits', 'change the permissions on my life', 'find the root of the problem', 'pipe down', 'cut the cake', 'split the bill', 'join the club', 'sort out my feelings',
  'find a shell on the beach', 'show me the way to the station', 'print money', 'check the tire pressure', 'check the oven', 'copy my sister\'s hairstyle', 'free my mind', 'cat-sit for my neighbour'];

const prefixes = ['', '', '', 'please', 'can you', 'could you', 'help me', 'I need to', 'I want to', 'time to', "let's", 'go and'];
const suffixes = ['', '', '', 'for me', 'today', 'tonight', 'before the weekend', 'right now', 'again', 'please', 'before dinner', 'this afternoon'];

export interface NonTask {
  request: string;
  shape: string;
}

/** One request that is no shell task. */
export function nonTask(c: Choices): NonTask {
  const framed = (body: string) => {
    // "help me find" takes no further prefix; "for me" follows only a plain order or a request for help.
    const prefix = body.startsWith('help me') ? '' : c.pick(prefixes);
    const suffix = c.pick(suffixes.filter((x) => (x !== 'for me' || /^(|please|can you|could you)$/.test(prefix)) && (x !== 'please' || prefix === '')));
    return [prefix, body, suffix].filter((x) => x !== '').join(' ');
  };
  if (c.chance(0.25)) return { request: framed(c.pick(idioms)), shape: 'idiom' };
  const [verb, cats] = c.pick(verbs);
  const cat = c.pick(cats);
  // "where did I put" asks a question: no prefix that orders.
  if (verb === 'where did I put') return { request: `where did I put ${c.pick(objects[cat])}`, shape: `where/${cat}` };
  return { request: framed(`${verb} ${c.pick(objects[cat])}`), shape: `${verb}/${cat}` };
}
