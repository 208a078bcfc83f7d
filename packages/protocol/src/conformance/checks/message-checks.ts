import { parseMessage, parseMessagePage } from '../../guards.js';
import type { CheckContext, CheckDefinition } from '../conformance-types.js';
import { expect, expectProblem, expectStatus, need } from '../expectations.js';

/** The first message's PUT again: the same client id, with `text`. */
function sendFirstAgain({ client, state }: CheckContext, text: string) {
  const first = need(state.firstMessage, 'a message');
  const token = need(state.token, 'a token');
  return client.sendText(token, first.conversationId, state.firstClientMessageId, text);
}

/** Idempotent sends, gapless seq and paging. */
export const messageChecks: CheckDefinition[] = [
  {
    check: 'messageCreate',
    level: 'must',
    async run({ client, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const { firstClientMessageId, firstText } = state;
      const answer = await client.sendText(need(state.token, 'a token'), id, firstClientMessageId, firstText);
      expectStatus(answer, 201, 'PUT …/messages/{clientMessageId}');
      const message = parseMessage(answer.json);
      state.firstMessage = message;
      expect(message.conversationId === id, `message.conversationId is ${message.conversationId}`);
      expect(
        message.clientMessageId === firstClientMessageId,
        'message.clientMessageId differs from the URL',
      );
      expect(message.author.role === 'visitor', `message.author.role is ${message.author.role}`);
      expect(message.type === 'text' && message.text === firstText, 'the message text differs');
    },
  },
  {
    check: 'messageRepeat',
    level: 'must',
    async run(context) {
      const first = need(context.state.firstMessage, 'a message');
      const answer = await sendFirstAgain(context, context.state.firstText);
      expectStatus(answer, 200, 'the repeated PUT');
      const repeat = parseMessage(answer.json);
      expect(
        repeat.id === first.id && repeat.seq === first.seq,
        `the repeat answered message ${repeat.id} (seq ${repeat.seq}) instead of ${first.id} (seq ${first.seq})`,
      );
    },
  },
  {
    check: 'messageMismatch',
    level: 'must',
    async run(context) {
      const answer = await sendFirstAgain(context, 'Lain');
      expectProblem(answer, 'idempotency_mismatch', 'a PUT with the same id and another text');
    },
  },
  {
    check: 'messageSeq',
    level: 'must',
    async run({ client, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const token = need(state.token, 'a token');
      for (let index = 1; index <= 4; index++) {
        const answer = await client.sendText(token, id, crypto.randomUUID(), `Pesan ke-${index + 1}`);
        expectStatus(answer, 201, `PUT of message ${index + 1}`);
      }
      const answer = await client.call('GET', `/v1/conversations/${id}/messages?after=0&limit=200`, {
        token,
      });
      expectStatus(answer, 200, 'GET …/messages?after=0');
      const seqs = parseMessagePage(answer.json).messages.map((message) => message.seq);
      state.seqs = seqs;
      expect(seqs.length >= 5, `only ${seqs.length} messages after sending 5`);
      expect(
        seqs.every((seq, index) => seq === index + 1),
        `seq runs ${seqs.join(', ')} instead of 1 to ${seqs.length}`,
      );
    },
  },
  {
    check: 'messagePaging',
    level: 'must',
    async run({ client, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const { seqs } = state;
      expect(seqs.length >= 5, 'needs five messages from the seq check');
      const page = async (query: string) => {
        const answer = await client.call('GET', `/v1/conversations/${id}/messages?${query}`, {
          token: state.token,
        });
        expectStatus(answer, 200, `GET …/messages?${query}`);
        const result = parseMessagePage(answer.json);
        return { seqs: result.messages.map((message) => message.seq).join(','), hasMore: result.hasMore };
      };
      for (const [query, seqList, hasMore] of [
        ['after=0&limit=2', '1,2', true],
        ['after=2&limit=2', '3,4', true],
        ['before=5&limit=2', '3,4', true],
        ['before=3&limit=5', '1,2', false],
      ] as const) {
        const got = await page(query);
        expect(
          got.seqs === seqList && got.hasMore === hasMore,
          `?${query} gave seq [${got.seqs}] hasMore ${got.hasMore} instead of [${seqList}] hasMore ${hasMore}`,
        );
      }
      const last = seqs.length;
      const lastPage = await page(`after=${last - 1}&limit=200`);
      // Another participant (a bot) may have answered meanwhile; what came after must still start at `last`.
      expect(
        lastPage.seqs.split(',')[0] === String(last),
        `?after=${last - 1} started at [${lastPage.seqs}]`,
      );
    },
  },
];
