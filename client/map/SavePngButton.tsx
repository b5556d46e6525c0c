import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState, type RefObject } from 'react';
import { download, mapToPng, recordExport } from './printPng';

/** "Save map as PNG (print resolution)": draws the map at 300 dpi, downloads it and records the export. */
export function SavePngButton(props: {
  map: RefObject<MapLibreMap | null>;
  overlay: RefObject<MapboxOverlay | null>;
  print: { caption: string; fileName: string };
  className: string;
  disabled?: boolean;
}) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!props.map.current || !props.overlay.current) return;
    setSaving(true);
    try {
      download(await mapToPng(props.map.current, props.overlay.current, props.print.caption), props.print.fileName);
      await recordExport(`${props.print.fileName}: ${props.print.caption}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <button type="button" className={props.className} disabled={saving || props.disabled} onClick={() => void save()}>
      {saving ? 'Drawing…' : 'Save map as PNG (print resolution)'}
    </button>
  );
}
