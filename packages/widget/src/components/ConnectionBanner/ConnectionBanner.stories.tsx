import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { ConnectionBanner } from './ConnectionBanner.js';

const meta = {
  title: 'Components/ConnectionBanner',
  component: ConnectionBanner,
  args: { connection: 'open', storage: 'indexeddb' },
} satisfies Meta<typeof ConnectionBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Connected: an empty status region, ready to announce a change. */
export const Connected: Story = {};

/** The stream dropped and is being re-established. */
export const Reconnecting: Story = {
  args: { connection: 'reconnecting' },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByRole('status')).toHaveTextContent(
      storyT(globals)('connection.reconnecting'),
    );
  },
};

/** The browser is offline: messages wait in the outbox. */
export const Offline: Story = {
  args: { connection: 'offline' },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByRole('status')).toHaveTextContent(
      storyT(globals)('connection.offline'),
    );
  },
};

/** IndexedDB is unavailable: history lasts only as long as the page. */
export const MemoryOnlyStorage: Story = {
  args: { storage: 'memory' },
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByRole('status')).toHaveTextContent(
      storyT(globals)('connection.memory'),
    );
  },
};

/** Offline and memory-only at once. */
export const OfflineInMemory: Story = {
  args: { connection: 'offline', storage: 'memory' },
};
