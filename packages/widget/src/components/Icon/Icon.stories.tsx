import type { Meta, StoryObj } from '@storybook/preact-vite';
import { ICON_PATHS, Icon } from './Icon.js';

const meta = {
  title: 'Components/Icon',
  component: Icon,
  args: { name: 'chat', size: 20 },
} satisfies Meta<typeof Icon>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One icon; pick another in the controls. */
export const Outlined: Story = {};

/** The send arrow, filled. */
export const Filled: Story = { args: { name: 'send', filled: true } };

/** Every icon at the launcher's size. */
export const All: Story = {
  render: () => (
    <p>
      {Object.keys(ICON_PATHS).map((name) => (
        <Icon key={name} name={name as keyof typeof ICON_PATHS} size={28} />
      ))}
    </p>
  ),
};
