import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';

export interface SchemaElement {
  /** `type T`, `field T.f`, `argument T.f(a)`, `input field I.f`, `enum value E.V`, `directive @d`. */
  name: string;
  described: boolean;
}

const BUILT_IN_DIRECTIVES = new Set(['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf']);

/**
 * Every element of a schema a client reads in Sandbox, the explorer or generated types. Built-in scalars,
 * directives and introspection types are graphql-js's, and described there.
 */
export function schemaElements(schema: GraphQLSchema): SchemaElement[] {
  const out: SchemaElement[] = [];
  const add = (name: string, description: string | null | undefined) =>
    out.push({ name, described: Boolean(description?.trim()) });
  const args = (owner: string, list: readonly GraphQLArgument[]) => {
    for (const a of list) add(`argument ${owner}(${a.name})`, a.description);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    add(`type ${type.name}`, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`field ${type.name}.${field.name}`, field.description);
        args(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        add(`input field ${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) add(`enum value ${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (BUILT_IN_DIRECTIVES.has(directive.name)) continue;
    add(`directive @${directive.name}`, directive.description);
    args(`@${directive.name}`, directive.args);
  }
  return out;
}

/** The names of the elements without a description, sorted. */
export function undescribedElements(schema: GraphQLSchema): string[] {
  return schemaElements(schema)
    .filter((e) => !e.described)
    .map((e) => e.name)
    .sort();
}
