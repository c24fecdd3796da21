import { useStore } from '../store';

/** The names of the loss chart's dashed reference lines (uniform model, bigram, checkpoint…), highest first. */
export function ReferenceLegend() {
  const references = useStore((s) => s.lossReferences);
  if (references.length === 0) return null;
  return (
    <p className="reference-legend" data-testid="loss-references">
      <span className="reference-key" aria-hidden="true" />
      {[...references]
        .sort((a, b) => b.value - a.value)
        .map((r) => `${r.label}: ${r.value.toFixed(3)}`)
        .join(' · ')}
    </p>
  );
}
