/**
 * What an agent typed into the console's one search box: an order number, an email address, a phone
 * number, or the start of a name. Pure, so the page and its unit test share it.
 */
export type AgentQuery =
  | { kind: 'ORDER'; value: string }
  | { kind: 'EMAIL'; value: string }
  | { kind: 'PHONE'; value: string }
  | { kind: 'NAME'; value: string }
  | { kind: 'EMPTY' };

/** `SO-20260131-7K3M9QXA`: the sales subgraph's order numbers. */
const ORDER_NUMBER = /^SO-\d{8}-[0-9A-Z]{8}$/i;
/** Digits with the usual separators; at least 6 digits so "Anna 2" stays a name. */
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

export function classifyAgentQuery(input: string): AgentQuery {
  const value = input.trim();
  if (!value) return { kind: 'EMPTY' };
  if (ORDER_NUMBER.test(value)) return { kind: 'ORDER', value: value.toUpperCase() };
  if (value.includes('@')) return { kind: 'EMAIL', value };
  if (PHONE_CHARS.test(value) && value.replace(/\D/g, '').length >= 6) return { kind: 'PHONE', value };
  return { kind: 'NAME', value };
}
