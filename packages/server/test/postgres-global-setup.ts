import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../../scripts/postgres-cluster.mjs';
import { PostgresChatStore } from '../src/store/postgres/postgres-chat-store.js';

/**
 * The `server-postgres` project's set-up: one throwaway PostgreSQL cluster for the whole run (a temp folder,
 * `fsync` off; as root, run as the `postgres` user), with a template database already migrated, which every
 * test server's fresh database is copied from. Fails, never skips, when PostgreSQL cannot be found.
 */
/** The database the set-up migrates once; each test server gets a copy of it. */
const TEMPLATE_DATABASE = 'sapa_template';

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster({
    database: TEMPLATE_DATABASE,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 400 },
  });
  const store = await PostgresChatStore.open(cluster.url);
  await store.close();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
