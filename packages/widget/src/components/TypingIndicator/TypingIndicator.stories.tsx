import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { agent, bot } from '../../stories-support/fixtures.js';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { TypingIndicator } from './TypingIndicator.js';

const meta = {
  title: 'Components/TypingIndicator',
  component: TypingIndicator,
  args: { participants: [agent] },
} satisfies Meta<typeof TypingIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An agent is typing. */
export const AgentTyping: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(
      widget(canvasElement).getByText(storyT(globals)('typing.one', { name: 'Dewi' })),
    ).toBeInTheDocument();
  },
};

/** Someone without a name is typing. */
export const Someone: Story = { args: { participants: [{ ...bot, name: undefined }] } };

/** Nobody: nothing is drawn. */
export const Nobody: Story = { args: { participants: [] } };
