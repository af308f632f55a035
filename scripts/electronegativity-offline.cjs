// Electronegativity fetches its translations and Electron's release list from the web at
// start; builds run offline, so its HTTP client answers "offline" at once instead of
// retrying into a crash. The release-list check is excluded by the caller.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline'));
    return Object.assign(offline, { default: offline, get: offline });
  }
  return load.call(this, request, ...rest);
};
