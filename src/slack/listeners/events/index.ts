import type { App } from '@slack/bolt';
import { RecentIds } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { directMessage } from './message-im.ts';
import { linkShared } from './link-shared.ts';

export function register(app: App, deps: SlackDeps): void {
  const seen = new RecentIds();
  app.event('app_mention', appMention(deps, seen));
  app.message(directMessage(deps, seen));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('link_shared', linkShared(deps, seen));
}
