// `/jobs add [posting or link]` opens the add modal; `/jobs remove [number]` lists or removes added postings.
// Runs before the /jobs listener and hands every other subcommand on; subcommands are read as /jobs reads them.
import { readCommand } from '../../../answers/index.ts';
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
    const cmd = readCommand(command.text ?? '');
    if (!deps.added || (cmd.kind !== 'add' && cmd.kind !== 'remove')) return next();
    if (cmd.kind === 'add') {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: formView({ initial: cmd.text, meta: { channelId: command.channel_id } }) });
      return;
    }
    if (!cmd.arg) {
      await ack({ response_type: 'ephemeral', ...removeList(deps.added.removableBy(command.user_id), deps.added.isAdmin(command.user_id)) });
      return;
    }
    const r = deps.added.remove(cmd.arg, command.user_id);
    deps.log.info({ user: command.user_id, ref: cmd.arg, ok: r.ok }, 'remove added posting');
    await ack({ response_type: 'ephemeral', text: r.ok ? removedText(r.record) : r.reason === 'not-allowed' ? notAllowedText(r.record!) : notFoundText(cmd.arg) });
  };
}
