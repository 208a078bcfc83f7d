/**
 * A small bar for a part of a whole, beside the number it draws (which carries the meaning: the bar is hidden from
 * screen readers). SVG, so no inline style is needed under the console's CSP.
 */
export function ShareBar({ part, whole }: { part: number; whole: number }) {
  const width = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return (
    <svg class="share-bar" width="100" height="10" viewBox="0 0 100 10" aria-hidden="true">
      <rect class="share-bar__track" width="100" height="10" />
      <rect class="share-bar__fill" width={width} height="10" />
    </svg>
  );
}
