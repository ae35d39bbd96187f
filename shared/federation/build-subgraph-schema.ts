import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DateTimeResolver } from 'graphql-scalars';
import { parse, print, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { POLICY } from '../auth/policy';
import { addPolicyDirectives, wrapResolversWithPolicy } from '../auth/schema-policy';

/** Federation spec version every subgraph links; one value so composition sees consistent imports. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override", "@authenticated", "@requiresScopes", "@policy"])`;

export interface SubgraphSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` functions keyed by entity type name (each lives in its `*.reference.ts`). */
  referenceResolvers?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
}

/**
 * type-graphql builds the schema (classes + decorators), then the printed SDL — with its
 * federation directives — goes through `buildSubgraphSchema`, which adds `_service` and `_entities`.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<{
  schema: GraphQLSchema;
  sdl: string;
}> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Subgraphs may legitimately have no Query of their own (only entity extensions).
    skipCheck: true,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    emitSchemaFile: false,
  });
  // The access policy (shared/auth/policy.ts) goes into the SDL as @requiresScopes, and around the resolvers.
  const withPolicy = addPolicyDirectives(
    parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`),
    POLICY,
  );
  const sdl = print(withPolicy.document);
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, ref] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...ref };
  }
  wrapResolversWithPolicy(resolvers, withPolicy.applied);
  const schema = buildSubgraphSchema({
    typeDefs: withPolicy.document,
    resolvers: resolvers as Parameters<typeof buildSubgraphSchema>[0] extends { resolvers?: infer R }
      ? R
      : never,
  });
  return { schema, sdl };
}
