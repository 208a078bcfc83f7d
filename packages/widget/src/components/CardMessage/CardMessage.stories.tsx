import type { Meta, StoryObj } from '@storybook/preact-vite';
import { attachments, productCard } from '../../stories-support/fixtures.js';
import { storyLocale } from '../../stories-support/story-helpers.js';
import { CardMessage } from './CardMessage.js';

const meta = {
  title: 'Components/CardMessage',
  component: CardMessage,
  args: { card: productCard('en') },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '320px' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CardMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A product card with a link. */
export const Product: Story = {
  render: (args, { globals }) => <CardMessage {...args} card={productCard(storyLocale(globals))} />,
};

/** With a picture. */
export const WithImage: Story = {
  render: (args, { globals }) => (
    <CardMessage {...args} card={{ ...productCard(storyLocale(globals)), imageUrl: attachments.image.url }} />
  ),
};

/** Title only. */
export const TitleOnly: Story = {
  args: { card: { title: 'Promo 11.11' } },
};
