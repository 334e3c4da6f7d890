// The checks of every candidate plan read the same things of the same
// request: which copies it states, which kinds it excepts. Each reading is
// done once for each request's words and kept until other words come.

/** `read`, done again only when the words change; what it returns is shared, so never changed by a caller. */
export function readOnce<T>(read: (words: string) => T): (words: string) => T {
  let last: { words: string; value: T } | undefined;
  return (words) => {
    if (last?.words !== words) last = { words, value: read(words) };
    return last.value;
  };
}
