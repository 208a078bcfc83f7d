import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { ReplyByEmail } from './ReplyByEmail.js';

const meta = {
  title: 'Components/ReplyByEmail',
  component: ReplyByEmail,
  args: { onSave: fn(async () => {}) },
} satisfies Meta<typeof ReplyByEmail>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Asked inside the conversation while nobody is online. */
export const Ask: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('email.label') }), 'sari@example.com');
    await userEvent.click(canvas.getByRole('button', { name: t('email.save') }));
    await expect(args.onSave).toHaveBeenCalledWith('sari@example.com');
  },
};

/** An address that is not one: said beside the field. */
export const InvalidAddress: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('email.label') }), 'sari@');
    await userEvent.click(canvas.getByRole('button', { name: t('email.save') }));
    await expect(canvas.getByText(t('form.invalidEmail'))).toBeInTheDocument();
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

/** Saved: where the answer goes. */
export const Saved: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: t('email.label') }), 'sari@example.com');
    await userEvent.click(canvas.getByRole('button', { name: t('email.save') }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      t('email.saved', { email: 'sari@example.com' }),
    );
  },
};
