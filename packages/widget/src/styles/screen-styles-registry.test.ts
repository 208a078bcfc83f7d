import { describe, expect, it } from 'vitest';
import { onScreenStyles, provideScreenStyles } from './screen-styles-registry.js';

describe('styles brought by the chunks loaded on demand', () => {
  it('reach every root once per sheet, those brought before the root listened included', () => {
    provideScreenStyles('.sapa-screens{}');
    const first: string[] = [];
    const stop = onScreenStyles((css) => first.push(css));
    expect(first).toEqual(['.sapa-screens{}']);
    const second: string[] = [];
    onScreenStyles((css) => second.push(css));
    provideScreenStyles('.sapa-channels{}');
    provideScreenStyles('.sapa-screens{}');
    provideScreenStyles('.sapa-channels{}');
    expect(first).toEqual(['.sapa-screens{}', '.sapa-channels{}']);
    expect(second).toEqual(['.sapa-screens{}', '.sapa-channels{}']);
    stop();
    provideScreenStyles('.sapa-cards{}');
    expect(first).toEqual(['.sapa-screens{}', '.sapa-channels{}']);
    expect(second).toEqual(['.sapa-screens{}', '.sapa-channels{}', '.sapa-cards{}']);
  });
});
