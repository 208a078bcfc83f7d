import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect } from 'storybook/test';
import { attachments } from '../../stories-support/fixtures.js';
import { widget } from '../../stories-support/story-helpers.js';
import { Attachment } from './Attachment.js';

const meta = {
  title: 'Components/Attachment',
  component: Attachment,
  args: { attachment: attachments.pdf },
} satisfies Meta<typeof Attachment>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A PDF: name, size and a download link. */
export const Pdf: Story = {
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText(attachments.pdf.name)).toBeInTheDocument();
  },
};

/** A picture. */
export const Image: Story = { args: { attachment: attachments.image } };

/** A right-to-left file name stays isolated in its own direction. */
export const RightToLeftName: Story = {
  args: { attachment: attachments.text },
  play: async ({ canvasElement }) => {
    await expect(widget(canvasElement).getByText(attachments.text.name).closest('bdi')).not.toBeNull();
  },
};
