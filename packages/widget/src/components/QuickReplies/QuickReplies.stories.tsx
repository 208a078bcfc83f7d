import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { quickReplies } from '../../stories-support/fixtures.js';
import { storyLocale, widget } from '../../stories-support/story-helpers.js';
import { QuickReplies } from './QuickReplies.js';

const meta = {
  title: 'Components/QuickReplies',
  component: QuickReplies,
  args: { actions: quickReplies('en'), onReply: fn() },
} satisfies Meta<typeof QuickReplies>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Reply buttons and a link. */
export const Replies: Story = {
  render: (args, { globals }) => <QuickReplies {...args} actions={quickReplies(storyLocale(globals))} />,
  play: async ({ canvasElement, globals, args }) => {
    const [first] = quickReplies(storyLocale(globals));
    await userEvent.click(widget(canvasElement).getByRole('button', { name: first?.label ?? '' }));
    await expect(args.onReply).toHaveBeenCalledWith(first);
  },
};

/** While a reply is being sent. */
export const Disabled: Story = {
  render: (args, { globals }) => (
    <QuickReplies {...args} disabled actions={quickReplies(storyLocale(globals))} />
  ),
};
