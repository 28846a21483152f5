/** What the scaling model tells the page once: the plan it follows (the page draws the k-th step as its k-th model). */
export interface ScalingInfo {
  models: number;
}
