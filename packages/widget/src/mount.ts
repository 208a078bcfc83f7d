import type { Sapa, WidgetOptions } from './options.js';
import { createShell, type RunCommand } from './widget-shell.js';

/** Options of {@link mount}: the widget's options, and where to put it. */
export interface MountOptions extends WidgetOptions {
  /** Element the widget's host element is appended to; default `document.body`. */
  target?: Element;
}

/**
 * Mounts the chat widget from npm, without the script tag. Like `sapa.js`, it draws only the launcher at
 * first and loads the chat app (and calls the backend) when the visitor interacts or a command needs it;
 * your bundler splits the app into its own chunk. Returns the same command function as `window.Sapa`.
 *
 * @example
 * ```ts
 * import { mount } from '@sapa/widget';
 * const sapa = mount({ apiUrl: 'https://support.example.com', siteKey: 'demo', locale: 'id' });
 * sapa('on', 'unread', (count) => updateBadge(count));
 * sapa('identify', { userId: 'u-42', name: 'Budi' });
 * sapa('shutdown'); // removes everything it added
 * ```
 */
export function mount({ target, ...options }: MountOptions): Sapa {
  const shell: RunCommand = createShell({
    loadApp: () => import('./app/start-app.js'),
    ...(target ? { target } : {}),
  });
  shell('init', options);
  return shell as Sapa;
}
