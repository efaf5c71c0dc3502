// Loads the web app's files as ES modules. The browser knows them as modules from the <script
// type="module"> that starts them; node would take a .js file outside a "type": "module" package
// for CommonJS, and the app has no package.json to say otherwise (nothing in it is for node).
// Started with `node --import ./support/app-modules.mjs --test`, which passes it to every test file.
import {register} from 'node:module';

register('./app-modules-hooks.mjs', import.meta.url);
