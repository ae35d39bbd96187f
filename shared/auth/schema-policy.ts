import {
  defaultFieldResolver,
  Kind,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
} from 'graphql';
import { AppError, ErrorCode } from '../errors';
import { applyMask } from './masking';
import type { FieldPolicy } from './policy';
import { mayReveal, satisfiesScopes, type RequestAuth } from './principal';

/** What the policy reads from a subgraph's per-request context (set by shared/server). */
export interface PolicyContext {
  /** The principal the gateway vouched for; absent means nobody (every ruled field is refused). */
  auth?: RequestAuth;
  /** Told about every personal-data field resolved (for the audit log). */
  onPersonalData?: (event: PersonalDataAccess) => void;
}

export interface PersonalDataAccess {
  coordinate: string;
  /** The customer whose field it is, when the parent is a Customer. */
  customerId?: string;
  revealed: boolean;
}

export const forbidden = (coordinate: string, scopes: string[][]) =>
  new AppError(
    ErrorCode.FORBIDDEN,
    `Forbidden: ${coordinate} requires scope ${scopes.map((all) => all.join(' and ')).join(' or ')}`,
    { coordinate, requiredScopes: scopes },
  );

const directive = (scopes: string[][]): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'requiresScopes' },
  arguments: [
    {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: 'scopes' },
      value: {
        kind: Kind.LIST,
        values: scopes.map((all) => ({
          kind: Kind.LIST,
          values: all.map((s) => ({ kind: Kind.STRING, value: s })),
        })),
      },
    },
  ],
});

/**
 * Adds `@requiresScopes` to every field of a subgraph SDL that has a policy row — but not to `@external`
 * fields, which the owning subgraph declares — and returns the rows that applied.
 */
export function addPolicyDirectives(
  sdl: DocumentNode,
  policy: Readonly<Record<string, FieldPolicy>>,
): { document: DocumentNode; applied: Map<string, FieldPolicy> } {
  const applied = new Map<string, FieldPolicy>();
  let typeName = '';
  const enter = (node: { name: { value: string } }) => {
    typeName = node.name.value;
  };
  const document = visit(sdl, {
    ObjectTypeDefinition: { enter },
    ObjectTypeExtension: { enter },
    InterfaceTypeDefinition: { enter },
    FieldDefinition(node: FieldDefinitionNode) {
      const coordinate = `${typeName}.${node.name.value}`;
      const rule = policy[coordinate];
      if (!rule || node.directives?.some((d) => d.name.value === 'external')) return undefined;
      applied.set(coordinate, rule);
      return { ...node, directives: [...(node.directives ?? []), directive(rule.scopes)] };
    },
  });
  return { document, applied };
}

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * Wraps the resolver of every ruled field: no principal or missing scope → FORBIDDEN (the gateway removes
 * such fields before planning; this stops a caller that reaches the subgraph some other way), personal
 * data masked unless revealed, and each Customer's ruled field reported for the audit log.
 */
export function wrapResolversWithPolicy(resolvers: ResolverMap, applied: Map<string, FieldPolicy>): void {
  for (const [coordinate, rule] of applied) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = (resolvers[typeName] ??= {});
    const existing = type[fieldName];
    const original: GraphQLFieldResolver<unknown, PolicyContext> =
      typeof existing === 'function'
        ? (existing as GraphQLFieldResolver<unknown, PolicyContext>)
        : ((existing as { resolve?: GraphQLFieldResolver<unknown, PolicyContext> } | undefined)?.resolve ??
          defaultFieldResolver);
    const guarded: GraphQLFieldResolver<unknown, PolicyContext> = (parent, args, context, info) => {
      const auth = context?.auth;
      if (!auth || !satisfiesScopes(auth.principal, rule.scopes)) throw forbidden(coordinate, rule.scopes);
      const value = original(parent, args, context, info);
      if (!rule.pii) return value;
      const revealed = mayReveal(auth);
      if (context.onPersonalData) {
        const customerId = typeName === 'Customer' ? (parent as { id?: unknown } | null)?.id : undefined;
        context.onPersonalData({
          coordinate,
          revealed,
          ...(typeof customerId === 'string' ? { customerId } : {}),
        });
      }
      if (revealed) return value;
      const kind = rule.pii;
      return value instanceof Promise ? value.then((v) => applyMask(kind, v)) : applyMask(kind, value);
    };
    type[fieldName] =
      typeof existing === 'object' && existing !== null ? { ...existing, resolve: guarded } : guarded;
  }
}
