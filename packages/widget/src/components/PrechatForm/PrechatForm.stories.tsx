import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { PrechatForm } from './PrechatForm.js';

const meta = {
  title: 'Components/PrechatForm',
  component: PrechatForm,
  args: {
    fields: [
      { name: 'name', type: 'text', required: true },
      { name: 'email', type: 'email', required: true },
      { name: 'phone', type: 'tel', required: false },
      { name: 'order', type: 'text', required: false, label: { en: 'Order number', id: 'Nomor pesanan' } },
    ],
    onSubmit: fn(),
  },
} satisfies Meta<typeof PrechatForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before the first message: name, email, optional phone and order number. */
export const Empty: Story = {};

/** Submitted empty, then with a bad email: every error is shown, tied to its field, and focus moves to it. */
export const WithErrors: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('prechat.submit') }));
    await expect(canvas.getAllByText(t('form.required')).length).toBe(2);
    const email = canvas.getByRole('textbox', { name: new RegExp(t('form.email')) });
    await userEvent.type(email, 'sari@');
    await userEvent.click(canvas.getByRole('button', { name: t('prechat.submit') }));
    await expect(canvas.getByText(t('form.invalidEmail'))).toBeInTheDocument();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Filled in correctly: the trimmed values are submitted. */
export const Valid: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: new RegExp(t('form.name')) }), ' Sari ');
    await userEvent.type(
      canvas.getByRole('textbox', { name: new RegExp(t('form.email')) }),
      'sari@example.com',
    );
    await userEvent.click(canvas.getByRole('button', { name: t('prechat.submit') }));
    await expect(args.onSubmit).toHaveBeenCalledWith({ name: 'Sari', email: 'sari@example.com' });
  },
};
