import { apiSuite } from '../support/api-suite';

/**
 * The served web client and the api answer with security headers (helmet): a policy that lets the client's
 * own scripts run and nothing else, no framing by another site, no sniffing, no referrer.
 */
describe('security headers', () => {
  const suite = apiSuite();

  it('sends the content security policy, frame and sniffing protection with the web client and the api', async () => {
    for (const path of ['/', '/c/any/projector', '/api/conferences', '/health']) {
      const response = await suite.api.http().get(path).set('Accept', 'text/html');
      const policy = response.headers['content-security-policy'] ?? '';
      expect({ path, policy }).toEqual({ path, policy: expect.stringContaining("frame-ancestors 'none'") });
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps the API reference page working under the policy: its scripts are files, none inline', async () => {
    const page = await suite.api.http().get('/api/docs/').expect(200);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, attributes, body]) => !/\bsrc=/.test(attributes) || body.trim() !== '')).toEqual([]);
  });
});
