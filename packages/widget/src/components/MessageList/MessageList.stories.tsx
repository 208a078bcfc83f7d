import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import {
  agent,
  attachmentMessages,
  attachments,
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
import { focusedElement, storyLocale, storyT, widget } from '../../stories-support/story-helpers.js';
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

/**
 * 45 messages, all in the log and far more than fit: the history scrolls, and nothing in it is focusable, so
 * the scrolling region itself is a named stop for the keyboard (axe: scrollable-region-focusable).
 */
export const OverflowingHistory: Story = {
  render: (args, { globals }) => <MessageList {...args} messages={manyMessages(45, storyLocale(globals))} />,
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: t('messages.older') }));
    const log = canvas.getByRole('log', { name: t('messages.label') });
    // The next window is drawn on the next render, which a busy test machine may not have reached yet.
    await waitFor(() => expect(log.querySelectorAll('li:not(.sapa-day)').length).toBe(45));
    await expect(canvas.queryByRole('button', { name: t('messages.older') })).toBeNull();
    const history = canvas.getByRole('region', { name: t('messages.history') });
    await expect(history.scrollHeight).toBeGreaterThan(history.clientHeight * 3);
    await expect(history).toContainElement(log);
    // Reached by the keyboard: it is in the tab order, and takes focus.
    history.focus();
    await expect(focusedElement(canvasElement)).toBe(history);
    await expect(history.tabIndex).toBe(0);
  },
};

/** Where on screen character `index` of the first text node under `element` that holds `text` is drawn. */
function characterLeft(element: Element, text: string, index: number): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(text) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + index);
    range.setEnd(node, at + index + 1);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`No text "${text}" under the element.`);
}

/**
 * Bidi spoofing (issue 13): an agent named `\u202Eitsnah\u202C Admin` ("hansti Admin"), an account number
 * `\u202E0987654321\u202C` ("1234567890") and a file `invoice\u202Efdp.exe` ("invoiceexe.pdf"). Each control
 * shows as a marker, and the text is laid out in the order it was written.
 */
export const BidiSpoofing: Story = {
  render: (args, { globals }) => {
    const id = storyLocale(globals) === 'id';
    const spoofer = { ...agent, id: 'agent-spoof', name: '\u202Eitsnah\u202C Admin' };
    const messages = numbered([
      message(spoofer, `${id ? 'Transfer ke rekening' : 'Transfer to account'} \u202E0987654321\u202C`, 6),
      message(spoofer, id ? 'Ini fakturnya.' : 'Here is the invoice.', 5, {
        type: 'file',
        attachments: [{ ...attachments.pdf, name: 'invoice\u202Efdp.exe' }],
      }),
      message(spoofer, 'https://toko.example.com/invoice\u202Efdp.exe', 4),
    ]);
    return <MessageList {...args} messages={messages} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = widget(canvasElement);
    // Shown on the first message of the run, visually hidden (for screen readers) on the others.
    await expect(canvas.getAllByText('⟨U+202E⟩itsnah⟨U+202C⟩ Admin')).toHaveLength(3);
    // The file's part loads on demand: its name shows revealed before and after.
    await expect(canvas.getByText('invoice⟨U+202E⟩fdp.exe')).toBeInTheDocument();
    await expect(
      await canvas.findByRole('link', { name: 'https://toko.example.com/invoice⟨U+202E⟩fdp.exe' }),
    ).toBeInTheDocument();
    // As drawn: "0" left of "1", "fdp" left of "exe", "itsnah" left of "Admin".
    const log = canvas.getByRole('log');
    await expect(characterLeft(log, '0987654321', 0)).toBeLessThan(characterLeft(log, '0987654321', 9));
    await expect(characterLeft(log, 'fdp.exe', 0)).toBeLessThan(characterLeft(log, 'fdp.exe', 4));
    await expect(characterLeft(log, 'itsnah', 0)).toBeLessThan(characterLeft(log, ' Admin', 1));
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
