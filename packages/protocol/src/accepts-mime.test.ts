import { describe, expect, test } from 'vitest';
import { acceptsMime } from './accepts-mime.js';

describe('acceptsMime', () => {
  const accept = ['image/*', 'application/pdf', 'text/plain'];

  test('exact types and type/* patterns', () => {
    expect(acceptsMime(accept, 'image/png')).toBe(true);
    expect(acceptsMime(accept, 'image/svg+xml')).toBe(true);
    expect(acceptsMime(accept, 'application/pdf')).toBe(true);
    expect(acceptsMime(accept, 'application/zip')).toBe(false);
    expect(acceptsMime(accept, 'text/html')).toBe(false);
    // `image/*` is the image type, not every type that starts with "image".
    expect(acceptsMime(accept, 'imagery/x')).toBe(false);
  });

  test('without case and parameters, on both sides', () => {
    expect(acceptsMime(accept, 'IMAGE/PNG')).toBe(true);
    expect(acceptsMime(accept, 'text/plain; charset=utf-8')).toBe(true);
    expect(acceptsMime([' Application/PDF '], 'application/pdf')).toBe(true);
  });

  test('the wildcard of every type accepts any type', () => {
    expect(acceptsMime(['*/*'], 'application/x-anything')).toBe(true);
  });

  test('an empty type and an empty list accept nothing, as the server refuses them with 415', () => {
    expect(acceptsMime(accept, '')).toBe(false);
    expect(acceptsMime(['*/*'], '')).toBe(false);
    expect(acceptsMime([], 'text/plain')).toBe(false);
  });
});
