/** What the integration global setup hands to test files through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** The scratch PostgreSQL database for this run, or null when running on SQLite only. */
    postgresUrl: string | null;
  }
}

export {};
