import { useStore } from '../store';

/** Messages from reading the link, shown as plain text until dismissed. */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="banner notice" role="status" data-testid="notices">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" className="ghost" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
