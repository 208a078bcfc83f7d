/**
 * Screens a chat does not need to open, send and receive, each in its own chunk (DESIGN.md, budgets: what a
 * visitor downloads to chat). {@link ChatApp} preloads each one as soon as the state that shows it arrives.
 */
import { lazyComponent } from '../lazy-component.js';

/** The questions before the first message, when the site asks them. */
export const PrechatForm = lazyComponent(() =>
  import('../components/PrechatForm/PrechatForm.js').then((module) => module.PrechatForm),
);

/** The form for when nobody is online. */
export const LeaveMessageForm = lazyComponent(() =>
  import('../components/LeaveMessageForm/LeaveMessageForm.js').then((module) => module.LeaveMessageForm),
);

/** A resolved conversation with its rating. */
export const ResolvedState = lazyComponent(() =>
  import('../components/ResolvedState/ResolvedState.js').then((module) => module.ResolvedState),
);

/** The visitor's past conversations. */
export const ConversationList = lazyComponent(() =>
  import('../components/ConversationList/ConversationList.js').then((module) => module.ConversationList),
);

/** A file on its way. */
export const UploadProgress = lazyComponent(() =>
  import('../components/UploadProgress/UploadProgress.js').then((module) => module.UploadProgress),
);

/** A proactive message above the launcher. */
export const Teaser = lazyComponent(() =>
  import('../components/Teaser/Teaser.js').then((module) => module.Teaser),
);

/** The promise made while nobody is online, as a line in the conversation. */
export const OfflinePromise = lazyComponent(() =>
  import('../components/OfflinePromise/OfflinePromise.js').then((module) => module.OfflinePromise),
);

/** The email address asked inside the conversation while nobody is online. */
export const ReplyByEmail = lazyComponent(() =>
  import('../components/ReplyByEmail/ReplyByEmail.js').then((module) => module.ReplyByEmail),
);

/** The 0–10 scale of an NPS question. */
export const NpsScale = lazyComponent(() =>
  import('../components/NpsScale/NpsScale.js').then((module) => module.NpsScale),
);

/** The conversation's reference and the site's other channels, at the bottom of the chat. */
export const ChannelLinks = lazyComponent(() =>
  import('../components/ChannelLinks/ChannelLinks.js').then((module) => module.ChannelLinks),
);

// The message parts loaded on demand, listed here too so that everything the app fetches later is in one place.
export { OnDemandAttachment, OnDemandCardMessage } from '../components/message-parts.js';
