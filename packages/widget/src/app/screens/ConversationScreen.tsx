import { Composer, type ComposerDisabledReason } from '../../components/Composer/Composer.js';
import { EmptyState } from '../../components/EmptyState/EmptyState.js';
import { MessageList } from '../../components/MessageList/MessageList.js';
import { QuickReplies } from '../../components/QuickReplies/QuickReplies.js';
import { revealBidi } from '../../components/reveal-bidi.js';
import { formatBytes, siteText } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { firstUnansweredMessage } from '../first-unanswered-message.js';
import {
  ChannelLinks,
  NpsScale,
  OfflinePromise,
  ReplyByEmail,
  ResolvedState,
  UploadProgress,
} from '../lazy-screens.js';
import type { ScreenProps } from './screen-props.js';

/**
 * The chat itself, connected to the client: the greeting or the conversation, files on their way, the
 * composer (or, once resolved, the rating in its place), the conversation's reference and the site's other
 * channels. While nobody is online, the promise of when the team answers follows the visitor's first message,
 * with a field for an email address when replies can go there (issue 12).
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
        ? {
            notice: t(refused.key, {
              name: revealBidi(refused.name),
              size: formatBytes(refused.limit ?? 0, locale),
            }),
          }
        : {})}
    />
  );
  const availability = config?.availability;
  const email = state.visitor?.email;
  const promiseAfter = availability?.online === false ? firstUnansweredMessage(messages) : undefined;
  const reference = conversation?.reference;
  return (
    <>
      {messages.length === 0 ? (
        <EmptyState greeting={siteText(config?.greeting, locale)} />
      ) : (
        <MessageList
          // Another conversation is a fresh list (its window of shown messages, its scroll place).
          key={activeId}
          messages={messages}
          typing={(activeId && state.typing[activeId]) || []}
          hasMore={(activeId && state.hasMore[activeId]) || false}
          onLoadOlder={actions.loadOlder}
          agentReadSeq={conversation?.agentReadSeq ?? 0}
          onRetry={actions.retry}
          onAction={actions.reply}
          renderSurvey={(message) =>
            message.survey?.type === 'nps' && (
              <NpsScale
                actions={message.actions ?? []}
                onAnswer={actions.answerSurvey}
                onReply={actions.reply}
                // Until its code is there, the answers show as the replies they are.
                fallback={<QuickReplies actions={message.actions ?? []} onReply={actions.reply} />}
              />
            )
          }
          {...(promiseAfter && availability
            ? {
                notice: {
                  after: promiseAfter,
                  content: <OfflinePromise availability={availability} hasEmail={Boolean(email)} now={now} />,
                },
              }
            : {})}
          now={now}
        >
          {promiseAfter && availability?.emailReplies && (
            <ReplyByEmail email={email} onSave={actions.saveEmail} />
          )}
        </MessageList>
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
          // One question at a time: a survey (the NPS question) waiting for its answer goes first.
          askRating={!messages.at(-1)?.survey}
          onRate={actions.rate}
          onStartNew={actions.startNew}
          ratingSubmitting={view.ratingSubmitting}
          // Until its code is there, the closed conversation shows a composer that says why it is closed.
          fallback={composer('resolved')}
        />
      ) : (
        composer()
      )}
      {config && (config.channels.length > 0 || (reference && messages.length > 0)) && (
        <ChannelLinks channels={config.channels} reference={messages.length > 0 ? reference : undefined} />
      )}
    </>
  );
}
