import { afterEach, describe, expect, test, vi } from 'vitest';
import { mount } from '../src/mount.js';

describe('mount', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('sapa-widget')) host.remove();
  });

  test('puts the widget in the target and returns the command function, with no request before interaction', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const target = document.createElement('section');
    document.body.append(target);
    const sapa = mount({ apiUrl: 'http://127.0.0.1:1', siteKey: 'demo', locale: 'id', target });
    const host = target.querySelector('sapa-widget');
    expect(host?.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).toBe('Buka obrolan');
    expect(fetchSpy).not.toHaveBeenCalled();
    sapa('hide');
    expect((host as HTMLElement).hidden).toBe(true);
    sapa('shutdown');
    expect(target.querySelector('sapa-widget')).toBeNull();
    fetchSpy.mockRestore();
    target.remove();
  });

  test('bad options are reported once and leave the page alone', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => mount({ apiUrl: '', siteKey: 'demo' })).not.toThrow();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain("Sapa('init')");
    expect(document.querySelector('sapa-widget')).toBeNull();
    errors.mockRestore();
  });
});
