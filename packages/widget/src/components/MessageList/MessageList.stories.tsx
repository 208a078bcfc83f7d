import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import {
  agent,
  attachmentMessages,
  cardAndRepliesMessages,
  conversationMessages,
  everyAuthorMessages,
  longContentMessages,
  manyMessages,
  message,
  now,
  numbered,
  quickReplies,
  sampleText,
  visitor,
} from '../../stories-support/fixtures.js';
import { storyLocale, storyT, widget } from '../../stories-support/story-helpers.js';
import { MESSAGE_WINDOW, MessageList } from './MessageList.js';

const meta = {
  title: 'Components/MessageList',
  component: MessageList,
  args: { messages: [], now, onRetry: fn(), onAction: fn(), onLoadOlder: fn() },
  decorators: [
    (Story) => (
      <div style={{ height: '480px', display: 'flex', flexDirection: 'column', maxWidth: '400px' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A short conversation across two days: day separators from the pinned clock ("Yesterday", "Today"). */
export const Conversation: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={conversationMessages(storyLocale(globals))} agentReadSeq={6} />
  ),
  play: async ({ canvasElement, globals }) => {
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('log')).toBeInTheDocument();
    const today = storyLocale(globals) === 'id' ? 'Hari ini' : 'Today';
    await expect(canvas.getByText(today)).toBeInTheDocument();
  },
};

/** Visitor, agent, bot and system messages together. */
export const EveryAuthor: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={everyAuthorMessages(storyLocale(globals))} />
  ),
};

/** A remote participant is typing. */
export const Typing: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={conversationMessages(storyLocale(globals))} typing={[agent]} />
  ),
  play: async ({ canvasElement, globals }) => {
    await expect(
      widget(canvasElement).getByText(storyT(globals)('typing.one', { name: 'Dewi' })),
    ).toBeInTheDocument();
  },
};

/** Long messages, words without breaks and unbroken URLs. */
export const LongMessages: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={longContentMessages(storyLocale(globals))} />
  ),
};

/** 500 messages: only the newest window is in the DOM; "Show older messages" reveals more. */
export const FiveHundredMessages: Story = {
  render: (args, { globals }) => <MessageList {...args} messages={manyMessages(500, storyLocale(globals))} />,
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    const log = canvas.getByRole('log');
    await expect(log.querySelectorAll('.sapa-day').length).toBeGreaterThan(0);
    const shown = () => log.querySelectorAll('li:not(.sapa-day)').length;
    await expect(shown()).toBe(MESSAGE_WINDOW);
    await userEvent.click(canvas.getByRole('button', { name: t('messages.older') }));
    // The next window is drawn on the next render, which a busy test machine may not have reached yet.
    await waitFor(() => expect(shown()).toBe(MESSAGE_WINDOW * 2));
  },
};

/** Older messages exist on the backend and are being fetched. */
export const LoadingOlder: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={conversationMessages(storyLocale(globals))} hasMore loadingOlder />
  ),
};

/** A message that could not be delivered, with Retry, and one still sending. */
export const FailedDelivery: Story = {
  render: (args, { globals }) => {
    const locale = storyLocale(globals);
    return (
      <MessageList
        {...args}
        messages={numbered([
          ...conversationMessages(locale),
          message(visitor, sampleText(locale, 'question'), 1, {
            delivery: 'failed',
            error: { code: 'network', message: 'The network request failed.' },
          }),
          message(visitor, sampleText(locale, 'thanks'), 0, { delivery: 'sending' }),
        ])}
      />
    );
  },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    await userEvent.click(widget(canvasElement).getByRole('button', { name: t('message.retry') }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** Pictures and files, including a right-to-left file name. */
export const Attachments: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={attachmentMessages(storyLocale(globals))} />
  ),
};

/** A product card, then the bot's quick replies on the last message. */
export const CardsAndQuickReplies: Story = {
  render: (args, { globals }) => (
    <MessageList {...args} messages={cardAndRepliesMessages(storyLocale(globals))} />
  ),
  play: async ({ canvasElement, globals, args }) => {
    const label = quickReplies(storyLocale(globals))[0]?.label ?? '';
    await userEvent.click(widget(canvasElement).getByRole('button', { name: label }));
    await expect(args.onAction).toHaveBeenCalledOnce();
  },
};
