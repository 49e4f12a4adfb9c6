import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SetupForm } from './SetupForm';
import { jsonResponse, mockFetch } from '../../test/fetch';

afterEach(() => vi.unstubAllGlobals());

describe('SetupForm', () => {
  it('shows the 10-character hint next to the password', () => {
    mockFetch();
    render(<SetupForm onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('At least 10 characters, not a common password.')).toBeTruthy();
  });

  it('refuses a password shorter than 10 characters without calling the server', async () => {
    const fetchMock = mockFetch();
    const user = userEvent.setup();
    render(<SetupForm onSignedIn={vi.fn()} />);

    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'short123');
    await user.type(screen.getByLabelText('Confirm password'), 'short123');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));

    expect(screen.getByRole('alert').textContent).toBe('The password must have at least 10 characters.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("ties the server's refusal of a common password to the password field", async () => {
    mockFetch(jsonResponse(400, { error: { code: 'INVALID', message: 'password is too common', field: 'password', requestId: 'r' } }));
    const user = userEvent.setup();
    render(<SetupForm onSignedIn={vi.fn()} />);
    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'password12345');
    await user.type(screen.getByLabelText('Confirm password'), 'password12345');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));

    const field = screen.getByLabelText('Password');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('password is too common');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBeNull();
  });

  it('creates the admin with a long enough password', async () => {
    const admin = { id: 'u1', username: 'admin', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
    const fetchMock = mockFetch(jsonResponse(201, { token: 't', expiresAt: '2025-01-08T00:00:00Z', user: admin }));
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<SetupForm onSignedIn={onSignedIn} />);

    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'long enough pw');
    await user.type(screen.getByLabelText('Confirm password'), 'long enough pw');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(admin));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/setup');
    expect(JSON.parse(init?.body as string)).toEqual({ username: 'admin', password: 'long enough pw' });
  });

  it('asks for the set-up code when the server requires it, and says so when it is wrong', async () => {
    const fetchMock = mockFetch(jsonResponse(403, {
      error: { code: 'SETUP_CODE_REQUIRED', message: 'enter the set-up code', requestId: 'r' },
    }));
    const user = userEvent.setup();
    render(<SetupForm onSignedIn={vi.fn()} codeRequired />);
    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'a long password 1');
    await user.type(screen.getByLabelText('Confirm password'), 'a long password 1');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));
    expect(screen.getByText("Enter the set-up code from the server's log.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Set-up code'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Create admin' }));
    expect(JSON.parse(fetchMock.mock.calls[0]?.[1]?.body as string)).toMatchObject({ setupCode: 'guess' });
    expect(await screen.findByText(/That set-up code is not right/)).toBeTruthy();
  });
});
