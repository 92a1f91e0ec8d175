import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { resultsMore } from './results-more.ts';
import { roleDetails } from './role-details.ts';
import { roleShare, SHARE_TO } from './role-share.ts';
import { roleShareTo } from './role-share-to.ts';
import { postingRemove } from './posting-remove.ts';

/** Every action here is a button in a message, App Home or a modal. */
type Button = BlockAction<ButtonAction>;

export function register(app: App, deps: SlackDeps): void {
  app.action<Button>(ACTIONS.details, roleDetails(deps));
  app.action<Button>(ACTIONS.share, roleShare(deps));
  app.action<Button>(ACTIONS.more, resultsMore(deps));
  app.view(SHARE_TO, roleShareTo(deps));
  app.action<Button>(ACTIONS.remove, postingRemove(deps));
}
