/**
 * A chat UI on the SDK alone. Everything the visitor sees is put in with textContent: nothing from the network
 * becomes HTML. Served by the reference server at /examples/headless/ (from dist/ once built).
 */
import { type ClientMessage, type ClientState, createClient, isSapaError } from '@sapa/sdk';

const apiUrl = new URLSearchParams(location.search).get('api') ?? location.origin;
const client = createClient({ apiUrl, siteKey: 'demo', locale: 'id' });

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}

const title = element<HTMLHeadingElement>('title');
const status = element<HTMLSpanElement>('status');
const log = element<HTMLUListElement>('log');
const typing = element<HTMLDivElement>('typing');
const composer = element<HTMLFormElement>('composer');
const textInput = element<HTMLInputElement>('text');
const fileInput = element<HTMLInputElement>('file');
const olderButton = element<HTMLButtonElement>('older');
const campaignBox = element<HTMLDivElement>('campaign');
const errorLine = element<HTMLParagraphElement>('error');

const connectionLabels: Record<ClientState['connection'], string> = {
  idle: 'Tidak terhubung',
  connecting: 'Menghubungkan…',
  open: 'Terhubung',
  reconnecting: 'Menghubungkan ulang…',
  offline: 'Offline: pesan akan dikirim saat online',
};

function messageItem(message: ClientMessage): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `${message.author.role} ${message.delivery ?? ''}`;
  const body = document.createElement('span');
  const files = (message.attachments ?? []).map((attachment) => `📎 ${attachment.name}`).join(', ');
  body.textContent = [message.text, files].filter(Boolean).join(' ');
  const meta = document.createElement('span');
  meta.className = 'meta';
  const who = message.author.name ?? message.author.role;
  meta.textContent =
    message.delivery === 'failed'
      ? `Gagal terkirim: ${message.error?.message ?? ''}`
      : message.delivery === 'sending'
        ? 'Mengirim…'
        : `${who} · ${new Date(message.createdAt).toLocaleTimeString('id-ID')}`;
  item.append(body, meta);
  if (message.delivery === 'failed' && message.clientMessageId) {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Kirim ulang';
    const clientMessageId = message.clientMessageId;
    retry.addEventListener('click', () => void client.retry(clientMessageId).catch(showError));
    item.append(retry);
  }
  for (const action of message.actions ?? []) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', () => {
      if (action.type === 'link') window.open(action.url, '_blank', 'noopener,noreferrer');
      else void client.sendPostback(action.payload, action.label).catch(showError);
    });
    item.append(button);
  }
  return item;
}

// Render only when the snapshot changed: the same object means nothing to do.
let rendered: ClientState | undefined;
function render(): void {
  const state = client.getSnapshot();
  if (state === rendered) return;
  const previous = rendered;
  rendered = state;
  title.textContent = state.config?.name ?? 'Sapa';
  status.textContent = `${connectionLabels[state.connection]}${state.storage === 'memory' ? ' (tanpa penyimpanan)' : ''}`;
  const conversationId = state.activeConversationId;
  const messages = conversationId ? (state.messages[conversationId] ?? []) : [];
  if (!previous || previous.messages !== state.messages || previous.activeConversationId !== conversationId) {
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
    log.replaceChildren(...messages.map(messageItem));
    if (atBottom) log.scrollTop = log.scrollHeight;
  }
  olderButton.hidden = !conversationId || state.hasMore[conversationId] !== true;
  const typists = conversationId ? (state.typing[conversationId] ?? []) : [];
  typing.textContent =
    typists.length > 0 ? `${typists.map((typist) => typist.name ?? 'Agen').join(', ')} sedang mengetik…` : '';
  renderCampaign(state);
  document.title = state.unreadCount > 0 ? `(${state.unreadCount}) Sapa headless` : 'Sapa headless';
}

function renderCampaign(state: ClientState): void {
  const campaign = state.campaign;
  if (!campaign) {
    campaignBox.replaceChildren();
    return;
  }
  const text = document.createElement('p');
  text.textContent = campaign.message;
  const answer = document.createElement('button');
  answer.type = 'button';
  answer.textContent = 'Balas';
  answer.addEventListener(
    'click',
    () => void client.startConversation({ campaignId: campaign.id }).catch(showError),
  );
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Tutup';
  dismiss.addEventListener('click', () => client.dismissCampaign(campaign.id));
  campaignBox.replaceChildren(text, answer, dismiss);
}

function showError(error: unknown): void {
  errorLine.textContent = isSapaError(error) ? error.message : String(error);
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  errorLine.textContent = '';
  const file = fileInput.files?.[0];
  const text = textInput.value;
  textInput.value = '';
  fileInput.value = '';
  client.setTyping(false);
  if (file) void client.sendFile(file, { text: text || undefined }).catch(showError);
  else if (text.trim()) void client.sendText(text).catch(showError);
});
textInput.addEventListener('input', () => client.setTyping(textInput.value.length > 0));
olderButton.addEventListener('click', () => {
  const conversationId = client.getSnapshot().activeConversationId;
  if (conversationId) void client.loadOlder(conversationId).catch(showError);
});
log.addEventListener('scroll', () => {
  if (log.scrollTop + log.clientHeight >= log.scrollHeight - 8) void client.markRead().catch(() => {});
});

client.subscribe(render);
render();
client.connect().then(() => client.markRead(), showError);
