import { describe, expect, it } from 'vitest';
import { matchRanges, queryWords } from './highlightMatches';

describe('search matches in a message', () => {
  it('are the query words, folded as search folds them', () => {
    expect(queryWords('Déploy  the "deploy" (Friday)!')).toEqual(['deploy', 'the', 'friday']);
  });

  it('are found as whole words in every text node, whatever their case and accents', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>We <em>Deploy</em> on friday; redeploy never. DÉPLOY again.</p><pre><code>deploy()</code></pre>';
    const found = matchRanges(root, queryWords('deploy friday')).map((r) => r.toString());
    expect(found).toEqual(['Deploy', 'friday', 'DÉPLOY', 'deploy']);
  });
});
