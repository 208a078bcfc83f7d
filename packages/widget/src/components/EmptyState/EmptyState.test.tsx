import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test-support.js';
import { EmptyState } from './EmptyState.js';

describe('EmptyState', () => {
  it("shows the site's greeting, or a friendly default", () => {
    const { container, rerender } = renderWithI18n(<EmptyState />, 'id');
    expect(container.textContent).toBe('Halo! Ada yang bisa kami bantu?');
    rerender(<EmptyState greeting="Selamat datang di Toko Sapa 👋" />);
    expect(container.textContent).toBe('Selamat datang di Toko Sapa 👋');
  });
});
