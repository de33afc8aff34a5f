import type { BallotAckDto, PublishedReceiptDto } from '@agm/contracts';
import { receiptText } from '@agm/domain/voting/receipts';

/** What the phone keeps of a ballot: enough to find it in the published list, never sent anywhere. */
export interface KeptReceipt {
  voteId: string;
  receiptCode: string;
  choice: BallotAckDto['choice'];
  weight: number;
  /** The hash the server computed; used only where the browser cannot hash (no Web Crypto outside https). */
  receiptHash: string;
}

const storageKey = (voteId: string) => `agm.receipt.${voteId}`;

/**
 * Kept in this device's local storage, so a reload or a closed tab does not lose it before the close.
 * It holds the receipt code and the choice: someone holding the unlocked phone could read how its owner
 * voted, as they could read the screen that showed it (docs/voting.md).
 */
export function keepReceipt(ack: BallotAckDto): void {
  const kept: KeptReceipt = { voteId: ack.voteId, receiptCode: ack.receiptCode, choice: ack.choice, weight: ack.weight, receiptHash: ack.receiptHash };
  try {
    localStorage.setItem(storageKey(ack.voteId), JSON.stringify(kept));
  } catch {
    // Storage full or refused (private mode): the receipt is still on screen for the member to note.
  }
}

export function keptReceipt(voteId: string): KeptReceipt | null {
  try {
    const text = localStorage.getItem(storageKey(voteId));
    return text ? (JSON.parse(text) as KeptReceipt) : null;
  } catch {
    return null;
  }
}

/**
 * The receipt's hash, computed here from the code and the choice (the published formula,
 * docs/voting.md), so the check does not rest on what the server said the hash was.
 */
export async function hashOf(receipt: KeptReceipt): Promise<string> {
  if (!globalThis.crypto?.subtle) return receipt.receiptHash;
  const text = receiptText({ voteId: receipt.voteId, receiptCode: receipt.receiptCode, choice: receipt.choice, weight: receipt.weight });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The published entry for the kept receipt with the same choice and weight, or undefined. */
export async function findInPublished(receipt: KeptReceipt, published: readonly PublishedReceiptDto[]): Promise<PublishedReceiptDto | undefined> {
  const hash = await hashOf(receipt);
  return published.find((entry) => entry.receiptHash === hash && entry.choice === receipt.choice && entry.weight === receipt.weight);
}
