/**
 * Which saved allow rule let a tool call run without asking, when that can be told from the rule
 * alone: a bare tool name, or a Bash rule (`Bash(npm test:*)`: the command starts with "npm test";
 * `Bash(ls -la)`: the command is exactly that). Path patterns and the CLI's own settings are not
 * guessed at: null then.
 */
export function allowingRule(rules: readonly string[], tool: string, input: Record<string, unknown>): string | null {
  for (const rule of rules) {
    if (rule === tool) return rule;
    if (tool !== 'Bash' || !rule.startsWith('Bash(') || !rule.endsWith(')')) continue;
    const command = typeof input.command === 'string' ? input.command.trim() : null;
    if (command === null) continue;
    const pattern = rule.slice(5, -1);
    if (pattern.endsWith(':*')) {
      const prefix = pattern.slice(0, -2);
      if (command === prefix || command.startsWith(`${prefix} `)) return rule;
    } else if (command === pattern) {
      return rule;
    }
  }
  return null;
}
