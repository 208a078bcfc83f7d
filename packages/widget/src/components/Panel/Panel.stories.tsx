import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { widget } from '../../stories-support/story-helpers.js';
import { Panel } from './Panel.js';

const meta = {
  title: 'Components/Panel',
  component: Panel,
  args: { title: 'Toko Sapa' },
} satisfies Meta<typeof Panel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The empty chat window: a dialog named by the site. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByRole('dialog', { name: 'Toko Sapa' })).toBeInTheDocument();
  },
};
