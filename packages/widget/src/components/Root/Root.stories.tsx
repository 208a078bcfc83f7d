import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn } from 'storybook/test';
import { storyRoot } from '../../stories-support/StoryFrame.js';
import { storyTheme } from '../../stories-support/story-helpers.js';
import { Launcher } from '../Launcher/Launcher.js';
import { Teaser } from '../Teaser/Teaser.js';
import { Root } from './Root.js';

const meta = {
  title: 'Components/Root',
  component: Root,
  // Root is the widget's own root element here, not the story frame's.
  parameters: {
    sapaFrame: 'bare',
  },
  args: { position: 'right' },
  render: (args, { globals }) => (
    <div style={{ minHeight: '420px' }}>
      <Root {...args} theme={args.theme ?? storyTheme(globals)}>
        <Teaser
          text="Halo Kak Sari, ada promo ongkir gratis hari ini."
          siteName="Toko Sapa"
          onReply={fn()}
          onAction={fn()}
          onDismiss={fn()}
        />
        <Launcher open={false} unreadCount={1} onToggle={fn()} />
      </Root>
    </div>
  ),
} satisfies Meta<typeof Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The widget's default accent, bottom right. */
export const Default: Story = {};

/** A site's own accent colour (`theme.accentColor`), bottom left. */
export const CustomAccentLeft: Story = {
  args: { accentColor: '#0f766e', position: 'left' },
  play: async ({ canvasElement }) => {
    const root = storyRoot(canvasElement).querySelector('.sapa-root') as HTMLElement;
    await expect(root.style.getPropertyValue('--sapa-accent')).toBe('#0f766e');
    await expect(root).toHaveAttribute('data-position', 'left');
  },
};

/** A colour that tries to smuggle other CSS is ignored. */
export const UnsafeAccentIgnored: Story = {
  args: { accentColor: 'red; background: url(https://tracker.example/pixel)' },
  play: async ({ canvasElement }) => {
    const root = storyRoot(canvasElement).querySelector('.sapa-root') as HTMLElement;
    await expect(root.style.getPropertyValue('--sapa-accent')).toBe('');
  },
};
