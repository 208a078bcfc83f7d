export declare function findPostgresBin(): string;
export declare function hasPostgres(): boolean;
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  dataDir: string;
  query(sql: string, inDatabase?: string): string;
  stop(): void;
}
export declare function startPostgresCluster(options?: {
  database?: string;
  settings?: Record<string, string | number>;
  binDir?: string;
}): Promise<PostgresCluster>;
