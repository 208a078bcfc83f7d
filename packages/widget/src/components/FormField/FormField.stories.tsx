import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn } from 'storybook/test';
import { widget } from '../../stories-support/story-helpers.js';
import { FormField } from './FormField.js';

const meta = {
  title: 'Components/FormField',
  component: FormField,
  args: { id: 'story-email', label: 'Email', type: 'email', value: '', required: true, onInput: fn() },
} satisfies Meta<typeof FormField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A required field. */
export const Required: Story = {};

/** An optional field says so. */
export const Optional: Story = {
  args: {
    id: 'story-phone',
    label: 'Phone number',
    type: 'tel',
    required: false,
    optionalText: '(optional)',
  },
};

/** A field with an error: marked invalid and described by the message. */
export const WithError: Story = {
  args: { value: 'sari@', error: 'Please enter a valid email address, e.g. name@example.com.' },
  play: async ({ canvasElement }) => {
    const input = widget(canvasElement).getByRole('textbox');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(
      'Please enter a valid email address, e.g. name@example.com.',
    );
  },
};

/** A multi-line field. */
export const Textarea: Story = {
  args: {
    id: 'story-message',
    label: 'Message',
    type: 'textarea',
    value: 'Halo, pesanan saya belum sampai.',
  },
};
