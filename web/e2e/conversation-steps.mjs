// The steps of run.mjs for issue 15, "the conversation, complete": Claude asks a question
// (AskUserQuestion) and presents a plan (ExitPlanMode), each in a new session, and the person
// answers on the page. The fake Messages API answers "ASK…" with two questions and, in plan mode,
// "PLAN…" with a plan written to the plan file and then ExitPlanMode; it quotes what the CLI gives
// back as "Tool finished (is_error=…): …", which is how the page shows what the model heard.

const CHAT_TIMEOUT = 45_000;
const main = (p) => p.getByRole('main');

async function newSession(p, base, projectId, mode) {
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.goto(`${base}/#/p/${encodeURIComponent(projectId)}/new`);
  await p.getByRole('textbox', { name: 'Message Claude' }).waitFor();
  await main(p).getByLabel('Permission mode').selectOption(mode);
}

async function send(p, prompt) {
  await p.getByRole('textbox', { name: 'Message Claude' }).fill(prompt);
  await p.getByRole('button', { name: 'Send', exact: true }).click();
}

export function conversationSteps({ base, shot, desk, projectId, projectName }) {
  return [
    ['issue 15: a message typed while Claude works is queued, shown above the composer, and sent when the turn ends', async () => {
      const p = desk();
      await newSession(p, base, projectId(), 'default');
      await send(p, 'SLOW so that a message waits');
      await main(p).getByText(/\bword3\b/).first().waitFor({ timeout: CHAT_TIMEOUT });
      // A session exists now (its URL is the session's): the composer queues while the turn runs.
      await p.getByRole('textbox', { name: 'Message Claude' }).fill('QUEUED after the slow one');
      await p.getByRole('button', { name: 'Queue', exact: true }).click();
      const queue = main(p).getByRole('region', { name: 'Queued messages' });
      await queue.getByText('QUEUED after the slow one').waitFor({ timeout: CHAT_TIMEOUT });
      await shot(p, 'message-queued');
      // Delivered after the slow answer, as the next turn, and gone from the queue.
      await main(p).getByText(/You said: QUEUED after the slow one/).first().waitFor({ timeout: CHAT_TIMEOUT });
      await queue.waitFor({ state: 'hidden', timeout: CHAT_TIMEOUT });
      await shot(p, 'queued-message-sent');
    }],

    ['issue 15: the usage page charts the tokens of the turns run today, by project, with a CSV export', async () => {
      const p = desk();
      await p.setViewportSize({ width: 1280, height: 800 });
      await p.goto(`${base}/#/usage`);
      await p.getByRole('heading', { name: 'Usage' }).waitFor();
      await main(p).getByLabel('Show').selectOption('tokens');
      const chart = main(p).getByRole('img', { name: /^Tokens per day from / });
      await chart.waitFor();
      const tallest = await chart.locator('rect.usage-bar').evaluateAll((bars) => Math.max(0, ...bars.map((b) => Number(b.getAttribute('height')))));
      if (!(tallest > 0)) throw new Error(`today's turns should draw a bar; the tallest is ${tallest}`);
      await main(p).getByRole('cell', { name: projectName(), exact: true }).waitFor();
      const csv = await main(p).getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      if (!csv?.startsWith('/api/usage')) throw new Error(`the CSV export should link to /api/usage; it links to ${csv}`);
      await shot(p, 'usage-chart');
    }],

    ['issue 15: Claude asks a question; an option and a checked box answer it, and the model hears the answers', async () => {
      const p = desk();
      await newSession(p, base, projectId(), 'default');
      await send(p, 'ASK about the database');
      const card = main(p).getByRole('region', { name: 'Question from Claude' });
      await card.waitFor({ timeout: CHAT_TIMEOUT });
      await card.getByText('Which database should the app use?').waitFor();
      await card.getByRole('button', { name: 'SQLite', exact: true }).click();
      await card.getByRole('checkbox', { name: /Metrics/ }).check();
      await card.getByRole('checkbox', { name: /Backups/ }).check();
      await shot(p, 'question-card');
      await card.getByRole('button', { name: 'Send answers' }).click();
      await card.getByRole('status').filter({ hasText: /^Answered by / }).waitFor({ timeout: CHAT_TIMEOUT });
      await main(p).getByText(/Tool finished \(is_error=false\): Your questions have been answered: "Which database should the app use\?"="SQLite", "Which extras do you want\?"="Metrics, Backups"/)
        .first().waitFor({ timeout: CHAT_TIMEOUT });
      await shot(p, 'question-answered');
    }],

    ['issue 15: in plan mode Claude presents its plan as Markdown; Approve lets it go on', async () => {
      const p = desk();
      await newSession(p, base, projectId(), 'plan');
      await send(p, 'PLAN the hello file');
      const card = main(p).getByRole('region', { name: 'Plan from Claude' });
      await card.waitFor({ timeout: CHAT_TIMEOUT });
      await card.getByRole('heading', { name: 'Plan' }).waitFor();
      await card.locator('strong', { hasText: 'hello' }).waitFor();
      await card.getByRole('button', { name: 'Approve and accept edits' }).waitFor();
      await card.getByRole('textbox', { name: 'What should change in the plan' }).waitFor();
      await shot(p, 'plan-card');
      await card.getByRole('button', { name: 'Approve', exact: true }).click();
      await card.getByRole('status').filter({ hasText: /^Approved by / }).waitFor({ timeout: CHAT_TIMEOUT });
      await main(p).getByText(/Tool finished \(is_error=false\): User has approved your plan/).first()
        .waitFor({ timeout: CHAT_TIMEOUT });
      await shot(p, 'plan-approved');
    }],
  ];
}
