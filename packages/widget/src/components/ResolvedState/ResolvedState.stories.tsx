import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { ResolvedState } from './ResolvedState.js';

const meta = {
  title: 'Components/ResolvedState',
  component: ResolvedState,
  args: { onRate: fn(), onStartNew: fn() },
} satisfies Meta<typeof ResolvedState>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Resolved and not rated yet: the rating form and "Start a new conversation". */
export const NotRated: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByText(t('resolved.title'))).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: t('resolved.startNew') }));
    await expect(args.onStartNew).toHaveBeenCalledOnce();
  },
};

/** Already rated. */
export const Rated: Story = {
  args: { rating: { score: 4, comment: 'Terima kasih!' } },
};

/** The rating is being sent. */
export const RatingSubmitting: Story = {
  args: { ratingSubmitting: true },
};
