import { request } from './client';
import type { components } from './schema.gen';

/** `GET/PUT /api/me/preferences`: the signed-in person's theme and language, the same on every browser. */
export type Preferences = components['schemas']['Preferences'];
export type ThemeChoice = components['schemas']['Theme'];
/** A partial change: a field left out keeps its value; `language: null` means the browser's. */
export type PreferencesPatch = Partial<Preferences>;

export const getPreferences = () => request<Preferences>('GET', '/me/preferences');

export const putPreferences = (patch: PreferencesPatch) => request<Preferences>('PUT', '/me/preferences', patch);
