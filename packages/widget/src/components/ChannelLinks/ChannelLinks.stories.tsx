import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { ChannelLinks } from './ChannelLinks.js';

const meta = {
  title: 'Components/ChannelLinks',
  component: ChannelLinks,
  args: {
    channels: [
      { type: 'whatsapp', url: 'https://wa.me/6281234567890' },
      { type: 'instagram', url: 'https://instagram.com/tokosapa' },
      { type: 'telegram', url: 'https://t.me/tokosapa' },
      { type: 'email', url: 'mailto:halo@toko.example.com' },
    ],
  },
} satisfies Meta<typeof ChannelLinks>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "Continue on WhatsApp" and other channels. */
export const Channels: Story = {
  play: async ({ canvasElement, globals }) => {
    const link = widget(canvasElement).getByRole('link', { name: storyT(globals)('channel.whatsapp') });
    await expect(link).toHaveAttribute('href', 'https://wa.me/6281234567890');
  },
};

/** A channel with an unsafe URL is left out. */
export const UnsafeUrlDropped: Story = {
  args: {
    channels: [
      { type: 'whatsapp', url: 'https://wa.me/6281234567890' },
      { type: 'link', url: 'javascript:alert(1)' },
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getAllByRole('link')).toHaveLength(1);
  },
};
