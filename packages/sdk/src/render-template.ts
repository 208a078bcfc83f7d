/**
 * Campaign templates, written once in `@sapa/protocol` so that a client-side campaign (here) and a backend campaign
 * (the reference server) read the same for the same visitor; docs/protocol.md gives the rule for missing values.
 */
export { pickLocalized, renderLocalizedTemplate, renderTemplate } from '@sapa/protocol';
