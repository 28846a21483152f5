/**
 * The 2-D loss surfaces of the optimizer race, in plain TypeScript: value, gradient, minimum, the window
 * drawn, the start point and learning rates that suit each one. The trainer computes the same gradients
 * with tfjs ops (tested against these).
 */
/** The surfaces' names, as the race's `surface` choice spells them (a link's `optimizer-race.surface=saddle`). */
export type SurfaceName = 'bowl' | 'rosenbrock' | 'saddle';

export interface Surface {
  name: SurfaceName;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** The lowest value, so losses can be shown as f − f* ≥ 0 on a log axis. */
  fMin: number;
  minima: [number, number][];
  xRange: [number, number];
  yRange: [number, number];
  start: [number, number];
  /** Learning rates (and a step budget and pace) that make each optimizer do something instructive here. */
  preset: { lrSgd: number; lrMomentum: number; lrRmsprop: number; lrAdam: number; steps: number; speed: number };
}

/** f = (x² + 100y²)/2: curvature 1 along x, 100 along y — a long, narrow valley (condition number 100). */
export const BOWL: Surface = {
  name: 'bowl',
  f: (x, y) => (x * x + 100 * y * y) / 2,
  grad: (x, y) => [x, 100 * y],
  fMin: 0,
  minima: [[0, 0]],
  xRange: [-5, 5],
  yRange: [-2, 2],
  start: [-4, 1],
  preset: { lrSgd: 0.018, lrMomentum: 0.01, lrRmsprop: 0.05, lrAdam: 0.1, steps: 300, speed: 1 },
};

/** Rosenbrock's banana valley, f = (1 − x)² + 100(y − x²)²: easy to find, slow to follow to (1, 1). */
export const ROSENBROCK: Surface = {
  name: 'rosenbrock',
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  fMin: 0,
  minima: [[1, 1]],
  xRange: [-2, 2],
  yRange: [-1, 3],
  start: [-1.2, 1],
  preset: { lrSgd: 0.0015, lrMomentum: 0.0008, lrRmsprop: 0.005, lrAdam: 0.05, steps: 2000, speed: 5 },
};

/**
 * f = x² + y⁴/4 − y²/2: a saddle at the origin (a minimum along x, a maximum along y) between two minima
 * at (0, ±1) where f = −1/4. Started almost on the ridge, a method escapes only as fast as it amplifies a
 * tiny gradient.
 */
export const SADDLE: Surface = {
  name: 'saddle',
  f: (x, y) => x * x + y ** 4 / 4 - (y * y) / 2,
  grad: (x, y) => [2 * x, y ** 3 - y],
  fMin: -0.25,
  minima: [
    [0, 1],
    [0, -1],
  ],
  xRange: [-2, 2],
  yRange: [-2, 2],
  start: [-1.5, 0.0001],
  preset: { lrSgd: 0.05, lrMomentum: 0.01, lrRmsprop: 0.02, lrAdam: 0.05, steps: 300, speed: 1 },
};

export const SURFACES: readonly Surface[] = [BOWL, ROSENBROCK, SADDLE];

export function surfaceNamed(name: SurfaceName): Surface {
  return SURFACES.find((s) => s.name === name) ?? BOWL;
}

function inWindow(surface: Surface, x: number, y: number): boolean {
  return x >= surface.xRange[0] && x <= surface.xRange[1] && y >= surface.yRange[0] && y <= surface.yRange[1];
}

/** The start of a run: the requested point when it lies in the surface's window, else the surface's own. */
export function startPoint(surface: Surface, x0: number, y0: number): [number, number] {
  return inWindow(surface, x0, y0) ? [x0, y0] : surface.start;
}

/** f − f* on a cols × rows grid over the window (row 0 is the lowest y), for the contour map. */
export function surfaceGrid(surface: Surface, cols: number, rows: number) {
  const values = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = surface.yRange[0] + ((surface.yRange[1] - surface.yRange[0]) * r) / (rows - 1);
    for (let c = 0; c < cols; c++) {
      const x = surface.xRange[0] + ((surface.xRange[1] - surface.xRange[0]) * c) / (cols - 1);
      values[r * cols + c] = surface.f(x, y) - surface.fMin;
    }
  }
  return { values, cols, rows, xRange: surface.xRange, yRange: surface.yRange };
}
