/** What the synchroniser needs of a map: MapLibre's Map has all of it. */
export interface SyncableMap {
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  jumpTo(camera: { center: [number, number]; zoom: number; bearing: number; pitch: number }): unknown;
  on(event: 'move', listener: () => void): unknown;
  off(event: 'move', listener: () => void): unknown;
}

/**
 * Links maps so that panning or zooming one moves the others to the same view. While it moves
 * the others it ignores their move events, so the maps never chase each other.
 */
export function createMapSync() {
  const maps = new Set<SyncableMap>();
  let moving: SyncableMap | null = null;
  const follow = (leader: SyncableMap) => {
    if (moving !== null) return;
    moving = leader;
    try {
      const { lng, lat } = leader.getCenter();
      const camera = {
        center: [lng, lat] as [number, number],
        zoom: leader.getZoom(),
        bearing: leader.getBearing(),
        pitch: leader.getPitch(),
      };
      for (const other of maps) if (other !== leader) other.jumpTo(camera);
    } finally {
      moving = null;
    }
  };
  return {
    /** Adds a map (it takes the view of the maps already linked); returns the function that removes it. */
    add(map: SyncableMap): () => void {
      const first = maps.values().next().value;
      maps.add(map);
      if (first) follow(first);
      const listener = () => follow(map);
      map.on('move', listener);
      return () => {
        map.off('move', listener);
        maps.delete(map);
      };
    },
    get size() {
      return maps.size;
    },
  };
}

export type MapSync = ReturnType<typeof createMapSync>;
