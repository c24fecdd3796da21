import { useId, useState } from 'react';
import { downloadCsv, downloadJson } from './exportFiles';
import { laneLabel } from '../lanes/laneStyle';
import { useStore } from '../store';
import { chartsPng } from './chartsPng';
import { downloadBlob, downloadText } from './download';
import { exportName } from './exportName';

/**
 * CSV, JSON (config + metrics), PNG of the charts, and the selected lane as a PyTorch script.
 * Every task and optimizer has a PyTorch template (tests/unit/ui-pytorch.test.ts checks it), so any
 * lane can be chosen; the templates load on first use, keeping them out of the page's first download.
 */
export function ExportMenu() {
  const id = useId();
  const config = useStore((s) => s.config);
  const [message, setMessage] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const [preparing, setPreparing] = useState(false);
  const laneIdx = chosen !== null && chosen < config.lanes.length ? chosen : 0;

  const png = async () => {
    try {
      const current = useStore.getState().config;
      downloadBlob(await chartsPng(document, current.lanes), exportName(current, 'png'));
      setMessage('');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const python = async () => {
    setPreparing(true);
    try {
      const { preparedScript, scriptAssets } = await import('./pytorchDownload');
      // Tasks with data embed it: fetching it takes a moment the first time.
      if (scriptAssets(config.task.id).length > 0) setMessage('Fetching the data the script embeds…');
      const script = await preparedScript(config, laneIdx);
      if (script.ok) {
        downloadText(script.text, script.filename, 'text/x-python');
        setMessage('');
      } else setMessage(`No PyTorch script: ${script.reason}.`);
    } catch (e) {
      setMessage(`No PyTorch script: the exporter could not load (${e instanceof Error ? e.message : String(e)}).`);
    } finally {
      setPreparing(false);
    }
  };

  return (
    <div className="share" role="group" aria-label="Export">
      <button type="button" onClick={() => downloadCsv()}>
        Export CSV
      </button>
      <button type="button" onClick={() => downloadJson()}>
        Export JSON
      </button>
      <button type="button" onClick={() => void png()}>
        Export PNG
      </button>
      <button
        type="button"
        onClick={() => void python()}
        disabled={preparing}
        title="A self-contained Python file that trains this task with the chosen lane, as the playground does."
      >
        {preparing ? 'Preparing…' : 'Export PyTorch script'}
      </button>
      {config.lanes.length > 1 && (
        <>
          <label htmlFor={id} className="visually-hidden">
            Lane to export as PyTorch
          </label>
          <select id={id} value={laneIdx ?? ''} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {config.lanes.map((lane, i) => (
              <option key={i} value={i}>
                {laneLabel(i, lane.optimizer)}
              </option>
            ))}
          </select>
        </>
      )}
      <span className="hint" role="status">
        {message}
      </span>
    </div>
  );
}
