import { MAX_TEXT_LENGTH } from '@sapa/protocol';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { Composer } from './Composer.js';

const meta = {
  title: 'Components/Composer',
  component: Composer,
  args: {
    onSend: fn(),
    onFiles: fn(),
    onTyping: fn(),
    accept: ['image/*', 'application/pdf', 'text/plain'],
  },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready to write: Enter sends the trimmed text and clears the box. */
export const Ready: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    const textbox = canvas.getByRole('textbox', { name: t('composer.label') });
    await userEvent.type(textbox, '  Halo, pesanan saya belum sampai.{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('Halo, pesanan saya belum sampai.');
    await expect(textbox).toHaveValue('');
    await expect(args.onTyping).toHaveBeenCalledWith(true);
  },
};

/** A restored draft; the send button sends it. */
export const Draft: Story = {
  args: { initialValue: 'Apakah bisa dikirim hari ini?' },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    await userEvent.click(widget(canvasElement).getByRole('button', { name: t('composer.send') }));
    await expect(args.onSend).toHaveBeenCalledWith('Apakah bisa dikirim hari ini?');
  },
};

/** Over the protocol's limit: says by how much and will not send. */
export const TooLong: Story = {
  args: { initialValue: 'a'.repeat(MAX_TEXT_LENGTH + 5) },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByText(t('composer.tooLong', { count: 5 }))).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: t('composer.send') }));
    await expect(args.onSend).not.toHaveBeenCalled();
  },
};

/** A file the backend would not take: the composer says which one and why, as an alert. */
export const FileRefused: Story = {
  render: (args, { globals }) => (
    <Composer
      {...args}
      notice={storyT(globals)('composer.fileTooLarge', { name: 'video-unboxing.mp4', size: '10 MB' })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    await expect(widget(canvasElement).getByRole('alert')).toHaveTextContent(
      t('composer.fileTooLarge', { name: 'video-unboxing.mp4', size: '10 MB' }),
    );
  },
};

/** The conversation is resolved: disabled, and says why. */
export const Resolved: Story = {
  args: { disabledReason: 'resolved' },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const textbox = widget(canvasElement).getByRole('textbox', { name: t('composer.label') });
    await expect(textbox).toBeDisabled();
    await expect(textbox).toHaveAccessibleDescription(t('composer.reason.resolved'));
  },
};

/** The site requires a signed-in visitor. */
export const IdentityRequired: Story = {
  args: { disabledReason: 'identity' },
};

/** Without file uploads: no attach button. */
export const TextOnly: Story = {
  args: { onFiles: undefined },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    await expect(widget(canvasElement).queryByRole('button', { name: t('composer.attach') })).toBeNull();
  },
};
