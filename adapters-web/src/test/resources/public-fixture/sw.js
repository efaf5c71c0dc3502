// A fixture worker: the server fills in the shell's version and files.
const SHELL = {version: '@@SHELL_VERSION@@', files: [/*@@SHELL_FILES@@*/]};
self.addEventListener('install', () => {});
