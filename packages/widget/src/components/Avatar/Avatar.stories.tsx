import type { Meta, StoryObj } from '@storybook/preact-vite';
import { agent, bot, system, visitor } from '../../stories-support/fixtures.js';
import { Avatar } from './Avatar.js';

const meta = {
  title: 'Components/Avatar',
  component: Avatar,
  args: { participant: agent, size: 28 },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A human agent: initials. */
export const Agent: Story = {};

/** The rule bot. */
export const Bot: Story = { args: { participant: bot } };

/** The visitor. */
export const Visitor: Story = { args: { participant: visitor, size: 40 } };

/** A participant without a name. */
export const Unnamed: Story = { args: { participant: system } };
