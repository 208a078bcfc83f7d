/**
 * Puts `css` into a shadow root: a constructable stylesheet where the browser has them (not subject to
 * `style-src`, so a strict CSP needs nothing), else a `<style>` element carrying the loader's nonce.
 * Styles go away with the shadow root; nothing removes them one by one.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.prepend(style);
}
