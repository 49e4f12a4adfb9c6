import { describe, expect, it } from 'vitest';
import { allowingRule } from './ruleMatch';

describe('allowingRule', () => {
  const rules = ['Read', 'Bash(npm test:*)', 'Bash(ls -la)', 'Edit(src/**)'];
  it('names the rule when the tool or the Bash command tells, and nothing it would have to guess', () => {
    expect(allowingRule(rules, 'Read', { file_path: '/x' })).toBe('Read');
    expect(allowingRule(rules, 'Bash', { command: 'npm test' })).toBe('Bash(npm test:*)');
    expect(allowingRule(rules, 'Bash', { command: 'npm test -- --watch' })).toBe('Bash(npm test:*)');
    expect(allowingRule(rules, 'Bash', { command: 'npm tests' })).toBeNull();
    expect(allowingRule(rules, 'Bash', { command: 'ls -la' })).toBe('Bash(ls -la)');
    expect(allowingRule(rules, 'Bash', { command: 'ls -la /' })).toBeNull();
    expect(allowingRule(rules, 'Edit', { file_path: 'src/a.ts' })).toBeNull();
    expect(allowingRule([], 'Read', {})).toBeNull();
  });
});
