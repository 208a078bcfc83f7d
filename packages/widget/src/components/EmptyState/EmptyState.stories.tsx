import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { EmptyState } from './EmptyState.js';

const meta = {
  title: 'Components/EmptyState',
  component: EmptyState,
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages yet and no site greeting: the default welcome. */
export const DefaultGreeting: Story = {
  play: async ({ canvasElement, globals }) => {
    await expect(widget(canvasElement).getByText(storyT(globals)('empty.title'))).toBeInTheDocument();
  },
};

/** The site's own greeting. */
export const SiteGreeting: Story = {
  args: { greeting: 'Halo! Tanyakan apa saja tentang pesanan Anda.' },
};
