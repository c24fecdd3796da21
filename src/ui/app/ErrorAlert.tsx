import { useStore } from '../store';
import { restart } from './runActions';

/** Worker errors, with a Restart that builds a fresh worker and re-inits the config. */
export function ErrorAlert() {
  const errors = useStore((s) => s.errors);
  const dismiss = useStore((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <div className="banner error" role="alert" data-testid="error-alert">
      <ul>
        {errors.map((e) => (
          <li key={e.id}>
            {e.fatal ? 'Error (the run stopped): ' : 'Error: '}
            {e.message}{' '}
            <button type="button" className="ghost" onClick={() => dismiss(e.id)} aria-label="Dismiss error">
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={restart}>
        Restart
      </button>
    </div>
  );
}
