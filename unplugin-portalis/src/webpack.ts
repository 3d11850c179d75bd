/**
 * unplugin-portalis for webpack: `import Portalis from 'unplugin-portalis/webpack'`,
 * then in webpack.config.js: `plugins: [Portalis()]`.
 */
import { unplugin } from './index.js';

export default unplugin.webpack;
