import { digitsTorch } from '../digits/torch';
import { fillTemplate } from '../shared/torch';
import template from './torch.py?raw';

/** The GAN on the embedded digits (task.ts): the lane's rule trains G, torch.optim.Adam trains D after each step. */
export const DIGITS_GAN_TORCH = { ...digitsTorch((data) => fillTemplate(template, { data })), afterStep: true };
