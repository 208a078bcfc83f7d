/**
 * The widget's stylesheet, as the shell adopts it into the shadow root. Every `.css` file of
 * `src/styles/` is taken as text (Vite `?inline`), in file-name order.
 */
const sheets = import.meta.glob<string>('../styles/**/*.css', {
  query: '?inline',
  import: 'default',
  eager: true,
});

/** All of the widget's CSS in one string. */
export function widgetStyles(): string {
  return Object.keys(sheets)
    .sort()
    .map((path) => sheets[path])
    .join('\n');
}
