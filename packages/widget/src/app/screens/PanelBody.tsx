import { EmptyState } from '../../components/EmptyState/EmptyState.js';
import { ErrorState } from '../../components/ErrorState/ErrorState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConversationList, LeaveMessageForm, PrechatForm } from '../lazy-screens.js';
import { ConversationScreen } from './ConversationScreen.js';
import type { ScreenProps } from './screen-props.js';

/**
 * What the panel shows below its header: the screen `selectScreen` chose, its presentational component
 * connected to the client's state and the visitor's actions. Screens in chunks of their own show an empty
 * panel until their code arrives.
 */
export function PanelBody(props: ScreenProps) {
  const { screen, state, view, actions, carried, now } = props;
  const { t } = useI18n();
  const { config, conversations } = state;
  if (screen === 'error') {
    // The SDK's message names requests and URLs, for developers; the visitor reads what to do, in their language.
    const detail = t(state.lastError?.code === 'network_error' ? 'error.network' : 'error.unavailable');
    return <ErrorState detail={detail} onRetry={actions.reconnect} />;
  }
  if (screen === 'list') {
    const lastMessages = Object.fromEntries(
      conversations.map((listed) => [listed.id, state.messages[listed.id]?.at(-1)]),
    );
    return (
      <ConversationList
        conversations={conversations}
        lastMessages={lastMessages}
        onSelect={actions.selectConversation}
        onStartNew={actions.startNew}
        now={now}
      />
    );
  }
  if (screen === 'prechat' && config) {
    return (
      <PrechatForm
        fields={config.prechat.fields}
        onSubmit={actions.submitPrechat}
        fallback={<EmptyState />}
      />
    );
  }
  if (screen === 'leave-message' && config) {
    return (
      <LeaveMessageForm
        initialValue={{ message: carried.message }}
        autoFocus={carried.focus}
        availability={config.availability}
        onSubmit={actions.leaveMessage}
        submitting={view.leftMessage === 'sending'}
        submitted={view.leftMessage === 'sent'}
        now={now}
        fallback={<EmptyState />}
      />
    );
  }
  return <ConversationScreen {...props} />;
}
