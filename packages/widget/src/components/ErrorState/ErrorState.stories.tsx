import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { ErrorState } from './ErrorState.js';

const meta = {
  title: 'Components/ErrorState',
  component: ErrorState,
  args: { detail: 'The chat could not reach https://support.example.com (status 503).', onRetry: fn() },
} satisfies Meta<typeof ErrorState>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The chat could not start: what failed, and Try again. */
export const CouldNotConnect: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(t('error.title'));
    await userEvent.click(canvas.getByRole('button', { name: t('error.retry') }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
