import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { awayUntilTomorrow, awayWithEmailReplies } from '../../stories-support/care-fixtures.js';
import { now } from '../../stories-support/fixtures.js';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { OfflinePromise } from './OfflinePromise.js';

const meta = {
  title: 'Components/OfflinePromise',
  component: OfflinePromise,
  args: { availability: awayUntilTomorrow, hasEmail: false, now },
} satisfies Meta<typeof OfflinePromise>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Back tomorrow at 09:00 WIB; the answer comes here. */
export const BackTomorrow: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByText(/WIB/)).toHaveTextContent(storyT(globals)('promise.here'));
  },
};

/** The backend emails replies, and the visitor has no address yet: "and by email if you leave it". */
export const EmailIfLeft: Story = {
  args: { availability: awayWithEmailReplies },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByText(/WIB/)).toHaveTextContent(
      storyT(globals)('promise.hereOrEmail'),
    );
  },
};

/** The visitor left an address: here and by email. */
export const EmailKnown: Story = {
  args: { availability: awayWithEmailReplies, hasEmail: true },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByText(/WIB/)).toHaveTextContent(
      storyT(globals)('promise.hereAndEmail'),
    );
  },
};

/** Inside opening hours with nobody connected: the reply time instead of an opening time. */
export const ReplyTime: Story = {
  args: { availability: { online: false, replyTime: 'hours' } },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    await expect(widget(canvasElement).getByText(new RegExp(t('availability.hours')))).toBeInTheDocument();
  },
};
