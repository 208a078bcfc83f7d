import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { recommendationCard, recommendationText } from '../../stories-support/care-fixtures.js';
import { agent, quickReplies } from '../../stories-support/fixtures.js';
import { storyLocale, storyT, widget } from '../../stories-support/story-helpers.js';
import { Teaser } from './Teaser.js';

const campaignText = {
  en: 'Hi Sari, your favourite batik is back in stock. Shall we save one in size M for you?',
  id: 'Halo Kak Sari, batik favorit Kakak sudah tersedia lagi. Mau kami simpankan satu ukuran M?',
};

const meta = {
  title: 'Components/Teaser',
  component: Teaser,
  args: {
    text: campaignText.en,
    siteName: 'Toko Sapa',
    onReply: fn(),
    onAction: fn(),
    onDismiss: fn(),
  },
  // The teaser floats above the launcher: give it room.
  decorators: [
    (Story) => (
      <div style={{ minHeight: '320px' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Teaser>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A proactive customer-care campaign, from the site. */
export const Campaign: Story = {
  render: (args, { globals }) => <Teaser {...args} text={campaignText[storyLocale(globals)]} />,
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(
      canvas.getByRole('region', { name: t('teaser.label', { name: 'Toko Sapa' }) }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('teaser.reply') }));
    await expect(args.onReply).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: t('teaser.dismiss') }));
    await expect(args.onDismiss).toHaveBeenCalledOnce();
  },
};

/** A recommendation with its card: picture, title and price. */
export const WithCard: Story = {
  render: (args, { globals }) => (
    <Teaser {...args} text={recommendationText(storyLocale(globals))} card={recommendationCard()} />
  ),
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByRole('img', { name: 'Kopi Arabika Gayo, 250 g' })).toBeVisible();
  },
};

/** From a named agent, with quick replies. */
export const FromAgentWithReplies: Story = {
  render: (args, { globals }) => {
    const locale = storyLocale(globals);
    return (
      <Teaser
        {...args}
        author={agent}
        text={campaignText[locale]}
        actions={quickReplies(locale).filter((action) => action.type === 'reply')}
      />
    );
  },
  play: async ({ canvasElement, globals, args }) => {
    const label = quickReplies(storyLocale(globals))[0]?.label ?? '';
    await userEvent.click(widget(canvasElement).getByRole('button', { name: label }));
    await expect(args.onAction).toHaveBeenCalledOnce();
  },
};
