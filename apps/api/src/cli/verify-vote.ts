import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { receiptInExport, verifyVoteExport, VoteChoice, VoteExport } from '@agm/domain';

/**
 * `npm run verify -- <export file> [--receipt CODE --choice for|against|abstain [--weight N]]`: the
 * independent scrutineer's recount of a vote from its export (GET …/votes/:id/export). Needs no
 * database and no server: the file is all it reads. Prints the recount per channel, the receipts
 * checked, every figure that differs from the published result, and the verdict. With --receipt it
 * also says whether that voter's ballot is in the list. Exit codes: 0 verified, 1 not verified (or the
 * receipt not found), 64 usage, 66 file unreadable or not JSON.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function main(args: string[]): number {
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const path = args.find((arg, i) => !arg.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!path) {
    process.stderr.write('Usage: npm run verify -- <vote export file> [--receipt CODE --choice for|against|abstain [--weight N]]\n');
    return 64;
  }
  let exported: VoteExport;
  try {
    exported = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read ${path} as a vote export: ${(error as Error).message}\n`);
    return 66;
  }

  const report = verifyVoteExport(exported);
  const out: string[] = [`Vote: ${report.title}`];
  if (exported?.vote) out.push(`Method: ${exported.vote.method}, ${exported.vote.secret ? 'secret ballot' : 'named vote'}`);
  if (report.recount) {
    const { channels, totals } = report.recount;
    const row = (name: string, c: { for: number; against: number; abstain: number }) => `  ${name.padEnd(20)}${String(c.for).padStart(8)}${String(c.against).padStart(9)}${String(c.abstain).padStart(9)}`;
    out.push('Recount from the ballots in this file:', `  ${''.padEnd(20)}${'For'.padStart(8)}${'Against'.padStart(9)}${'Abstain'.padStart(9)}`);
    out.push(row('Electronic', channels.electronic), row('Hall (tellers)', channels.hall), row('Card', channels.card), row('Total', totals));
    out.push(`  ${report.recount.turnout.description}. ${report.recount.threshold.description}`);
  }
  out.push(`Receipts checked: ${report.receiptsChecked}`);
  for (const check of report.checks) out.push(`${check.ok ? '  ok' : '  DIFFERS'}  ${check.line}`);

  let receiptFound = true;
  const code = option('receipt');
  if (code) {
    const choice = option('choice') as VoteChoice | undefined;
    const weight = Number(option('weight') ?? 1);
    if (!choice) {
      process.stderr.write('With --receipt, give the choice you made too: --choice for|against|abstain\n');
      return 64;
    }
    receiptFound = receiptInExport(exported, code, choice, weight, sha256) !== undefined;
    out.push(receiptFound ? `Your receipt ${code} is in the list, counted as ${choice}.` : `Your receipt ${code} with the choice ${choice} is NOT in the list. Tell the chair or the tellers before the result is adopted.`);
  }
  out.push(report.verified ? 'Verdict: verified. Every published figure matches the recount.' : 'Verdict: NOT verified. The lines marked DIFFERS do not match; the published result cannot be confirmed from this file.');
  process.stdout.write(`${out.join('\n')}\n`);
  return report.verified && receiptFound ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
