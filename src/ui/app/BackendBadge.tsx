import { useStore } from '../store';

/** Which tfjs backend runs and why, e.g. "webgpu · WebGPU adapter found · nvidia · ampere" (cut short to one line; in full in its title). */
export function BackendBadge() {
  const backend = useStore((s) => s.backend);
  const text = backend
    ? [backend.name, backend.reason, backend.adapter].filter(Boolean).join(' · ')
    : 'starting…';
  return (
    <span
      className={`badge ${backend ? `badge-${backend.name}` : 'badge-starting'}`}
      data-testid="backend-badge"
      title={backend ? `${text}; perturbation kernel: ${backend.perturbKernel}` : undefined}
    >
      {text}
    </span>
  );
}
