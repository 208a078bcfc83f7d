/**
 * A price for the visitor's locale: "Rp 250.000" (id), "IDR 250,000" (en). A currency code `Intl` does not
 * know (the backend's data, not ours) is shown after the number instead of throwing.
 *
 * @example
 * ```ts
 * formatPrice(85_000, 'IDR', 'id'); // 'Rp 85.000'
 * formatPrice(50_000, 'poin', 'id'); // '50.000 poin'
 * ```
 */
export function formatPrice(amount: number, currency: string, locale: string): string {
  try {
    return amount.toLocaleString(locale, { style: 'currency', currency });
  } catch {
    return `${amount.toLocaleString(locale)} ${currency}`;
  }
}
