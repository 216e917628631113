// When a cohort run is drawn, for the e2e tests and the bench alike (run in the page by waitForFunction).

/**
 * The run is done and all its results drawn: after each result the sections catch up a frame at a time (the
 * period chart's facets too), and the Cohorts tab and that chart say aria-busy until they have.
 */
export function cohortDrawn(): boolean {
  return (
    !document.querySelector('[data-testid="cohort-run"]')?.hasAttribute('disabled') &&
    !document.querySelector('[aria-labelledby="cohort-title"][aria-busy="true"], [aria-labelledby="cohort-title"] [aria-busy="true"]')
  );
}
