// The only Portalis-specific line is the plugin: `.py` imports become
// WebAssembly modules (inlined in dev, emitted as a hashed .wasm asset on build).
import { defineConfig } from 'vite';
import Portalis from 'unplugin-portalis/vite';

export default defineConfig({
  plugins: [Portalis()],
});
