import { describe, expect, it } from 'vitest';
import { revealBidi } from './reveal-bidi.js';

describe('revealBidi', () => {
  it('shows every bidirectional formatting character as a marker and leaves other text alone', () => {
    expect(revealBidi('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(revealBidi('\u202Eitsnah\u202C Admin')).toBe('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
    expect(revealBidi('\u2066a\u2067b\u2068c\u2069 \u200E\u200F\u061C\u202A\u202B\u202D')).toBe(
      '⟨U+2066⟩a⟨U+2067⟩b⟨U+2068⟩c⟨U+2069⟩ ⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩⟨U+202A⟩⟨U+202B⟩⟨U+202D⟩',
    );
    expect(revealBidi('Budi Santoso — مرحبا 😀')).toBe('Budi Santoso — مرحبا 😀');
  });
});
