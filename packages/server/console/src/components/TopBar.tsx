import type { ConnectionStatus } from '../agent-stream.js';
import type { AgentAccount } from '../agent-types.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { IsolatedText } from './IsolatedText.js';

export interface TopBarProps {
  status: ConnectionStatus;
  retryInMs?: number;
  /** Who is signed in; undefined until the server said. */
  account?: AgentAccount;
  onSignOut: () => void;
}

/**
 * The console's banner: the connection, who is signed in (the name visitors see on replies comes from this
 * account, not from anything typed here), and signing out.
 */
export function TopBar({ status, retryInMs, account, onSignOut }: TopBarProps) {
  return (
    <header class="topbar">
      <h1>Sapa console</h1>
      <ConnectionIndicator status={status} retryInMs={retryInMs} />
      <span class="spacer" />
      {account ? (
        <span class="topbar__account">
          {account.name !== undefined ? (
            <>
              Signed in as <IsolatedText text={account.name} />
            </>
          ) : (
            "Signed in with the operator token (replies carry the site's name)"
          )}
        </span>
      ) : null}
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
