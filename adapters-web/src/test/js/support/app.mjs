// Where the app's modules are, for the tests that walk them.
import {fileURLToPath} from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../../../main/resources/public/app/', import.meta.url));
