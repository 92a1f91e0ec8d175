// /jobs <query>: acks at once with an ephemeral page of role cards; help, digest and alert subcommands.
import { ask, digestText, find, notHere, readCommand } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { Ack, Respond, SlackDeps } from '../../deps.ts';

export interface JobsCommandArgs {
  command: { text?: string; user_id: string; channel_id: string; channel_name?: string };
  ack: Ack;
  respond?: Respond;
}

/** Handles the slash command; the answer goes back in the acknowledgement itself. */
export function jobsCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: JobsCommandArgs): Promise<void> => {
    const text = (command.text ?? '').trim();
    const log = deps.log.child({ command: '/jobs', user: command.user_id, channel: command.channel_id });
    try {
      const ctx = deps.ctx();
      const cmd = readCommand(text);
      if (deps.refresh && cmd.kind === 'refresh') {
        // Fetching feeds can outlast Slack's 3 s: acknowledge now, answer through response_url.
        await ack({ response_type: 'ephemeral', text: 'Refreshing sources…' });
        const a = await deps.refresh(command.user_id);
        await respond?.({ response_type: 'ephemeral', replace_original: true, ...answerMessage(a, { buttons: false }) });
        return;
      }
      const forDigest = digestText(cmd);
      if (deps.digest && forDigest) {
        const a = await deps.digest.command(forDigest, { userId: command.user_id, channelId: command.channel_id, channelName: command.channel_name });
        if (a) {
          await ack({ response_type: 'ephemeral', ...answerMessage(a, { buttons: false }) });
          return;
        }
      }
      const a = cmd.kind === 'help' ? ask('help', ctx) : cmd.kind === 'search' ? find(cmd.query, ctx) : notHere(cmd) ?? find(text, ctx);
      log.info({ query: text, intent: a.intent, results: a.paging?.total ?? 0 }, 'slash command answered');
      await ack({ response_type: 'ephemeral', ...answerMessage(a) });
    } catch (err) {
      log.error({ err }, 'slash command failed');
      await ack({ response_type: 'ephemeral', text: 'Sorry, something went wrong answering that. Try again, or `/jobs help`.' });
    }
  };
}
