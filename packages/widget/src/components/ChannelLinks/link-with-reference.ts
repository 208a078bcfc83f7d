/**
 * A channel link that carries the conversation's reference (issue 12: one conversation across channels), in its
 * query parameter `name` (`text` for WhatsApp, `subject` for email). Without that parameter (or with it empty)
 * the link gets `sentence`; with the site's own words there, they stay and the reference follows them in
 * parentheses. Everything else in the URL stays as it was. Values are percent-encoded with spaces as `%20`: mail
 * programs read a `+` in a mailto link as a plus sign.
 *
 * @example
 * ```ts
 * linkWithReference('https://wa.me/6281234567890', 'text', 'Halo, saya lanjut dari chat di situs. Ref SP-7KQ2', 'Ref SP-7KQ2');
 * // 'https://wa.me/6281234567890?text=Halo%2C%20saya%20lanjut%20dari%20chat%20di%20situs.%20Ref%20SP-7KQ2'
 * linkWithReference('https://wa.me/62812?text=Halo%20Toko', 'text', '…', 'Ref SP-7KQ2');
 * // 'https://wa.me/62812?text=Halo%20Toko%20(Ref%20SP-7KQ2)'
 * ```
 */
export function linkWithReference(href: string, name: string, sentence: string, reference: string): string {
  const hashAt = href.indexOf('#');
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const [base = '', query = ''] = href.slice(0, hashAt < 0 ? undefined : hashAt).split(/\?(.*)/s);
  const pairs = query ? query.split('&') : [];
  // Parameter names of a mailto link are case-insensitive (RFC 6068): "Subject" is the subject too.
  const index = pairs.findIndex((pair) => pair.split('=')[0]?.toLowerCase() === name);
  const pair = pairs[index] ?? '';
  const value = pair.includes('=') ? pair.slice(pair.indexOf('=') + 1) : '';
  const text = value ? `${value}${encodeURIComponent(` (${reference})`)}` : encodeURIComponent(sentence);
  pairs.splice(index < 0 ? pairs.length : index, index < 0 ? 0 : 1, `${name}=${text}`);
  return `${base}?${pairs.join('&')}${hash}`;
}
