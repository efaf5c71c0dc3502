// The app shell: the log-out button, the way back to the login screen, and the router's start.
import {navigate, startRouter} from './router.js';
import {signOut} from './session.js';
import {toast} from './ui.js';
import {startPwa} from './pwa.js';

document.getElementById('logout').addEventListener('click', () => {
  signOut();
  toast('로그아웃했어요.');
  navigate('/login');
});

window.addEventListener('stupy:signed-out', (event) => {
  toast(event.detail, 'error');
  navigate('/login');
});
startRouter();
startPwa();
