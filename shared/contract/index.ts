/**
 * The contract: what more than one service must agree on, in one place. A subgraph never imports
 * another subgraph; where two of them speak about the same thing (a consent channel, an NPS band), both
 * import it from here, so the values cannot drift apart.
 */
export * from './consent';
export * from './nps';
export * from './touchpoint-channel';
export * from './events';
export * from './timeline';
