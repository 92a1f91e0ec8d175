// `/jobs add [posting or link]` opens the add modal; `/jobs remove [number]` lists or removes added postings.
// Runs before the /jobs listener and hands every other subcommand on; subcommands are read as /jobs reads them.
import { readCommand } from '../../../answers/index.ts';
import type { Ack, Respond, SlackDeps } from '../../deps.ts';
import { formView, notAllowedText, notFoundText, notNowText, removedText, removeList } from '../../posting-views.ts';

export interface AddedCommandArgs {
  command: { text?: string; user_id: string; channel_id: string; trigger_id: string };
  ack: Ack;
  respond?: Respond;
  client: { views: { open(args: object): Promise<unknown> } };
  next: () => Promise<void>;
}

export function addedCommand(deps: SlackDeps) {
  return async ({ command, ack, client, next }: AddedCommandArgs): Promise<void> => {
    const cmd = readCommand(command.text ?? '');
    if (!deps.added || (cmd.kind !== 'add' && cmd.kind !== 'remove')) return next();
    if (cmd.kind === 'add') {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: formView({ initial: cmd.text, meta: { channelId: command.channel_id } }) });
      return;
    }
    const added = deps.added;
    const ref = cmd.arg;
    // The store is SQLite: a locked or full database still gets an answer within Slack's 3 seconds.
    let reply: object;
    try {
      if (!ref) reply = removeList(added.removableBy(command.user_id), added.isAdmin(command.user_id));
      else {
        const r = added.remove(ref, command.user_id);
        deps.log.info({ user: command.user_id, ref, ok: r.ok }, 'remove added posting');
        reply = { text: r.ok ? removedText(r.record) : r.reason === 'not-allowed' ? notAllowedText(r.record!) : notFoundText(ref) };
      }
    } catch (err) {
      deps.log.error({ err, user: command.user_id, ref }, 'added postings not read or removed');
      reply = { text: notNowText(err, ref ? 'remove it' : 'list the postings you added') };
    }
    await ack({ response_type: 'ephemeral', ...reply });
  };
}
