import { useEffect, useState } from 'react';
import { useStore } from '../store';
import { ExportMenu } from './ExportMenu';
import { shareLink } from './urlSync';

/** Share link (autoplays when opened) and the exports. */
export function SharePanel() {
  const config = useStore((s) => s.config);
  // The link carries the view too: redraw it when that changes.
  useStore((s) => `${s.xKey} ${s.logY} ${s.smoothing} ${s.seeds}`);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const link = shareLink(config);

  useEffect(() => {
    if (copied === 'idle') return;
    const t = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <>
      <div className="share">
        <button type="button" onClick={() => void copy()}>
          Copy share link
        </button>
        <input className="share-link" type="text" readOnly value={link} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
        <span className="copied" role="status">
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the link and copy it' : ''}
        </span>
      </div>
      <ExportMenu />
    </>
  );
}
