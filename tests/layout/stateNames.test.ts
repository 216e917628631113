// One name for one thing: a state entered with a milestone that is that same thing (the child is presumed a
// victim, recognised as a minor, holds the A card…) reads on the diagram and stage map as the milestone reads on
// the step card and the funnel, in every UI language.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureLayout } from '../../src/layout/procedureLayout';
import { getStateText } from '../../src/graph/plainLabels';

/** state id → the milestone its entry records, where both name the same event or document */
const SAME_AS_MILESTONE: Record<string, string> = {
  'procedure.pathway.victimTrack.presumedVictim': 'presumedVictim',
  'procedure.pathway.victimTrack.reflectionPeriod': 'reflectionPeriod',
  'procedure.pathway.victimTrack.detected': 'detected',
  'procedure.pathway.victimTrack.notIdentified': 'notIdentified',
  'procedure.pathway.victimTrack.withSpecialisedCentre': 'specialisedCentre',
  'procedure.pathway.victimTrack.minorDocument': 'minorResidenceDocument',
  'procedure.pathway.victimTrack.registrationCertificate': 'registrationCertificate',
  'procedure.pathway.victimTrack.temporaryResidence': 'temporaryResidenceCard',
  'procedure.pathway.victimTrack.permanentResidence': 'permanentResidence',
  'procedure.pathway.victimTrack.withdrawn': 'residenceWithdrawn',
  'procedure.pathway.criminal.requisitions': 'requisitions',
  'procedure.pathway.criminal.dismissed': 'prosecutionDismissed',
  'procedure.pathway.identity.outsideScope': 'outsideGuardianshipScope',
  'procedure.pathway.identity.reported': 'reportedToGuardianshipService',
  'procedure.pathway.identity.ageDoubted': 'ageDoubted',
  'procedure.pathway.identity.minor': 'identifiedAsMinor',
  'procedure.pathway.identity.majority': 'turned18',
  'procedure.pathway.identity.adult': 'identifiedAsAdult',
  'procedure.pathway.identity.appeal': 'ageAppeal',
  'procedure.pathway.placement.closedCentre': 'borderDetention',
  'procedure.pathway.placement.observationCentre': 'observationCentre',
  'procedure.pathway.placement.specialisedShelter': 'specialisedShelter',
  'procedure.pathway.otherTracks.asylum.applied': 'asylumApplication',
  'procedure.pathway.otherTracks.durableSolution.stay.certificate': 'registrationCertificate',
  'procedure.pathway.otherTracks.durableSolution.stay.card': 'temporaryResidenceCard',
  'procedure.pathway.otherTracks.durableSolution.stay.permanent': 'permanentResidence',
  'procedure.pathway.otherTracks.durableSolution.stay.lapsed': 'documentLapsed',
  'procedure.disappeared': 'disappeared',
  'procedure.returned': 'returned',
};

describe('state names agree with milestone names', () => {
  for (const locale of ['en', 'fr', 'nl', 'de']) {
    it(`in ${locale}`, () => {
      const messages = JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
      const translate = (key: string) => messages[key];
      const differ: string[] = [];
      for (const [stateId, milestone] of Object.entries(SAME_AS_MILESTONE)) {
        const node = procedureLayout.nodes.find((n) => n.id === stateId);
        expect(node, stateId).toBeDefined();
        const state = getStateText(node!, translate);
        const named = messages[`milestone_${milestone}`];
        if (state !== named) differ.push(`${stateId}: "${state}" ≠ "${named}"`);
      }
      expect(differ).toEqual([]);
    });
  }

  it('names the missed identification as the step card does', () => {
    const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8')) as Record<string, string>;
    const node = procedureLayout.nodes.find((n) => n.id === 'procedure.pathway.victimTrack.notIdentified')!;
    expect(getStateText(node, (key) => en[key])).toBe('Trafficking signs not recognised at detection');
  });
});
