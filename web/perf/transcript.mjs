// A synthetic Claude Code transcript for the UI benchmark, in the record format the pinned CLI
// (2.1.328) writes to ~/.claude/projects/<encoded cwd>/<session>.jsonl: one JSON record per
// line; each user or assistant record is one message of the history (the CLI writes every
// content block of an API answer as a record of its own, sharing message.id).
//
// The messages come in turns of ten: user prompt, assistant markdown with a code block, Edit
// tool_use + its tool_result (with structuredPatch), Bash tool_use + its output, assistant
// markdown with a table, Read tool_use + numbered file lines, assistant summary with code.
// The first message holds FIRST_MARKER, the last one LAST_MARKER. Deterministic (seeded).
import { randomUUID } from 'node:crypto';

export const FIRST_MARKER = 'BENCH-FIRST-MESSAGE';
export const LAST_MARKER = 'BENCH-LAST-MESSAGE';

/** The folder name the CLI uses for a working directory. */
export function encodeCwd(cwd) {
  return cwd.replace(/[^A-Za-z0-9]/g, '-');
}

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MODULES = ['parser', 'scheduler', 'billing', 'auth', 'search', 'exporter', 'cache', 'webhooks', 'config', 'indexer'];
const VERBS = ['refactor', 'speed up', 'add tests for', 'fix the race in', 'document', 'simplify', 'split', 'harden'];

function javaClass(name, n, r) {
  const lines = [`package dev.example.${name};`, '', 'import java.util.List;', 'import java.util.Map;', '',
    `public final class ${cap(name)}Service${n} {`];
  const methods = 2 + Math.floor(r() * 3);
  for (let m = 0; m < methods; m++) {
    lines.push(`    public List<String> step${m}(Map<String, Integer> input) {`,
      `        return input.entrySet().stream()`,
      `                .filter(e -> e.getValue() > ${Math.floor(r() * 100)})`,
      `                .map(e -> e.getKey() + "=" + e.getValue())`,
      `                .sorted()`,
      `                .toList();`,
      '    }', '');
  }
  lines.push('}');
  return lines.join('\n');
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

function bashOutput(name, n, r) {
  const lines = [`[INFO] Scanning for projects...`, `[INFO] Building ${name} 1.${n}.0`, '[INFO] ------------------------------------------------------------------------'];
  const tests = 20 + Math.floor(r() * 30);
  for (let t = 0; t < tests; t++) {
    lines.push(`[INFO] Running dev.example.${name}.${cap(name)}Test${t}`,
      `[INFO] Tests run: ${1 + Math.floor(r() * 12)}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: ${(r() * 2).toFixed(3)} s`);
  }
  lines.push('[INFO] BUILD SUCCESS', `[INFO] Total time:  ${(5 + r() * 40).toFixed(3)} s`);
  return lines.join('\n');
}

function tsSnippet(name, r) {
  return [`export async function load${cap(name)}(id: string): Promise<${cap(name)}> {`,
    `  const res = await fetch(\`/api/${name}/\${encodeURIComponent(id)}\`);`,
    `  if (!res.ok) throw new Error(\`${name} \${id}: \${res.status}\`);`,
    `  const body = (await res.json()) as ${cap(name)};`,
    `  return { ...body, loadedAt: Date.now(), weight: ${Math.floor(r() * 1000)} };`,
    '}'].join('\n');
}

/**
 * Returns the JSONL text of one session of `count` messages (plus the CLI's bookkeeping
 * records), working directory `cwd`.
 */
export function transcript({ cwd, sessionId, count = 2000, seed = 42, start = Date.parse('2026-11-20T09:00:00Z') }) {
  const r = rng(seed);
  const out = [];
  let parent = null;
  let clock = start;
  let written = 0;
  const common = () => ({ userType: 'external', entrypoint: 'sdk-cli', cwd, sessionId, version: '2.1.328', gitBranch: 'main' });
  const stamp = () => new Date((clock += 500 + Math.floor(r() * 4000))).toISOString();
  const push = (record) => {
    out.push(JSON.stringify(record));
    if (record.uuid) parent = record.uuid;
  };
  const user = (content, extra = {}) => {
    written++;
    push({ parentUuid: parent, isSidechain: false, promptId: randomUUID(), type: 'user', message: { role: 'user', content },
      uuid: randomUUID(), timestamp: stamp(), permissionMode: 'default', promptSource: 'sdk', ...extra, ...common() });
  };
  let msgId = 0;
  const assistant = (block, stop = 'end_turn') => {
    written++;
    push({ parentUuid: parent, isSidechain: false,
      message: { id: `msg_bench_${(++msgId).toString(16).padStart(12, '0')}`, type: 'message', role: 'assistant',
        model: 'claude-opus-5-5', content: [block], stop_reason: stop, stop_sequence: null,
        usage: { input_tokens: 12000 + Math.floor(r() * 9000), cache_creation_input_tokens: 0,
          cache_read_input_tokens: Math.floor(r() * 40000), output_tokens: 40 + Math.floor(r() * 900) } },
      requestId: `req_bench_${msgId}`, type: 'assistant', uuid: randomUUID(), timestamp: stamp(), ...common() });
  };

  out.push(JSON.stringify({ type: 'queue-operation', operation: 'enqueue', timestamp: new Date(clock).toISOString(), sessionId }));
  out.push(JSON.stringify({ type: 'queue-operation', operation: 'dequeue', timestamp: new Date(clock).toISOString(), sessionId }));

  for (let turn = 0; written < count; turn++) {
    const name = MODULES[turn % MODULES.length];
    const file = `${cwd}/src/main/java/dev/example/${name}/${cap(name)}Service${turn}.java`;
    const steps = [
      () => user(`${turn === 0 ? `${FIRST_MARKER} ` : ''}Turn ${turn}: please ${VERBS[turn % VERBS.length]} the ${name} module. ` +
        `Keep the public API of \`${cap(name)}Service${turn}\` as it is, run the tests, and tell me what changed.`),
      () => assistant({ type: 'text', text: `## Plan for the ${name} module (turn ${turn})\n\n` +
        `I'll look at \`${cap(name)}Service${turn}\` first. The current shape:\n\n- **inputs**: a map of counters\n` +
        `- **outputs**: sorted \`key=value\` strings\n- *risk*: the filter threshold is duplicated\n\n` +
        '```java\n' + javaClass(name, turn, r) + '\n```\n\nNext I will edit the threshold into a constant.' }),
      () => {
        const id = `toolu_bench_e${turn}`;
        const oldString = `                .filter(e -> e.getValue() > 10)\n                .map(e -> e.getKey() + "=" + e.getValue())`;
        const newString = `                .filter(e -> e.getValue() > THRESHOLD)\n                .map(e -> e.getKey() + "=" + e.getValue())\n                .distinct()`;
        assistant({ type: 'tool_use', id, name: 'Edit', input: { file_path: file, old_string: oldString, new_string: newString, replace_all: false } }, 'tool_use');
        steps.editArgs = { id, oldString, newString };
      },
      () => {
        const { id, oldString, newString } = steps.editArgs;
        user([{ tool_use_id: id, type: 'tool_result', content: `The file ${file} has been updated successfully.` }], {
          toolUseResult: { filePath: file, oldString, newString, originalFile: null, replaceAll: false, userModified: false,
            structuredPatch: [{ oldStart: 12, oldLines: 2, newStart: 12, newLines: 3,
              lines: [...oldString.split('\n').map((l) => `-${l}`), ...newString.split('\n').map((l) => `+${l}`)] }] },
        });
      },
      () => {
        assistant({ type: 'tool_use', id: `toolu_bench_b${turn}`, name: 'Bash',
          input: { command: `./mvnw -q test -pl ${name}`, description: `Run the ${name} tests` } }, 'tool_use');
      },
      () => {
        const stdout = bashOutput(name, turn, r);
        user([{ tool_use_id: `toolu_bench_b${turn}`, type: 'tool_result', content: stdout, is_error: false }],
          { toolUseResult: { stdout, stderr: '', interrupted: false, isImage: false, noOutputExpected: false } });
      },
      () => assistant({ type: 'text', text: `The tests pass. Timings per suite:\n\n| suite | tests | time |\n|---|---:|---:|\n` +
        Array.from({ length: 4 }, (_, i) => `| ${cap(name)}Test${i} | ${1 + Math.floor(r() * 12)} | ${(r() * 2).toFixed(2)} s |`).join('\n') +
        `\n\nTo run them yourself:\n\n\`\`\`bash\n./mvnw -q test -pl ${name} -Dtest='${cap(name)}Test*'\n\`\`\`` }),
      () => assistant({ type: 'tool_use', id: `toolu_bench_r${turn}`, name: 'Read', input: { file_path: file } }, 'tool_use'),
      () => {
        const text = javaClass(name, turn, r).split('\n').map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('\n');
        user([{ tool_use_id: `toolu_bench_r${turn}`, type: 'tool_result', content: text }],
          { toolUseResult: { type: 'text', file: { filePath: file, numLines: text.split('\n').length } } });
      },
      () => assistant({ type: 'text', text: `Done with turn ${turn}: the threshold is a constant now and duplicates are dropped. ` +
        `The client side reads it like this:\n\n\`\`\`ts\n${tsSnippet(name, r)}\n\`\`\`\n\n1. \`${cap(name)}Service${turn}\` keeps its API\n` +
        `2. ${1 + Math.floor(r() * 40)} tests ran, none failed` }),
    ];
    for (const step of steps) {
      if (written >= count) break;
      if (written === count - 1) {
        // The newest message: a plain answer with the marker the benchmark waits for.
        assistant({ type: 'text', text: `${LAST_MARKER}: that was the last step of the session.` });
        break;
      }
      step();
    }
  }
  out.push(JSON.stringify({ type: 'last-prompt', lastPrompt: 'Turn', leafUuid: parent, sessionId }));
  return `${out.join('\n')}\n`;
}
