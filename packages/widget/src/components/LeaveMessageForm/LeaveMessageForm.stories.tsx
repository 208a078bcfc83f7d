import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { now } from '../../stories-support/fixtures.js';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { LeaveMessageForm } from './LeaveMessageForm.js';

const meta = {
  title: 'Components/LeaveMessageForm',
  component: LeaveMessageForm,
  args: {
    availability: { online: false, nextOpenAt: '2026-11-21T01:00:00Z' },
    onSubmit: fn(),
    now,
  },
} satisfies Meta<typeof LeaveMessageForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nobody is online: an honest promise and a form to leave a message. */
export const LeaveAMessage: Story = {};

/** A known customer: the name and email the site has are not asked again, only the message. */
export const KnownCustomer: Story = {
  args: { known: { name: 'Budi Santoso', email: 'budi@example.com' } },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.queryByRole('textbox', { name: t('form.email') })).toBeNull();
    await userEvent.type(canvas.getByRole('textbox', { name: t('leave.message') }), 'Sepatu kekecilan');
    await userEvent.click(canvas.getByRole('button', { name: t('leave.submit') }));
    await expect(args.onSubmit).toHaveBeenCalledWith({ message: 'Sepatu kekecilan' });
  },
};

/** Submitted without the required fields. */
export const WithErrors: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('leave.submit') }));
    await expect(canvas.getAllByText(t('form.required')).length).toBeGreaterThanOrEqual(1);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Being sent. */
export const Submitting: Story = {
  args: { submitting: true, initialValue: { name: 'Sari', email: 'sari@example.com', message: 'Halo' } },
};

/** Accepted: the thank-you. */
export const Submitted: Story = {
  args: { submitted: true },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByRole('status')).toHaveTextContent(storyT(globals)('leave.sent'));
  },
};
