// The loader hook behind app-modules.mjs: every .js file under the app's public folder is a module.
const APP = '/src/main/resources/public/';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.includes(APP) && url.endsWith('.js')) {
    return nextLoad(url, {...context, format: 'module'});
  }
  return nextLoad(url, context);
}
