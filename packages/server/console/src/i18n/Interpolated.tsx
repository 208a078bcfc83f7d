import { type ComponentChildren, Fragment } from 'preact';

/**
 * A translated sentence with elements in its `{{placeholders}}`: "Signed in as {{name}}" with the name in a
 * `<bdi>`. The sentence comes from the catalog (each language orders its words), the elements from the caller;
 * nothing is ever parsed as HTML.
 *
 * @example
 * <Interpolated text={t('account.signedInAs')} values={{ name: <IsolatedText text={account.name} /> }} />
 */
export function Interpolated({ text, values }: { text: string; values: Record<string, ComponentChildren> }) {
  const parts = text.split(/\{\{(\w+)\}\}/);
  // split() with a capture group alternates: text, name, text, name, …, text.
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>{index % 2 === 1 ? (values[part] ?? '') : part}</Fragment>
      ))}
    </>
  );
}
