/** The launcher's accessible name per locale, the same strings as `launcher.open` in the app's bundles. */
export const LAUNCHER_LABELS = { en: 'Open chat', id: 'Buka obrolan' } as const;

const SVG = 'http://www.w3.org/2000/svg';
// The same speech bubble as the app's Launcher component (Icon's 'chat'), so nothing changes when the app takes over.
const BUBBLE = 'M4 5h16v11H9l-5 4z';

/**
 * Draws the launcher button with DOM calls only (no markup strings): the one thing a visitor sees before
 * the chat app has loaded. `onIntent` fires on hover and focus (to fetch the app early), `onActivate` on click.
 */
export function drawLauncherPlaceholder(
  root: ShadowRoot,
  label: string,
  onIntent: () => void,
  onActivate: () => void,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', BUBBLE);
  icon.append(path);
  button.append(icon);
  for (const intent of ['pointerenter', 'focus']) button.addEventListener(intent, onIntent);
  button.addEventListener('click', onActivate);
  root.append(button);
  return button;
}
