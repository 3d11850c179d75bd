/**
 * unplugin-portalis for Rspack: `import Portalis from 'unplugin-portalis/rspack'`,
 * then in rspack.config.js: `plugins: [Portalis()]`.
 */
import { unplugin } from './index.js';

export default unplugin.rspack;
