import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { Launcher } from './Launcher.js';

const meta = {
  title: 'Components/Launcher',
  component: Launcher,
  args: { open: false, unreadCount: 0, onToggle: fn() },
} satisfies Meta<typeof Launcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Closed, nothing unread: the button is named "Open chat" ("Buka obrolan"). */
export const Closed: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const button = widget(canvasElement).getByRole('button', { name: t('launcher.open') });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    await expect(args.onToggle).toHaveBeenCalledOnce();
  },
};

/** Closed with unread messages: a badge, and the count as the button's description. */
export const Unread: Story = {
  args: { unreadCount: 3 },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const button = widget(canvasElement).getByRole('button', { name: t('launcher.open') });
    await expect(button).toHaveAccessibleDescription(t('launcher.unread', { count: 3 }));
  },
};

/** More than 99 unread: the badge caps at "99+". */
export const ManyUnread: Story = {
  args: { unreadCount: 250 },
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText('99+')).toBeInTheDocument();
  },
};

/** Open: the same button closes the panel. */
export const Open: Story = {
  args: { open: true, unreadCount: 4 },
  play: async ({ canvasElement, globals }) => {
    const t = storyT(globals);
    const button = widget(canvasElement).getByRole('button', { name: t('launcher.close') });
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  },
};
