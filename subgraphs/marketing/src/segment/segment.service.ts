import { badInput, conflict, notFound } from '../../../../shared/errors';
import { SegmentKind } from './segment.enums';
import type { CreateSegmentInput, SegmentRulesInput } from './segment.input';
import type { SegmentDoc, SegmentModel, SegmentRules } from './segment.model';

/** Segments are few (an audience list, not data); every request reads them at most once. */
export const MAX_SEGMENTS = 1000;

function toRules(input: SegmentRulesInput): SegmentRules {
  const rules: SegmentRules = {};
  if (input.countries) rules.countries = [...new Set(input.countries)];
  if (input.cities) rules.cities = [...new Set(input.cities.map((c) => c.trim()))];
  if (input.ageBands) rules.ageBands = [...new Set(input.ageBands)];
  if (input.genders) rules.genders = [...new Set(input.genders)];
  if (input.languages) rules.languages = [...new Set(input.languages.map((l) => l.toLowerCase()))];
  if (input.consents?.length)
    rules.consents = input.consents.map((c) => ({ channel: c.channel, purpose: c.purpose }));
  if (input.createdAfter) rules.createdAfter = input.createdAfter;
  if (input.createdBefore) rules.createdBefore = input.createdBefore;
  if (input.hasEmail != null) rules.hasEmail = input.hasEmail;
  if (input.hasPhone != null) rules.hasPhone = input.hasPhone;
  return rules;
}

export class SegmentService {
  constructor(private readonly segments: SegmentModel) {}

  async create(input: CreateSegmentInput): Promise<SegmentDoc> {
    let rules: SegmentRules | undefined;
    if (input.kind === SegmentKind.RULE) {
      if (!input.rules) throw badInput('rules', 'is required for a RULE segment');
      rules = toRules(input.rules);
      if (Object.keys(rules).length === 0) throw badInput('rules', 'must contain at least one condition');
      if (rules.createdAfter && rules.createdBefore && rules.createdAfter >= rules.createdBefore) {
        throw badInput('rules.createdBefore', 'must be later than createdAfter');
      }
    } else if (input.rules) {
      throw badInput('rules', 'only RULE segments have rules');
    }
    const name = input.name.trim();
    const nameKey = name.toLowerCase();
    if (await this.segments.exists({ nameKey }))
      throw conflict(`A segment named "${name}" already exists`, { field: 'name' });
    if ((await this.segments.estimatedDocumentCount()) >= MAX_SEGMENTS) {
      throw badInput('name', `at most ${MAX_SEGMENTS} segments can exist`);
    }
    const doc = await this.segments.create({
      name,
      nameKey,
      kind: input.kind,
      description: input.description?.trim() || undefined,
      ...(rules ? { rules } : {}),
    });
    return doc.toObject();
  }

  async get(id: string): Promise<SegmentDoc> {
    const doc = await this.segments.findById(id).lean<SegmentDoc>();
    if (!doc) throw notFound('Segment', id);
    return doc;
  }

  async listAll(): Promise<SegmentDoc[]> {
    return this.segments.find().sort({ nameKey: 1 }).limit(MAX_SEGMENTS).lean<SegmentDoc[]>();
  }
}
