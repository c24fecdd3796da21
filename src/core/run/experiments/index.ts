/** Experiments over RunConfigs, shared by the browser and the CLI: sweeps, seed replicas, schedules. */
export * from './axes';
export * from './sweep';
export * from './replicas';
export * from './schedule';
