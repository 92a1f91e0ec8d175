// More: the next page, replacing the message through response_url.
import { find } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import type { ButtonArgs } from './role-details.ts';

export function resultsMore(deps: SlackDeps) {
  return async ({ ack, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    let page: { q?: unknown; o?: unknown };
    try {
      page = JSON.parse(action.value ?? '{}') as { q?: unknown; o?: unknown };
    } catch {
      page = {};
    }
    const q = typeof page.q === 'string' ? page.q : '';
    const offset = typeof page.o === 'number' && page.o >= 0 ? Math.floor(page.o) : 0;
    const a = find(q, deps.ctx(), offset);
    await respond({ response_type: 'ephemeral', replace_original: true, ...answerMessage(a) });
  };
}
