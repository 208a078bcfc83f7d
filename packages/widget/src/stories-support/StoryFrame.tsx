import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Root } from '../components/Root/Root.js';
import { widgetStylesheet } from '../styles/widget-stylesheet.js';

/** Props of {@link StoryFrame}. */
export interface StoryFrameProps {
  theme: 'light' | 'dark' | 'auto';
  accentColor?: string;
  /** Width of the frame in CSS pixels; the widget's own media queries see the viewport, not this. */
  width?: number;
  /**
   * `bare`: no {@link Root} and no story surface, for containers (ChatApp) that draw their own root,
   * launcher and fixed panel exactly as on a site.
   */
  mode?: 'component' | 'bare';
  children?: ComponentChildren;
}

/**
 * Renders a story the way the widget really renders: inside an open shadow root on a host element, with
 * the widget's stylesheet adopted there and the {@link Root} element carrying theme and accent. Portals
 * keep the story's context (strings, locale) across the shadow boundary.
 */
export function StoryFrame({ theme, accentColor, width, mode = 'component', children }: StoryFrameProps) {
  const host = useRef<HTMLDivElement>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    // Adopted like the shell does (a constructable stylesheet), and taken out again on unmount.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetStylesheet());
    // Components sit on the panel's background in the widget; in a story they sit on the same surface,
    // so colour contrast is checked against what visitors really see, in both themes.
    const storySheet = new CSSStyleSheet();
    storySheet.replaceSync(
      '.sapa-story>.sapa-root{display:block;box-sizing:border-box;min-height:100%;padding:16px;background:var(--sapa-bg)}',
    );
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet, storySheet];
    const mountPoint = document.createElement('div');
    mountPoint.className = 'sapa-story';
    shadow.append(mountPoint);
    setContainer(mountPoint);
    return () => {
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter(
        (adopted) => adopted !== sheet && adopted !== storySheet,
      );
      mountPoint.remove();
      setContainer(null);
    };
  }, []);

  return (
    <div
      ref={host}
      data-sapa-story-host=""
      style={{ width: width ? `${width}px` : '100%', maxWidth: '100%', minHeight: '40px' }}
    >
      {container &&
        createPortal(
          mode === 'bare' ? (
            children
          ) : (
            <Root theme={theme} accentColor={accentColor}>
              {children}
            </Root>
          ),
          container,
        )}
    </div>
  );
}

/**
 * The element stories and their play functions query: the shadow root's mount point inside `canvas`.
 * Testing Library does not look through shadow roots, so play functions use `within(storyRoot(canvas))`.
 */
export function storyRoot(canvas: HTMLElement): HTMLElement {
  const mountPoint = canvas.querySelector('[data-sapa-story-host]')?.shadowRoot?.querySelector('.sapa-story');
  if (!(mountPoint instanceof HTMLElement)) {
    throw new Error(
      'The story has no shadow root: is the StoryFrame decorator of .storybook/preview.tsx in place?',
    );
  }
  return mountPoint;
}
