/**
 * Scheduled work that must run once across nodes (issue 14): the care sweep and the maintenance sweep. A node
 * claims a sweep before running it; while another node holds the claim, it skips that round (the next round,
 * 30 s later for care, tries again).
 */
export interface SweepClaims {
  /**
   * Runs `work` if no other node is running the sweep `name` now; otherwise returns `skipped` without running it.
   */
  run<T>(name: string, work: () => Promise<T>, skipped: T): Promise<T>;
}

/** One node: nobody else to share with; every sweep runs. */
export const SINGLE_NODE_CLAIMS: SweepClaims = {
  run: (_name, work) => work(),
};
