/** Deterministic demo data for the three subgraphs: `seedDemoData` (npm start, tests) and its building blocks. */
export {
  seedDemoData,
  checkSeedOptions,
  summarizeStory,
  MAX_DEMO_CUSTOMERS,
  type SeedDemoDataOptions,
  type SeedSummary,
  type StorySummary,
} from './seed-demo-data';
export { generateStory, type StoryOptions } from './story';
export { buildDocuments, type DemoDocuments } from './documents';
export { existingRows, type ExistingDataPolicy, type SeedConnections, type SeedLogger } from './writer';
export type { DemoStory, CustomerPlan, Archetype } from './types';
