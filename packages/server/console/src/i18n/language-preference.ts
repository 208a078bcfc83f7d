import { type ConsoleLocale, consoleLocale } from './console-i18n.js';

/**
 * localStorage keys of the language choice: one per agent account (`…language.agent:Rina`), so agents who share
 * a computer each keep theirs, and one for the sign-in form, which speaks the language last chosen here.
 */
const KEY = 'sapa.console.language';

function key(accountId?: string): string {
  return accountId === undefined ? KEY : `${KEY}.${accountId}`;
}

/** The language `accountId` chose (the sign-in form's without one), or undefined when none was chosen. */
export function storedLanguage(storage: Storage | undefined, accountId?: string): ConsoleLocale | undefined {
  try {
    return consoleLocale(storage?.getItem(key(accountId)));
  } catch {
    // Storage can be disabled (privacy settings); the browser's language is then the choice.
    return undefined;
  }
}

/** Remembers `locale` for `accountId`, and for the sign-in form on this computer. */
export function rememberLanguage(
  storage: Storage | undefined,
  locale: ConsoleLocale,
  accountId?: string,
): void {
  try {
    storage?.setItem(KEY, locale);
    if (accountId !== undefined) storage?.setItem(key(accountId), locale);
  } catch {
    // Not remembered; the choice still holds until the page is closed.
  }
}
