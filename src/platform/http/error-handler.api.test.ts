import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';

const t = useTestApp();

function rawRequest(url: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(requestLine));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('the one error shape, whatever goes wrong', () => {
  it('answers an unknown API route with 404 NOT_FOUND', async () => {
    const response = await t.anonymous().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', details: [] });
    expect(response.body.requestId).toBeTruthy();
  });

  it('answers a request the HTTP parser rejects (raw UTF-8 in the URL) with 400 MALFORMED_REQUEST', async () => {
    const answer = await rawRequest(t.baseUrl, 'GET /api/org-units?q=\u5ca2\u5c9a HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('reports wrong types field by field, in the language asked for', async () => {
    const admin = await t.signIn({ role: 'admin' });
    admin.language = 'en';
    const response = await admin.post('/api/org-units/140929/rename', {
      name: 5,
      effectiveOn: 'yesterday',
      reason: 'x',
      version: 'one',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body.effectiveOn',
      'body.name',
      'body.reason',
      'body.version',
    ]);
    expect(response.body.message).toMatch(/^Invalid input/);
  });
});
