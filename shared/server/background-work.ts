import type { GraphQLService } from './graphql-service';

export interface BackgroundWork {
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

/**
 * Ties background work (event relay and consumers, schedulers) to a service's life: started once it
 * listens, stopped after it has drained its requests, so no request commits after the work has stopped.
 */
export function withBackgroundWork<S extends GraphQLService>(service: S, ...work: BackgroundWork[]): S {
  return {
    ...service,
    async listen(port: number, host?: string) {
      const running = await service.listen(port, host);
      for (const w of work) await w.start();
      return {
        ...running,
        stop: async () => {
          await running.stop();
          for (const w of [...work].reverse()) await w.stop();
        },
      };
    },
  };
}
