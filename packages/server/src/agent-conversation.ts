import type { Conversation, Message, PageInfo, Visitor } from '@sapa/protocol';

/** A conversation as agents see it: the visitor, their presence, the last message and what is unread. */
export type AgentConversation = Conversation & {
  visitor: Visitor & { page?: PageInfo; locale?: string; online: boolean; lastSeenAt?: string };
  lastMessage?: Message;
  /** Visitor messages the agents have not read. */
  unreadCount: number;
  /** A person was asked for (the bot handed over). */
  handedOver: boolean;
  /** The site the conversation belongs to. */
  siteKey: string;
};
