import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Snippet, unescapeHtml } from './Snippet';

describe('search snippet', () => {
  it('shows escaped markup as text and wraps only the hits in <mark>', () => {
    const { container } = render(
      <Snippet html={'run &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; then <mark>deploy</mark> &amp; <mark>ship</mark> &quot;now&quot;'} />,
    );
    expect(container.textContent).toBe(`run <script>alert('x')</script> then deploy & ship "now"`);
    expect(container.querySelector('script')).toBeNull();
    const marks = Array.from(container.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['deploy', 'ship']);
  });

  it('never parses other tags even if present', () => {
    const { container } = render(<Snippet html={'<b>bold?</b> <mark>&lt;img src=x&gt;</mark>'} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x>');
    expect(container.textContent).toBe('<b>bold?</b> <img src=x>');
  });

  it('decodes numeric entities', () => {
    expect(unescapeHtml('&#x41;&#66;&amp;lt;')).toBe('AB&lt;');
  });
});
