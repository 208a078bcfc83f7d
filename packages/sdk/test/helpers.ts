import type { Message } from '@sapa/protocol';
import { type RunningServer, startServer } from '@sapa/server';

export async function startTestServer(): Promise<RunningServer> {
  return startServer({ port: 0, dbPath: ':memory:', quiet: true, rateLimit: false });
}

/** An agent's message through the agent API. */
export async function agentSend(
  server: RunningServer,
  conversationId: string,
  text: string,
): Promise<Message> {
  const response = await fetch(`${server.url}/agent/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.agentToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'text', text }),
  });
  if (response.status !== 201) throw new Error(`agent send answered ${response.status}`);
  return (await response.json()) as Message;
}

/** Every message of a conversation as the backend stores it. */
export async function backendMessages(server: RunningServer, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(
      `${server.url}/agent/v1/conversations/${conversationId}/messages?after=${after}&limit=200`,
      { headers: { Authorization: `Bearer ${server.agentToken}` } },
    );
    const page = (await response.json()) as { messages: Message[]; hasMore: boolean };
    all.push(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return all;
    after = page.messages.at(-1)?.seq ?? after;
  }
}

export function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`Timed out waiting for ${what}.`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}
