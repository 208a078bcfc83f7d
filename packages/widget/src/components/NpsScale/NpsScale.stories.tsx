import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { npsActions } from '../../stories-support/care-fixtures.js';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { NpsScale } from './NpsScale.js';

const meta = {
  title: 'Components/NpsScale',
  component: NpsScale,
  args: { actions: npsActions, onAnswer: fn(), onReply: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '320px' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof NpsScale>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 0 to 10 with its end labels, answered with a comment. */
export const Scale: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: t('nps.score10') }));
    await userEvent.type(canvas.getByRole('textbox'), 'Pengirimannya cepat');
    await userEvent.click(canvas.getByRole('button', { name: t('nps.submit') }));
    await expect(args.onAnswer).toHaveBeenCalledWith(npsActions[10], 'Pengirimannya cepat');
  },
};

/** Sent without a score: asks for one. */
export const MissingScore: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('nps.submit') }));
    await expect(canvas.getByText(t('nps.choose'))).toBeInTheDocument();
    await expect(args.onAnswer).not.toHaveBeenCalled();
  },
};
