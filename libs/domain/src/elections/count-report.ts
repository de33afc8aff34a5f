import type { CountingMethod, ElectionCount } from './election.types';
import { formatVotes } from './fixed-point';

export const METHOD_NAMES: Record<CountingMethod, string> = {
  'first-past-the-post': 'First past the post',
  'instant-runoff': 'Instant runoff (alternative vote)',
  'scottish-stv': 'Single transferable vote, Scottish rules (SSI 2007/42)',
  'meek-stv': "Single transferable vote, Meek's method",
};

function csvCell(text: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The stage table as CSV, one row per stage: what a scrutineer opens in a spreadsheet. Votes have five
 * decimal places; names are in the candidates' columns, never as numbers.
 */
export function countCsv(count: ElectionCount): string {
  const header = [
    'Stage',
    'What happened',
    'Quota',
    ...count.candidates,
    'Non-transferable',
    'Rounding loss',
    'Elected',
    'Excluded',
  ];
  const rows = count.stages.map((s) => [
    String(s.number),
    s.description,
    s.quota === null ? '' : formatVotes(s.quota),
    ...s.votes.map(formatVotes),
    formatVotes(s.nonTransferable),
    formatVotes(s.roundingLoss),
    s.elected.map((c) => count.candidates[c]).join('; '),
    s.excluded.map((c) => count.candidates[c]).join('; '),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The result in plain words, for a terminal or an email: method, quota, elected, each stage, draws, notes. */
export function countReport(count: ElectionCount): string {
  const lines = [
    `${METHOD_NAMES[count.method]}: ${count.seats} ${count.seats === 1 ? 'seat' : 'seats'}, ${count.candidates.length} candidates, ${count.validBallots} valid ballots` +
      (count.invalidBallots ? `, ${count.invalidBallots} void` : ''),
  ];
  if (count.quota !== null) lines.push(`Quota at the first stage: ${formatVotes(count.quota)}`);
  lines.push(`Elected: ${count.elected.map((c) => count.candidates[c]).join(', ') || 'nobody'}`, '');
  const width = Math.max(16, ...count.candidates.map((n) => n.length));
  for (const stage of count.stages) {
    lines.push(`Stage ${stage.number}: ${stage.description}`);
    count.candidates.forEach((name, c) => {
      const change =
        stage.transfers[c] && stage.number > 1
          ? ` (${stage.transfers[c] > 0 ? '+' : ''}${formatVotes(stage.transfers[c])})`
          : '';
      const mark = stage.elected.includes(c) ? '  elected' : stage.excluded.includes(c) ? '  excluded' : '';
      lines.push(`  ${name.padEnd(width)} ${formatVotes(stage.votes[c]).padStart(14)}${change}${mark}`);
    });
    lines.push(`  ${'Non-transferable'.padEnd(width)} ${formatVotes(stage.nonTransferable).padStart(14)}`);
    if (stage.roundingLoss)
      lines.push(`  ${'Rounding loss'.padEnd(width)} ${formatVotes(stage.roundingLoss).padStart(14)}`);
    lines.push('');
  }
  for (const draw of count.draws) {
    lines.push(
      `Draw by lot ${draw.number} at stage ${draw.stage} (${draw.purpose}): ${draw.among.map((c, i) => `${count.candidates[c]} ${draw.keys[i]}`).join('; ')} → ${count.candidates[draw.chosen]}`,
    );
  }
  for (const note of count.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
