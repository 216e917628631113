// The timeline's swimlanes: one per actor of the catalogue (who acts at each milestone), each with its own style.
import { getMilestone, type Actor } from '../../../machines/catalogue/milestones';

export { ACTORS, type Actor } from '../../../machines/catalogue/milestones';

/** Okabe–Ito colours and a distinct marker shape per lane, so lanes never rely on colour alone. */
export const ACTOR_STYLE: Record<Actor, { colour: string; shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'cross' }> = {
  police: { colour: '#0072B2', shape: 'circle' },
  immigrationOffice: { colour: '#D55E00', shape: 'square' },
  guardianshipService: { colour: '#009E73', shape: 'diamond' },
  guardian: { colour: '#CC79A7', shape: 'triangle' },
  centre: { colour: '#E69F00', shape: 'star' },
  prosecutor: { colour: '#000000', shape: 'cross' },
};

export function getActor(id: string): Actor | undefined {
  return getMilestone(id)?.actor;
}
