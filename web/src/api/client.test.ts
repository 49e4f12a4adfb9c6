import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiKey, listApiKeys, login } from './client';
import { jsonResponse, mockFetch } from '../test/fetch';

afterEach(() => vi.unstubAllGlobals());

describe('API client', () => {
  it('sends the CSRF header, JSON body and same-origin credentials on POST', async () => {
    const fetchMock = mockFetch(jsonResponse(201, { id: 'k1', name: 'ci', prefix: 'ccui_ab', secret: 's3cret', createdAt: '2025-01-01T00:00:00Z' }));

    const created = await createApiKey('ci');

    expect(created.secret).toBe('s3cret');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/api-keys');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    const headers = init?.headers as Record<string, string>;
    expect(headers['X-CCUI-CSRF']).toBe('1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init?.body as string)).toEqual({ name: 'ci' });
  });

  it('does not send the CSRF header on GET', async () => {
    const fetchMock = mockFetch(jsonResponse(200, []));
    await listApiKeys();
    const headers = fetchMock.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers['X-CCUI-CSRF']).toBeUndefined();
    expect(fetchMock.mock.calls[0][1]?.credentials).toBe('same-origin');
  });

  it('turns the error body and Retry-After into an ApiError', async () => {
    mockFetch(jsonResponse(429, { error: { code: 'RATE_LIMITED', message: 'Slow down', requestId: 'r1' } }, { 'Retry-After': '42' }));
    const err = await login('a', 'b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'Slow down', requestId: 'r1', retryAfter: 42 });
  });
});
