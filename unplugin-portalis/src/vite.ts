/**
 * unplugin-portalis for Vite: `import Portalis from 'unplugin-portalis/vite'`,
 * then in vite.config.ts: `plugins: [Portalis()]`.
 */
import { unplugin } from './index.js';

export default unplugin.vite;
