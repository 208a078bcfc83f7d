/** A running test load balancer (see load-balancer.mjs). */
export interface LoadBalancer {
  url: string;
  counts(): Record<string, number>;
  openAnswers(): Record<string, number>;
  markDown(url: string): void;
  add(url: string): void;
  close(): Promise<void>;
}
export declare function startLoadBalancer(options: {
  targets: string[];
  probeMs?: number;
}): Promise<LoadBalancer>;
