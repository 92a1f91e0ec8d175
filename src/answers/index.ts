export { answerRequest, ask, details, examples, find, help, requirementsOf, resolve, textAnswer, type AskContext } from './engine.ts';
export { readRequest, type Asked, type Request } from './request.ts';
export { memoryThread, type Recall, type ThreadMemory } from './thread.ts';
export { plainText } from './mentions.ts';
export { renderText } from './text.ts';
export type { Answer, Intent, Part, RoleCard, Paging } from './types.ts';
export { countBy, newest } from './tally.ts';
export { digestText, notHere, readCommand, SUBCOMMANDS, type Command } from './commands.ts';
