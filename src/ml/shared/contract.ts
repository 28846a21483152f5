/**
 * What a model's trainer (in the worker) and its widget (on the page) agree on, without tfjs: the model's id,
 * its parameter table, the names of the values in each step's trace and the type of the info it sends once.
 * Both sides import the same object, so a renamed trace value or info field is a compile error on both.
 */
import type { ParamSpec, ParamsOf } from '../../state/params';

export interface ModelContract<
  Id extends string = string,
  Info = unknown,
  Trace extends readonly string[] = readonly string[],
  Specs extends readonly ParamSpec[] = readonly ParamSpec[],
> {
  readonly id: Id;
  /** The parameter table, declared `as const` so that `ContractParams` types each value. */
  readonly params: Specs;
  /**
   * The names of the first values after the loss in each step's record (a model may append more whose number
   * depends on its parameters, such as one weight per feature).
   */
  readonly trace: Trace;
  /** Never set: it carries the type of the model's info to `useTrainer`. */
  readonly infoType?: Info;
}

/** `defineContract<Info>()({ id, params, trace })`: the info type is named, the id, table and trace names inferred. */
export function defineContract<Info>() {
  return <const Id extends string, const Trace extends readonly string[], const Specs extends readonly ParamSpec[]>(contract: {
    id: Id;
    params: Specs;
    trace: Trace;
  }): ModelContract<Id, Info, Trace, Specs> => contract;
}

export type InfoOf<C> = C extends ModelContract<string, infer Info, readonly string[], readonly ParamSpec[]> ? Info : never;

/** The contract's parameter values, typed by its table: `ContractParams<typeof LINEAR_REGRESSION>['lr']` is a number. */
export type ContractParams<C extends ModelContract> = ParamsOf<C['params']>;

/** Where a named value sits in a step's trace record. */
export function traceIndex<Trace extends readonly string[]>(contract: { trace: Trace }, name: Trace[number]): number {
  return contract.trace.indexOf(name);
}

/** A plain, structured-clonable description of a model's fixed state (data, reference answers, grids). */
export type ModelInfo = object;

/**
 * Data the page gives a model with init and reset, when it is not generated in the worker: the learner's own
 * points as numbers, or a data set loaded by the page as bytes (MNIST's digits). Its layout is the model's.
 */
export type ModelData = number[] | Uint8Array;
