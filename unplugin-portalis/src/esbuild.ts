/**
 * unplugin-portalis for esbuild: `import Portalis from 'unplugin-portalis/esbuild'`,
 * then in `build({ plugins: [Portalis()] })`.
 */
import { unplugin } from './index.js';

export default unplugin.esbuild;
