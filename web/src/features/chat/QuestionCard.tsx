/* eslint-disable i18n/no-literal-text -- not translated yet: src/i18n/README.md */
import { useState } from 'react';
import type { Question } from '../../api/runs';
import { decidedText, useDecision, type PermissionItem } from './decision';

/** The labels picked and the words typed for one question. */
interface Choice {
  picked: string[];
  other: string;
}

const EMPTY: Choice = { picked: [], other: '' };

/** What travels back for one question: a label, labels joined with ", " (as the CLI expects), or the words typed. */
function answerOf(question: Question, choice: Choice): string {
  const other = choice.other.trim();
  if (!question.multiSelect) return other || (choice.picked[0] ?? '');
  return [...choice.picked, ...(other ? [other] : [])].join(', ');
}

function QuestionField({ question, choice, onChange, disabled }: {
  question: Question; choice: Choice; onChange: (c: Choice) => void; disabled: boolean;
}) {
  function toggle(label: string) {
    if (!question.multiSelect) {
      onChange({ picked: [label], other: '' });
      return;
    }
    const picked = choice.picked.includes(label) ? choice.picked.filter((l) => l !== label) : [...choice.picked, label];
    onChange({ ...choice, picked });
  }
  return (
    <fieldset className="question" disabled={disabled}>
      <legend>
        {question.header && <span className="chip">{question.header}</span>} {question.question}
      </legend>
      <div className={question.multiSelect ? 'question-checks' : 'question-options'}>
        {question.options.map((option) =>
          question.multiSelect ? (
            <label key={option.label} className="question-check">
              <input type="checkbox" checked={choice.picked.includes(option.label)} onChange={() => toggle(option.label)} />
              <span><strong>{option.label}</strong>{option.description && <span className="muted"> — {option.description}</span>}</span>
            </label>
          ) : (
            <button key={option.label} type="button" aria-pressed={choice.picked.includes(option.label)}
              className={choice.picked.includes(option.label) ? 'primary' : undefined} title={option.description}
              onClick={() => toggle(option.label)}>
              {option.label}
            </button>
          ),
        )}
      </div>
      {!question.multiSelect && question.options.some((o) => o.description) && (
        <ul className="question-descriptions small-text muted">
          {question.options.map((o) => <li key={o.label}><strong>{o.label}</strong>: {o.description}</li>)}
        </ul>
      )}
      <input type="text" className="question-other" placeholder="Other: your own answer" value={choice.other}
        aria-label={`Other answer to: ${question.question}`}
        onChange={(e) => onChange({ picked: question.multiSelect ? choice.picked : [], other: e.target.value })} />
    </fieldset>
  );
}

/**
 * Claude's questions (AskUserQuestion): an option per button (checkboxes when several may be
 * chosen) or an answer in one's own words, sent together. Whoever may steer the run answers;
 * the first answer wins everywhere.
 */
export function QuestionCard({ item }: { item: PermissionItem }) {
  const { busy, error, decide } = useDecision(item);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const questions = item.request.questions ?? [];
  const { resolved } = item;
  const answers = Object.fromEntries(questions.flatMap((q) => {
    const answer = answerOf(q, choices[q.question] ?? EMPTY);
    return answer ? [[q.question, answer]] : [];
  }));
  const complete = questions.every((q) => answers[q.question]);

  return (
    <section className={`permission-card question-card${resolved ? ` decided decided-${resolved.decision}` : ''}`}
      role="region" aria-label="Question from Claude">
      <header className="permission-head"><strong>{questions.length > 1 ? 'Claude asks you' : 'Claude asks'}</strong></header>
      {resolved ? (
        <>
          <ul className="question-summary">{questions.map((q) => <li key={q.question}>{q.question}</li>)}</ul>
          <p className="permission-decision" role="status">
            {decidedText(item, { allow: 'Answered', deny: 'Not answered' })}
            {resolved.message ? `: ${resolved.message}` : ''}
          </p>
        </>
      ) : (
        <form onSubmit={(e) => {
          e.preventDefault();
          if (complete) void decide({ decision: 'allow', answers });
        }}>
          {questions.map((q) => (
            <QuestionField key={q.question} question={q} choice={choices[q.question] ?? EMPTY} disabled={busy}
              onChange={(c) => setChoices((all) => ({ ...all, [q.question]: c }))} />
          ))}
          <div className="permission-actions">
            <button type="submit" className="primary" disabled={busy || !complete}>Send answers</button>
            <button type="button" disabled={busy}
              onClick={() => void decide({ decision: 'deny', message: 'The user chose not to answer.' })}>Skip</button>
          </div>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
