/**
 * Controlled values of the attributes ED data and local extracts record: the weapon of an
 * assault, and the setting it happened in.
 */
export const WEAPONS = ['knife/sharp', 'blunt', 'body', 'glass/bottle', 'firearm', 'other', 'unknown'] as const;
export const SETTINGS = ['street', 'licensed premises', 'home', 'school', 'prison', 'other', 'unknown'] as const;
export type Weapon = (typeof WEAPONS)[number];
export type Setting = (typeof SETTINGS)[number];
