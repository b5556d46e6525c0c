import type { CellsBody, DensityBody, HotspotsBody, SpaceTimeBody, Vocabulary } from '../api';
import type { MapView } from '../selection/selection';
import { densityLegendContent } from '../density/DensityLegend';
import { hotspotLegendContent } from '../hotspots/HotspotLegend';
import { spaceTimeLegendContent } from '../spacetime/SpaceTimeLegend';
import type { SpaceTimeColour } from '../spacetime/SpaceTimeOptions';
import { classKey, countKey } from '../map/Legend';
import type { PrintKey } from '../map/print/printKey';
import { type Translate, translator } from '../../server/domain/i18n/translate';

/** What the map page shows, with the answer behind each view (null while it loads). */
export interface ViewAnswers {
  view: MapView;
  cells: CellsBody | null;
  hotspots: HotspotsBody | null;
  hotspotClasses: Vocabulary['hotspotClasses'];
  density: DensityBody | null;
  spaceTime: SpaceTimeBody | null;
  spaceTimeColour: SpaceTimeColour;
  /** The interface language's translator; English when absent. */
  t?: Translate;
}

/** The key of the map page's current view for a saved image: the legend on screen's own content. */
export function viewKey(a: ViewAnswers): PrintKey | null {
  const t = a.t ?? translator('en');
  const fromClasses = (content: { title: string; classes: Parameters<typeof classKey>[1] }) =>
    classKey(content.title, content.classes, t);
  switch (a.view) {
    case 'counts':
      return a.cells && countKey(a.cells, t);
    case 'hotspots':
      return a.hotspots && fromClasses(hotspotLegendContent(a.hotspots, a.hotspotClasses, t));
    case 'density':
      return a.density && fromClasses(densityLegendContent(a.density, t));
    case 'space-time':
      return a.spaceTime && fromClasses(spaceTimeLegendContent(a.spaceTime, a.spaceTimeColour, t));
  }
}
