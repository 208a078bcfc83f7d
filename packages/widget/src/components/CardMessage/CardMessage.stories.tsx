import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { recommendationCard } from '../../stories-support/care-fixtures.js';
import { attachments, productCard } from '../../stories-support/fixtures.js';
import { storyLocale, widget } from '../../stories-support/story-helpers.js';
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

/** A recommendation: picture named by the title, price in the visitor's locale ("Rp 85.000", "IDR 85,000"). */
export const WithPrice: Story = {
  render: (args) => <CardMessage {...args} card={recommendationCard()} />,
  play: async ({ canvasElement, globals }) => {
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('img', { name: 'Kopi Arabika Gayo, 250 g' })).toBeInTheDocument();
    await expect(
      canvas.getByText(storyLocale(globals) === 'id' ? /^Rp\s85\.000$/ : /^IDR\s85,000$/),
    ).toBeInTheDocument();
  },
};

/** A price in a currency Intl does not know: the number and the code as sent, nothing breaks. */
export const UnknownCurrency: Story = {
  args: { card: { title: 'Voucher', price: { amount: 50_000, currency: 'poin' } } },
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText(/^50[.,]000 poin$/)).toBeInTheDocument();
  },
};

/** Title only. */
export const TitleOnly: Story = {
  args: { card: { title: 'Promo 11.11' } },
};
