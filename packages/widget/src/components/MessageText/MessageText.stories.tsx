import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { widget } from '../../stories-support/story-helpers.js';
import { MessageText } from './MessageText.js';

const meta = {
  title: 'Components/MessageText',
  component: MessageText,
  args: { text: 'Halo! Pesanan Anda sudah dikirim.' },
} satisfies Meta<typeof MessageText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Plain text. */
export const Plain: Story = {};

/** Links for http, https, mailto and tel only, with safe rel attributes. */
export const Links: Story = {
  args: {
    text: 'Track it at https://toko.example.com/orders/42, write to halo@toko.example.com or call tel:+6281234567890. Not a link: javascript:alert(1)',
  },
  play: async ({ canvasElement }) => {
    const links = widget(canvasElement).getAllByRole('link');
    for (const link of links) {
      await expect(link.getAttribute('href') ?? '').toMatch(/^(https?:|mailto:|tel:)/);
    }
    await expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
  },
};

/** Markup in a message is shown as text, never run or rendered as HTML. */
export const MarkupStaysText: Story = {
  args: { text: '<img src=x onerror="alert(1)"> <b>not bold</b> <script>alert(2)</script>' },
  play: async ({ canvasElement }) => {
    const root = widget(canvasElement);
    await expect(root.getByText(/<img src=x/)).toBeInTheDocument();
    await expect(
      canvasElement.querySelector('[data-sapa-story-host]')?.shadowRoot?.querySelector('img'),
    ).toBeNull();
  },
};

/** Many lines and a very long word. */
export const LongText: Story = {
  args: {
    text: `${'Terima kasih sudah menunggu. '.repeat(20)}\n\n${'Supercalifragilisticexpialidocious'.repeat(5)}`,
  },
};
