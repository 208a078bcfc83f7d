import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { minutesAgo } from '../../stories-support/clock.js';
import {
  agent,
  bot,
  conversation,
  message,
  now,
  sampleText,
  visitor,
} from '../../stories-support/fixtures.js';
import { storyLocale, storyT, widget } from '../../stories-support/story-helpers.js';
import { ConversationList } from './ConversationList.js';

const conversations = [
  conversation({ id: 'conversation-3', lastSeq: 4, updatedAt: minutesAgo(3) }),
  conversation({ id: 'conversation-2', status: 'resolved', lastSeq: 9, updatedAt: minutesAgo(60 * 26) }),
  conversation({ id: 'conversation-1', status: 'resolved', lastSeq: 2, updatedAt: minutesAgo(60 * 24 * 12) }),
];

const meta = {
  title: 'Components/ConversationList',
  component: ConversationList,
  args: { conversations, onSelect: fn(), onStartNew: fn(), now },
} satisfies Meta<typeof ConversationList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A returning customer's conversations: open first, resolved ones marked. */
export const Several: Story = {
  render: (args, { globals }) => {
    const locale = storyLocale(globals);
    return (
      <ConversationList
        {...args}
        lastMessages={{
          'conversation-3': message(agent, sampleText(locale, 'answer'), 3, {
            conversationId: 'conversation-3',
          }),
          'conversation-2': message(visitor, sampleText(locale, 'thanks'), 60 * 26, {
            conversationId: 'conversation-2',
          }),
          'conversation-1': message(bot, sampleText(locale, 'greeting'), 60 * 24 * 12, {
            conversationId: 'conversation-1',
          }),
        }}
      />
    );
  },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('conversations.new') }));
    await expect(args.onStartNew).toHaveBeenCalledOnce();
  },
};

/** No conversations yet. */
export const Empty: Story = {
  args: { conversations: [] },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByText(storyT(globals)('conversations.empty'))).toBeInTheDocument();
  },
};
