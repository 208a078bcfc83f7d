/** A random UUID v4: `crypto.randomUUID` where present, `crypto.getRandomValues` otherwise (older WebViews, http pages). */
export function randomId(): string {
  return (
    crypto.randomUUID?.() ??
    // Each 0, 1 or 8 of the template becomes a random hex digit; 8 keeps only the two bits the variant allows.
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
      (
        Number(digit) ^
        ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (Number(digit) / 4)))
      ).toString(16),
    )
  );
}
