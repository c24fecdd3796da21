// MOVED(issue-11): re-export until the merge
export { formatBytes, formatNumber } from './shared/format'; export { LANE_COLOURS, laneColour, laneLabel } from './lanes/laneStyle'; export { sliderScale, type SliderScale } from './lanes/sliderScale';
