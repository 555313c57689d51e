/**
 * Branded units for the body model, so a length is never passed where an angle belongs (and back).
 * A brand costs nothing at run time: it is a plain number the type checker keeps apart.
 */

declare const unit: unique symbol;

/** An angle in degrees. */
export type Degrees = number & { readonly [unit]: 'degrees' };
/** A length in figure units: a standing figure is about 100 figure units tall. */
export type FigureUnits = number & { readonly [unit]: 'figure units' };

export const degrees = (n: number): Degrees => n as Degrees;
export const figureUnits = (n: number): FigureUnits => n as FigureUnits;

const RADIANS_PER_DEGREE = Math.PI / 180;
export const radians = (d: Degrees): number => d * RADIANS_PER_DEGREE;
