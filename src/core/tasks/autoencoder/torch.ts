import { digitsTorch } from '../digits/torch';
import { fillTemplate } from '../shared/torch';
import template from './torch.py?raw';

/** The autoencoder on the embedded digits (task.ts), loss and PSNR as the playground's. */
export const AUTOENCODER_TORCH = digitsTorch((data) => fillTemplate(template, { data }));
