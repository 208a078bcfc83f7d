import { ChannelLinks } from '../../components/ChannelLinks/ChannelLinks.js';
import { Composer, type ComposerDisabledReason } from '../../components/Composer/Composer.js';
import { EmptyState } from '../../components/EmptyState/EmptyState.js';
import { MessageList } from '../../components/MessageList/MessageList.js';
import { formatBytes } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ResolvedState, UploadProgress } from '../lazy-screens.js';
import type { ScreenProps } from './screen-props.js';

/**
 * The chat itself, connected to the client: the greeting or the conversation, files on their way, the
 * composer (or, once resolved, the rating in its place) and the site's other channels.
 */
export function ConversationScreen({ screen, state, view, actions, composerRef, now }: ScreenProps) {
  const { t, locale } = useI18n();
  const { config } = state;
  const activeId = state.activeConversationId;
  const conversation = state.conversations.find((candidate) => candidate.id === activeId);
  const messages = (activeId && state.messages[activeId]) || [];
  const refused = view.refusedFile;
  const identityMissing = config?.identityRequired && !state.visitor?.verified;
  const composer = (
    disabledReason: ComposerDisabledReason | undefined = identityMissing ? 'identity' : undefined,
  ) => (
    <Composer
      onSend={actions.send}
      onFiles={actions.sendFiles}
      onTyping={actions.setTyping}
      accept={config?.upload.accept}
      textareaRef={composerRef}
      disabledReason={disabledReason}
      {...(refused
        ? { notice: t(refused.key, { name: refused.name, size: formatBytes(refused.limit ?? 0, locale) }) }
        : {})}
    />
  );
  return (
    <>
      {messages.length === 0 ? (
        <EmptyState greeting={config?.greeting?.[locale]} />
      ) : (
        <MessageList
          messages={messages}
          typing={(activeId && state.typing[activeId]) || []}
          hasMore={(activeId && state.hasMore[activeId]) || false}
          onLoadOlder={actions.loadOlder}
          agentReadSeq={conversation?.agentReadSeq ?? 0}
          onRetry={actions.retry}
          onAction={actions.reply}
          now={now}
        />
      )}
      {Object.entries(state.uploads).map(([id, upload]) => (
        <UploadProgress
          key={id}
          name={upload.name}
          size={upload.size}
          fraction={upload.fraction}
          onCancel={() => actions.cancelUpload(id)}
        />
      ))}
      {screen === 'resolved' ? (
        <ResolvedState
          rating={conversation?.rating}
          onRate={actions.rate}
          onStartNew={actions.startNew}
          ratingSubmitting={view.ratingSubmitting}
          // Until its code is there, the closed conversation shows a composer that says why it is closed.
          fallback={composer('resolved')}
        />
      ) : (
        composer()
      )}
      {config && config.channels.length > 0 && <ChannelLinks channels={config.channels} />}
    </>
  );
}
