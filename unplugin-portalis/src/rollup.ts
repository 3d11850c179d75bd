/**
 * unplugin-portalis for Rollup: `import Portalis from 'unplugin-portalis/rollup'`,
 * then in rollup.config.js: `plugins: [Portalis()]`.
 */
import { unplugin } from './index.js';

export default unplugin.rollup;
