/**
 * The preload exposes one function to the page: `invoke(route, input)` for the API
 * contract's routes. No raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';

const INVOKE_CHANNEL = 'balise:invoke';

contextBridge.exposeInMainWorld('api', {
  invoke: (route: string, input: unknown): Promise<unknown> => {
    if (typeof route !== 'string') return Promise.reject(new TypeError('route must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, route, input);
  },
});
