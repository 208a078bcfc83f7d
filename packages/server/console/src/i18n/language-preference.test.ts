import { beforeEach, describe, expect, it } from 'vitest';
import { rememberLanguage, storedLanguage } from './language-preference.js';

describe('language preference', () => {
  beforeEach(() => localStorage.clear());

  it('is remembered per agent account, and the sign-in form speaks the last one chosen here', () => {
    expect(storedLanguage(localStorage, 'agent:Rina')).toBeUndefined();
    rememberLanguage(localStorage, 'id', 'agent:Rina');
    rememberLanguage(localStorage, 'en', 'agent:Dewi');
    expect(storedLanguage(localStorage, 'agent:Rina')).toBe('id');
    expect(storedLanguage(localStorage, 'agent:Dewi')).toBe('en');
    expect(storedLanguage(localStorage)).toBe('en');
    // Chosen on the sign-in form: for the form only, no account's choice changes.
    rememberLanguage(localStorage, 'id');
    expect(storedLanguage(localStorage)).toBe('id');
    expect(storedLanguage(localStorage, 'agent:Dewi')).toBe('en');
  });

  it('ignores what it cannot read: another language, a refusing storage, none at all', () => {
    localStorage.setItem('sapa.console.language.agent:Rina', 'fr');
    expect(storedLanguage(localStorage, 'agent:Rina')).toBeUndefined();
    localStorage.setItem('sapa.console.language.agent:Rina', 'id-ID');
    expect(storedLanguage(localStorage, 'agent:Rina')).toBe('id');
    const refusing = {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(storedLanguage(refusing, 'agent:Rina')).toBeUndefined();
    expect(() => rememberLanguage(refusing, 'id', 'agent:Rina')).not.toThrow();
    expect(storedLanguage(undefined)).toBeUndefined();
  });
});
