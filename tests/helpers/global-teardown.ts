/** Jest globalTeardown: stops the embedded server once the last project using it has finished. */
interface SharedTestMongo {
  server?: { stop(): Promise<void> };
  users: number;
}

const globalState = globalThis as typeof globalThis & { __testMongo?: SharedTestMongo };

export default async function globalTeardown(): Promise<void> {
  const shared = globalState.__testMongo;
  if (!shared) return;
  shared.users--;
  if (shared.users > 0) return;
  await shared.server?.stop();
  globalState.__testMongo = undefined;
}
