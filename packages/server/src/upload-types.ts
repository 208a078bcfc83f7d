/**
 * Whether an upload's file name agrees with its declared type (issue 13): `invoice.pdf.exe` sent as
 * `application/pdf` passes a type check, then downloads and runs as a program. The name's extension decides what
 * a desktop does with the file, so it must be one of the type's own.
 */

/** Extensions of the types a site is likely to accept; lower case, without the dot. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/heic': ['heic'],
  'image/heif': ['heif'],
  'image/bmp': ['bmp'],
  'image/tiff': ['tif', 'tiff'],
  'image/svg+xml': ['svg'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log', 'csv', 'md'],
  'text/csv': ['csv'],
  'text/markdown': ['md', 'markdown'],
  'application/json': ['json'],
  'application/zip': ['zip'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls', 'csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'audio/mpeg': ['mp3'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'audio/wav': ['wav'],
  'audio/webm': ['weba', 'webm'],
  'video/mp4': ['mp4', 'm4v'],
  'video/webm': ['webm'],
  'video/quicktime': ['mov'],
};

/**
 * Extensions a desktop runs, opens in a browser or installs. A file of a type not in the table above may have any
 * extension but these (the site accepted the type; the name must not turn it into a program or a page).
 */
const ACTIVE_EXTENSIONS = new Set([
  ...['exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'msc', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe'],
  ...['js', 'jse', 'mjs', 'wsf', 'wsh', 'hta', 'lnk', 'url', 'reg', 'inf', 'scf', 'jar', 'appref-ms'],
  ...['app', 'command', 'dmg', 'pkg', 'sh', 'bash', 'apk', 'deb', 'rpm', 'desktop'],
  ...['html', 'htm', 'xhtml', 'shtml', 'svg', 'xml', 'xsl', 'mht', 'mhtml'],
]);

/** The extension of a file name, lower case, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Whether `name` may be stored as a file of type `mime`: a name without an extension always may; a known type
 * needs one of its own extensions; any other type any extension that is not {@link ACTIVE_EXTENSIONS}.
 */
export function extensionAgrees(name: string, mime: string): boolean {
  const extension = extensionOf(name);
  if (extension === '') return true;
  const known = EXTENSIONS[mime];
  if (known) return known.includes(extension);
  return !ACTIVE_EXTENSIONS.has(extension);
}

/** The extensions a type's files may have, for the problem that refuses one; undefined when any but active. */
export function extensionsOf(mime: string): readonly string[] | undefined {
  return EXTENSIONS[mime];
}
