import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { RatingForm } from './RatingForm.js';

const meta = {
  title: 'Components/RatingForm',
  component: RatingForm,
  args: { onSubmit: fn() },
} satisfies Meta<typeof RatingForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** CSAT after a resolved conversation: five scores and an optional comment. */
export const Rating: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: t('rating.score5') }));
    await userEvent.type(canvas.getByRole('textbox'), 'Cepat dan ramah');
    await userEvent.click(canvas.getByRole('button', { name: t('rating.submit') }));
    await expect(args.onSubmit).toHaveBeenCalledWith(5, 'Cepat dan ramah');
  },
};

/** Sent without a score: asks for one. */
export const MissingScore: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('rating.submit') }));
    await expect(canvas.getByText(t('rating.choose'))).toBeInTheDocument();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Accepted: the thank-you. */
export const Thanks: Story = {
  args: { submitted: true },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByRole('status')).toHaveTextContent(
      storyT(globals)('rating.thanks'),
    );
  },
};
