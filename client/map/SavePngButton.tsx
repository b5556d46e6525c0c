import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState, type RefObject } from 'react';
import { useT } from '../i18n/language';
import type { PrintSpec } from './print/printKey';
import { download, mapToPng, recordExport } from './printPng';

/**
 * "Save map as PNG (print resolution)": draws the map at 300 dpi with its title, legend, scale bar,
 * north arrow and caption, downloads it and records the export.
 */
export function SavePngButton(props: {
  map: RefObject<MapLibreMap | null>;
  overlay: RefObject<MapboxOverlay | null>;
  print: PrintSpec;
  className: string;
  disabled?: boolean;
}) {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!props.map.current || !props.overlay.current) return;
    setSaving(true);
    try {
      download(await mapToPng(props.map.current, props.overlay.current, props.print), props.print.fileName);
      await recordExport(`${props.print.fileName}: ${props.print.caption}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <button type="button" className={props.className} disabled={saving || props.disabled} onClick={() => void save()}>
      {saving ? t('map.print.drawing') : t('map.print.savePng')}
    </button>
  );
}
