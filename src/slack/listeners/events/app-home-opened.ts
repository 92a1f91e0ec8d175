// App Home: publish what is open now each time the tab is opened.
import type { SlackDeps, WebClientLike } from '../../deps.ts';
import { homeView } from '../../home.ts';

export interface HomeArgs {
  event: { user: string; tab?: string };
  client: WebClientLike;
}

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: HomeArgs): Promise<void> => {
    if (event.tab && event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.ctx(), deps.status?.() ?? []) });
  };
}
