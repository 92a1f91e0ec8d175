import type { App } from '@slack/bolt';
import { ACTIONS } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { resultsMore } from './results-more.ts';
import { roleDetails } from './role-details.ts';
import { roleShare, SHARE_TO } from './role-share.ts';
import { roleShareTo } from './role-share-to.ts';
import { postingRemove } from './posting-remove.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.details, roleDetails(deps) as never);
  app.action(ACTIONS.share, roleShare(deps) as never);
  app.action(ACTIONS.more, resultsMore(deps) as never);
  app.view(SHARE_TO, roleShareTo(deps) as never);
  app.action(ACTIONS.remove, postingRemove(deps) as never);
}
