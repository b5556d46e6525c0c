/**
 * Uploads leave nothing behind: a client that hangs up mid-file neither leaves its rows in a temp
 * folder nor brings the server down (an unheard write rejection once ended the process), and a
 * start sweeps folders a killed server left.
 */
import { serve } from '@hono/node-server';
import http from 'node:http';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/index.js';
import { processRunning, streamOrSpoolUpload, sweepUploads } from '../../server/http/upload.js';
import { as, createTestUser } from '../helpers/auth.js';

const mine = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`hotspot-upload-${process.pid}-`));

describe('upload temp folders', () => {
  it('are removed when the client hangs up mid-file, and the server goes on serving', async () => {
    const { db } = await openDatabase({});
    const user = await createTestUser(db, { role: 'analyst', scopes: ['pcc:W15000002'] });
    const server = serve({ fetch: createApp(db).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(mine()).toEqual([]);
      const boundary = 'hotspotboundary';
      const req = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/datasets',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      req.on('error', () => undefined);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nincidents\r\n`);
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="extract.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      );
      req.write(
        'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description\n' +
          'R1,2024-01-10,21:00,51.588,-2.997,Common assault\n'.repeat(20_000),
      );
      await expect.poll(() => mine().length, { timeout: 10_000 }).toBe(1);
      req.destroy();
      await expect.poll(() => mine().length, { timeout: 10_000 }).toBe(0);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
      await db.close();
    }
  });

  it('are never made for CSV files sent after the fields: those are imported as they arrive', async () => {
    const { db } = await openDatabase({});
    const user = await createTestUser(db, { role: 'analyst', scopes: ['pcc:W15000002'] });
    const app = createApp(db);
    const upload = (fields: Record<string, string>, files: [string, string][]) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      for (const [name, text] of files) body.append('files', new Blob([text]), name);
      return as(app, user).request('/api/datasets', { method: 'POST', body });
    };
    const rows = [
      'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force',
      ...Array.from(
        { length: 50 },
        (_, i) => `R${i},2024-01-1${i % 9},21:00,51.588,-2.997,Common assault,N,N,N,Gwent Police`,
      ),
    ].join('\n');
    const previous = process.env.TMPDIR;
    // No temp folder can be made while TMPDIR does not exist: a streamed upload does not need one.
    process.env.TMPDIR = join(tmpdir(), `hotspot-no-such-dir-${process.pid}`);
    try {
      const streamed = await upload(
        { kind: 'incidents', name: 'Streamed', mapping: 'local-police', sensitivity: 'restricted', basis: 's16' },
        [
          ['a.csv', rows],
          ['b.csv', rows.replace(/R(\d+),/g, 'S$1,')],
        ],
      );
      expect(streamed.status).toBe(201);
      expect(((await streamed.json()) as { report: { rowsAccepted: number; files: unknown[] } }).report).toMatchObject({
        rowsAccepted: 100,
        files: [expect.anything(), expect.anything()],
      });
      // Files before the fields must be spooled, and cannot be here.
      const body = new FormData();
      body.append('files', new Blob([rows]), 'c.csv');
      body.set('kind', 'incidents');
      body.set('name', 'Spooled');
      expect((await as(app, user).request('/api/datasets', { method: 'POST', body })).status).toBe(500);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await db.close();
    }
    expect(mine()).toEqual([]);
  });

  it('end with an early refusal of a streamed upload, even once its whole body has arrived unread', async () => {
    const body = new FormData();
    body.set('kind', 'police-uk');
    body.set('name', "Someone else's dataset");
    body.append('files', new Blob(['Crime ID,Month\na,b\n']), 'a.csv');
    const request = new Request('http://localhost/api/datasets', { method: 'POST', body });
    // The consumer refuses after a while without reading the file (as a database lookup would).
    const read = streamOrSpoolUpload(request, 1_000_000, ['kind', 'name'], async () => {
      await new Promise((r) => setTimeout(r, 200));
      return 'refused';
    });
    const timeout = new Promise((r) => setTimeout(() => r('hung'), 5_000));
    expect(await Promise.race([read.then((r) => (r.streamed ? r.result : 'spooled')), timeout])).toBe('refused');
  });

  it("left by a stopped server are swept at start: a dead process's, an unnamed one, not a running one's", async () => {
    let dead = 999_999;
    while (processRunning(dead)) dead--;
    const make = (name: string) => {
      mkdirSync(join(tmpdir(), name), { recursive: true });
      writeFileSync(join(tmpdir(), name, '0.csv'), 'restricted rows');
      return name;
    };
    const deadOnes = [make(`hotspot-upload-${dead}-aaaaaa`), make('hotspot-upload-bbbbbb')];
    const live = make(`hotspot-upload-${process.ppid}-cccccc`);
    const removed = await sweepUploads();
    expect(removed).toEqual(expect.arrayContaining(deadOnes));
    expect(removed).not.toContain(live);
    const left = readdirSync(tmpdir());
    for (const name of deadOnes) expect(left).not.toContain(name);
    expect(left).toContain(live);
    // A running process's folder older than a day goes too.
    expect(await sweepUploads(Date.now() + 2 * 86_400_000)).toContain(live);
  });
});
