import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { Drafts } from '../../drafts.ts';
import { ADD } from '../../posting-views.ts';
import { addFromMessage } from '../shortcuts/add-from-message.ts';
import { addConfirmed, addFormSubmitted } from './add-posting.ts';

/** The add modal and the message shortcut share the drafts between preview and Save. */
export function register(app: App, deps: SlackDeps): void {
  if (!deps.added) return;
  const drafts = new Drafts();
  app.view(ADD.form, addFormSubmitted(deps, drafts));
  app.view(ADD.confirm, addConfirmed(deps, drafts));
  app.shortcut({ callback_id: ADD.shortcut, type: 'message_action' }, addFromMessage(deps, drafts));
}
