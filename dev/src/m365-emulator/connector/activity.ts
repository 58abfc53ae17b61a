/** The parts of the Bot Framework Activity schema the emulated Teams channel reads and writes. */
export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: 'user' | 'bot';
}

export interface ConversationAccount {
  id: string;
  conversationType?: string;
  tenantId?: string;
  isGroup?: boolean;
  name?: string;
}

export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface Activity {
  type: string;
  id?: string;
  timestamp?: string;
  localTimestamp?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: ChannelAccount;
  conversation?: ConversationAccount;
  recipient?: ChannelAccount;
  text?: string;
  textFormat?: string;
  locale?: string;
  attachments?: Attachment[];
  attachmentLayout?: string;
  replyToId?: string;
  name?: string;
  value?: unknown;
  membersAdded?: ChannelAccount[];
  channelData?: Record<string, unknown>;
  summary?: string;
  [extra: string]: unknown;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
