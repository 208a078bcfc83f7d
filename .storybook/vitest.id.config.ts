/** Every story as a test again, in Indonesian and the dark theme (see vitest.config.ts). */
import { storybookProject } from './vitest.config.js';

export default storybookProject('storybook-id', { locale: 'id', theme: 'dark' });
