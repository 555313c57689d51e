import { applyAppearance, readAppearance } from './appearance';

// Imported first by main.tsx, so the chosen theme and text size are on <html> before the app's first render.
applyAppearance(readAppearance());
