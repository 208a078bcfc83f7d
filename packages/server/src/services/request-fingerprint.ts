import { hash } from 'node:crypto';

/**
 * What is stored with a message to tell a retried send from a different one under the same client id: a
 * SHA-256 fingerprint of the send's canonical JSON (22 characters, 132 bits) rather than the JSON itself,
 * which would store the text a second time (issue 14: the database per message).
 */
export function requestFingerprint(canonicalJson: string): string {
  return hash('sha256', canonicalJson, 'base64url').slice(0, 22);
}

/** Whether a stored request key is this send's: its fingerprint, or the JSON itself (messages stored before). */
export function isSameRequest(storedKey: string | undefined, canonicalJson: string): boolean {
  return storedKey === requestFingerprint(canonicalJson) || storedKey === canonicalJson;
}
