/**
 * Puts `css` into a shadow root: a constructable stylesheet where the browser has them (not subject to
 * `style-src`, so a strict CSP needs nothing), else a `<style>` element carrying the loader's nonce.
 * Returns the function that takes the styles out again.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): () => void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
