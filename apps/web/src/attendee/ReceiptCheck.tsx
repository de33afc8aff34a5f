import { useEffect, useState } from 'react';
import type { PublishedReceiptDto } from '@agm/contracts';
import { get } from '../api';
import type { LiveVote } from '../live';
import { findInPublished, keptReceipt, type KeptReceipt } from './receipts';

const CHOICE_LABEL = { for: 'For', against: 'Against', abstain: 'Abstain' } as const;

type Check = { kind: 'checking' } | { kind: 'found' } | { kind: 'missing' } | { kind: 'unreadable' };

/**
 * After the close: is the ballot this phone cast in the published receipt list? Checked here, on the
 * phone, from the receipt code it kept; nothing about it is sent to the server.
 */
export function ReceiptCheck({ conferenceId, vote }: { conferenceId: string; vote: LiveVote }) {
  const [receipt] = useState<KeptReceipt | null>(() => keptReceipt(vote.id));
  const [check, setCheck] = useState<Check>({ kind: 'checking' });
  useEffect(() => {
    if (!receipt) return;
    let current = true;
    get<PublishedReceiptDto[]>(`/api/conferences/${conferenceId}/votes/${vote.id}/receipts`)
      .then((published) => findInPublished(receipt, published))
      .then(
        (entry) => current && setCheck({ kind: entry ? 'found' : 'missing' }),
        () => current && setCheck({ kind: 'unreadable' }),
      );
    return () => {
      current = false;
    };
  }, [conferenceId, vote.id, vote.state, receipt]);
  if (!receipt) return null;
  const code = <code className="receipt">{receipt.receiptCode}</code>;
  return (
    <div data-testid="receipt-check">
      {check.kind === 'checking' && <p className="muted">Checking your receipt {code} in the published list…</p>}
      {check.kind === 'found' && (
        <p role="status" className="alert ok">
          Your receipt {code} is in the published list, counted as {CHOICE_LABEL[receipt.choice]}.
        </p>
      )}
      {check.kind === 'missing' && (
        <p role="alert" className="alert warn">
          Your receipt {code} is not in the published list as {CHOICE_LABEL[receipt.choice]}. Tell the chair or a
          teller now, before the result is adopted, and show them this receipt code.
        </p>
      )}
      {check.kind === 'unreadable' && (
        <p className="alert info">
          The published list could not be read just now. Your receipt is {code}; reload the page to check again.
        </p>
      )}
    </div>
  );
}
