import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { showLanguage } from '../../i18n/current';
import { IndexProgressBar } from './IndexProgressBar';

const MB = 1024 * 1024;

describe('IndexProgressBar', () => {
  it('shows files and MB of the full read and fills by bytes', () => {
    render(<IndexProgressBar index={{ state: 'scanning', phase: 'parsing', filesDone: 300, filesTotal: 1260,
      bytesDone: 57 * MB, bytesTotal: 228 * MB }} />);
    expect(screen.getByRole('status').textContent).toBe('Indexing transcripts… 300 / 1260 files · 57 / 228 MB');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });

  it('counts the files glanced at while sessions are listed', () => {
    render(<IndexProgressBar index={{ state: 'scanning', phase: 'listing', filesDone: 600, filesTotal: 1200,
      bytesDone: 0, bytesTotal: 228 * MB }} />);
    expect(screen.getByRole('status').textContent).toBe('Listing sessions… 600 / 1200 files');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
  });

  it('has no bar before the first pass knows its files', () => {
    render(<IndexProgressBar index={{ state: 'starting', filesDone: 0, filesTotal: 0 }} />);
    expect(screen.getByRole('status').textContent).toBe('Indexing transcripts…');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('speaks German, with its decimal comma, when German is chosen', () => {
    showLanguage('de');
    try {
      render(<IndexProgressBar index={{ state: 'scanning', phase: 'parsing', filesDone: 3, filesTotal: 12,
        bytesDone: 1.5 * MB, bytesTotal: 6 * MB }} />);
      expect(screen.getByRole('status').textContent).toBe('Transkripte werden indexiert… 3 / 12 Dateien · 1,5 / 6,0 MB');
    } finally {
      showLanguage('en');
    }
  });
});
