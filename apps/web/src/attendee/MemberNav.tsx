import { navigate } from '../router';
import { MEMBER_TABS, memberTabPath, type MemberTab } from './tabs';

/**
 * The member's screens as plain links (a list that wraps on a 360 px phone, never sideways scrolling):
 * links rather than an ARIA tab widget, because each screen has its own address and the back button.
 */
export function MemberNav({ conferenceId, tab }: { conferenceId: string; tab: MemberTab }) {
  return (
    <nav aria-label="Your screens" className="member-nav">
      <ul>
        {MEMBER_TABS.map((t) => {
          const href = memberTabPath(conferenceId, t.tab);
          return (
            <li key={t.tab}>
              <a
                href={href}
                aria-current={t.tab === tab ? 'page' : undefined}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                  e.preventDefault();
                  navigate(href);
                }}
              >
                {t.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
