// Where the login token lives: localStorage when the user asked to stay logged in, else
// sessionStorage (gone with the tab). Never in a URL after it has been read.

const KEY = 'stupy.token';

export function token() {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

export function signIn(newToken, remember = true) {
  signOut();
  (remember ? localStorage : sessionStorage).setItem(KEY, newToken);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export const signedIn = () => token() !== null;
