import { describe, expect, it } from 'vitest';
import { BIDI_OVERRIDES, revealBidi } from './reveal-bidi.js';

describe('revealBidi', () => {
  it('shows each bidi control as a marker: embeddings, overrides, isolates and marks', () => {
    expect(revealBidi('\u202Eitsnah\u202C Admin')).toBe('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
    expect(revealBidi('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(revealBidi('a\u202Ab\u202Bc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck')).toBe(
      'a⟨U+202A⟩b⟨U+202B⟩c⟨U+202D⟩d⟨U+2066⟩e⟨U+2067⟩f⟨U+2068⟩g⟨U+2069⟩h⟨U+200E⟩i⟨U+200F⟩j⟨U+061C⟩k',
    );
  });

  it('leaves other text alone, right-to-left letters and zero-width joiners included', () => {
    expect(revealBidi('محمد Admin')).toBe('محمد Admin');
    expect(revealBidi('👩\u200D💻 Dewi')).toBe('👩\u200D💻 Dewi');
  });

  it('in message text, shows the overrides only: the other controls are what right-to-left writers use', () => {
    expect(revealBidi('\u202E0987654321\u202C', BIDI_OVERRIDES)).toBe('⟨U+202E⟩0987654321\u202C');
    expect(revealBidi('\u202Dabc \u200Fعربي\u2067x\u2069', BIDI_OVERRIDES)).toBe(
      '⟨U+202D⟩abc \u200Fعربي\u2067x\u2069',
    );
  });
});
