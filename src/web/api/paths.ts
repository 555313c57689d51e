import type { RouteName } from '../../contract';
import { ENDPOINTS } from './endpoints';

/** The path of an endpoint with its `:params` filled in (encoded). */
export function apiPath(name: RouteName, params: Record<string, string> = {}): string {
  return ENDPOINTS[name].path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${name}`);
    return encodeURIComponent(value);
  });
}
