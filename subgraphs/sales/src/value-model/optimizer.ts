/*
 * Small unconstrained minimisers for the value-model fits (4 parameters at most).
 *
 * Why not a library: the only general-purpose npm candidate, `fmin` (0.0.4), is pre-1.0, untyped, unmaintained
 * and reports no convergence status. These two textbook methods are short enough to own and test:
 * - BFGS with central-difference gradients and a weak-Wolfe bisection line search (Nocedal & Wright,
 *   "Numerical Optimization", 2nd ed., algorithm 6.1 and eq. 6.20 for the initial inverse-Hessian scaling);
 * - Nelder–Mead with the standard coefficients (Lagarias et al. 1998), used as a derivative-free rescue when
 *   BFGS stalls.
 * Objectives may return +Infinity (or NaN) for points outside their domain; both methods treat that as
 * "worse than anything" and back off.
 */

export type Objective = (x: readonly number[]) => number;

export interface OptimizeResult {
  x: number[];
  fx: number;
  converged: boolean;
  iterations: number;
  /** Objective evaluations, including those spent on numeric gradients. */
  evaluations: number;
  /** Calls of the analytic gradient (0 when gradients are numeric). */
  gradientEvaluations: number;
  /** Infinity norm of the (numeric) gradient at x; NaN for Nelder–Mead. */
  gradientNorm: number;
  message: string;
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Converged when the infinity norm of the gradient falls below this. */
  gradientTolerance?: number;
  /** Analytic gradient; central differences are used when absent. */
  gradient?: (x: readonly number[]) => number[];
  /** Step of the central differences (absolute: the fits optimise log-parameters of order 1). */
  differenceStep?: number;
  /**
   * When the line search stalls, still converged if the predicted decrease g·H·g/2 is below this times
   * (1 + |f|). With a sum over many customers f is only known to ~1e-15 relative, and an ill-conditioned Hessian
   * can keep the gradient above `gradientTolerance` at a point no step can improve. For a mean log-likelihood
   * the default 1e-13 is a log-likelihood change of ~1e-7 over 100,000 customers: statistically nothing.
   */
  decrementTolerance?: number;
}

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Converged when the simplex's function values span less than this (absolute)... */
  functionTolerance?: number;
  /** ...and its vertices lie within this distance (infinity norm) of the best one. */
  pointTolerance?: number;
  initialStep?: number;
}

const finiteOrInfinity = (v: number): number => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v);

export function numericGradient(f: Objective, x: readonly number[], step = 1e-5): number[] {
  const g = new Array<number>(x.length);
  const probe = x.slice();
  for (let i = 0; i < x.length; i += 1) {
    const h = step * Math.max(1, Math.abs(x[i]));
    probe[i] = x[i] + h;
    const up = f(probe);
    probe[i] = x[i] - h;
    const down = f(probe);
    probe[i] = x[i];
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Symmetric Hessian by central differences of the function (4 evaluations per off-diagonal entry). */
export function numericHessian(f: Objective, x: readonly number[], step = 1e-4): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const f0 = f(x);
  const p = x.slice();
  const hs = x.map((xi) => step * Math.max(1, Math.abs(xi)));
  for (let i = 0; i < n; i += 1) {
    p[i] = x[i] + hs[i];
    const up = f(p);
    p[i] = x[i] - hs[i];
    const down = f(p);
    p[i] = x[i];
    H[i][i] = (up - 2 * f0 + down) / (hs[i] * hs[i]);
    for (let j = 0; j < i; j += 1) {
      const at = (si: number, sj: number): number => {
        p[i] = x[i] + si * hs[i];
        p[j] = x[j] + sj * hs[j];
        const v = f(p);
        p[i] = x[i];
        p[j] = x[j];
        return v;
      };
      const v = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hs[i] * hs[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = A[i][j];
      for (let k = 0; k < j; k += 1) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  }
  // Invert L (lower triangular), then A^{-1} = L^{-T} L^{-1}.
  const Li = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    Li[i][i] = 1 / L[i][i];
    for (let j = 0; j < i; j += 1) {
      let s = 0;
      for (let k = j; k < i; k += 1) s -= L[i][k] * Li[k][j];
      Li[i][j] = s / L[i][i];
    }
  }
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = 0;
      for (let k = i; k < n; k += 1) s += Li[k][i] * Li[k][j];
      inv[i][j] = s;
      inv[j][i] = s;
    }
  }
  return inv;
}

const dot = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i] * b[i];
  return s;
};
const normInf = (a: readonly number[]): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export function bfgs(f: Objective, x0: readonly number[], options: BfgsOptions = {}): OptimizeResult {
  const maxIterations = options.maxIterations ?? 200;
  const gtol = options.gradientTolerance ?? 1e-7;
  const decrementTolerance = options.decrementTolerance ?? 1e-13;
  const step = options.differenceStep ?? 1e-5;
  let evaluations = 0;
  const fn: Objective = (x) => {
    evaluations += 1;
    return finiteOrInfinity(f(x));
  };
  let gradientEvaluations = 0;
  const analytic = options.gradient;
  const grad = analytic
    ? (x: readonly number[]) => {
        gradientEvaluations += 1;
        return analytic(x);
      }
    : (x: readonly number[]) => numericGradient(fn, x, step);
  const n = x0.length;

  let x = x0.slice();
  let fx = fn(x);
  if (!Number.isFinite(fx)) {
    return {
      x,
      fx,
      converged: false,
      iterations: 0,
      evaluations,
      gradientEvaluations,
      gradientNorm: NaN,
      message: 'objective is not finite at the start point',
    };
  }
  let g = grad(x);
  // Inverse Hessian approximation, identity until the first accepted step rescales it.
  let H: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  let firstStep = true;

  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const gNorm = normInf(g);
    if (!Number.isFinite(gNorm)) {
      return {
        x,
        fx,
        converged: false,
        iterations: iteration,
        evaluations,
        gradientEvaluations,
        gradientNorm: gNorm,
        message: 'gradient is not finite',
      };
    }
    if (gNorm < gtol) {
      return {
        x,
        fx,
        converged: true,
        iterations: iteration,
        evaluations,
        gradientEvaluations,
        gradientNorm: gNorm,
        message: 'gradient below tolerance',
      };
    }
    let d = H.map((row) => -dot(row, g));
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // The approximation lost positive definiteness (numeric gradients): restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((v) => -v);
      slope = dot(g, d);
      firstStep = true;
    } else if (-slope / 2 <= 4 * Number.EPSILON * Math.abs(fx)) {
      // The predicted decrease is below the rounding of f itself: no line search can do better.
      return {
        x,
        fx,
        converged: gNorm < 1e-5,
        iterations: iteration,
        evaluations,
        gradientEvaluations,
        gradientNorm: gNorm,
        message:
          gNorm < 1e-5 ? 'no further decrease possible' : 'predicted decrease below rounding, gradient large',
      };
    }

    // Weak-Wolfe line search by bracketing and bisection (Armijo c1 = 1e-4, curvature c2 = 0.9).
    let lo = 0;
    let hi = Number.POSITIVE_INFINITY;
    let alpha = firstStep ? Math.min(1, 1 / Math.max(normInf(d), 1e-12)) : 1;
    let accepted: { x: number[]; fx: number; g: number[] } | null = null;
    let fallback: { x: number[]; fx: number; g: number[] } | null = null;
    for (let trial = 0; trial < 60; trial += 1) {
      const xt = x.map((xi, i) => xi + alpha * d[i]);
      const ft = fn(xt);
      if (!(ft <= fx + 1e-4 * alpha * slope)) {
        hi = alpha;
      } else {
        const gt = grad(xt);
        if (fallback === null || ft < fallback.fx) fallback = { x: xt, fx: ft, g: gt };
        if (dot(gt, d) < 0.9 * slope) {
          lo = alpha;
        } else {
          accepted = { x: xt, fx: ft, g: gt };
          break;
        }
      }
      alpha = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * alpha;
      // Stop once the step no longer moves x in double precision.
      if (Number.isFinite(hi) && (hi - lo) * normInf(d) < 1e-15 * (1 + normInf(x))) break;
    }
    // A step that decreases f but misses the curvature condition still makes progress.
    const next = accepted ?? fallback;
    if (next === null || !(next.fx < fx)) {
      // Stalled. If the quasi-Newton decrement g·H·g/2 predicted no decrease worth having, this is a minimum as
      // far as f can resolve it, even if ill-conditioning keeps the gradient above gtol; otherwise, a failure.
      const atMinimum = -slope / 2 <= decrementTolerance * (1 + Math.abs(fx)) && gNorm < 1e-5;
      return {
        x,
        fx,
        converged: atMinimum,
        iterations: iteration,
        evaluations,
        gradientEvaluations,
        gradientNorm: gNorm,
        message: atMinimum ? 'no further decrease possible' : 'line search found no decrease',
      };
    }

    const s = next.x.map((v, i) => v - x[i]);
    const y = next.g.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    x = next.x;
    fx = next.fx;
    g = next.g;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstStep) {
        const scale = sy / dot(y, y);
        H = H.map((row, i) => row.map((_, j) => (i === j ? scale : 0)));
        firstStep = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) =>
        row.map(
          (hij, j) => hij - rho * (s[i] * Hy[j] + Hy[i] * s[j]) + (rho * rho * yHy + rho) * s[i] * s[j],
        ),
      );
    }
  }
  const gNorm = normInf(g);
  return {
    x,
    fx,
    converged: gNorm < gtol,
    iterations: maxIterations,
    evaluations,
    gradientEvaluations,
    gradientNorm: gNorm,
    message: gNorm < gtol ? 'gradient below tolerance' : 'iteration limit reached',
  };
}

export function nelderMead(
  f: Objective,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): OptimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const ftol = options.functionTolerance ?? 1e-10;
  const xtol = options.pointTolerance ?? 1e-8;
  const initialStep = options.initialStep ?? 0.5;
  let evaluations = 0;
  const fn: Objective = (x) => {
    evaluations += 1;
    return finiteOrInfinity(f(x));
  };

  let simplex: Array<{ x: number[]; fx: number }> = [{ x: x0.slice(), fx: fn(x0) }];
  for (let i = 0; i < n; i += 1) {
    const v = x0.slice();
    v[i] += initialStep * Math.max(1, Math.abs(v[i]));
    simplex.push({ x: v, fx: fn(v) });
  }
  const order = () => simplex.sort((p, q) => p.fx - q.fx);

  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    order();
    const best = simplex[0];
    const worst = simplex[n];
    const spread = worst.fx - best.fx;
    const size = Math.max(...simplex.slice(1).map((v) => normInf(v.x.map((xi, i) => xi - best.x[i]))));
    if (Number.isFinite(best.fx) && spread <= ftol && size <= xtol) {
      return {
        x: best.x,
        fx: best.fx,
        converged: true,
        iterations: iteration,
        evaluations,
        gradientEvaluations: 0,
        gradientNorm: NaN,
        message: 'simplex collapsed',
      };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k += 1) for (let i = 0; i < n; i += 1) centroid[i] += simplex[k].x[i] / n;
    const along = (t: number) => centroid.map((c, i) => c + t * (worst.x[i] - c));

    const xr = along(-1);
    const fr = fn(xr);
    if (fr < best.fx) {
      const xe = along(-2);
      const fe = fn(xe);
      simplex[n] = fe < fr ? { x: xe, fx: fe } : { x: xr, fx: fr };
      continue;
    }
    if (fr < simplex[n - 1].fx) {
      simplex[n] = { x: xr, fx: fr };
      continue;
    }
    // Contract outside when the reflection beat the worst point, inside otherwise.
    const outside = fr < worst.fx;
    const xc = along(outside ? -0.5 : 0.5);
    const fc = fn(xc);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: xc, fx: fc };
      continue;
    }
    simplex = simplex.map((v, k) => {
      if (k === 0) return v;
      const xs = v.x.map((xi, i) => best.x[i] + 0.5 * (xi - best.x[i]));
      return { x: xs, fx: fn(xs) };
    });
  }
  order();
  return {
    x: simplex[0].x,
    fx: simplex[0].fx,
    converged: false,
    iterations: maxIterations,
    evaluations,
    gradientEvaluations: 0,
    gradientNorm: NaN,
    message: 'iteration limit reached',
  };
}

/**
 * BFGS first; when it stalls, Nelder–Mead from the best point so far, then BFGS again to polish and to certify
 * convergence by the gradient. Iterations and evaluations add up over the stages.
 */
export function minimize(
  f: Objective,
  x0: readonly number[],
  options: BfgsOptions & { nelderMead?: NelderMeadOptions } = {},
): OptimizeResult {
  const first = bfgs(f, x0, options);
  if (first.converged) return first;
  const rescue = nelderMead(f, first.x, options.nelderMead);
  const start = rescue.fx <= first.fx ? rescue.x : first.x;
  const polish = bfgs(f, start, options);
  return {
    ...polish,
    iterations: first.iterations + rescue.iterations + polish.iterations,
    evaluations: first.evaluations + rescue.evaluations + polish.evaluations,
    gradientEvaluations: first.gradientEvaluations + polish.gradientEvaluations,
    message: `${polish.message} (after Nelder–Mead rescue: ${first.message})`,
  };
}
