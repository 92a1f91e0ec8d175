// fast-check arbitraries for Slack request bodies: near-misses of each kind the app handles (the right keys, values of
// any type), for fuzzing the HTTP and Socket Mode entry points.
import fc from 'fast-check';

// Values of every JSON type, to put where a field's value goes.
export const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue, fc.constant(undefined));
// Ids that route a request: ours, or not a string at all. (A well-formed id no listener knows is left to Bolt's own
// routing, which answers 404 after Slack's 3 s.)
const notString = anyValue.filter((v) => typeof v !== 'string');
const routeId = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, notString, fc.constant(undefined));

// Near-misses of each request kind the app handles: right keys, values of any type.
export const eventBody = fc.record({
  type: fc.oneof(fc.constant('event_callback'), anyValue),
  event_id: maybe(fc.string({ maxLength: 10 })),
  event: maybe(fc.record({ type: maybe(fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added')), text: maybe(fc.string({ maxLength: 40 })), channel: maybe(fc.constantFrom('C1', 'D1')), channel_type: maybe(fc.constantFrom('im', 'channel')), user: maybe(fc.constant('U1')), ts: maybe(fc.constant('1.1')), thread_ts: maybe(fc.constant('1.0')), subtype: maybe(fc.constantFrom('file_share', 'thread_broadcast', 'message_changed')), tab: maybe(fc.constant('home')) })),
});
export const actionBody = fc.record({
  type: fc.oneof(fc.constant('block_actions'), anyValue),
  user: maybe(fc.record({ id: maybe(fc.constant('U1')) })),
  trigger_id: maybe(fc.constant('trig-fuzz')),
  container: maybe(fc.record({ type: maybe(fc.constantFrom('message', 'view')), is_ephemeral: maybe(fc.boolean()), channel_id: maybe(fc.constant('C1')) })),
  actions: maybe(fc.array(fc.record({ action_id: routeId(fc.constantFrom('role_details', 'role_share', 'results_more')), value: maybe(fc.string({ maxLength: 30 })) }), { maxLength: 2 })),
});
export const viewBody = fc.record({
  type: fc.oneof(fc.constant('view_submission'), anyValue),
  user: maybe(fc.record({ id: maybe(fc.constant('U1')) })),
  view: maybe(fc.record({ callback_id: routeId(fc.constant('role_share_to')), private_metadata: maybe(fc.string({ maxLength: 10 })), state: maybe(fc.constant({ values: {} })) })),
  response_urls: maybe(fc.array(fc.record({ channel_id: maybe(fc.constant('C1')), response_url: maybe(fc.constant('not a url')) }), { maxLength: 1 })),
});
export const commandFields = fc.record({ command: routeId(fc.constant('/jobs')), text: maybe(fc.string({ maxLength: 30 })), user_id: maybe(fc.constant('U1')), channel_id: maybe(fc.constant('C1')) });
