export {
  addStrings,
  createI18n,
  type I18nOptions,
  normalizeLocale,
  resolveLocale,
  type SapaI18n,
  type StringOverrides,
  type StringTables,
  SUPPORTED_LOCALES,
  type Translate,
  type TranslateOptions,
} from './create-i18n.js';
export { dayKey, formatBytes, formatDay, formatTime, formatZonedTime } from './format.js';
export { formatPrice } from './format-price.js';
export {
  type I18nContextValue,
  I18nProvider,
  type I18nProviderProps,
  useI18n,
  useT,
} from './I18nProvider.js';
export { addScreenStrings } from './screen-strings.js';
