export { Attachment, type AttachmentProps } from './Attachment/Attachment.js';
export { Avatar, type AvatarProps } from './Avatar/Avatar.js';
export { CardMessage, type CardMessageProps } from './CardMessage/CardMessage.js';
export { ChannelLinks, type ChannelLinksProps } from './ChannelLinks/ChannelLinks.js';
export { linkWithReference } from './ChannelLinks/link-with-reference.js';
export {
  Composer,
  type ComposerDisabledReason,
  type ComposerProps,
} from './Composer/Composer.js';
export { ConnectionBanner, type ConnectionBannerProps } from './ConnectionBanner/ConnectionBanner.js';
export { ConversationList, type ConversationListProps } from './ConversationList/ConversationList.js';
export { EmptyState, type EmptyStateProps } from './EmptyState/EmptyState.js';
export { ErrorState, type ErrorStateProps } from './ErrorState/ErrorState.js';
export { FormField, type FormFieldProps, validateField } from './FormField/FormField.js';
export { availabilityText, Header, type HeaderProps, returnTime } from './Header/Header.js';
export { ICON_PATHS, Icon, type IconProps } from './Icon/Icon.js';
export { Launcher, type LauncherProps } from './Launcher/Launcher.js';
export {
  LeaveMessageForm,
  type LeaveMessageFormProps,
  type LeftMessage,
} from './LeaveMessageForm/LeaveMessageForm.js';
export { MessageBubble, type MessageBubbleProps } from './MessageBubble/MessageBubble.js';
export { MESSAGE_WINDOW, MessageList, type MessageListProps } from './MessageList/MessageList.js';
export { MessageText, type MessageTextProps } from './MessageText/MessageText.js';
export { parseMessageText, type TextToken } from './MessageText/parse-message-text.js';
export { NpsScale, type NpsScaleProps } from './NpsScale/NpsScale.js';
export { npsReplies } from './NpsScale/nps-replies.js';
export { OfflinePromise, type OfflinePromiseProps, promiseText } from './OfflinePromise/OfflinePromise.js';
export { Panel, type PanelProps } from './Panel/Panel.js';
export { PrechatForm, type PrechatFormProps } from './PrechatForm/PrechatForm.js';
export { QuickReplies, type QuickRepliesProps } from './QuickReplies/QuickReplies.js';
export { RatingForm, type RatingFormProps } from './RatingForm/RatingForm.js';
export { ReplyByEmail, type ReplyByEmailProps } from './ReplyByEmail/ReplyByEmail.js';
export { ResolvedState, type ResolvedStateProps } from './ResolvedState/ResolvedState.js';
export { contrastColor, Root, type RootProps } from './Root/Root.js';
export { EXTERNAL_REL, safeUrl } from './safe-url.js';
export { type ReplyAction, Teaser, type TeaserProps } from './Teaser/Teaser.js';
export { TypingIndicator, type TypingIndicatorProps } from './TypingIndicator/TypingIndicator.js';
export { UploadProgress, type UploadProgressProps } from './UploadProgress/UploadProgress.js';
