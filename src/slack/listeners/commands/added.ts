// `/jobs add [posting or link]` opens the add modal; `/jobs remove [number]` lists or removes added postings.
// Runs before the /jobs listener and hands every other subcommand on.
import type { Ack, Respond, SlackDeps } from '../../deps.ts';
import { formView, notAllowedText, notFoundText, removedText, removeList } from '../../posting-views.ts';

export interface AddedCommandArgs {
  command: { text?: string; user_id: string; channel_id: string; trigger_id: string };
  ack: Ack;
  respond?: Respond;
  client: { views: { open(args: object): Promise<unknown> } };
  next: () => Promise<void>;
}

export function addedCommand(deps: SlackDeps) {
  return async ({ command, ack, client, next }: AddedCommandArgs): Promise<void> => {
    const text = (command.text ?? '').trim();
    const m = /^(add|remove)\b\s*([\s\S]*)$/i.exec(text);
    if (!deps.added || !m) return next();
    const rest = m[2]!.trim();
    if (m[1]!.toLowerCase() === 'add') {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: formView({ initial: rest, meta: { channelId: command.channel_id } }) });
      return;
    }
    if (!rest) {
      await ack({ response_type: 'ephemeral', ...removeList(deps.added.removableBy(command.user_id), deps.added.isAdmin(command.user_id)) });
      return;
    }
    const r = deps.added.remove(rest, command.user_id);
    deps.log.info({ user: command.user_id, ref: rest, ok: r.ok }, 'remove added posting');
    await ack({ response_type: 'ephemeral', text: r.ok ? removedText(r.record) : r.reason === 'not-allowed' ? notAllowedText(r.record!) : notFoundText(rest) });
  };
}
