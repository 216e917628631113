import { curveBasis, line } from 'd3-shape';
import type { Point } from './types';

const toPath = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** SVG path for an ELK route: orthogonal bends smoothed so crossing edges stay tellable apart. */
export function getEdgePath(points: readonly Point[]): string {
  return toPath(points as Point[]) ?? '';
}
