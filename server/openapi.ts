import { z } from 'zod';
import { policyOf, type RoutePolicy } from './auth/policy.js';
import { validatorOf, type ValidatorInfo } from './http/validate.js';

/**
 * What each route is for. The parameters, bodies and access rules are read from the route table
 * (validators and policies); this table only adds the words. A test fails for a route missing
 * here, so the description stays complete.
 */
export const ROUTE_SUMMARIES: Record<string, string> = {
  'GET /api/health': 'Status, database kind and schema version.',
  'POST /api/auth/signin': 'Sign in with email and password; sets the session cookie and returns the CSRF token.',
  'POST /api/auth/link': 'Sign in with a one-time link token.',
  'GET /api/auth/me': 'The signed-in user and the session CSRF token.',
  'POST /api/auth/signout': 'End the session.',
  'POST /api/auth/password': 'Set or change your password (the current one is needed once set).',
  'GET /api/tokens': 'Your API tokens (admins: all), without secrets.',
  'POST /api/tokens': 'Create an API token; the secret is shown once.',
  'DELETE /api/tokens/{id}': 'Revoke an API token.',
  'GET /api/users': 'Users with roles and memberships.',
  'POST /api/users': 'Add a user; returns their one-time sign-in link.',
  'PATCH /api/users/{id}': "Change a user's name, role, memberships or disable them.",
  'POST /api/users/{id}/link': 'A new one-time sign-in link for a user.',
  'GET /api/grants': 'Grants you made, manage or hold (admins: all).',
  'POST /api/grants':
    "Grant a restricted dataset (optionally limited to an area's cells) or a restricted place layer (by id, whole) to a partnership or PCC, with purpose and expiry.",
  'DELETE /api/grants/{id}': 'Revoke a grant.',
  'GET /api/audit': 'The audit log, newest first, with filters.',
  'GET /api/audit/export.csv': 'The audit log as CSV (UTF-8 with BOM).',
  'GET /api/audit/budgets':
    "Today's use of the daily budget of distinct restricted queries, per user and dataset, most first.",
  'GET /api/groups': 'Offence groups (with parent groups).',
  'GET /api/vocabulary':
    'Every label the interface shows: offence groups, flags, weapons, settings, place types, roles, record sources, hot spot and change classes.',
  'GET /api/datasets': 'Datasets you may use (restricted totals rounded to 100).',
  'GET /api/datasets/defaults':
    "Where you land on the map: your partnership (a PCC's force area) and the police dataset that covers it, of those you may use.",
  'GET /api/datasets/{id}': 'One dataset with its import reports.',
  'GET /api/datasets/mapping-presets':
    'The column mapping presets for incident uploads (local police extract, ISTV ED data).',
  'GET /api/datasets/upload-progress/{token}':
    'Server-sent events following your upload sent with ?progress={token}: bytes read, rows read and stored, until done.',
  'DELETE /api/datasets/{id}': 'Delete a dataset and its incidents (its audit trail stays).',
  'POST /api/datasets':
    'Upload and import files (multipart/form-data: files, kind, name, sensitivity, threshold, supplier, basis, legalBasis, owner, mapping); returns the import report.',
  'GET /api/cells':
    'Incident counts per H3 cell for a selection, with population and rate per 1,000 residents; restricted counts 1..k-1 are null.',
  'GET /api/change':
    'Change per cell between this period and the previous one, the same one a year earlier, or a baseline (tested against its sum): exact conditional binomial tests on the covered days, FDR-corrected, and a class (new, increasing, persistent, decreasing, ceased, no significant change); the region and periods the selected datasets cover, and nothing tested where a period has no covered day.',
  'GET /api/space-time':
    "Space-time hot spot classes over the last N periods: ArcGIS Emerging Hot Spot Analysis patterns and sfhotspot classes, with each cell's counts and Gi* class per period.",
  'GET /api/areas/{area}/trend':
    "An area's totals per period (null and covered false where no selected dataset covers the period), the Mann-Kendall trend on the covered periods, the seasonal Kendall test for monthly series, lag-1 autocorrelation, and the change on the previous period and on a year earlier ('not covered' where either is).",
  'GET /api/panels':
    "Panels of your partnerships. An admin may list every partnership's panels with a stated reason (override), which is audited.",
  'POST /api/panels': 'Set up a panel for a partnership: name, meeting cadence and the selection its reviews analyse.',
  'GET /api/panels/{id}':
    "A panel with its reviews and watch-list (its partnership's members; an admin with a stated, audited override reason reads it).",
  'POST /api/panels/{id}/reviews':
    'Create the review for a meeting date: runs the change analysis and freezes the selection, definition version, data versions and released results.',
  'GET /api/reviews/{id}':
    "A frozen review with the panel's notes and actions up to its meeting and the previous review (members; an admin with an audited override reason).",
  'GET /api/reviews/{id}/report': 'A review for its printable report (recorded in the audit log as an export).',
  'GET /api/reviews/{id}/compare/{other}':
    'What changed between two frozen reviews of a panel: locations that joined, left or changed class.',
  'POST /api/reviews/{id}/notes': 'Add a note or an action (owner, status) to a location in a review.',
  'PATCH /api/notes/{id}': "Change an action's status.",
  'POST /api/panels/{id}/watch': "Add a location to the panel's watch-list, from a review.",
  'DELETE /api/panels/{id}/watch/{h3}': 'Take a location off the watch-list.',
  'GET /api/reviews/{id}/export/{format}': "Export a review's cells as CSV or GeoJSON (audited).",
  'GET /api/compare':
    'Two to twelve areas side by side for one selection: count, rate per 1,000 with its exact 95% interval, change on the period before and a year earlier, concentration, share in Gi* hot spots, data completeness per month, and funnel-plot limits.',
  'GET /api/cross-border':
    "Gi* over two to four neighbouring areas together and each alone: every cell's class both ways, its pattern (both, combined-only, alone-only), whether it lies on a boundary, and the hot clusters that straddle one. Refused, naming the groups, where the datasets record the selected offence groups at different levels.",
  'GET /api/triangulation':
    "Police-recorded against hospital (ED) violence in an area, cell by cell and by local authority: an exact binomial test of each place's ED share against the area's, FDR-corrected, classes (ed-excess, police-excess, both-hot), bivariate map levels, the cells of each class with nearby settings, and the ED records by setting, weapon and night-time economy.",
  'GET /api/triangulation/export/{format}':
    'The triangulation for the SNA pack: pack.gpkg (GeoPackage: cells, local authorities, settings), cells.csv (ONS codes, UTF-8 with BOM) or cells.geojson (WGS84 polygons); audited.',
  'GET /api/sna/report':
    'What the SNA place chapter states about its data: the area (English and Welsh names), each dataset with its supplier, legal basis, the months it covers and month-by-month completeness in the area, and the disclosure rules; recorded in the audit log as an export.',
  'POST /api/exports': 'Record an export the browser made from released data (a map saved as PNG) in the audit log.',
  'GET /api/hotspots': "Getis-Ord Gi* over every cell of the area's H3 cover: count, z, p, FDR-adjusted q and class.",
  'GET /api/areas/{area}/summary':
    'An area (lad:, pfa: or partnership:) for a selection: count, rate, share of its force, concentration, and the top priority cells with their Gi* class and nearest settings.',
  'GET /api/proximity':
    "Incidents within a radius of each place of a type in an area (any weekday/hour window), ranked, with the ratio to the area's average density.",
  'GET /api/density': "Quartic kernel density at the centres of the area's cells.",
  'GET /api/time-profile': 'Weekday by hour counts for datasets with times.',
  'GET /api/cells/{h3}/detail':
    "One map cell's panel for a selection over an area: released count, residents and rate, counts by month (missing months null), offence mix, time profile (public data with times), LSOA and authority, Gi* class and neighbourhood, nearest settings, the user's partnerships' panel notes.",
  'GET /api/boundaries/{level}': 'LAD, PFA or LSOA boundaries as GeoJSON.',
  'GET /api/base-map':
    'The base map every map draws under the data: offline (the default), a style URL, XYZ raster tiles or a PMTiles file.',
  'PUT /api/base-map': 'Set the base map (admins); the content-security policy follows it.',
  'GET /api/base-map/files': 'The PMTiles files in the data folder an admin can choose as the base map (admins).',
  'GET /api/base-map/labels':
    "The offline base map's names in a view (towns, councils, LSOAs, postcode sectors, settings), shown at that zoom, highest rank first.",
  'GET /api/base-map/pmtiles/{file}': 'A PMTiles file of the data folder, in the byte ranges the map asks for.',
  'GET /api/areas': 'Area codes and names of a level.',
  'GET /api/partnerships': 'Partnerships with their LADs, population and bounding box.',
  'GET /api/partnerships/{id}': 'One partnership with its outline.',
  'POST /api/partnerships': 'Create a partnership from LAD codes or a drawn polygon.',
  'GET /api/partnerships/{id}/definitions':
    "A partnership's saved serious-violence definitions (every version) and the national presets.",
  'POST /api/partnerships/{id}/definitions':
    'Save a definition: a new key starts at version 1, an existing key gets the next version.',
  'GET /api/places/types': 'Setting types with counts.',
  'GET /api/openapi.json': 'This description.',
  'GET /api/places': 'Settings (schools, licensed premises, ...) by type, layer id and bounding box.',
  'POST /api/places':
    "Upload a point layer (multipart/form-data: file, and either layer (a new layer's name, unique per owner) with type, restricted, owner, source, licence, or layerId to replace that layer's places).",
  'GET /api/place-layers':
    'Place layers you can see (bundled, public, and restricted ones you hold or were granted), each with its id, owner and whether you manage it.',
  'DELETE /api/place-layers/{id}': 'Delete a place layer you manage, with its places and grants.',
};

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function inputSchema(schema: ValidatorInfo['schema']): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function security(policy: RoutePolicy | undefined) {
  if (!policy || policy.kind === 'open')
    return { security: [], 'x-policy': { kind: policy ? 'open' : 'missing', roles: null, datasets: false } };
  const who = policy.kind === 'roles' ? `Roles: ${policy.roles.join(', ')}.` : 'Any signed-in user.';
  return {
    security: [{ session: [] }, { bearer: [] }],
    'x-access': `${who}${policy.datasets ? ' Datasets go through the access policy: any you may not use are refused with 403 naming them.' : ''}`,
    'x-policy': {
      kind: policy.kind,
      roles: policy.kind === 'roles' ? [...policy.roles] : null,
      datasets: !!policy.datasets,
    },
  };
}

/** The OpenAPI 3.1 description of the API, built from the app's own route table. */
export function openApiDocument(app: {
  routes: readonly { method: string; path: string; handler: unknown }[];
}): Record<string, unknown> {
  const routes = new Map<string, { method: string; path: string; policy?: RoutePolicy; validators: ValidatorInfo[] }>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const key = `${r.method} ${path}`;
    const entry = routes.get(key) ?? { method: r.method.toLowerCase(), path, validators: [] };
    entry.policy ??= policyOf(r.handler);
    const v = validatorOf(r.handler);
    if (v) entry.validators.push(v);
    routes.set(key, entry);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, route] of routes) {
    const parameters: unknown[] = [];
    let requestBody: unknown;
    for (const v of route.validators) {
      const schema = inputSchema(v.schema);
      if (v.target === 'json') {
        requestBody = { required: true, content: { 'application/json': { schema } } };
        continue;
      }
      const where = v.target === 'param' ? 'path' : v.target;
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (schema.required ?? []).includes(name),
          schema: property,
          ...(property.description ? { description: property.description } : {}),
        });
      }
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: ROUTE_SUMMARIES[key] ?? '',
      ...security(route.policy),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        '200': { description: 'OK (201 for creations)' },
        '400': { description: 'Invalid input: the message names the parameter and reason' },
        ...(route.policy?.kind === 'open'
          ? {}
          : {
              '401': { description: 'Not signed in' },
              '403': { description: 'Not allowed: role, CSRF, or datasets named in the message' },
            }),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'hotspot API',
      version: '0.1.0',
      description:
        'Violence hotspot analysis for Serious Violence Duty partnerships. Restricted data is released only as suppressed aggregates.',
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hotspot_session',
          description: 'Browser session; state-changing requests also need the X-CSRF-Token header.',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token (hs_...) from POST /api/tokens or npm run user:add -- --token NAME.',
        },
      },
    },
    paths,
  };
}
