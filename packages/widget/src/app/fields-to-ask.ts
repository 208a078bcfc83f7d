import type { PrechatField, Visitor } from '@sapa/protocol';

/**
 * The fields of a form the visitor still has to fill (issue 12: known customers are never asked again). A field
 * the visitor already has a value for is left out. For a visitor the site knows (by name, email or phone, from
 * `identify()`, `update()` or an earlier form) only the required fields they lack are asked: a known customer is
 * not stopped for an optional question. An empty result means the form has nothing to ask and is skipped.
 *
 * @example
 * ```ts
 * fieldsToAsk(config.prechat.fields, { id: 'v1', name: 'Sari', attributes: {}, verified: false });
 * // the email and phone fields, if the site asks for them (required ones only)
 * ```
 */
export function fieldsToAsk<F extends Pick<PrechatField, 'name' | 'required'>>(
  fields: readonly F[],
  visitor: Visitor | undefined,
): F[] {
  const customer = Boolean(visitor?.name || visitor?.email || visitor?.phone);
  return fields.filter(({ name, required }) => {
    // The profile's name, email and phone; any other field by its name in the attributes.
    const value =
      visitor && (/^(name|email|phone)$/.test(name) ? visitor[name as 'name'] : visitor.attributes[name]);
    return (value == null || value === '') && (required || !customer);
  });
}
