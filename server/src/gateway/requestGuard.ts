// The API answers only requests addressed to it by a loopback name. A web
// page can make a browser send requests to 127.0.0.1 (and, by DNS rebinding,
// under a name the attacker controls); the Host and Origin headers give those
// away, so anything but our own loopback names is refused.

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/** `port` undefined means a unix socket: Host must then be a loopback name (curl sends "localhost"). */
export function hostAllowed(host: string | undefined, port: number | undefined): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  if (port === undefined) return loopbackNames.some((n) => value === n || value.startsWith(n + ':'));
  return loopbackNames.some((n) => value === `${n}:${port}`);
}

/** No Origin (curl, scripts, other processes) is fine; a browser's Origin must be our own. */
export function originAllowed(origin: string | undefined, port: number | undefined): boolean {
  if (origin === undefined) return true;
  const value = origin.trim().toLowerCase();
  if (port === undefined) return false;
  return loopbackNames.some((n) => value === `http://${n}:${port}`);
}
