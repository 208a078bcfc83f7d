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

/** In a conversation: WhatsApp opens with its reference in the visitor's language, email with it as the subject. */
export const WithReference: Story = {
  args: { reference: 'SP-7KQ2' },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    const whatsapp = canvas.getByRole('link', { name: t('channel.whatsapp') });
    await expect(new URL(whatsapp.getAttribute('href') ?? '').searchParams.get('text')).toBe(
      t('channel.whatsappText', { reference: 'SP-7KQ2' }),
    );
    await expect(canvas.getByRole('link', { name: t('channel.email') })).toHaveAttribute(
      'href',
      'mailto:halo@toko.example.com?subject=Ref%20SP-7KQ2',
    );
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
