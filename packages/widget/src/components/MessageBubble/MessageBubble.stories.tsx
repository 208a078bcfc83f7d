import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import {
  agent,
  attachments,
  bot,
  message,
  productCard,
  quickReplies,
  sampleText,
  system,
  visitor,
} from '../../stories-support/fixtures.js';
import { storyLocale, storyT, widget } from '../../stories-support/story-helpers.js';
import { MessageBubble } from './MessageBubble.js';

const meta = {
  title: 'Components/MessageBubble',
  component: MessageBubble,
  args: {
    message: message(agent, sampleText('en', 'answer'), 5, { seq: 4 }),
    showAuthor: true,
    seen: false,
    showActions: true,
    onRetry: fn(),
    onAction: fn(),
  },
} satisfies Meta<typeof MessageBubble>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A reply from a human agent, with name and avatar. */
export const FromAgent: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      message={message(agent, sampleText(storyLocale(globals), 'answer'), 5, { seq: 4 })}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText('Dewi')).toBeInTheDocument();
  },
};

/** The visitor's own message, delivered and seen by the team. */
export const OwnSeen: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      seen
      message={message(visitor, sampleText(storyLocale(globals), 'question'), 6, { seq: 2 })}
    />
  ),
  play: async ({ canvasElement, globals }) => {
    await expect(
      widget(canvasElement).getByText(new RegExp(storyT(globals)('message.seen'))),
    ).toBeInTheDocument();
  },
};

/** Still sending: pending messages have no seq yet. */
export const Sending: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      message={message(visitor, sampleText(storyLocale(globals), 'thanks'), 0, { delivery: 'sending' })}
    />
  ),
};

/** Failed delivery: says so and offers Retry with the same message. */
export const FailedDelivery: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      message={message(visitor, sampleText(storyLocale(globals), 'thanks'), 1, {
        delivery: 'failed',
        error: { code: 'network', message: 'The network request failed.' },
      })}
    />
  ),
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByText(new RegExp(t('message.failed')))).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: t('message.retry') }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** From the rule bot, with quick replies. */
export const BotWithQuickReplies: Story = {
  render: (args, { globals }) => {
    const locale = storyLocale(globals);
    return (
      <MessageBubble
        {...args}
        message={message(bot, sampleText(locale, 'greeting'), 1, { seq: 1, actions: quickReplies(locale) })}
      />
    );
  },
  play: async ({ canvasElement, globals, args }) => {
    const label = quickReplies(storyLocale(globals))[0]?.label ?? '';
    await userEvent.click(widget(canvasElement).getByRole('button', { name: label }));
    await expect(args.onAction).toHaveBeenCalledOnce();
  },
};

/** A product card from the agent. */
export const Card: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      message={message(agent, '', 3, { seq: 3, type: 'card', card: productCard(storyLocale(globals)) })}
    />
  ),
};

/** A picture the visitor sent. */
export const ImageAttachment: Story = {
  render: (args) => (
    <MessageBubble
      {...args}
      message={message(visitor, '', 3, { seq: 3, type: 'file', attachments: [attachments.image] })}
    />
  ),
};

/** A system line, e.g. the conversation was resolved. */
export const SystemEvent: Story = {
  render: (args, { globals }) => (
    <MessageBubble
      {...args}
      message={message(system, sampleText(storyLocale(globals), 'resolved'), 1, { seq: 9, type: 'event' })}
    />
  ),
};

/** A word with no break opportunity and a long URL must wrap inside the bubble, never overflow it. */
export const LongWordsAndUrls: Story = {
  render: (args) => (
    <div style={{ width: '320px' }}>
      <MessageBubble
        {...args}
        message={message(
          agent,
          `${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3)} https://toko.example.com/${'a-very-long-path-'.repeat(10)}`,
          2,
          { seq: 5 },
        )}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const link = widget(canvasElement).getByRole('link');
    const bubble = link.closest('li, div') as HTMLElement;
    // Nothing wider than the 320 px column: long words wrap.
    await expect(bubble.scrollWidth).toBeLessThanOrEqual(320);
  },
};
