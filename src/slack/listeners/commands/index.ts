import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { addedCommand } from './added.ts';
import { jobsCommand } from './jobs.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/jobs', addedCommand(deps), jobsCommand(deps));
}
