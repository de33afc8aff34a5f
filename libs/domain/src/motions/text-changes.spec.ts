import fc from 'fast-check';
import { applyAmendment } from './amendment.rules';
import { textChanges, type TextChange } from './text-changes';

const words = (text: string) => text.split(/\s+/u).filter(Boolean);
const side = (changes: TextChange[], drop: TextChange['kind']) =>
  words(
    changes
      .filter((c) => c.kind !== drop)
      .map((c) => c.text)
      .join(' '),
  );

describe('what an amendment changes, word by word', () => {
  it('marks only the words put in when the rest of the wording is kept', () => {
    const before = 'This AGM resolves: Pay claim.';
    const after = applyAmendment(before, {
      instructions: [{ op: 'replace', from: 'Pay claim', to: 'Pay and pensions claim' }],
    });
    expect(textChanges(before, after)).toEqual([
      { kind: 'kept', text: 'This AGM resolves: Pay ' },
      { kind: 'inserted', text: 'and pensions ' },
      { kind: 'kept', text: 'claim.' },
    ]);
  });

  it('marks a deletion and an addition at the end', () => {
    const before = 'We call on the NEC to act now.';
    const after = applyAmendment(before, {
      instructions: [
        { op: 'delete', text: 'now' },
        { op: 'insert', text: 'Branches will report back.' },
      ],
    });
    expect(after).toBe('We call on the NEC to act. Branches will report back.');
    const changes = textChanges(before, after);
    // Words are compared with their punctuation: "act" and "act." differ, and the marks say so.
    expect(changes).toEqual([
      { kind: 'kept', text: 'We call on the NEC to ' },
      { kind: 'deleted', text: 'act now.' },
      { kind: 'inserted', text: 'act. Branches will report back.' },
    ]);
  });

  it('keeps everything when nothing changes, and marks a whole replacement', () => {
    expect(textChanges('No change here.', 'No change here.')).toEqual([
      { kind: 'kept', text: 'No change here.' },
    ]);
    expect(textChanges('Old words.', 'New text.')).toEqual([
      { kind: 'deleted', text: 'Old words.' },
      { kind: 'inserted', text: 'New text.' },
    ]);
    expect(textChanges('', 'Added.')).toEqual([{ kind: 'inserted', text: 'Added.' }]);
  });

  it('always reads as the old text without what is put in, and as the new text without what is taken out', () => {
    const text = fc
      .array(fc.constantFrom('the', 'AGM', 'pay', 'claim.', 'NEC', 'act', 'now,'), { maxLength: 30 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const changes = textChanges(before, after);
        expect(side(changes, 'inserted')).toEqual(words(before));
        expect(side(changes, 'deleted')).toEqual(words(after));
        // No two runs of one kind side by side: each change is one mark.
        changes.slice(1).forEach((c, i) => expect(c.kind).not.toBe(changes[i].kind));
      }),
    );
  });
});
