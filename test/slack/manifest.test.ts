// manifest.yml has the structure Slack's manifest expects (against Slack's own JSON schema when it is at hand),
// and asks for exactly the scopes that the Web API methods and events the code uses need.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEEDS_DIR } from '../helpers.ts';
import { validate } from '../support/json-schema.ts';

const root = join(SEEDS_DIR, '..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Record<string, any>;
// Slack's published schema (slackapi/manifest-schema), kept beside the repository; the test runs without it too.
const SCHEMA = join(root, '..', 'shared', 'slack-payloads', 'manifest-schema', 'manifest.schema.1.0.0.json');

// The bot scopes each Web API method needs (from each method's reference page); "no scope" methods map to [].
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'apps.connections.open': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.unfurl': ['links:write'],
  // Public channels need channels:read, private ones groups:read; the digest works in both.
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history'],
  // Opening the app's DM with a user before an alert (so a restart can check that DM's history).
  'conversations.open': ['im:write'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  'views.push': [],
  'assistant.threads.setStatus': ['assistant:write'],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
};
// The bot scope each event subscription needs.
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
  link_shared: ['links:read'],
  assistant_thread_started: ['assistant:write'],
  assistant_thread_context_changed: ['assistant:write'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Web API methods the code calls through a client (`client.chat.postMessage(…)` and the like). */
function methodsUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(chat|views|conversations|users|assistant|apps|auth|reactions|files|team|pins|bookmarks)\.([a-zA-Z]+(?:\.[a-zA-Z]+)?)\??\.?\(/g)) used.add(`${m[1]}.${m[2]}`);
  }
  return used;
}

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
  it('asks for exactly the bot scopes that the methods it calls and the events it receives need', () => {
    const methods = methodsUsed();
    expect(methods).toContain('chat.postMessage');
    expect(methods).toContain('conversations.info');
    const unknown = [...methods].filter((m) => !(m in METHOD_SCOPES));
    expect(unknown, 'a Web API method the scope table does not know: add it with its scopes').toEqual([]);
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    const unknownEvents = events.filter((e) => !(e in EVENT_SCOPES));
    expect(unknownEvents, 'an event the scope table does not know: add it with its scopes').toEqual([]);
    const needed = new Set([...[...methods].flatMap((m) => METHOD_SCOPES[m]!), ...events.flatMap((e) => EVENT_SCOPES[e]!)]);
    // Slash commands and shortcuts need `commands`.
    if (manifest.features.slash_commands?.length || manifest.features.shortcuts?.length) needed.add('commands');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect(manifest.oauth_config.scopes.bot).not.toContain('im:read');
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });
  it.skipIf(!existsSync(SCHEMA))('validates against Slack\'s manifest JSON schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, any>;
    expect(validate(schema, manifest)).toEqual([]);
    // The checker itself finds what Slack would refuse.
    const broken = { ...manifest, display_information: { ...manifest.display_information, name: 'x'.repeat(40) }, oauth_config: { scopes: { bot: 'chat:write' } }, surprise: 1 };
    expect(validate(schema, broken).map((e) => e.path).sort()).toEqual(['/', '/display_information/name', '/oauth_config/scopes/bot'].sort());
  });
  it('subscribes to the events the app handles, with interactivity and socket mode on', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'link_shared', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
  it('every event the app registers is in the manifest', () => {
    const events = readFileSync(join(SEEDS_DIR, '..', 'src/slack/listeners/events/index.ts'), 'utf8');
    for (const m of events.matchAll(/app\.event\('([a-z_.]+)'/g)) expect(manifest.settings.event_subscriptions.bot_events).toContain(m[1]);
    expect(events).toMatch(/app\.message\(/);
  });
  it('has the side panel, the message shortcut and the unfurl domains the code handles', async () => {
    const { ADD } = await import('../../src/slack/posting-views.ts');
    const { BOARD_HOSTS } = await import('../../src/sources/links.ts');
    expect(manifest.features.assistant_view.assistant_description).toEqual(expect.any(String));
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: ADD.shortcut })]);
    for (const s of manifest.features.shortcuts) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
    expect([...manifest.features.unfurl_domains].sort()).toEqual(Object.keys(BOARD_HOSTS).sort());
    expect(manifest.features.unfurl_domains.length).toBeLessThanOrEqual(5);
    const app = readFileSync(join(SEEDS_DIR, '..', 'src/slack/app.ts'), 'utf8');
    expect(app).toMatch(/registerAssistant\(app/);
  });
});
