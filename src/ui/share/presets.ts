import { optimizerSpec } from '../../core/optimizers/specs';
import { taskSpec } from '../../core/tasks/specs';

/**
 * Guided presets: a share link and what to look for in it. Loading one decodes its hash like any
 * link. A preset whose link names a task or optimizer the registries do not have yet stays hidden,
 * so the entries waiting on the task and optimizer zoos (marked `todo`) appear by themselves once
 * those ids exist; a unit test then checks that every shown preset's link decodes without notices.
 */
export interface Preset {
  id: string;
  title: string;
  /** Shown beside the chart: what the run shows and what to look at. */
  explanation: string;
  hash: string;
  /** What still has to be settled before the preset is finished. */
  todo?: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'zo-vs-adam-mlp',
    title: 'MeZO-style ZO-SGD vs Adam on a small network',
    explanation:
      'The same tanh MLP, the same weights and batches: ZO-SGD learns from two loss values per step, Adam from the ' +
      'backprop gradient. Per step Adam is far ahead; switch the x axis to forward passes to compare them at equal ' +
      'compute (a backprop step counts as 3), and remember ZO-SGD needs no activations stored for a backward pass.',
    hash: '#v=1&task=spiral&seed=1&steps=1500&eval=25&lane=zo-sgd:lr=0.015,eps=0.001,q=1&lane=adam:lr=0.03',
  },
  {
    id: 'curse-d10',
    title: 'The curse of dimension: d = 10',
    explanation:
      'A quadratic in 10 dimensions. ZO-SGD estimates the gradient from one random direction per step, and here that ' +
      'is nearly enough: it converges, a few times slower than gradient descent. Now open d = 1,000 and d = 100,000.',
    hash: '#v=1&task=quadratic&t.d=10&t.kappa=10&seed=1&steps=600&eval=10&lane=zo-sgd:lr=0.01,eps=0.001,q=1&lane=sgd:lr=0.1',
  },
  {
    id: 'curse-d1000',
    title: 'The curse of dimension: d = 1,000',
    explanation:
      'The same quadratic in 1,000 dimensions. Gradient descent does not care about d; ZO-SGD must take a step about ' +
      'd times smaller to stay stable (its estimate’s variance grows with d), so it needs about d times more steps. ' +
      'Sweep lr × task d (the sweep’s second axis) to see the stable range slide down as d grows.',
    hash: '#v=1&task=quadratic&t.d=1000&t.kappa=10&seed=1&steps=1000&eval=20&lane=zo-sgd:lr=0.00015,eps=0.001,q=1&lane=sgd:lr=0.1',
  },
  {
    id: 'curse-d100000',
    title: 'The curse of dimension: d = 100,000',
    explanation:
      'At 100,000 dimensions ZO-SGD barely moves in a thousand steps while gradient descent is done in a few dozen. ' +
      'This is why MeZO works on language models only when fine-tuning from a good start: the loss landscape’s ' +
      'effective dimension, not the parameter count, decides the pace.',
    hash: '#v=1&task=quadratic&t.d=100000&t.kappa=10&seed=1&steps=1000&eval=50&lane=zo-sgd:lr=0.0000015,eps=0.001,q=1&lane=sgd:lr=0.1',
  },
  {
    id: 'more-queries',
    title: 'More queries per step: better steps, same cost per forward pass?',
    explanation:
      'Three ZO-SGD lanes on a 100-dimensional quadratic: q = 1, q = 4 at the same learning rate, and q = 4 with a 4× ' +
      'larger one. Averaging 4 directions cuts the estimate’s variance, which only pays off if the step grows with it. ' +
      'Switch the x axis to forward passes: each q = 4 step costs 8 of them.',
    hash: '#v=1&task=quadratic&t.d=100&t.kappa=10&seed=1&steps=1000&eval=10&lane=zo-sgd:lr=0.001,eps=0.001,q=1&lane=zo-sgd:lr=0.001,eps=0.001,q=4&lane=zo-sgd:lr=0.004,eps=0.001,q=4',
  },
  {
    id: 'lr-drop',
    title: 'Lower the learning rate mid-run',
    explanation:
      'Two identical ZO-SGD lanes; at step 300 lane 2’s learning rate drops from 0.05 to 0.01 (the marked line). The ' +
      'noisy estimate keeps a constant-step lane bouncing around the minimum; a smaller step lets it settle. Move a ' +
      'slider during a run to add your own change: it is recorded in the link.',
    hash: '#v=1&task=spiral&seed=1&steps=600&eval=20&lane=zo-sgd:lr=0.05,eps=0.001,q=1&lane=zo-sgd:lr=0.05,eps=0.001,q=1&at=300:1:lr=0.01',
  },
  {
    id: 'rosenbrock-valley',
    title: 'Down the Rosenbrock valley',
    explanation:
      'The curved valley of (1 − x)² + 100(y − x²)². Plain steps, from gradients or from loss differences alike, crawl ' +
      'along the floor; Adam’s per-coordinate scaling runs down it.',
    hash: '#v=1&task=rosenbrock&seed=1&steps=1500&eval=50&lane=zo-sgd:lr=0.001,eps=0.001,q=1&lane=sgd:lr=0.001&lane=adam:lr=0.05',
  },
  {
    id: 'spsa-rules',
    title: 'Sign, momentum and Adam on top of SPSA',
    explanation:
      'One two-point estimate, four update rules: plain ZO-SGD, heavy-ball momentum (averages the noise across ' +
      'steps), sign (ignores the loss scale) and Adam (per-coordinate normalisation). Same directions, same batches.',
    hash: '#v=1&task=spiral&seed=1&steps=1500&eval=25&lane=zo-sgd:lr=0.02&lane=zo-sgd-mmt:lr=0.004,momentum=0.9&lane=zo-sign:lr=0.01&lane=zo-adam:lr=0.01',
  },
  {
    id: 'es-rastrigin',
    title: 'ES escapes Rastrigin where ZO-SGD gets stuck',
    explanation:
      'Rastrigin’s egg-crate of local minima traps a small-ε finite difference: ZO-SGD reads the local slope and ' +
      'settles in the nearest dip (loss ≈ 10). OpenAI-ES samples a population with a wide σ = 0.5, so it sees the bowl ' +
      'under the bumps and heads for the minimum at 0 (watch the eval loss; its train loss is the population’s mean). ' +
      'It pays with 20 forward passes a step: switch the x axis to forward passes.',
    hash: '#v=1&task=rastrigin&seed=1&steps=1000&eval=20&lane=zo-sgd:lr=0.002,eps=0.001&lane=openai-es:lr=0.05,sigma=0.5,n=20',
  },
  {
    id: 'mezo-lm',
    title: 'MeZO vs Adam fine-tuning a tiny pre-trained language model',
    explanation:
      'MeZO’s own setting: both lanes start from the same checkpoint, pre-trained with backprop on sentiment, and are ' +
      'fine-tuned on a domain where 30% of the rated words flipped polarity. ZO-SGD improves from loss values alone, ' +
      'holding nothing but the weights; Adam gets there much faster but keeps two moment buffers the size of the ' +
      'weights and needs a backward pass.',
    hash: '#v=1&task=sentiment-finetune&seed=1&steps=600&eval=25&lane=zo-sgd:lr=0.1,eps=0.001&lane=adam:lr=0.03',
  },
  {
    id: 'fzoo-vs-mezo',
    title: 'FZOO vs MeZO per forward pass',
    explanation:
      'FZOO spends N + 1 = 9 passes a step on one-sided Rademacher probes around one base loss and divides its step by ' +
      'the spread of the probe losses (a zeroth-order normalised SGD); MeZO spends 2. Switch the x axis to forward ' +
      'passes to compare them at equal compute.',
    hash: '#v=1&task=quadratic&t.d=100&t.kappa=10&t.rank=0&seed=1&steps=600&eval=10&lane=fzoo:lr=0.0001,eps=0.001,n=8&lane=zo-sgd:lr=0.001,eps=0.001,q=1,dist=gaussian,mode=central',
  },
  {
    id: 'sparse-mezo',
    title: 'Sparse-MeZO: perturb fewer weights',
    explanation:
      'Sparse-MeZO perturbs and updates only the quarter of each tensor with the smallest |θ| (the mask recomputed ' +
      'from the weights every step), at MeZO’s two passes. Watch it stall here: the quadratic’s minimum is θ = 0, so ' +
      'the small weights are the ones already solved and the large ones are never picked. The paper’s premise is ' +
      'fine-tuning, where noise on the large pretrained weights does the harm.',
    hash: '#v=1&task=quadratic&t.d=100&t.kappa=10&t.rank=0&seed=1&steps=600&eval=10&lane=sparse-mezo:lr=0.002,eps=0.001,sparsity=0.75&lane=zo-sgd:lr=0.001,eps=0.001,q=1,dist=gaussian,mode=central',
  },
  {
    id: 'mezo-svrg',
    title: 'Variance reduction with MeZO-SVRG',
    explanation:
      'Every 10 steps MeZO-SVRG takes a snapshot θ̄ and an 8-direction estimate there; in between it corrects that ' +
      'estimate with the slope difference along the same z at θ and θ̄, whose variance vanishes near the snapshot. ' +
      'It costs 4 passes a step (16 on a snapshot step): compare per forward pass.',
    hash: '#v=1&task=quadratic&t.d=100&t.kappa=10&t.rank=0&seed=1&steps=600&eval=10&lane=mezo-svrg:lr=0.001,lrSnap=0.004,eps=0.001,period=10,qSnap=8&lane=zo-sgd:lr=0.001,eps=0.001,q=1,dist=gaussian,mode=central',
  },
  {
    id: 'active-cma-ellipsoid',
    title: 'Active CMA-ES on an ill-conditioned ellipsoid',
    explanation:
      'The quadratic with κ = 10⁶ in 10 dimensions is the ellipsoid of the CMA-ES literature. Active CMA (negative ' +
      'weights for the worst samples, pycma’s default) learns the covariance faster than the positive-only update: ' +
      'to f < 1e-8 it needs about 3,900 evaluations against 5,800 (medians over 10 seeds).',
    hash: '#v=1&task=quadratic&t.d=10&t.kappa=1000000&t.rank=0&seed=1&steps=600&eval=10&lane=cma-es:sigma=0.5,lambda=0,active=on,restarts=none&lane=cma-es:sigma=0.5,lambda=0,active=off,restarts=none',
  },
  {
    id: 'effective-rank-d100',
    title: 'Effective rank, not dimension: d = 100',
    explanation:
      'A quadratic with r = 10 nonzero eigenvalues in d = 100 dimensions, ZO-SGD at η = 1/(tr H + 2λmax) = 1/12. ' +
      'E f shrinks by about 1 − 1/(r + 2) per step (MeZO §4). A run has one task, so the d = 10,000 lane is the next ' +
      'preset: the curves match.',
    hash: '#v=1&task=quadratic&t.d=100&t.kappa=1&t.rank=10&seed=1&steps=300&eval=10&lane=zo-sgd:lr=0.08333,eps=0.001,q=1,dist=gaussian,mode=central&lane=sgd:lr=1',
  },
  {
    id: 'effective-rank-d10000',
    title: 'Effective rank, not dimension: d = 10,000',
    explanation:
      'The same r = 10 and step as the d = 100 preset, in 10,000 dimensions: ZO-SGD falls at the same rate, since its ' +
      'cost is set by the effective rank of the Hessian, not by the number of parameters.',
    hash: '#v=1&task=quadratic&t.d=10000&t.kappa=1&t.rank=10&seed=1&steps=300&eval=10&lane=zo-sgd:lr=0.08333,eps=0.001,q=1,dist=gaussian,mode=central&lane=sgd:lr=1',
  },
  {
    id: 'gpt-names-scratch',
    title: 'Why ZO needs a pre-trained start: a name generator from scratch',
    explanation:
      'A tiny GPT (14,144 weights) learns to make up names from nothing, makemore’s task. The dashed lines are the ' +
      'uniform guess (ln 27) and the bigram model counted from the training names. Adam passes the bigram within a ' +
      'few hundred steps and its names start to look real; ZO-SGD, from the same random start and the same ' +
      'batches, has to find 14,144 directions one random probe at a time and stays near the uniform line. MeZO ' +
      'fine-tunes models that are already good; from scratch the dimension wins. The next preset starts the same ' +
      'GPT from a checkpoint.',
    hash: '#v=1&task=gpt-names&seed=1&steps=1000&eval=50&lane=zo-sgd:lr=0.003,eps=0.001&lane=adam:lr=0.01',
  },
  {
    id: 'mezo-prompt-gpt',
    title: 'MeZO’s prompt-based fine-tuning of a tiny GPT',
    explanation:
      'MeZO’s own setting at toy scale: a GPT pre-trained on Brown text reads “⟨subject line⟩ This is” and must say ' +
      '“ spam” or “ mail” next, learning from 16 messages per class. The dashed line is the checkpoint’s zero-shot eval ' +
      'loss: having never met the word “spam”, it calls everything mail (49% accuracy). ZO-SGD, from loss values ' +
      'alone and holding nothing but the weights, undoes that bias and its eval loss falls well below the line; Adam ' +
      'fits the 32 examples and then over-fits them (its eval loss turns up again). Try t.tune=lora: 1,536 trained ' +
      'weights instead of 106,176.',
    hash: '#v=1&task=prompt-classify&seed=1&steps=300&eval=50&lane=zo-sgd:lr=0.0003,eps=0.001&lane=adam:lr=0.0001',
  },
  {
    id: 'digits-resnet',
    title: 'A tiny ResNet on the digits: ZO-SGD vs Adam',
    explanation:
      'A residual CNN without batch norm (4,738 weights): a stem, two stages that halve the image with a 1×1 ' +
      'projection on the skip path, global average pooling. Its residual paths start at zero (Fixup), so at step 0 ' +
      'it is the plain network of its skip paths. In 1,000 steps Adam reaches about 91% test accuracy, as on the ' +
      'plain Digits CNN (1,626 weights); ZO-SGD reaches about 25% here against 43% there: three times the ' +
      'weights, and a perturbation of a residual path’s first convolution changes nothing while its last one is zero.',
    hash: '#v=1&task=digits-resnet&seed=1&steps=1000&eval=50&lane=zo-sgd:lr=0.01,eps=0.001&lane=adam:lr=0.01',
  },
  {
    id: 'digits-gan',
    title: 'A GAN whose generator learns from the discriminator’s score alone',
    explanation:
      'Both lanes train only the generator; the discriminator takes one Adam step by backprop after every step, the ' +
      'same in each lane. Adam’s generator (it sees D’s gradient) keeps the game going: D’s loss stays far from 0 and ' +
      'its samples turn into strokes, though the codes collapse onto a few shapes. ZO-SGD’s generator learns from ' +
      'two scores a step; D wins within a hundred steps (its loss near 0, D(fake) ≈ 0), the generator’s loss climbs ' +
      'and its samples stay noise. Two-player games are hard for noisy gradient estimates.',
    hash: '#v=1&task=digits-gan&seed=1&steps=1000&eval=50&lane=zo-sgd:lr=0.005,eps=0.001&lane=adam:lr=0.002,beta1=0.5',
  },
  {
    id: 'gpt-finetune-pretrained',
    title: 'Why ZO needs a pre-trained start: the same name generator from a checkpoint',
    explanation:
      'The same 14,144-weight GPT, but every lane starts from a checkpoint Adam trained on male names, and learns ' +
      'female names. Step 0 is the checkpoint’s loss on them (2.50); the dashed lines are its loss on male names ' +
      'and the bigram of the female names. Now ZO-SGD, with the same two loss values per step as from scratch, ' +
      'moves at once: about 2.31 after 1,000 steps (Adam 1.93), where from scratch it stayed near ln 27. MeZO’s ' +
      'claim in miniature: a pre-trained model is already close, and the few directions left to find are found.',
    hash: '#v=1&task=gpt-finetune&t.source=names&t.tune=full&seed=1&steps=1000&eval=50&lane=zo-sgd:lr=0.0005,eps=0.001&lane=adam:lr=0.001',
  },
  {
    id: 'gpt-finetune-full',
    title: 'LoRA vs full fine-tuning under ZO: every weight (d = 14,144)',
    explanation:
      'MeZO’s table of full, LoRA and prefix fine-tuning, in miniature: the male-names GPT fine-tuned on female names, ' +
      'all 14,144 weights moving. Over seeds 1–3 ZO-SGD takes the held-out loss from the checkpoint’s 2.504 to ' +
      '2.28 ± 0.01 in 2,000 steps (4,000 forward passes), Adam to 1.88 (6,000). The next preset trains LoRA factors ' +
      'only; switch the x axis to forward ' +
      'passes to compare at equal compute, and see Memory per lane: a ZO step peaks at a forward pass’s 2.7 MB, ' +
      'Adam’s backprop step at 6.3 MB, besides its two moments per weight.',
    hash: '#v=1&task=gpt-finetune&t.source=names&t.tune=full&seed=1&steps=2000&eval=100&lane=zo-sgd:lr=0.0005,eps=0.001&lane=adam:lr=0.001',
  },
  {
    id: 'gpt-finetune-lora',
    title: 'LoRA vs full fine-tuning under ZO: LoRA rank 4 (d = 512)',
    explanation:
      'The same checkpoint and batches, with LoRA (Hu et al. 2021) on the query and value projections: 512 trainable ' +
      'numbers, B starting at zero so step 0 is the checkpoint. With 28 times fewer directions to search, ZO-SGD ' +
      'takes a 20 times larger step (η = 0.01; at 0.02 it drifts back up after 1,500 steps) and reaches 2.40 ± 0.02 ' +
      'over seeds 1–3, Adam 2.16: the rank-4 factors on query and value cannot express what the full model learns, ' +
      'so both stop above their full-tuning loss. And per step ZO-LoRA falls more slowly than ZO on every weight ' +
      '(2.50 against 2.45 after 100 steps): a smaller d alone does not make ZO faster; what counts is how much of ' +
      'the loss’s curvature the moving directions hold (the effective rank of MeZO’s §4).',
    hash: '#v=1&task=gpt-finetune&t.source=names&t.tune=lora&t.rank=4&seed=1&steps=2000&eval=100&lane=zo-sgd:lr=0.01,eps=0.001&lane=adam:lr=0.01',
  },
];

/** The task id and the optimizer ids a preset's link names. */
export function idsInHash(hash: string): { task: string | null; optimizers: string[] } {
  const pairs = hash.replace(/^#/, '').split('&');
  const value = (p: string) => decodeURIComponent(p.slice(p.indexOf('=') + 1));
  const task = pairs.filter((p) => p.startsWith('task=')).map(value).pop() ?? null;
  const optimizers = pairs.filter((p) => p.startsWith('lane=')).map((p) => value(p).split(':')[0]);
  return { task, optimizers };
}

/** Presets whose task and optimizers all exist in the registries, in menu order. */
export function availablePresets(presets: readonly Preset[] = PRESETS): Preset[] {
  return presets.filter((p) => {
    const ids = idsInHash(p.hash);
    return (ids.task === null || taskSpec(ids.task)) && ids.optimizers.every((id) => optimizerSpec(id));
  });
}

export const presetById = (id: string | null): Preset | undefined => PRESETS.find((p) => p.id === id);
