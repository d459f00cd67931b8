/** Query parameters whose names say they hold a secret: a token, a password, a key, a signature. */
const SECRET_NAME = /csrf|token|secret|passw|api[-_]?key|signature|^sig$|^key$|^code$/i;

/**
 * The URL with the value of every secret-looking query parameter replaced: what logs and audit rows
 * keep of a URL. No page or route puts a secret in a URL; this is the second line of defence if a
 * client does.
 */
export function redactSecretParams(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const redacted = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_NAME.test(safeDecode(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, start)}?${redacted.join('&')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
