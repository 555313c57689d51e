/** Branded units, so that values of different units cannot be mixed by accident. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Degrees = Brand<number, 'Degrees'>;
export type Seconds = Brand<number, 'Seconds'>;

export const deg = (n: number) => n as Degrees;
export const sec = (n: number) => n as Seconds;
