/**
 * Every story renders like the widget does: inside a shadow root with the widget's stylesheet, under an
 * I18nProvider for the chosen language, with theme and accent on the root element, at a pinned "now".
 * Toolbars switch language, theme, accent and viewport; the test runs set them per Vitest project.
 */
import type { Locale } from '@sapa/protocol';
import type { Decorator, Preview } from '@storybook/preact-vite';
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { createI18n } from '../packages/widget/src/i18n/create-i18n.js';
import { I18nProvider } from '../packages/widget/src/i18n/I18nProvider.js';
import { installPinnedClock } from '../packages/widget/src/stories-support/clock.js';
import { StoryFrame } from '../packages/widget/src/stories-support/StoryFrame.js';
import { accentColor, storyTheme } from '../packages/widget/src/stories-support/story-helpers.js';

installPinnedClock();

function LocalizedFrame({
  locale,
  theme,
  accent,
  mode,
  children,
}: {
  locale: Locale;
  theme: 'light' | 'dark' | 'auto';
  accent: string;
  mode: 'component' | 'bare';
  children: ComponentChildren;
}) {
  const i18n = useMemo(() => createI18n({ locale }), [locale]);
  return (
    <I18nProvider i18n={i18n}>
      <StoryFrame theme={theme} accentColor={accentColor(accent)} mode={mode}>
        {children}
      </StoryFrame>
    </I18nProvider>
  );
}

const withWidgetFrame: Decorator = (Story, context) => {
  const locale: Locale = context.globals.locale === 'id' ? 'id' : 'en';
  const theme = storyTheme(context.globals);
  const accent = typeof context.globals.accent === 'string' ? context.globals.accent : 'default';
  // Keyed by locale so that every component re-reads its strings (and Intl formats) after a switch.
  return (
    <LocalizedFrame
      key={locale}
      locale={locale}
      theme={theme}
      accent={accent}
      mode={context.parameters.sapaFrame === 'bare' ? 'bare' : 'component'}
    >
      <Story />
    </LocalizedFrame>
  );
};

const preview: Preview = {
  decorators: [withWidgetFrame],
  globalTypes: {
    locale: {
      description: 'Language of the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'id', title: 'Bahasa Indonesia' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the widget',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
        ],
        dynamicTitle: true,
      },
    },
    accent: {
      description: 'Accent colour (--sapa-accent)',
      toolbar: {
        title: 'Accent',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default accent' },
          { value: 'teal', title: 'Teal #0f766e' },
          { value: 'indigo', title: 'Indigo #4338ca' },
          { value: 'crimson', title: 'Crimson #b91c1c' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    locale: 'en',
    theme: 'light',
    accent: 'default',
    viewport: { value: 'desktop', isRotated: false },
  },
  parameters: {
    layout: 'padded',
    viewport: {
      options: {
        mobile: { name: 'Mobile (375 px)', styles: { width: '375px', height: '667px' }, type: 'mobile' },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    // An axe violation fails the story's test, in the test runs and in Storybook's test panel.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
