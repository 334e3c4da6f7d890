// Amounts said in words, whole: "twenty one", "forty-five", "one hundred and
// twenty", "two thousand", "a dozen", "a couple of". Read one word at a time,
// "older than twenty one days" became one day and "bigger than five hundred
// kilobytes" a hundred: an age or a size other than the one said, and a
// delete of files the request kept. A phrase is read whole or not at all.

const units: Readonly<Record<string, number>> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const teens: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tens: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Every number said in one word, to the hundreds: the words a count of things may be. */
export const numberWordValues: Readonly<Record<string, number>> = { ...units, ...teens, ...tens, hundred: 100, thousand: 1000 };

// Longest first, so that "seventeen" is not read as "seven" and "sixty" not as "six".
const alt = (words: Record<string, number>): string => Object.keys(words).sort((a, b) => b.length - a.length).join('|');
const join = String.raw`(?:\s+|\s*-\s*)`;
const below100 = String.raw`(?:(?:${alt(tens)})(?:${join}(?:${alt(units)}))?|${alt(teens)}|${alt(units)})`;
const hundreds = String.raw`(?:(?:a|${alt(units)})${join}hundred(?:(?:\s+and)?${join}${below100})?)`;
const thousands = String.raw`(?:(?:a|${hundreds}|${below100})${join}thousand(?:(?:\s+and)?${join}(?:${hundreds}|${below100}))?)`;

/**
 * A number in words, as a regular expression's source with no group of its
 * own: the longest phrase first ("twenty one" before "twenty", "a couple of"
 * before "a"), then "a", "an", "single", "couple" and "few" alone.
 */
export const numberPhrase = String.raw`(?:${thousands}|${hundreds}|(?:(?:a|half\s+a|${below100})\s+)?dozen|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|${below100}|hundred|thousand|single|few|an|a)`;

/** The amount a phrase `numberPhrase` matched says, or NaN when its words make no number ("twenty thirty", "one two"). */
export function spelledAmount(phrase: string): number {
  const words = phrase.toLowerCase().replace(/\bhalf\s+a\s+dozen\b/, 'six').split(/[\s-]+/).filter((w) => w !== '' && w !== 'and' && w !== 'of');
  if (words.length === 1) {
    const loose: Record<string, number> = { a: 1, an: 1, single: 1, couple: 2, few: 3, dozen: 12 };
    return numberWordValues[words[0]] ?? loose[words[0]] ?? NaN;
  }
  if (words[0] === 'a' && (words[1] === 'couple' || words[1] === 'few') && words.length === 2) return words[1] === 'couple' ? 2 : 3;
  let total = 0;
  let current = 0;
  let last: 'unit' | 'teen' | 'tens' | 'scale' | undefined;
  for (const [i, w] of words.entries()) {
    if (w === 'a' && i === 0) { current = 1; last = 'unit'; continue; }
    if (units[w] !== undefined || teens[w] !== undefined || tens[w] !== undefined) {
      const kind = units[w] !== undefined ? 'unit' : teens[w] !== undefined ? 'teen' : 'tens';
      // Two of a kind side by side, or a unit after "twenty" only: "one two", "twenty thirty" are no number.
      if (last === 'unit' || last === 'teen' || (last === 'tens' && kind !== 'unit')) return NaN;
      current += units[w] ?? teens[w] ?? tens[w];
      last = kind;
    } else if (w === 'hundred') {
      if (current === 0 || current >= 10) return NaN;
      current *= 100;
      last = 'scale';
    } else if (w === 'thousand') {
      if (current === 0 || total > 0) return NaN;
      total = current * 1000;
      current = 0;
      last = 'scale';
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      last = 'scale';
    } else return NaN;
  }
  return total + current;
}
