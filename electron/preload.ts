// Runs in the sandboxed page before its scripts: exposes `window.vigie` and nothing else (never ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('vigie', buildPreloadApi(ipcRenderer));
