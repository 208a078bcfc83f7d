import type { ConnectionStatus } from '../agent-stream.js';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Signed out',
  closed: 'Disconnected',
};

/** Whether new messages arrive by themselves right now. */
export function ConnectionIndicator({ status, retryInMs }: { status: ConnectionStatus; retryInMs?: number }) {
  const retry =
    status === 'reconnecting' && retryInMs !== undefined && retryInMs >= 1000
      ? `Connection lost, retrying in ${Math.round(retryInMs / 1000)} s`
      : undefined;
  return (
    <span class={`connection connection--${status}`} role="status">
      <span class="connection__dot" aria-hidden="true" />
      {retry ?? LABELS[status]}
    </span>
  );
}
