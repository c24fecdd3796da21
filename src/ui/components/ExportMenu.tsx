import { useId, useState } from 'react';
import { downloadCsv, downloadJson } from '../csvExport';
import { downloadBlob, downloadText } from '../download';
import { laneLabel } from '../format';
import { chartsPng } from '../png';
import { preparedScript, whyNoScript } from '../pytorch/prepare';
import { exportableLanes, scriptAssets } from '../pytorch/script';
import { useStore } from '../store';

/** CSV, JSON (config + metrics), PNG of the charts, and the selected lane as a PyTorch script. */
export function ExportMenu() {
  const id = useId();
  const config = useStore((s) => s.config);
  const [message, setMessage] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const [preparing, setPreparing] = useState(false);
  const lanes = exportableLanes(config);
  const laneIdx = chosen !== null && lanes.includes(chosen) ? chosen : (lanes[0] ?? null);

  const png = async () => {
    try {
      downloadBlob(await chartsPng(document, useStore.getState().config.lanes), 'zo-playground.png');
      setMessage('');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const python = async () => {
    if (laneIdx === null) return;
    // Tasks with data embed it: fetching it takes a moment the first time.
    const fetching = scriptAssets(config.task.id).length > 0;
    if (fetching) {
      setPreparing(true);
      setMessage('Fetching the data the script embeds…');
    }
    const script = await preparedScript(config, laneIdx);
    if (fetching) setPreparing(false);
    if (script.ok) {
      downloadText(script.text, script.filename, 'text/x-python');
      setMessage('');
    } else setMessage(`No PyTorch script: ${script.reason}.`);
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
        disabled={laneIdx === null || preparing}
        title={whyNoScript(config, lanes) ?? 'A Python file that trains this task with the chosen lane.'}
      >
        {preparing ? 'Preparing…' : 'Export PyTorch script'}
      </button>
      {lanes.length > 1 && (
        <>
          <label htmlFor={id} className="visually-hidden">
            Lane to export as PyTorch
          </label>
          <select id={id} value={laneIdx ?? ''} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
            {lanes.map((i) => (
              <option key={i} value={i}>
                {laneLabel(i, config.lanes[i].optimizer)}
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
