import { screen } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../test-render.js';
import { ReferenceTag } from './ReferenceTag.js';

describe('ReferenceTag', () => {
  it('shows the reference as one selectable piece and copies it, saying so', async () => {
    const copy = vi.fn(async (_text: string) => {});
    const user = userEvent.setup();
    const { container } = renderIn('en', <ReferenceTag reference="SP-7KQ2" copy={copy} />);
    expect(container.querySelector('.reference__value')?.textContent).toBe('SP-7KQ2');
    // The visible word is part of the name (WCAG 2.5.3), which says what is copied.
    const button = screen.getByRole('button', { name: 'Copy reference SP-7KQ2' });
    expect(button.textContent).toBe('Copy');
    await user.click(button);
    expect(copy).toHaveBeenCalledWith('SP-7KQ2');
    expect(screen.getByRole('status').textContent).toBe('Reference SP-7KQ2 copied.');
  });

  it('says in Indonesian when copying did not work', async () => {
    const user = userEvent.setup();
    renderIn('id', <ReferenceTag reference="SP-7KQ2" copy={() => Promise.reject(new Error('denied'))} />);
    const button = screen.getByRole('button', { name: 'Salin referensi SP-7KQ2' });
    expect(button.textContent).toBe('Salin');
    await user.click(button);
    expect((await screen.findByText(/Gagal menyalin/)).textContent).toBe(
      'Gagal menyalin: pilih nomor referensinya, lalu salin.',
    );
  });
});
