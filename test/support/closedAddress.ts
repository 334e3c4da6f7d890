// An HTTP address nothing listens on, for tests of unreachable endpoints.
//
// A port taken with listen(0) and closed again can be handed to the next
// server that asks for one, in this process or another test's, and the
// "unreachable" endpoint then answers. Port 2 on a loopback address of its
// own cannot be taken that way: no server asks for it, listen(0) never
// hands it out, and fetch does not refuse it as it does port 1.

let next = 2;

/** `http://127.0.0.N:2`, a different N on each call, refused at once. */
export function closedUrl(): string {
  if (next > 254) throw new Error('closedUrl: out of loopback addresses');
  return `http://127.0.0.${next++}:2`;
}
