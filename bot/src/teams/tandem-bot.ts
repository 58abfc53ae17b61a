// The Teams side of Tandem: installation (remember where to reach people, greet), typed commands, and
// the Universal Actions of its cards.
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { TandemApi } from '../api/tandem-api.js';
import { greetingView, helpView } from '../cards/help-view.js';
import { cardAttachment } from '../cards/render.js';
import type { ConversationStore, InstallScope } from '../store/conversations.js';
import { bookSlot, offerSlots, startBooking } from './book-by-chat.js';
import { parseCommand } from './commands.js';
import { decideFromCard } from './decisions.js';
import { notice } from './invoke-responses.js';
import { listBookings } from './my-bookings.js';
import { turnIdentity } from './turn-identity.js';
import { errorText } from '../error-text.js';

export interface TandemBotDeps {
  api: TandemApi;
  conversations: ConversationStore;
  publicBaseUrl?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

const scopeOf = (conversationType: string | undefined): InstallScope =>
  conversationType === 'channel' ? 'team' : conversationType === 'groupChat' ? 'groupChat' : 'personal';

export class TandemBot extends TeamsActivityHandler {
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly deps: TandemBotDeps) {
    super();
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? ((line) => console.log(line));

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        await this.remember(context);
        const scope = scopeOf(context.activity.conversation?.conversationType);
        await context.sendActivity({ attachments: [cardAttachment('help', greetingView(scope))] });
      }
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId)) await this.forget(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    const who = turnIdentity(context);
    switch (command.kind) {
      case 'book':
        return startBooking(context, this.deps.api, command.query);
      case 'myBookings':
        return listBookings(context, this.deps.api, who, { now: this.now(), forCancel: false });
      case 'cancel':
        return listBookings(context, this.deps.api, who, { now: this.now(), forCancel: true });
      case 'help':
        await context.sendActivity({ attachments: [cardAttachment('help', helpView())] });
        return;
      case 'unknown':
        await context.sendActivity({ attachments: [cardAttachment('help', helpView(command.text))] });
        return;
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    const who = turnIdentity(context);
    const links = {
      now: this.now(),
      ...(this.deps.publicBaseUrl && { publicBaseUrl: this.deps.publicBaseUrl }),
    };
    try {
      switch (verb) {
        case 'approve':
        case 'decline':
        case 'cancel':
          return await decideFromCard(this.deps.api, who, verb, data);
        case 'choosePage':
          return await offerSlots(this.deps.api, who, data, links);
        case 'bookSlot':
          return await bookSlot(context, this.deps.api, who, data, links);
        default:
          return notice(
            'This button belongs to an older version of Tandem; type "help" to see what I can do.',
          );
      }
    } catch (error) {
      this.log(`card action ${verb} failed: ${errorText(error)}`);
      return notice('Something went wrong on my side; please try again in a moment.');
    }
  }

  private async remember(context: TurnContext): Promise<void> {
    const who = turnIdentity(context);
    if (!who.tenantId) return;
    const scope = scopeOf(context.activity.conversation?.conversationType);
    await this.deps.conversations.remember(who.tenantId, {
      scope,
      reference: TurnContext.getConversationReference(context.activity),
      ...(scope === 'personal' && who.userId && { userId: who.userId }),
    });
  }

  private async forget(context: TurnContext): Promise<void> {
    const who = turnIdentity(context);
    if (!who.tenantId) return;
    const scope = scopeOf(context.activity.conversation?.conversationType);
    if (scope === 'personal' && who.userId)
      await this.deps.conversations.forget(who.tenantId, { userId: who.userId });
    else
      await this.deps.conversations.forget(who.tenantId, {
        conversationId: context.activity.conversation.id,
      });
  }
}
