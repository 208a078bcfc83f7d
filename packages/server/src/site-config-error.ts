/** A site configuration that cannot be used; `path` names the field. */
export class SiteConfigError extends Error {
  override readonly name = 'SiteConfigError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Site configuration field ${path} ${reason}.`);
  }
}
