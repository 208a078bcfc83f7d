/**
 * A channel link that carries the conversation's reference (issue 12: one conversation across channels), in its
 * query parameter `name` (`text` for WhatsApp, `subject` for email). Without that parameter (or with it empty)
 * the link gets `sentence`; with the site's own words there, they stay and the reference follows them in
 * parentheses. The other parameters and the fragment stay. Spaces are written `%20`: mail programs read a `+` in
 * a mailto link as a plus sign.
 *
 * @example
 * ```ts
 * linkWithReference('https://wa.me/6281234567890', 'text', 'Halo, saya lanjut dari chat di situs. Ref SP-7KQ2', 'Ref SP-7KQ2');
 * // 'https://wa.me/6281234567890?text=Halo%2C%20saya%20lanjut%20dari%20chat%20di%20situs.%20Ref%20SP-7KQ2'
 * linkWithReference('https://wa.me/62812?text=Halo%20Toko', 'text', '…', 'Ref SP-7KQ2');
 * // 'https://wa.me/62812?text=Halo%20Toko%20%28Ref%20SP-7KQ2%29'
 * ```
 */
export function linkWithReference(href: string, name: string, sentence: string, reference: string): string {
  const url = new URL(href);
  const query = url.searchParams;
  const own = query.get(name);
  query.set(name, own ? `${own} (${reference})` : sentence);
  // URLSearchParams writes a space as "+" and a plus sign as "%2B": every "+" it wrote is a space.
  url.search = query.toString().replaceAll('+', '%20');
  return url.href;
}
