// /jobs <query>: acks at once with an ephemeral page of role cards; help, digest and alert subcommands.
import { ask, digestText, find, notHere, readCommand } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { Ack, Respond, SlackDeps } from '../../deps.ts';

export interface JobsCommandArgs {
  command: { text?: string; user_id: string; channel_id: string; channel_name?: string };
  ack: Ack;
  respond?: Respond;
}

/** Handles the slash command: searches answer in the acknowledgement itself; anything slower acknowledges first. */
export function jobsCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: JobsCommandArgs): Promise<void> => {
    const text = (command.text ?? '').trim();
    const log = deps.log.child({ command: '/jobs', user: command.user_id, channel: command.channel_id });
    let acked = false;
    try {
      const ctx = deps.ctx();
      const cmd = readCommand(text);
      if (deps.refresh && cmd.kind === 'refresh') {
        // Fetching feeds can outlast Slack's 3 s: acknowledge now, answer through response_url.
        await ack({ response_type: 'ephemeral', text: 'Refreshing sources…' });
        acked = true;
        const a = await deps.refresh(command.user_id);
        await respond?.({ response_type: 'ephemeral', replace_original: true, ...answerMessage(a, { buttons: false }) });
        return;
      }
      const forDigest = digestText(cmd);
      if (deps.digest && forDigest) {
        // These read and write the database, and `digest on` asks Slack whether the bot is in the channel: acknowledge
        // first, answer through response_url.
        await ack();
        acked = true;
        const a = await deps.digest.command(forDigest, { userId: command.user_id, channelId: command.channel_id, channelName: command.channel_name });
        if (a) {
          await respond?.({ response_type: 'ephemeral', ...answerMessage(a, { buttons: false }) });
          return;
        }
      }
      const a = cmd.kind === 'help' ? ask('help', ctx) : cmd.kind === 'search' ? find(cmd.query, ctx) : notHere(cmd) ?? find(text, ctx);
      log.info({ query: text, intent: a.intent, results: a.paging?.total ?? 0 }, 'slash command answered');
      const message = { response_type: 'ephemeral', ...answerMessage(a) };
      // The answer rides in the acknowledgement (searches never wait on the Web API or the database).
      if (acked) await respond?.(message);
      else await ack(message);
    } catch (err) {
      log.error({ err }, 'slash command failed');
      const sorry = { response_type: 'ephemeral', text: 'Sorry, something went wrong answering that. Try again, or `/jobs help`.' };
      if (acked) await respond?.(sorry).catch(() => undefined);
      else await ack(sorry);
    }
  };
}
