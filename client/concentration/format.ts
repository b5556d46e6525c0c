/** A concentration as the server gives it (analysis/concentration.ts), shared by the summary and compare pages. */
export interface ConcentrationFigures {
  top10: number | null;
  gini: number | null;
  generalisedGini: number | null;
  minimum: { top10: number | null; gini: number | null };
}

const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);
const two = (n: number | null) => (n === null ? '–' : n.toFixed(2));

/** The busiest 10% of cells' share, with the least that many incidents could give over that many cells. */
export const top10Text = (c: ConcentrationFigures) =>
  c.top10 === null ? '–' : `${pct(c.top10)} (least possible ${pct(c.minimum.top10)})`;

/** The Gini, its least attainable value, and the generalised Gini where it differs (fewer incidents than cells). */
export const giniText = (c: ConcentrationFigures) =>
  c.gini === null
    ? '–'
    : `${two(c.gini)} (least possible ${two(c.minimum.gini)}${c.generalisedGini !== null && c.generalisedGini !== c.gini ? `; generalised ${two(c.generalisedGini)}` : ''})`;

export const CONCENTRATION_NOTE =
  'Least possible: the figure for the same incidents spread as evenly as whole incidents allow; with fewer incidents than cells some cells must be empty, so the Gini cannot be 0. Generalised: Bernasco & Steenbeek’s (2017) Gini, 0 for that most even spread.';
