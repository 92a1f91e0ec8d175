// Slack message syntax in incoming text: mentions, channel links, URLs and entities, read as plain words.

/** Turns `<@U123> what does <#C1|jobs> say? <https://x|the page>` into plain text; drops broadcast mentions. */
export function plainText(input: string): string {
  return input
    .slice(0, 2000)
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#C[A-Z0-9]+\|([^>]*)>/g, ' ')
    .replace(/<#C[A-Z0-9]+>/g, ' ')
    .replace(/<!(?:channel|here|everyone)(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, ' ')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!([^>|]*)(?:\|[^>]*)?>/g, ' ')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/^\s*@openroles\b[:,]?/i, ' ')
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
