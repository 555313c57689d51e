/** The colour scheme in force (chosen in Settings, or the system's), followed live. Lives with the appearance settings. */
export { useColorScheme } from '../appearance/appearance';
