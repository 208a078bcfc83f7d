import type { Meta, StoryObj } from '@storybook/preact-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyT, widget } from '../../stories-support/story-helpers.js';
import { UploadProgress } from './UploadProgress.js';

const meta = {
  title: 'Components/UploadProgress',
  component: UploadProgress,
  args: { name: 'foto-paket-rusak.jpg', size: 3_400_000, fraction: 0.42, onCancel: fn() },
} satisfies Meta<typeof UploadProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An upload in progress, cancellable. */
export const InProgress: Story = {
  play: async ({ canvasElement, globals, args }) => {
    const t = storyT(globals);
    const canvas = widget(canvasElement);
    await expect(canvas.getByRole('progressbar')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: t('upload.cancel') }));
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};

/** Just started. */
export const Starting: Story = { args: { fraction: 0 } };

/** Almost done, with a very long file name. */
export const LongName: Story = {
  args: { fraction: 0.97, name: `${'laporan-keuangan-triwulan-'.repeat(6)}final.pdf` },
};
