// MOVED(issue-11): re-export until the merge
export { pictureStore as taskView, usePicture as useTaskView } from './task/pictureStore';
