import type { App } from '@slack/bolt';
import { RecentIds } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { directMessage } from './message-im.ts';
import { linkShared } from './link-shared.ts';

export function register(app: App, deps: SlackDeps): void {
  const seen = new RecentIds();
  app.event('app_mention', appMention(deps, seen) as never);
  app.message(directMessage(deps, seen) as never);
  app.event('app_home_opened', appHomeOpened(deps) as never);
  app.event('link_shared', linkShared(deps, seen) as never);
}
