/**
 * The member's screens, one per tab, each at its own address (`/c/:id/attendee/<tab>`) so the browser's
 * back button and a reload keep the member where they were. The live tab (the floor, the
 * quorum and the order of business with each item's state) is the plain attendee address.
 */
export const MEMBER_TABS = [
  { tab: '', label: 'Now' },
  { tab: 'motions', label: 'Motions' },
  { tab: 'documents', label: 'Documents' },
  { tab: 'monitoring', label: 'Equality monitoring' },
  { tab: 'priority', label: 'Priority ballot' },
  { tab: 'elections', label: 'Elections' },
] as const;

export type MemberTab = (typeof MEMBER_TABS)[number]['tab'];

export function memberTabPath(conferenceId: string, tab: MemberTab): string {
  return `/c/${conferenceId}/attendee${tab ? `/${tab}` : ''}`;
}

export function asMemberTab(value: string | undefined): MemberTab | null {
  return MEMBER_TABS.find((t) => t.tab === (value ?? ''))?.tab ?? null;
}
