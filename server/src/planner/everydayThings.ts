// Things of everyday life, by kind. A request about one of them is no shell
// task even when it borrows a shell word ("find my keys", "chmod my cat",
// "change the permissions on my diet"); taskWords.ts lets a computer-only
// word or value ("the cat process", "photos of my dog in pictures/") win.

const kinds: Record<string, string[]> = {
  people: [
    'wife', 'husband', 'spouse', 'mom', 'mum', 'mother', 'dad', 'father', 'parents', 'kids?', 'children', 'child', 'son', 'daughter', 'bab(?:y|ies)', 'brother', 'sister', 'siblings?',
    'family', 'friends?', 'boyfriend', 'girlfriend', 'ex', 'partner', 'boss', 'neighbou?rs?', 'grand(?:ma|pa|mother|father|parents|kids|children)', 'teachers?', 'doctor', 'dentist',
    'aunts?', 'uncles?', 'cousins?', 'nephews?', 'nieces?', 'in-laws', 'guests?', 'visitors?', 'roommates?', 'classmates?', 'colleagues?', 'coworkers?', 'relatives',
  ],
  animals: [
    'cats?', 'dogs?', 'pupp(?:y|ies)', 'kittens?', 'pets?', 'horses?', 'birds?', 'parrots?', 'budgies?', 'fish', 'goldfish', 'spiders?', 'ants', 'cockroach(?:es)?', 'mosquito(?:es)?',
    'flies', 'bees?', 'wasps?', 'snakes?', 'cows?', 'sheep', 'goats?', 'pigs?', 'chickens?', 'hens?', 'ducks?', 'geese', 'rabbits?', 'hamsters?', 'turtles?', 'tortoises?', 'frogs?', 'lizards?', 'squirrels?', 'deer', 'whales?', 'dolphins?', 'sharks?', 'lions?', 'tigers?', 'bears?', 'elephants?', 'monkeys?', 'wolf', 'wolves', 'fox(?:es)?', 'owls?', 'rats', 'pandas?', 'giraffes?', 'penguins?',
  ],
  self: [
    'life', 'feelings', 'emotions', 'heart', 'mind', 'soul', 'mood', 'anger', 'fears?', 'stress', 'anxiety', 'sadness', 'happiness', 'doubts?', 'dreams?', 'habits?', 'marriage', 'relationships?',
    'health', 'weight', 'diet', 'hair', 'hairstyle', 'haircut', 'teeth', 'nails', 'skin', 'headache', 'memories', 'regrets?', 'worries', 'thoughts', 'ego', 'confidence', 'motivation', 'jealousy', 'guilt', 'shame', 'pride', 'grief', 'loneliness', 'boredom', 'excitement', 'patience', 'courage', 'temper', 'nerves', 'feelings?',
    'sleep(?: schedule)?', '(?:morning |evening |daily |bedtime )?routine', 'workout', 'posture',
  ],
  food: [
    'cake', 'pies?', 'pizza', 'lasagna', 'pasta', 'spaghetti', 'bread', 'toast', 'milk', 'eggs?', 'coffee', 'tea', '(?:orange |apple )?juice', 'soup', 'salad', 'sandwich(?:es)?',
    'dinner', 'lunch', 'breakfast', 'brunch', 'meals?', 'recipes?', 'groceries', 'vegetables', 'veggies', 'fruits?', 'bananas?', 'apples', 'oranges', 'strawberr(?:y|ies)', 'onions?',
    'potato(?:es)?', 'tomato(?:es)?', 'carrots?', 'rice', 'beans', 'cheese', 'chocolate', 'wine', 'beer', 'leftovers', 'snacks?', 'spices',
    'cookies', 'biscuits', 'muffins?', 'cupcakes?', 'brownies', 'pancakes?', 'waffles?', 'steaks?', 'turkey', 'salmon', 'dough', 'noodles', 'burgers?', 'fries', 'garlic', 'lettuce', 'meat', 'beef', 'pork', 'butter', 'flour', 'sugar',
    'desserts?', 'sauce', 'curry', 'stew', 'tacos?', 'sushi', 'ingredients', 'calories',
  ],
  home: [
    'room', 'bedroom', 'kitchen', 'bathroom', 'living room', 'garage', 'garden', 'yard', 'lawn', 'house', 'apartment', 'flat', 'attic', 'basement', 'roof', 'driveway', 'porch', 'fence',
    'windows', 'curtains?', 'carpets?', 'rugs?', 'couch', 'sofa', 'bed', 'pillows?', 'blankets?', 'chairs?', '(?:dining |kitchen |coffee )tables?', 'desk', 'lamps?', 'piano', 'guitar', 'furniture', 'book ?shel(?:f|ves)', 'bookcases?', 'cabinets?', 'dressers?', 'mirrors?', 'sink', 'bath ?tub', 'shower', 'toilet', 'doors?', 'stairs',
    'lights?', 'light ?bulbs?', 'shelf', 'shelves', 'closet', 'wardrobe', 'fridge', 'freezer', 'oven', 'stove', 'dishwasher', 'microwave', '(?:kitchen |rubbish |recycling )bins?', 'plants', 'flowers', 'toys',
  ],
  belongings: [
    'socks', 'shirts?', 'sweaters?', 'towels?', 'dress(?:es)?', 'skirts?', 'shorts', 'gloves', 'ties', 'underwear', 'bed ?sheets', 'bedding', 'uniforms?', 'pyjamas', 'pajamas', 'jackets?', 'coats?', 'trousers', 'jeans', 'shoes', 'boots', 'hats?', 'scarf', 'clothes', 'laundry', 'dishes', 'wallet', 'purse', 'pockets?',
    'glasses', 'sunglasses', 'umbrella', 'passport', 'luggage', 'suitcase', 'backpack', 'sleeping bag', 'tent', '(?:tv |television )remote', 'necklace', 'jewell?e?ry', 'money', 'cash',
  ],
  vehicles: ['car', 'bikes?', 'bicycle', 'motorbike', 'scooter', 'tires?', 'tyres?', '(?:tire |tyre )pressure', 'brakes', 'windshield'],
  places: [
    'restaurants?', 'caf[eé]s?', 'pubs?', 'hotels?', 'beach(?:es)?', 'airports?', 'train stations?', 'station', 'city', 'cities', 'towns?', 'villages?', 'country', 'countries', 'capitals?(?! letters?)', 'museums?',
    'parks?', 'banks?', 'gyms?', 'church(?:es)?', 'schools?', 'supermarkets?', 'shops?', 'ponds?', 'lakes?', 'rivers?', 'islands?', 'bridges?', 'streets?', 'neighbou?rhoods?',
  ],
  nature: [
    'planets?', 'stars', 'moons?', 'sun', 'solar system', 'universe', 'galax(?:y|ies)', 'aliens', 'weather', 'rain', 'snow', 'wind', 'oceans?', 'seas?', 'mountains?', 'hills?',
    'forest', 'woods', '(?:oak|pine|maple|apple|cherry|christmas|family) trees?', 'roses?', 'hedges?', 'shrubs?', 'bushes', '(?:rose |plant |tomato )?cuttings?', '(?:tomato|potted|house) plants',
  ],
  events: [
    'meetings?', 'appointments?', 'birthday', 'anniversary', 'vacation', 'holidays?', 'trip', 'weekend(?: plans)?', 'wedding', 'homework', 'taxes', 'bills?', 'debts?', 'enemies',
    'jokes?', 'poems?', 'songs?', 'stor(?:y|ies)', 'movies?', 'novels?', 'flights?', 'trains?',
    'part(?:y|ies)', 'barbecues?', 'picnics?', 'concerts?', 'game night', 'movie night', 'sleepover',
  ],
  work: ['deadlines?', 'budgets?', 'proposals?', 'promotion', 'salary', 'career', '(?:job )?interviews?', 'marketing', 'sales team', '(?:quarterly |yearly |annual )?goals?', 'negotiations?', 'team(?:mates?)?'],
};

// Such a thing owned or pointed at ("my parrot", "the kitchen bin", "my sister's hairstyle"), unless a computer noun follows ("the cat command", "my dog photos folder").
const everydayThing = new RegExp(
  `\\b(?:my|our|your|his|her|their|the|a|an|some|this|that)\\s+(?:[a-z]+(?:['’]s)?\\s+){0,2}?(${Object.values(kinds).flat().join('|')})\\b` +
    `(?!\\s*(?:command|program|utility|process|output|shell|files?|folders?|director(?:y|ies)|paths?|names?|links?|lines?|ids?|numbers?|\\.\\w))` +
    // Keys of a door or a car, not of ssh or an API.
    `|\\b(?:my|our|your|his|her|their|the) (?:(?:car|house|door|front door|spare|office) )?keys\\b`,
);

// Everyday things whose name starts with a shell noun: "port wine", "the remote control", "the process of grief", "a terminal illness".
const compounds = /\b(?:port (?:wine|city|town|of call)|remote controls?|process of (?:grief|healing|elimination|growing up|aging|ageing)|terminal (?:illness|cancer|disease)|(?:airport|bus|ferry) terminals?|window (?:cleaner|washer|box|seat)|bug (?:spray|bites?)|mouse ?traps?|root canals?|(?:egg|sea|snail|turtle) ?shells?|cookie (?:jar|dough|cutters?)|log (?:cabins?|fires?)|kernels? of corn|corn kernels?|tree ?houses?|head office|memory lane|tabs? at the bar)\b/g;

// Sayings that borrow a shell verb: "kill some time", "the root of the problem", "print money", "tar the roof".
const sayings = /\b(?:kill(?:ing)? (?:some |the |a little )?time|(?:root|heart) of (?:the|this|that|our|my|all) (?:problem|issue|matter|evil|trouble)|print(?:ing)? money|tar (?:the|a) (?:roof|road|driveway)|touch(?:ing)? (?:base|grass|wood)|make ends meet|kill two birds|in (?:my|your|his|her|our|their) (?:head|brain|mind|heart|dreams?|imagination|soul)|branch(?:es|ed|ing)? out|fork(?:s|ed|ing)? (?:over|out)|pull(?:s|ed|ing)? the plug|push(?:es|ed|ing)? the envelope|mov(?:e|es|ed|ing) on from|clean(?:s|ed|ing)? up (?:my|your|his|her|our|their) act|clear(?:s|ed|ing)? (?:my|your|his|her|our|their) (?:head|mind)|let (?:it|them) (?:all )?go)\b/;

/** The request is about a thing of everyday life or is a saying, by its words alone. */
export function aboutEverydayLife(lower: string): boolean {
  return sayings.test(lower) || everydayThing.test(lower) || withoutCompounds(lower) !== lower;
}

/** A saying is everyday speech whatever computer word it borrows ("a folder in my head"). */
export function isSaying(lower: string): boolean {
  return sayings.test(lower);
}

/** The request without everyday things named with a shell noun ("port wine", "the process of grief"), whose shell noun is no computer word. */
export function withoutCompounds(lower: string): string {
  return lower.replace(compounds, ' ');
}

// Talk to the assistant rather than a task: its taste, its opinion, trivia and stories ("your favourite distro", "who invented git", "tell me a story about a process").
const chatter = /\b(?:(?:what(?:'s| is| are)|which is) your (?:favou?rite|opinion)|your favou?rite|what do you think (?:of|about)|how do you feel about|do you (?:like|love|prefer|hate)|who (?:invented|created|designed|founded|came up with)|(?:\w+ )?reasons (?:to|why|for) (?!(?:\S+ ){0,3}(?:fail|failed|failing|error)\b)|pros and cons|(?:tell|write|sing|compose|make up)(?: me| us)? (?:an?|some) (?:(?:short|funny|little|sad|bedtime) )?(?:story|stories|joke|jokes|poem|haiku|song|limerick|essay|riddle)\b)/;

/** The request talks to Paladin (its taste, trivia, a story) rather than asking for a task. */
export function isChatter(lower: string): boolean {
  return chatter.test(lower);
}
