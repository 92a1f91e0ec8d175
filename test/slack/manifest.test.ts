// manifest.yml has the structure Slack's manifest expects, and agrees with what the app listens to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEEDS_DIR } from '../helpers.ts';

const manifest = parse(readFileSync(join(SEEDS_DIR, '..', 'manifest.yml'), 'utf8')) as Record<string, any>;

describe('manifest.yml', () => {
  it('has display information within Slack limits', () => {
    expect(manifest.display_information.name).toBe('openroles');
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
  });
  it('declares the bot user and the /jobs command under features', () => {
    expect(manifest.features.bot_user.display_name).toBe('openroles');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    const [cmd] = manifest.features.slash_commands;
    expect(cmd).toMatchObject({ command: '/jobs', description: expect.any(String), usage_hint: expect.any(String) });
    expect(cmd.description.length).toBeLessThanOrEqual(100);
    expect(cmd.usage_hint.length).toBeLessThanOrEqual(100);
  });
  it('asks only for the bot scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'channels:read', 'chat:write', 'commands', 'groups:history', 'groups:read', 'im:history', 'im:read', 'im:write'].sort());
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });
  it('subscribes to the events the app handles, with interactivity and socket mode on', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
  it('every event the app registers is in the manifest', () => {
    const events = readFileSync(join(SEEDS_DIR, '..', 'src/slack/listeners/events/index.ts'), 'utf8');
    for (const m of events.matchAll(/app\.event\('([a-z_.]+)'/g)) expect(manifest.settings.event_subscriptions.bot_events).toContain(m[1]);
    expect(events).toMatch(/app\.message\(/);
  });
});
