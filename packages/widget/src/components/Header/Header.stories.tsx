import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { awayUntilTomorrow } from '../../stories-support/care-fixtures.js';
import { agent, now } from '../../stories-support/fixtures.js';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { Header } from './Header.js';

const meta = {
  title: 'Components/Header',
  component: Header,
  args: {
    siteName: 'Toko Sapa',
    agents: [agent, { role: 'agent', id: 'agent-2', name: 'Budi Santoso' }],
    availability: { online: true, replyTime: 'minutes' },
    onLocaleChange: fn(),
    onClose: fn(),
    now,
  },
} satisfies Meta<typeof Header>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Online, with the team's faces and the usual reply time. */
export const Online: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Toko Sapa' })).toBeInTheDocument();
    await expect(canvas.getByText(t('availability.minutes'))).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: t('header.close') }));
    await expect(args.onClose).toHaveBeenCalledOnce();
  },
};

/** Away, back tomorrow morning (from the pinned clock). */
export const AwayUntilTomorrow: Story = {
  args: { availability: { online: false, nextOpenAt: '2026-11-21T01:00:00Z' }, agents: [] },
};

/** Away at night, back at the site's opening time in its own zone ("besok pukul 09.00 WIB"). */
export const AwayInSiteTime: Story = {
  args: { availability: awayUntilTomorrow, agents: [] },
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText(/(09\.00|09:00) WIB/)).toBeInTheDocument();
  },
};

/** Away with no known opening time. */
export const Offline: Story = {
  args: { availability: { online: false }, agents: [] },
};

/** Switching language from the header. */
export const LanguageSwitch: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const select = widget(canvasElement).getByRole('combobox', { name: t('header.language') });
    await userEvent.selectOptions(select, globals.locale === 'id' ? 'en' : 'id');
    await expect(args.onLocaleChange).toHaveBeenCalledWith(globals.locale === 'id' ? 'en' : 'id');
  },
};

/** Inside a conversation, with a way back to the list. */
export const WithBackButton: Story = {
  args: { onBack: fn() },
  play: async ({ canvasElement, globals, args }) => {
    await userEvent.click(
      widget(canvasElement).getByRole('button', { name: storyT(globals)('header.back') }),
    );
    await expect(args.onBack).toHaveBeenCalledOnce();
  },
};

/** A very long site name. */
export const LongSiteName: Story = {
  args: { siteName: 'Toko Batik dan Kerajinan Tangan Nusantara Sejahtera Abadi Sentosa' },
};
