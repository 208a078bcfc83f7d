import { screen } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Launcher } from './Launcher.js';

describe('Launcher', () => {
  it('is a button named "Open chat" that toggles', async () => {
    const onToggle = vi.fn();
    renderWithI18n(<Launcher open={false} unreadCount={0} onToggle={onToggle} />);
    const button = screen.getByRole('button', { name: 'Open chat' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(button);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('is named "Close chat" while open and hides the badge', () => {
    renderWithI18n(<Launcher open unreadCount={3} onToggle={() => {}} />);
    expect(screen.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByText('3')).toBeNull();
  });

  it('speaks Indonesian', () => {
    renderWithI18n(<Launcher open={false} unreadCount={0} onToggle={() => {}} />, 'id');
    expect(screen.getByRole('button', { name: 'Buka obrolan' })).toBeTruthy();
  });

  it('shows the unread count and describes it without changing the name', () => {
    renderWithI18n(<Launcher open={false} unreadCount={2} onToggle={() => {}} />);
    const button = screen.getByRole('button', { name: 'Open chat' });
    expect(screen.getByText('2')).toBeTruthy();
    const description = button.getAttribute('aria-describedby');
    expect(description && document.getElementById(description)?.textContent).toBe('2 unread messages');
  });

  it('says one unread message in the singular and caps the badge at 99+', () => {
    const { rerender } = renderWithI18n(<Launcher open={false} unreadCount={1} onToggle={() => {}} />);
    expect(screen.getByText('1 unread message')).toBeTruthy();
    rerender(<Launcher open={false} unreadCount={150} onToggle={() => {}} />);
    expect(screen.getByText('99+')).toBeTruthy();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<Launcher open={false} unreadCount={4} onToggle={() => {}} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
